/**
 * GitHub's bad days during a refresh and during a publish, in a real VS Code: bursts of 5xx,
 * dropped connections, latency and a secondary rate limit. The tree recovers, and exactly one
 * dispatch is sent where one was confirmed.
 */
import * as assert from 'node:assert/strict';

import * as vscode from 'vscode';

import { repositoryKey } from '../../../src/publish/repositoryKey';
import { extensionApi, refreshAndWait, rows, viewMessage, waitFor, type Row } from './support/extension';
import { clearFaults, clearRequestLog, injectFault, requestLog, RUNS_LIST_ROUTE } from './support/faults';
import { ScriptedPrompter } from './support/scriptedPrompter';
import { control } from './support/testServer';

async function commitRows(): Promise<Row[]> {
  return (await rows()).filter((row) => row.node.type === 'commit');
}

suite('Faults', function () {
  this.timeout(90_000);

  setup(async () => {
    await control('dispatches/clear', {});
    await control('dispatch-timing', { stepMs: 800, conclusion: 'success' });
    await clearRequestLog();
  });

  teardown(async () => {
    (await extensionApi()).usePrompter(undefined);
    await clearFaults();
    await control('latency', { ms: 0 });
    await refreshAndWait();
  });

  test('a burst of 502 and 503 on the runs list is retried with backoff, a bounded number of times, and the tree recovers', async () => {
    await injectFault({
      method: 'GET',
      path: RUNS_LIST_ROUTE,
      preset: 'bad-gateway',
      times: 1,
    });
    await injectFault({
      method: 'GET',
      path: RUNS_LIST_ROUTE,
      preset: 'service-unavailable',
      times: 1,
    });

    await refreshAndWait();
    const runs = (await requestLog()).filter((request) => new RegExp(RUNS_LIST_ROUTE).test(request.path));

    assert.equal(await viewMessage(), undefined);
    assert.deepEqual(
      runs.slice(0, 2).map((request) => request.status),
      [502, 503],
    );
    assert.ok([200, 304].includes(runs[2]?.status ?? 0), `the third try answered ${runs[2]?.status}`);
    assert.ok(
      runs.slice(3).every((request) => request.status === 200 || request.status === 304),
      'no further errors, no retry storm',
    );
    assert.ok((await commitRows())[2].description.includes('passed'));
  });

  test('a dropped connection and 1.5 s of latency during a publish: one dispatch, followed to success', async () => {
    const api = await extensionApi();
    api.usePrompter(new ScriptedPrompter({ services: ['ingestion_server'], confirm: 'publish' }));
    const shown = await waitFor(commitRows, (list) => list[7]?.description.includes('passed'), 'CI state');
    const sha = shown[7].node.type === 'commit' ? shown[7].node.status.commit.sha : '';

    await control('latency', { ms: 1500 });
    await injectFault({ method: 'GET', path: '/actions/runs/\\d+$', action: 'drop', times: 1 });
    await injectFault({ method: 'GET', path: '/actions/runs/\\d+$', preset: 'server-error', times: 1 });
    await vscode.commands.executeCommand('imagePublisher.publish', shown[7].node);

    const state = api.model.state;
    assert.ok(state.kind === 'commits' && state.github);
    const key = repositoryKey(state.github);
    await waitFor(
      async () =>
        api.publishes.latest(key, sha).find((record) => record.service === 'ingestion_server')?.phase,
      (phase) => phase === 'succeeded',
      'the publish to be followed to success through the faults',
      60_000,
    );

    const sent = (await control<{ dispatches: Array<{ inputs: Record<string, string> }> }>('dispatches'))
      .dispatches;
    assert.equal(sent.length, 1);
    assert.deepEqual(sent[0].inputs, { image: 'ingestion_server', commit: sha });
  });

  test('a secondary rate limit on the dispatch is shown, and nothing is sent again', async () => {
    const api = await extensionApi();
    const prompter = new ScriptedPrompter({ services: ['api'], confirm: 'publish' });
    api.usePrompter(prompter);
    const shown = await waitFor(commitRows, (list) => list[8]?.description.includes('passed'), 'CI state');

    // A short retry-after: the extension pauses every call that long, and later suites should not wait.
    await injectFault({
      method: 'POST',
      path: '/dispatches$',
      status: 403,
      body: {
        message: 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.',
      },
      headers: { 'retry-after': '2', 'x-ratelimit-remaining': '4000' },
      times: 1,
    });
    await vscode.commands.executeCommand('imagePublisher.publish', shown[8].node);

    const posts = (await requestLog()).filter((request) => request.method === 'POST');
    assert.equal(posts.length, 1, 'the dispatch was sent once, not repeated');
    assert.deepEqual((await control<{ dispatches: unknown[] }>('dispatches')).dispatches, []);
    assert.match(prompter.notices.map((notice) => notice.message).join('\n'), /secondary rate limit/);
  });
});
