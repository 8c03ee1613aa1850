import * as assert from 'node:assert/strict';

import { RateLimitPause, RateLimitState } from '../../src/github/rateLimit';

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
