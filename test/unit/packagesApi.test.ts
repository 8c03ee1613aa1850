import * as assert from 'node:assert/strict';

import { groupByDigest, publicationOf } from '../../src/domain/imageVersions';
import { createGitHubClient } from '../../src/github/client';
import {
  describePackagesFailure,
  PackagesError,
  type PackagesFailureContext,
} from '../../src/github/packageFailures';
import { PackagesApi, type OwnerType } from '../../src/github/packagesApi';
import { DEFAULT_TOKEN, NO_PACKAGES_TOKEN } from '../server/scenario';
import { startTestServer, type TestServer } from '../server/testServer';
import { branchCommits, OWNER, packagesScenario, REPO, SERVICES } from './builders/serverFixtures';
import { recordingLog } from './builders/recordingLog';

const CONTEXT: PackagesFailureContext = {
  repositoryLabel: `${OWNER}/${REPO} on the test server`,
  apiHost: '127.0.0.1',
  account: 'octo-tester',
  owner: OWNER,
};

const [, , sha2, sha3, , , , sha7, sha8, sha9, sha10] = branchCommits(12).map((commit) => commit.sha);

function packagesApi(
  server: TestServer,
  options: { token?: string; lines?: string[]; ownerType?: OwnerType; maxVersionPages?: number } = {},
): PackagesApi {
  const log = recordingLog(options.lines ?? []);
  const client = createGitHubClient({
    apiBaseUrl: server.apiUrl,
    token: options.token ?? DEFAULT_TOKEN,
    log,
    userAgent: 'test',
  });

  return new PackagesApi(
    client,
    { owner: OWNER, repo: REPO },
    {
      log,
      failureContext: CONTEXT,
      ownerType: options.ownerType,
      maxVersionPages: options.maxVersionPages,
    },
  );
}

async function failureOf(promise: Promise<unknown>): Promise<PackagesError> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof PackagesError, `expected a PackagesError, got ${String(error)}`);
    return error;
  }

  assert.fail('expected the call to fail');
}

