import * as assert from 'node:assert/strict';

import {
  describePackagesFailure,
  packagesFailureOf,
  type PackagesFailureContext,
} from '../../src/github/packageFailures';

const CONTEXT: PackagesFailureContext = {
  repositoryLabel: 'WordPress/openverse on github.com',
  apiHost: 'api.github.com',
  account: 'ada',
  owner: 'WordPress',
};

function httpError(status: number, message: string, headers: Record<string, string> = {}) {
  return Object.assign(new Error(message), { status, response: { headers, data: { message } } });
}

suite('packages failures', () => {
  test('a 404 on a package is “not found or not visible”, naming the package', () => {
    const failure = packagesFailureOf(httpError(404, 'Not Found'), 'openverse-api', CONTEXT)?.failure;

    assert.equal(failure?.kind, 'package-not-found');
    assert.equal(
      failure?.message,
      'The container package openverse-api of WordPress was not found, or the account ada cannot see it (it may have been deleted, renamed or made private). Check imagePublisher.imageName, or ask the owner for access.',
    );
  });

  test('a 404 on the owner’s package list names the owner', () => {
    const failure = packagesFailureOf(httpError(404, 'Not Found'), null, CONTEXT)?.failure;

    assert.equal(failure?.kind, 'package-not-found');
    assert.match(failure?.message ?? '', /container packages of WordPress were not found/);
  });

  test('a 403 whose message names read:packages is a missing scope', () => {
    const error = httpError(403, 'You need at least read:packages scope to list packages.');

    const failure = packagesFailureOf(error, null, CONTEXT)?.failure;

    assert.equal(failure?.kind, 'missing-scope');
    assert.match(failure?.message ?? '', /the sign-in of ada does not have/);
  });

  test('a 403 is a missing scope when the accepted scopes name read:packages and the token lacks it', () => {
    const error = httpError(403, 'Forbidden', {
      'x-accepted-oauth-scopes': 'read:packages, write:packages',
      'x-oauth-scopes': 'repo, workflow',
      'x-ratelimit-remaining': '4000',
    });

    assert.equal(packagesFailureOf(error, 'api', CONTEXT)?.failure.kind, 'missing-scope');
  });

  test('a 403 with the scope granted is not a missing scope', () => {
    const error = httpError(403, 'Forbidden', {
      'x-accepted-oauth-scopes': 'read:packages',
      'x-oauth-scopes': 'repo, read:packages',
    });

    assert.equal(packagesFailureOf(error, 'api', CONTEXT), undefined);
    assert.equal(describePackagesFailure(error, CONTEXT).kind, 'forbidden');
  });

  test('a spent rate limit is not a missing scope, even from a packages route', () => {
    const error = httpError(403, 'API rate limit exceeded (read:packages route)', {
      'x-ratelimit-remaining': '0',
    });

    assert.equal(packagesFailureOf(error, 'api', CONTEXT), undefined);
    assert.equal(describePackagesFailure(error, CONTEXT).kind, 'rate-limited');
  });

  test('leaves other failures to the general description', () => {
    const error = httpError(502, 'Bad Gateway');

    assert.equal(packagesFailureOf(error, 'api', CONTEXT), undefined);
    assert.equal(describePackagesFailure(error, CONTEXT).kind, 'server-error');
  });
});
