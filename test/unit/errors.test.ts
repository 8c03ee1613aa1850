import * as assert from 'node:assert/strict';

import { RequestError } from '@octokit/request-error';

import { describeGitHubFailure } from '../../src/github/errors';
import { ForeignHostError } from '../../src/github/guardedFetch';

const context = {
  repositoryLabel: 'acme/widgets on github.com',
  apiHost: 'api.github.com',
  account: 'octocat',
};
const request = { method: 'GET' as const, url: 'https://api.github.com/repos/acme/widgets', headers: {} };

function httpError(status: number, data: unknown, headers: Record<string, string> = {}): RequestError {
  return new RequestError('failed', status, {
    request,
    response: { status, url: request.url, headers, data },
  });
}

suite('describeGitHubFailure', () => {
  test('401: sign in again', () => {
    const failure = describeGitHubFailure(httpError(401, { message: 'Bad credentials' }), context);

    assert.equal(failure.kind, 'unauthorized');
    assert.match(
      failure.message,
      /rejected the saved sign-in \(401: Bad credentials\)\. Sign in to GitHub again\./,
    );
  });

  test('404: not found or not visible to this account', () => {
    const failure = describeGitHubFailure(httpError(404, { message: 'Not Found' }), context);

    assert.equal(failure.kind, 'not-found');
    assert.match(
      failure.message,
      /acme\/widgets on github\.com was not found, or the account octocat cannot see it/,
    );
  });

  test('403 with remaining 0 is a rate limit, not access denied', () => {
    const failure = describeGitHubFailure(
      httpError(
        403,
        { message: 'API rate limit exceeded' },
        { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': '1780000000' },
      ),
      context,
    );

    assert.equal(failure.kind, 'rate-limited');
    assert.doesNotMatch(failure.message, /refused|denied/);
  });

  test('403 secondary limit with retry-after', () => {
    const failure = describeGitHubFailure(
      httpError(
        403,
        { message: 'You have exceeded a secondary rate limit' },
        { 'x-ratelimit-remaining': '4000', 'retry-after': '30' },
      ),
      context,
    );

    assert.equal(failure.kind, 'rate-limited');
    assert.match(failure.message, /secondary rate limit\) for 30 s/);
  });

  test('403 otherwise carries GitHub message', () => {
    const failure = describeGitHubFailure(
      httpError(403, { message: 'Resource not accessible by integration' }),
      context,
    );

    assert.equal(failure.kind, 'forbidden');
    assert.match(failure.message, /Resource not accessible by integration/);
  });

  test('5xx after retries', () => {
    assert.equal(describeGitHubFailure(httpError(502, 'Bad Gateway'), context).kind, 'server-error');
  });

  test('a network failure names the host and the cause', () => {
    const error = new RequestError('connect ECONNREFUSED', 500, { request });
    error.cause = Object.assign(new TypeError('fetch failed'), { cause: { code: 'ECONNREFUSED' } });

    const failure = describeGitHubFailure(error, context);

    assert.equal(failure.kind, 'unreachable');
    assert.match(failure.message, /Cannot reach api\.github\.com \(ECONNREFUSED\)/);
  });

  test('a timeout', () => {
    const timeout = Object.assign(new Error('The operation was aborted due to timeout'), {
      name: 'TimeoutError',
      status: 500,
    });

    assert.equal(describeGitHubFailure(timeout, context).kind, 'timeout');
  });

  test('a refused foreign host', () => {
    const failure = describeGitHubFailure(new ForeignHostError('https://evil.example/x'), context);

    assert.equal(failure.kind, 'refused-host');
    assert.match(failure.message, /evil\.example/);
  });
});
