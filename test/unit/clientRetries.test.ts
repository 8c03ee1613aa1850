/**
 * Octokit's retry plugin counts a request's retries in `options.request.retryCount`, and every request
 * of a client starts from the client's one default `request` object. The client must give each request
 * its own, or one request that used up its retries makes the next failing request wait 16 s (not 1 s)
 * before its first retry.
 */
import * as assert from 'node:assert/strict';

import { createGitHubClient } from '../../src/github/client';
import { recordingLog } from './builders/recordingLog';

/** Answers every request with a 502 and notes when each one came. */
function failingFetch(times: number[]): typeof fetch {
  return (async () => {
    times.push(Date.now());
    return new Response('<html>502 Bad Gateway</html>', {
      status: 502,
      headers: { 'content-type': 'text/html' },
    });
  }) as typeof fetch;
}

suite('GitHub client retries', function () {
  this.timeout(30_000);

  test('each request waits the same backoff (about 1 s, then 4 s), however the one before it ended', async () => {
    const times: number[] = [];
    const client = createGitHubClient({
      apiBaseUrl: 'https://api.github.com',
      token: 'test-token',
      log: recordingLog([]),
      userAgent: 'image-publisher-tests',
      fetch: failingFetch(times),
    });
    const gaps: number[][] = [];

    for (const round of [1, 2]) {
      times.length = 0;
      await assert.rejects(
        client.request('GET /repos/{owner}/{repo}/actions/runs', { owner: 'a', repo: 'b' }),
      );
      assert.equal(times.length, 3, `round ${round}: one try and two retries`);
      gaps.push(times.slice(1).map((time, index) => time - times[index]));
    }

    for (const [round, [first, second]] of gaps.entries()) {
      assert.ok(first >= 900 && first < 2_000, `request ${round + 1}: first retry after ${first} ms`);
      assert.ok(second >= 3_900 && second < 5_000, `request ${round + 1}: second retry after ${second} ms`);
    }
  });
});
