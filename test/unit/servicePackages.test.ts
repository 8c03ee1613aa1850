import * as assert from 'node:assert/strict';

import { describeMatching, matchServicePackages } from '../../src/domain/servicePackages';

suite('matching packages to services', () => {
  test('matches <repo>-<service> exactly, whatever the case', () => {
    const matching = matchServicePackages(
      'Openverse',
      ['api', 'ingestion_server'],
      ['openverse-ingestion_server', 'openverse-api'],
    );

    assert.deepEqual(matching.matched, [
      { service: 'api', packageName: 'openverse-api', rule: 'repo-service' },
      { service: 'ingestion_server', packageName: 'openverse-ingestion_server', rule: 'repo-service' },
    ]);
    assert.deepEqual(matching.unmatchedServices, []);
    assert.deepEqual(matching.unmatchedPackages, []);
  });

  test('falls back to the bare service name, then to a name ending in -<service> or /<service>', () => {
    const matching = matchServicePackages(
      'widgets',
      ['api', 'web', 'worker'],
      ['tools/worker', 'api', 'acme-web'],
    );

    assert.deepEqual(matching.matched, [
      { service: 'api', packageName: 'api', rule: 'service' },
      { service: 'web', packageName: 'acme-web', rule: 'suffix' },
      { service: 'worker', packageName: 'tools/worker', rule: 'suffix' },
    ]);
  });

  test('lets the stronger rule claim a package before a weaker one can', () => {
    const matching = matchServicePackages('widgets', ['api', 'server-api'], ['widgets-server-api']);

    assert.deepEqual(matching.matched, [
      { service: 'server-api', packageName: 'widgets-server-api', rule: 'repo-service' },
    ]);
    assert.deepEqual(matching.unmatchedServices, ['api']);
  });

  test('prefers the shortest name among suffix candidates, and gives each package to one service', () => {
    const matching = matchServicePackages('widgets', ['api'], ['legacy-old-api', 'old-api']);

    assert.deepEqual(matching.matched, [{ service: 'api', packageName: 'old-api', rule: 'suffix' }]);
    assert.deepEqual(matching.unmatchedPackages, ['legacy-old-api']);
  });

  test('does not take a name that merely contains the service', () => {
    const matching = matchServicePackages('widgets', ['api'], ['widgets-apiserver', 'rapi']);

    assert.deepEqual(matching.matched, []);
    assert.deepEqual(matching.unmatchedServices, ['api']);
    assert.deepEqual(matching.unmatchedPackages, ['widgets-apiserver', 'rapi']);
  });

  test('describes the outcome in one line for the log', () => {
    const matching = matchServicePackages('widgets', ['api', 'docs'], ['widgets-api', 'widgets-cli']);

    assert.equal(
      describeMatching(matching),
      'api → widgets-api (repo-service); no package for docs; other packages: widgets-cli',
    );
    assert.equal(
      describeMatching(matchServicePackages('widgets', ['api'], [])),
      'no service matched a package; no package for api',
    );
  });
});
