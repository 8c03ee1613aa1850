import * as assert from 'node:assert/strict';
import { get, REPO_PATH, useTestServer } from './support';

suite('ETag and If-None-Match', () => {
  const context = useTestServer();

  const runsPath = `${REPO_PATH}/actions/runs?branch=main`;

  const remaining = (headers: Headers) => Number(headers.get('x-ratelimit-remaining'));

  setup(() => context.server.state.reset());

  test('every 200 GET carries a weak ETag', async () => {
    for (const path of ['/user', REPO_PATH, runsPath, `${REPO_PATH}/actions/artifacts`]) {
      assert.match((await get(context.server, path)).headers.get('etag') ?? '', /^W\/"[0-9a-f]{32}"$/, path);
    }
  });

  test('a matching If-None-Match answers 304 without a body and without spending rate limit', async () => {
    const first = await get(context.server, runsPath);

    const second = await get(context.server, runsPath, {
      headers: { 'if-none-match': first.headers.get('etag') ?? '' },
    });

    assert.equal(second.status, 304);

    assert.equal(second.text, '');

    assert.equal(remaining(second.headers), remaining(first.headers));

    assert.equal(second.headers.get('etag'), first.headers.get('etag'));
  });

  test('a stale ETag answers 200 and spends one', async () => {
    const first = await get(context.server, runsPath);

    const second = await get(context.server, runsPath, { headers: { 'if-none-match': 'W/"0123"' } });

    assert.equal(second.status, 200);

    assert.equal(remaining(second.headers), remaining(first.headers) - 1);
  });

  test('the ETag changes when the data changes', async () => {
    const before = await get(context.server, runsPath);

    const running = context.server.state.scenario.runs.find((run) => run.status === 'in_progress');

    context.server.state.changeRun({ id: running?.id, status: 'completed', conclusion: 'success' });

    const after = await get(context.server, runsPath, {
      headers: { 'if-none-match': before.headers.get('etag') ?? '' },
    });

    assert.equal(after.status, 200);

    assert.notEqual(after.headers.get('etag'), before.headers.get('etag'));
  });

  test('the request log records the If-None-Match sent', async () => {
    await get(context.server, runsPath, { headers: { 'if-none-match': 'W/"abc"' } });

    assert.equal(context.server.requests.at(-1)?.ifNoneMatch, 'W/"abc"');
  });
});
