/**
 * Staying fresh at almost no cost, in a real VS Code against the test server: conditional requests,
 * following a running run without a manual refresh, secondary rate limits, and refreshes that
 * overlap a branch switch.
 */
import * as assert from 'node:assert/strict';

import * as vscode from 'vscode';

import type { ViewState } from '../../../src/commits/viewState';
import { extensionApi, refreshAndWait, rows, viewMessage, waitFor, type Row } from './support/extension';
import { clearFaults, clearRequestLog, injectFault, requestLog } from './support/faults';
import { scratchRepository } from './support/git';
import { control } from './support/testServer';

async function commitRows(): Promise<Row[]> {
  return (await rows()).filter((row) => row.node.type === 'commit');
}

suite('Freshness', function () {
  this.timeout(90_000);

  teardown(async () => {
    await clearFaults();
    await control('latency', { ms: 0 });
    const repository = await scratchRepository();
    if (repository.state.HEAD?.name !== 'main') {
      await repository.checkout('main');
    }
    await refreshAndWait();
  });

  test('a second refresh with nothing changed sends only conditional requests, all answered 304', async () => {
    await refreshAndWait();
    await clearRequestLog();

    await refreshAndWait();
    const requests = await requestLog();

    assert.ok(requests.length > 0);
    assert.deepEqual(
      requests.map((request) => [request.path.split('?')[0], request.status, !!request.ifNoneMatch]),
      requests.map((request) => [request.path.split('?')[0], 304, true]),
    );
  });

  test('a running run is followed to completion without a manual refresh', async () => {
    await vscode.commands.executeCommand('workbench.view.extension.imagePublisher');
    const shown = await waitFor(
      commitRows,
      (list) => list[0]?.description.endsWith('· running'),
      'the running head',
    );
    const head = shown[0].node;
    assert.ok(head.type === 'commit' && head.status.ci?.run);

    await control('runs', { id: head.status.ci.run.id, status: 'completed', conclusion: 'success' });

    const after = await waitFor(
      commitRows,
      (list) => list[0].description.includes('· passed'),
      'the head to pass',
      40_000,
    );
    assert.match(after[0].description, /^[0-9a-f]{7} · passed/);
    await control('runs', { id: head.status.ci.run.id, status: 'in_progress' });
  });

  test('a secondary rate limit pauses the calls for retry-after, then recovers without an error', async () => {
    const IN_FLIGHT_MS = 250;
    await clearRequestLog();
    await injectFault({
      path: '^/api/v3/repos/[^/]+/[^/]+/actions/',
      status: 403,
      body: {
        message: 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.',
      },
      headers: { 'retry-after': '3', 'x-ratelimit-remaining': '4000' },
      times: 1,
    });

    await vscode.commands.executeCommand('imagePublisher.refresh');
    await (await extensionApi()).model.whenIdle();
    const requests = await requestLog();
    const limited = requests.find((request) => request.status === 403);
    assert.ok(limited, 'the fault was hit');

    // Requests already on their way when the 403 came back are not held (the client needs a moment
    // to read it); every later one waits out retry-after.
    const answeredAt = Date.parse(limited.at) + limited.ms;
    const later = requests.filter((request) => Date.parse(request.at) > answeredAt + IN_FLIGHT_MS);
    assert.equal(await viewMessage(), undefined, 'no error is shown: the refresh recovered');
    assert.ok(later.length > 0, 'calls went on after the pause');
    for (const request of later) {
      const waited = Date.parse(request.at) - answeredAt;
      assert.ok(waited >= 2_500, `${request.path} went out ${waited} ms after the 403`);
    }
    assert.ok((await commitRows())[2].description.includes('passed'));
  });

  test('a refresh started on one branch never paints its results after a switch to another', async () => {
    const api = await extensionApi();
    const repository = await scratchRepository();
    const painted: ViewState[] = [];
    const subscription = api.model.onDidChange((state) => painted.push(state));

    try {
      await control('latency', { ms: 1200 });
      void vscode.commands.executeCommand('imagePublisher.refresh');
      await new Promise((resolve) => setTimeout(resolve, 300));
      await repository.checkout('feature/login');

      await waitFor(
        async () => api.model.state,
        (state) => state.kind === 'commits' && state.headLabel === 'feature/login' && !state.stale,
        'the feature branch fully loaded',
        40_000,
      );
      await api.model.whenIdle();
    } finally {
      subscription.dispose();
    }

    const firstFeature = painted.findIndex(
      (state) => state.kind === 'commits' && state.headLabel === 'feature/login',
    );
    const mainAfter = painted
      .slice(firstFeature)
      .filter((state) => state.kind === 'commits' && state.headLabel === 'main');
    assert.ok(firstFeature >= 0);
    assert.deepEqual(mainAfter, [], 'no state of main was painted after the switch');
  });
});
