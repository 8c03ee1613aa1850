import * as assert from 'node:assert/strict';

import { createGuardedFetch, REFUSED_STATUS } from '../../src/github/guardedFetch';

/** A refusal is answered locally: the final status Octokit does not retry, naming the host. */
function assertRefused(response: Response, host: string): void {
  assert.equal(response.status, REFUSED_STATUS);
  assert.equal(response.headers.get('x-image-publisher-refused'), 'foreign-host');
  assert.ok(!response.url || !response.url.includes(host));
}
import { recordingLog } from './builders/recordingLog';

function fakeFetch(responses: Array<(url: string) => Response>, seen: string[]): typeof fetch {
  return (async (input: string | URL | Request) => {
    const url = String(input);
    seen.push(url);
    const next = responses.shift();
    assert.ok(next, `unexpected request to ${url}`);
    return next(url);
  }) as typeof fetch;
}

/** A fetch that never answers, and gives up only when its signal aborts. */
const hangingFetch = ((_input: unknown, init?: RequestInit) =>
  new Promise((_resolve, reject) => {
    init?.signal?.addEventListener('abort', () => reject(init.signal?.reason));
  })) as typeof fetch;

suite('guardedFetch', () => {
  const origin = 'https://api.github.com';

  test('refuses a URL on another host before sending anything', async () => {
    const seen: string[] = [];
    const guarded = createGuardedFetch({
      allowedOrigin: origin,
      timeoutMs: 1000,
      log: recordingLog([]),
      fetch: fakeFetch([], seen),
    });

    const refused = await guarded('https://evil.example/repos/a/b', {
      headers: { authorization: 'token x' },
    });

    assertRefused(refused, 'evil.example');
    assert.deepEqual(seen, []);
  });

  test('refuses plain http to the same host name', async () => {
    const seen: string[] = [];
    const guarded = createGuardedFetch({
      allowedOrigin: origin,
      timeoutMs: 1000,
      log: recordingLog([]),
      fetch: fakeFetch([], seen),
    });

    assertRefused(await guarded('http://api.github.com/user'), 'api.github.com');
    assert.equal(seen.length, 0);
  });

  test('follows a same-origin redirect, refuses a cross-origin one', async () => {
    const seen: string[] = [];
    const redirectTo = (location: string) => () => new Response(null, { status: 301, headers: { location } });
    const guarded = createGuardedFetch({
      allowedOrigin: origin,
      timeoutMs: 1000,
      log: recordingLog([]),
      fetch: fakeFetch(
        [redirectTo('/repositories/42'), () => new Response('{}'), redirectTo('https://elsewhere.example/x')],
        seen,
      ),
    });

    const response = await guarded(`${origin}/repos/acme/old`);
    assert.equal(response.status, 200);
    assert.deepEqual(seen, [`${origin}/repos/acme/old`, `${origin}/repositories/42`]);

    assertRefused(await guarded(`${origin}/repos/acme/moved`), 'elsewhere.example');
    assert.equal(seen.length, 3);
  });

  test('logs method, path, status and rate limit at debug, without headers', async () => {
    const lines: string[] = [];
    const guarded = createGuardedFetch({
      allowedOrigin: origin,
      timeoutMs: 1000,
      log: recordingLog(lines),
      fetch: fakeFetch(
        [() => new Response('{}', { status: 200, headers: { 'x-ratelimit-remaining': '4999' } })],
        [],
      ),
    });

    await guarded(`${origin}/repos/acme/widgets/actions/runs?branch=main`, {
      headers: { authorization: 'token ghp_secret' },
    });

    assert.equal(lines.length, 1);
    assert.match(
      lines[0],
      /^debug GET \/repos\/acme\/widgets\/actions\/runs\?branch=main → 200 in \d+ ms, rate limit left 4999$/,
    );
    assert.doesNotMatch(lines.join('\n'), /ghp_secret/);
  });

  test('a request that never answers is aborted by the timeout and answered locally with a marked 408', async () => {
    const guarded = createGuardedFetch({
      allowedOrigin: origin,
      timeoutMs: 50,
      log: recordingLog([]),
      fetch: hangingFetch,
    });

    const response = await guarded(`${origin}/user`);

    assert.equal(response.status, 408);
    assert.equal(response.headers.get('x-image-publisher-timeout'), '50 ms');
  });

  test("the caller's own abort is not reported as a timeout", async () => {
    const guarded = createGuardedFetch({
      allowedOrigin: origin,
      timeoutMs: 5_000,
      log: recordingLog([]),
      fetch: hangingFetch,
    });

    await assert.rejects(
      guarded(`${origin}/user`, { signal: AbortSignal.timeout(20) }),
      (error: Error) => error.name === 'TimeoutError',
    );
  });
});
