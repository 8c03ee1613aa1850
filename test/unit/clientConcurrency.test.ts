/**
 * How many requests the extension has in flight at once: 20 across all its clients (Octokit's
 * default is 10), so the 18 pages of 500 commits go out in one wave.
 */
import * as assert from 'node:assert/strict';

import { createGitHubClient } from '../../src/github/client';
import { recordingLog } from './builders/recordingLog';

/** Answers after `ms`, and counts how many requests are open at the same time. */
function slowFetch(ms: number, counter: { open: number; most: number }): typeof fetch {
  return (async () => {
    counter.open++;
    counter.most = Math.max(counter.most, counter.open);
    await new Promise((resolve) => setTimeout(resolve, ms));
    counter.open--;
    return new Response('{}', { status: 200, headers: { 'content-type': 'application/json' } });
  }) as typeof fetch;
}

suite('GitHub client concurrency', function () {
  this.timeout(20_000);

  test('20 requests are in flight at once, the 21st and later wait, across two clients', async () => {
    const counter = { open: 0, most: 0 };
    const client = (token: string) =>
      createGitHubClient({
        apiBaseUrl: 'https://api.github.com',
        token,
        log: recordingLog([]),
        userAgent: 'test',
        fetch: slowFetch(300, counter),
      });
    const first = client('token-one');
    const second = client('token-two');

    await Promise.all(
      Array.from({ length: 30 }, (_, index) =>
        (index % 2 === 0 ? first : second).request('GET /repos/{owner}/{repo}', {
          owner: 'o',
          repo: `r${index}`,
        }),
      ),
    );

    // Other suites' requests still ending can hold a slot of the shared limiter for a moment, so
    // the check is: more than Octokit's default of 10, and never more than 20.
    assert.ok(counter.most > 10 && counter.most <= 20, `${counter.most} requests were in flight at once`);
  });
});
