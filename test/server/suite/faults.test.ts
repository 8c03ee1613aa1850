import * as assert from 'node:assert/strict';
import { buildScenario } from '../scenario';
import { startTestServer } from '../testServer';
import { get, REPO_PATH, sampleCommits, useTestServer } from './support';

suite('fault and latency injection', () => {
  const context = useTestServer();

  const runsPath = `${REPO_PATH}/actions/runs`;

  setup(() => context.server.state.reset());

  test('a fault answers its status and body as many times as told, then the route answers again', async () => {
    context.server.state.faults.add({
      path: '/actions/runs',
      status: 502,
      body: { message: 'Bad Gateway' },
      times: 2,
    });

    const statuses = [];

    for (let attempt = 0; attempt < 3; attempt++) {
      statuses.push((await get(context.server, runsPath)).status);
    }

    assert.deepEqual(statuses, [502, 502, 200]);
  });

  test('a fault matches on method and on the path with its query', async () => {
    context.server.state.faults.add({ method: 'POST', path: '.*', status: 500 });

    context.server.state.faults.add({ path: 'branch=main', status: 503 });

    assert.equal((await get(context.server, `${runsPath}?branch=other`)).status, 200);

    assert.equal((await get(context.server, `${runsPath}?branch=main`)).status, 503);
  });

  test('the secondary-rate-limit preset answers 403 with retry-after while budget remains', async () => {
    context.server.state.faults.add({ path: '/actions/', preset: 'secondary-rate-limit', times: 1 });

    const answer = await get(context.server, runsPath);

    assert.equal(answer.status, 403);

    assert.equal(answer.headers.get('retry-after'), '60');

    assert.ok(Number(answer.headers.get('x-ratelimit-remaining')) > 4000);

    assert.match((answer.json as { message: string }).message, /secondary rate limit/);
  });

  test('the not-json preset answers an HTML page with status 200', async () => {
    context.server.state.faults.add({ path: '/actions/', preset: 'not-json' });

    const answer = await get(context.server, runsPath);

    assert.equal(answer.status, 200);

    assert.match(answer.headers.get('content-type') ?? '', /^text\/html/);

    assert.equal(answer.json, undefined);
  });

  test('a dropped connection fails the request', async () => {
    context.server.state.faults.add({ path: '/actions/', action: 'drop', times: 1 });

    await assert.rejects(get(context.server, runsPath), TypeError);

    assert.equal(context.server.requests.at(-1)?.fault, 'drop');

    assert.equal(context.server.requests.at(-1)?.status, null);
  });

  test('a hanging request never answers', async () => {
    context.server.state.faults.add({ path: '/actions/', action: 'hang', times: 1 });

    const request = fetch(`${context.server.apiUrl}${runsPath}`, { signal: AbortSignal.timeout(150) });

    await assert.rejects(request, /TimeoutError|aborted/);
  });

  test('closing the server ends hanging connections', async () => {
    const server = await startTestServer({
      scenario: buildScenario({
        owner: 'o',
        repo: 'r',
        defaultBranch: 'main',
        branches: { main: sampleCommits(2) },
      }),
    });

    server.state.faults.add({ path: '.*', action: 'hang' });

    const request = fetch(`${server.apiUrl}/repos/o/r`);

    await new Promise((resolve) => setTimeout(resolve, 50));

    await server.close();

    await assert.rejects(request, TypeError);
  });

  test('a delay fault slows the request and then answers normally', async () => {
    context.server.state.faults.add({ path: '/actions/', delayMs: 120, times: 1 });

    const started = performance.now();

    const answer = await get(context.server, runsPath);

    assert.equal(answer.status, 200);

    assert.ok(performance.now() - started >= 110);
  });

  test('an unknown preset or a bad regular expression is refused', () => {
    assert.throws(
      () => context.server.state.faults.add({ path: 'x', preset: 'meltdown' as 'not-json' }),
      /preset/,
    );

    assert.throws(() => context.server.state.faults.add({ path: '(' }));
  });

  test('global latency delays every API request', async () => {
    context.server.state.latencyMs = 80;

    const started = performance.now();

    await get(context.server, REPO_PATH);

    assert.ok(performance.now() - started >= 75);

    assert.ok((context.server.requests.at(-1)?.ms ?? 0) >= 75);
  });

  test('latency can be set when the server starts', async () => {
    const server = await startTestServer({
      scenario: buildScenario({
        owner: 'o',
        repo: 'r',
        defaultBranch: 'main',
        branches: { main: sampleCommits(2) },
      }),
      latencyMs: 60,
    });

    const started = performance.now();

    await fetch(`${server.apiUrl}/repos/o/r`);

    const elapsed = performance.now() - started;

    await server.close();

    assert.ok(elapsed >= 55, `took ${elapsed} ms`);
  });
});
