import * as assert from 'node:assert/strict';

import { createGitHubClient } from '../../src/github/client';
import { describeGitHubFailure } from '../../src/github/errors';
import { RateLimitPause, RateLimitState } from '../../src/github/rateLimit';
import { recordingLog } from './builders/recordingLog';

function headers(values: Record<string, string>): Headers {
  return new Headers(values);
}

suite('RateLimitState', () => {
  let now = 1_000_000_000_000;
  const slept: number[] = [];
  const state = () =>
    new RateLimitState({
      maxWaitMs: 10_000,
      now: () => now,
      sleep: async (ms) => {
        slept.push(ms);
        now += ms;
      },
    });

  setup(() => {
    now = 1_000_000_000_000;
    slept.length = 0;
  });

  test('reads the budget from every response', () => {
    const limits = state();

    limits.observe(
      200,
      headers({
        'x-ratelimit-limit': '5000',
        'x-ratelimit-remaining': '4990',
        'x-ratelimit-reset': '1000000600',
        'x-ratelimit-resource': 'core',
      }),
    );

    assert.deepEqual(limits.budget, {
      limit: 5000,
      remaining: 4990,
      resetAt: new Date(1_000_000_600_000),
      resource: 'core',
    });
    assert.equal(limits.isLow, false);
  });

  test('below a tenth of the limit the budget is low', () => {
    const limits = state();

    limits.observe(
      200,
      headers({ 'x-ratelimit-limit': '5000', 'x-ratelimit-remaining': '499', 'x-ratelimit-reset': '1' }),
    );

    assert.equal(limits.isLow, true);
  });

  test('a secondary limit with retry-after pauses every call that long (short: waited out)', async () => {
    const limits = state();

    limits.observe(
      403,
      headers({ 'retry-after': '5', 'x-ratelimit-remaining': '4000', 'x-ratelimit-limit': '5000' }),
    );
    await limits.beforeRequest();
    await limits.beforeRequest();

    assert.deepEqual(slept, [5_000]);
    assert.equal(limits.pause, undefined);
  });

  test('a long secondary pause fails fast instead of hanging', async () => {
    const limits = state();

    limits.observe(429, headers({ 'retry-after': '120' }));

    await assert.rejects(
      limits.beforeRequest(),
      (error: RateLimitPause) => error.kind === 'secondary' && error.until.getTime() === now + 120_000,
    );
    assert.deepEqual(slept, []);
  });

  test('an exhausted primary limit waits until x-ratelimit-reset', async () => {
    const limits = state();
    const reset = Math.floor(now / 1000) + 3600;

    limits.observe(
      403,
      headers({
        'x-ratelimit-remaining': '0',
        'x-ratelimit-limit': '5000',
        'x-ratelimit-reset': String(reset),
      }),
    );

    assert.equal(limits.pause?.kind, 'primary');
    assert.equal(limits.pause?.until.getTime(), reset * 1000);
    await assert.rejects(limits.beforeRequest(), RateLimitPause);
  });

  test('a plain 403 (no limit headers) does not pause', async () => {
    const limits = state();

    limits.observe(403, headers({ 'x-ratelimit-remaining': '4000', 'x-ratelimit-limit': '5000' }));

    assert.equal(limits.pause, undefined);
    await limits.beforeRequest();
    assert.deepEqual(slept, []);
  });
});

suite('A long rate-limit pause at the client', function () {
  this.timeout(10_000);

  test('calls held back are answered at once, not sent, not retried, and worded as a pause', async () => {
    const sent: string[] = [];
    const limits = new RateLimitState();
    limits.observe(429, new Headers({ 'retry-after': '600' }));
    let asked = 0;
    const beforeRequest = limits.beforeRequest.bind(limits);
    limits.beforeRequest = () => {
      asked++;
      return beforeRequest();
    };
    const client = createGitHubClient({
      apiBaseUrl: 'https://api.github.com',
      token: 'test-token',
      log: recordingLog([]),
      userAgent: 'test',
      rateLimit: limits,
      fetch: (async (input: string | URL | Request) => {
        sent.push(String(input));
        return new Response('{}', { status: 200, headers: { 'content-type': 'application/json' } });
      }) as typeof fetch,
    });
    const error = await client.request('GET /repos/{owner}/{repo}', { owner: 'o', repo: 'r' }).then(
      () => undefined,
      (failure: unknown) => failure,
    );

    assert.deepEqual(sent, [], 'nothing reached GitHub');
    assert.equal(asked, 1, 'the held-back call was not retried');
    const described = describeGitHubFailure(error, {
      repositoryLabel: 'o/r on github.com',
      apiHost: 'api.github.com',
      account: 'octocat',
    });
    assert.equal(described.kind, 'rate-limited');
    assert.match(
      described.message,
      /^GitHub asked to slow down \(secondary rate limit\); calls are paused until /,
    );
    assert.match(described.message, /The view refreshes after that\.$/);
  });
});
