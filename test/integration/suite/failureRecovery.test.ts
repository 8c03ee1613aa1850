/**
 * Failures of a refresh in a real VS Code, one row per failure (support/refreshFailures.ts): with
 * the tree showing good CI state, a fault that holds until cleared hits the refresh's requests. The
 * view says what is wrong and what to do, the commit rows keep the last good CI state, marked stale;
 * once the fault is gone, the next refresh clears the message and the mark.
 */
import * as assert from 'node:assert/strict';

import * as vscode from 'vscode';

import type { ImagePublisherApi } from '../../../src/extension';
import type { ViewState } from '../../../src/commits/viewState';
import { extensionApi, refreshAndWait, toRow, waitFor } from './support/extension';
import { clearFaults, clearRequestLog, injectFault, requestLog } from './support/faults';
import { REFRESH_FAILURES, whereOf, type RefreshFailure } from './support/refreshFailures';

interface ShownRow {
  readonly label: string;
  readonly description: string;
  readonly icon: string;
  readonly contextValue: string;
}

/** What the view shows at one moment between refreshes. */
interface View {
  readonly state: ViewState;
  readonly message: string | undefined;
  readonly rows: readonly ShownRow[];
}

const MAIN_COMMITS = 12;

/** Read in one go once no refresh runs, so that no refresh can paint in between. */
async function shownView(api: ImagePublisherApi): Promise<View> {
  await api.model.whenIdle();

  const rows = api.commitsTree
    .getChildren()
    .filter((node) => node.type === 'commit')
    .map((node) => toRow(api, node))
    .map(({ label, description, icon, contextValue }) => ({ label, description, icon, contextValue }));

  return { state: api.model.state, message: api.commitsTree.treeView.message, rows };
}

function isGood(view: View): boolean {
  return (
    view.state.kind === 'commits' &&
    view.state.headLabel === 'main' &&
    !view.state.stale &&
    view.message === undefined &&
    view.rows.length === MAIN_COMMITS &&
    view.rows[2].description.includes('· passed')
  );
}

async function goodView(api: ImagePublisherApi): Promise<View> {
  await refreshAndWait();
  return waitFor(() => shownView(api), isGood, 'the good CI state of main', 30_000);
}

async function applySettings(settings: Readonly<Record<string, unknown>>): Promise<void> {
  const configuration = vscode.workspace.getConfiguration('imagePublisher');
  for (const [key, value] of Object.entries(settings)) {
    await configuration.update(key, value, vscode.ConfigurationTarget.Global);
  }
}

/** The statuses the faulted route answered during one refresh, in order. */
async function answersOf(row: RefreshFailure): Promise<Array<number | null>> {
  const route = new RegExp(row.route);
  return (await requestLog()).filter((request) => route.test(request.path)).map((request) => request.status);
}

function assertStale(failed: View, good: View, row: RefreshFailure): void {
  const where = whereOf();
  const message = failed.message ?? '';

  assert.ok(row.says && row.todo);
  assert.match(message, row.says(where), 'says what is wrong');
  assert.match(message, row.todo, 'says what to do');
  assert.equal(failed.state.kind === 'commits' ? failed.state.message : undefined, message);
  assert.equal(failed.state.kind === 'commits' && failed.state.stale, true, 'the CI state is marked stale');
  assert.deepEqual(failed.rows, good.rows, 'the rows keep the last good CI state');
}

function assertFresh(view: View, good: View): void {
  assert.equal(view.message, undefined);
  assert.equal(view.state.kind === 'commits' && view.state.stale, false, 'the CI state is fresh');
  assert.deepEqual(view.rows, good.rows);
}

suite('Failure recovery', function () {
  this.timeout(60_000);

  const settingKeys = new Set(REFRESH_FAILURES.flatMap((row) => Object.keys(row.settings ?? {})));

  teardown(async () => {
    await clearFaults();
    await applySettings(Object.fromEntries([...settingKeys].map((key) => [key, undefined])));
    await refreshAndWait();
  });

  for (const row of REFRESH_FAILURES) {
    const outcome = row.says
      ? 'the view says what is wrong and what to do, keeps the last good state marked stale'
      : 'the view shows the same state, fresh, without a message';

    test(`${row.name}: ${outcome}; the next refresh recovers`, async () => {
      const api = await extensionApi();
      await applySettings(row.settings ?? {});
      const good = await goodView(api);

      for (const fault of await row.faults()) {
        await injectFault(fault);
      }
      await clearRequestLog();
      await refreshAndWait();
      const failed = await shownView(api);
      const answers = await answersOf(row);

      assert.ok(answers.length > 0, `the refresh never asked ${row.route}`);
      if (row.attempts !== undefined) {
        assert.equal(answers.length, row.attempts, `asked ${answers.length} times, not ${row.attempts}`);
      }
      assert.deepEqual(
        answers.slice(0, row.attempts ?? 1),
        Array.from({ length: row.attempts ?? 1 }, () => row.answeredWith),
        `the faulted route answered ${JSON.stringify(answers)}`,
      );
      if (row.says) {
        assertStale(failed, good, row);
      } else {
        assertFresh(failed, good);
      }

      await clearFaults();
      await refreshAndWait();
      assertFresh(await shownView(api), good);
    });
  }
});
