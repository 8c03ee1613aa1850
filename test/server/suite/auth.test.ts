import * as assert from 'node:assert/strict';
import { DEFAULT_TOKEN } from '../scenario';
import { get, REPO_PATH, useTestServer } from './support';

suite('tokens and rate limits', () => {
  const context = useTestServer();

  setup(() => context.server.state.reset());

  test('a wrong token answers 401 Bad credentials on any route', async () => {
    const answer = await get(context.server, REPO_PATH, { token: 'ghp_wrong' });

    assert.equal(answer.status, 401);

    assert.deepEqual(answer.json, {
      message: 'Bad credentials',
      documentation_url: 'https://docs.github.com/rest',
      status: '401',
    });
  });

  test('Bearer works as well as token', async () => {
    const answer = await get(context.server, '/user', {
      token: null,
      headers: { authorization: `Bearer ${DEFAULT_TOKEN}` },
    });

    assert.equal(answer.status, 200);

    assert.equal((answer.json as { login: string }).login, 'octo-tester');
  });

  test('GET /user without a token answers 401 Requires authentication', async () => {
    const answer = await get(context.server, '/user', { token: null });

    assert.equal(answer.status, 401);

    assert.equal((answer.json as { message: string }).message, 'Requires authentication');
  });

  test('a public repository answers without a token, on the 60-request budget', async () => {
    const answer = await get(context.server, `${REPO_PATH}/actions/runs`, { token: null });

    assert.equal(answer.status, 200);

    assert.equal(answer.headers.get('x-ratelimit-limit'), '60');

    assert.equal(answer.headers.get('x-oauth-scopes'), null);
  });

  test('a private repository answers 404 Not Found without a token', async () => {
    context.server.state.scenario.repository.private = true;

    const anonymous = await get(context.server, `${REPO_PATH}/actions/runs`, { token: null });

    const signedIn = await get(context.server, `${REPO_PATH}/actions/runs`);

    assert.equal(anonymous.status, 404);

    assert.equal((anonymous.json as { message: string }).message, 'Not Found');

    assert.equal(signedIn.status, 200);
  });

  test('another repository is 404, whatever the token', async () => {
    assert.equal((await get(context.server, '/repos/WordPress/gutenberg/actions/runs')).status, 404);

    assert.equal((await get(context.server, '/repos/wordpress/OPENVERSE')).status, 200);
  });

  test('an unknown route is a JSON 404', async () => {
    const answer = await get(context.server, `${REPO_PATH}/pulls`);

    assert.equal(answer.status, 404);

    assert.match(answer.headers.get('content-type') ?? '', /^application\/json/);
  });

  test('every answer carries the rate-limit, request id and scope headers', async () => {
    const answer = await get(context.server, REPO_PATH);

    assert.equal(answer.headers.get('x-ratelimit-limit'), '5000');

    assert.equal(answer.headers.get('x-ratelimit-remaining'), '4999');

    assert.equal(answer.headers.get('x-ratelimit-used'), '1');

    assert.equal(answer.headers.get('x-ratelimit-resource'), 'core');

    assert.ok(Number(answer.headers.get('x-ratelimit-reset')) > Date.now() / 1000);

    assert.ok(answer.headers.get('x-github-request-id'));

    assert.equal(answer.headers.get('x-oauth-scopes'), 'repo, read:packages, workflow');

    assert.equal(answer.headers.get('content-type'), 'application/json; charset=utf-8');
  });

  test('each token has its own budget', async () => {
    context.server.state.addToken({ value: 'ghp_second', login: 'someone-else', scopes: ['repo'] });

    await get(context.server, REPO_PATH);

    const second = await get(context.server, REPO_PATH, { token: 'ghp_second' });

    assert.equal(second.headers.get('x-ratelimit-remaining'), '4999');

    assert.equal(second.headers.get('x-oauth-scopes'), 'repo');
  });

  test('a spent budget answers 403 with remaining 0', async () => {
    context.server.state.setRateLimit({ kind: 'valid', token: context.server.state.scenario.tokens[0] }, 0);

    const answer = await get(context.server, REPO_PATH);

    assert.equal(answer.status, 403);

    assert.equal(answer.headers.get('x-ratelimit-remaining'), '0');

    assert.match((answer.json as { message: string }).message, /^API rate limit exceeded/);
  });

  test('the log says whether a token was sent and valid, and never holds the token', async () => {
    await get(context.server, REPO_PATH);

    await get(context.server, REPO_PATH, { token: 'ghp_wrong' });

    await get(context.server, REPO_PATH, { token: null });

    assert.deepEqual(
      context.server.requests.map((entry) => [entry.token, entry.login]),
      [
        ['valid', 'octo-tester'],
        ['invalid', null],
        ['none', null],
      ],
    );

    assert.doesNotMatch(JSON.stringify(context.server.requests), /ghp_/);
  });
});