suite('PackagesApi against the test server', function () {
  this.timeout(20_000);

  let server: TestServer;

  const paths = () => server.requests.map((request) => request.path);

  suiteSetup(async () => {
    server = await startTestServer({ scenario: packagesScenario() });
  });

  suiteTeardown(() => server.close());

  setup(() => server.state.reset());

  test('learns the owner type from the repository once', async () => {
    const api = packagesApi(server);

    assert.equal(await api.ownerType(), 'Organization');
    assert.equal(await api.ownerType(), 'Organization');
    assert.deepEqual(paths(), [`/api/v3/repos/${OWNER}/${REPO}`]);
  });

  test('finds the repository’s packages through the org route and matches them to the services', async () => {
    const lines: string[] = [];
    const api = packagesApi(server, { lines });

    const found = await api.findServicePackages([...SERVICES, 'docs']);

    assert.deepEqual(
      found.packages.map((item) => [item.name, item.repositoryFullName, item.visibility]),
      [
        ['widgets-api', 'acme/widgets', 'public'],
        ['widgets-ingestion_server', 'acme/widgets', 'public'],
      ],
    );
    assert.deepEqual(found.matching.matched, [
      { service: 'api', packageName: 'widgets-api', rule: 'repo-service' },
      { service: 'ingestion_server', packageName: 'widgets-ingestion_server', rule: 'repo-service' },
    ]);
    assert.deepEqual(found.matching.unmatchedServices, ['docs']);
    assert.ok(paths().includes(`/api/v3/orgs/${OWNER}/packages?package_type=container&per_page=100`));
    assert.ok(
      lines.some(
        (line) =>
          line.startsWith('info [packages] 2 of 2') &&
          line.includes('api → widgets-api (repo-service)') &&
          line.includes('no package for docs'),
      ),
      lines.join('\n'),
    );
  });

  test('lists widgets-api’s six versions newest first with their tags', async () => {
    const { versions, complete } = await packagesApi(server).listVersions('widgets-api');

    assert.equal(complete, true);
    assert.deepEqual(
      versions.map((version) => version.tags),
      [[sha2], [sha7], [sha8], [sha9, 'v2.4.2', 'latest'], [sha10, 'v2.4.1'], []],
    );
    assert.ok(versions.every((version) => /^sha256:[0-9a-f]{64}$/.test(version.digest)));
    assert.ok(
      versions.every((version) => version.createdAt instanceof Date && typeof version.id === 'number'),
    );
    assert.ok(
      paths().includes(
        `/api/v3/orgs/${OWNER}/packages/container/widgets-api/versions?per_page=100&state=active`,
      ),
      paths().join('\n'),
    );
  });

  test('groups widgets-ingestion_server: the v2.4.1 digest also carries v2.4.2, latest and two SHA tags', async () => {
    const { versions } = await packagesApi(server).listVersions('widgets-ingestion_server');

    const groups = groupByDigest(versions);

    assert.deepEqual(
      groups.tagged.map((group) => [group.label, group.tags]),
      [
        [sha2, [sha2]],
        [sha7, [sha7]],
        [sha8, [sha8]],
        ['v2.4.2', ['v2.4.2', 'v2.4.1', 'latest', sha10, sha9]],
      ],
    );
    assert.equal(groups.untagged?.versions.length, 1);
    assert.deepEqual(publicationOf(sha9, versions), {
      published: true,
      digest: groups.tagged[3].digest,
      tag: sha9,
      byPrefix: false,
      otherTags: ['v2.4.2', 'v2.4.1', 'latest', sha10],
    });
    assert.deepEqual(publicationOf(sha3, versions), { published: false });
  });

  test('gives widgets-api’s v2.4.2 commit its own digest with v2.4.2 and latest', async () => {
    const { versions } = await packagesApi(server).listVersions('widgets-api');

    const release = publicationOf(sha9, versions);
    const previous = publicationOf(sha10, versions);

    assert.ok(release.published && previous.published);
    assert.deepEqual(release.otherTags, ['v2.4.2', 'latest']);
    assert.deepEqual(previous.otherTags, ['v2.4.1']);
    assert.notEqual(release.digest, previous.digest);
  });

  test('follows Link to the last page, keeping per_page and state', async () => {
    for (let index = 0; index < 130; index++) {
      server.state.changePackage({ name: 'widgets-api', push: { tags: [`build-${index}`] } });
    }

    const { versions, complete } = await packagesApi(server, { ownerType: 'Organization' }).listVersions(
      'widgets-api',
    );

    assert.equal(versions.length, 136);
    assert.equal(complete, true);
    assert.equal(paths().length, 2);
    assert.match(paths()[1], /[?&]page=2(&|$)/);
    assert.match(paths()[1], /[?&]per_page=100(&|$)/);
    assert.match(paths()[1], /[?&]state=active(&|$)/);
  });

  test('stops at maxVersionPages, says so, and warns in the log', async () => {
    for (let index = 0; index < 130; index++) {
      server.state.changePackage({ name: 'widgets-api', push: { tags: [`build-${index}`] } });
    }
    const lines: string[] = [];

    const { versions, complete } = await packagesApi(server, { lines, maxVersionPages: 1 }).listVersions(
      'widgets-api',
    );

    assert.equal(versions.length, 100);
    assert.equal(complete, false);
    assert.ok(
      lines.some((line) => line.startsWith('warn [packages] widgets-api has more than 100 versions')),
    );
  });

  test('sends a package name with a slash once-encoded as %2F', async () => {
    server.state.changePackage({ name: 'tools/api', push: { tags: ['v1.0.0'] } });

    const { versions } = await packagesApi(server, { ownerType: 'Organization' }).listVersions('tools/api');

    assert.deepEqual(
      versions.map((version) => version.tags),
      [['v1.0.0']],
    );
    assert.deepEqual(paths(), [
      `/api/v3/orgs/${OWNER}/packages/container/tools%2Fapi/versions?per_page=100&state=active`,
    ]);
  });

  test('turns a 404 for a removed package into a typed not-found, never “no tags”', async () => {
    server.state.changePackage({ name: 'widgets-api', remove: true });

    const error = await failureOf(packagesApi(server).listVersions('widgets-api'));

    assert.equal(error.failure.kind, 'package-not-found');
    assert.ok(error.failure.kind === 'package-not-found' && error.failure.packageName === 'widgets-api');
    assert.match(
      error.message,
      /widgets-api of acme was not found, or the account octo-tester cannot see it/,
    );
    assert.doesNotMatch(error.message, /no tags/i);
    assert.deepEqual(describePackagesFailure(error, CONTEXT), error.failure);
  });

  test('turns a missing read:packages scope into a typed missing-scope failure', async () => {
    const api = packagesApi(server, { token: NO_PACKAGES_TOKEN });

    const listing = await failureOf(api.findServicePackages([...SERVICES]));
    const versions = await failureOf(api.listVersions('widgets-api'));

    for (const error of [listing, versions]) {
      assert.equal(error.failure.kind, 'missing-scope');
      assert.equal(error.failure.status, 403);
      assert.ok(error.failure.kind === 'missing-scope' && error.failure.scope === 'read:packages');
    }
    assert.match(listing.message, /needs the read:packages permission/);
  });

  test('leaves a rejected sign-in to the general description', async () => {
    const api = packagesApi(server, { token: 'ghp_not_a_token_the_server_knows', ownerType: 'Organization' });

    const failure = await api.listVersions('widgets-api').then(
      () => assert.fail('expected a failure'),
      (error: unknown) => describePackagesFailure(error, CONTEXT),
    );

    assert.equal(failure.kind, 'unauthorized');
  });
});

suite('PackagesApi for a user-owned repository', function () {
  this.timeout(20_000);

  let server: TestServer;

  suiteSetup(async () => {
    server = await startTestServer({ scenario: packagesScenario('User') });
  });

  suiteTeardown(() => server.close());

  test('uses the /users routes, chosen by the owner type', async () => {
    const api = packagesApi(server);

    const found = await api.findServicePackages([...SERVICES]);
    const { versions } = await api.listVersions('widgets-api');

    assert.equal(await api.ownerType(), 'User');
    assert.equal(found.matching.matched.length, 2);
    assert.equal(versions.length, 6);
    assert.deepEqual(
      server.requests.map((request) => request.path.split('?')[0]),
      [
        `/api/v3/repos/${OWNER}/${REPO}`,
        `/api/v3/users/${OWNER}/packages`,
        `/api/v3/users/${OWNER}/packages/container/widgets-api/versions`,
      ],
    );
  });

  test('would get 404 from the org family (the route choice matters)', async () => {
    const api = packagesApi(server, { ownerType: 'Organization' });

    const error = await failureOf(api.listVersions('widgets-api'));

    assert.equal(error.failure.kind, 'package-not-found');
  });
});
