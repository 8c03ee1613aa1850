import * as assert from 'node:assert/strict';

import { resolveGitHubServer } from '../../src/domain/githubHost';
import { imageName, parseImageName } from '../../src/domain/imageReference';
import type { ImageVersion } from '../../src/domain/imageVersions';
import { createGitHubClient } from '../../src/github/client';
import { PackagesApi } from '../../src/github/packagesApi';
import { silentLog } from '../../src/log/log';
import { RegistryClient } from '../../src/registry/registryClient';
import { RegistryError } from '../../src/registry/registryErrors';
import { DEFAULT_TOKEN } from '../server/scenario';
import { startTestServer, type TestServer } from '../server/testServer';
import { branchCommits, OWNER, packagesScenario, REPO, SERVICES } from './builders/serverFixtures';

interface SentRequest {
  readonly url: string;
  readonly headers: Headers;
}

/** tag → digest, the same from the packages API and from the registry if both tell the truth. */
function digestsByTag(versions: readonly ImageVersion[]): Record<string, string> {
  return Object.fromEntries(
    versions.flatMap((version) => version.tags.map((tag) => [tag, version.digest] as const)).sort(),
  );
}

suite('RegistryClient against the test server', function () {
  this.timeout(20_000);

  let server: TestServer;
  let registryHost: string;
  let sent: SentRequest[];

  const recordingFetch = (async (input: string | URL | Request, init?: RequestInit) => {
    sent.push({ url: String(input), headers: new Headers(init?.headers) });
    return fetch(input, init);
  }) as typeof fetch;

  const registry = () => new RegistryClient({ registryHost, log: silentLog, fetch: recordingFetch });

  const image = (service: string) => {
    const location = parseImageName(
      imageName('', { registry: registryHost, owner: OWNER, repo: REPO, service }),
    );
    assert.ok(location);
    return location;
  };

  suiteSetup(async () => {
    server = await startTestServer({ scenario: packagesScenario() });

    const resolution = resolveGitHubServer(
      { host: new URL(server.url).host, hostname: '127.0.0.1', owner: OWNER, repo: REPO, protocol: 'http' },
      server.url,
    );
    assert.ok(resolution.ok);
    registryHost = resolution.server.registryHost;
  });

  suiteTeardown(() => server.close());

  setup(() => {
    server.state.reset();
    sent = [];
  });

  test('derives the loopback registry from the GitHub server: the test server itself', () => {
    assert.equal(registryHost, new URL(server.url).host);
    assert.equal(image('api').repository, 'acme/widgets-api');
  });

  test('lists every tag of widgets-api anonymously, page by page', async () => {
    const listing = await new RegistryClient({
      registryHost,
      log: silentLog,
      tagsPageSize: 3,
    }).listTags('acme/widgets-api');

    const tagRequests = server.requests.filter((request) => request.path.includes('/tags/list'));

    assert.equal(listing.complete, true);
    assert.deepEqual(
      [...listing.tags].sort(),
      ['latest', 'v2.4.1', 'v2.4.2', ...[2, 7, 8, 9, 10].map((index) => branchCommits(12)[index].sha)].sort(),
    );
    assert.equal(tagRequests.filter((request) => request.status === 200).length, 3);
    assert.match(tagRequests[tagRequests.length - 1].path, /\?last=[^&]+&n=3$/);
  });

  test('gives the same digests for every tag as the packages API, for each service', async () => {
    const packages = new PackagesApi(
      createGitHubClient({
        apiBaseUrl: server.apiUrl,
        token: DEFAULT_TOKEN,
        log: silentLog,
        userAgent: 'test',
      }),
      { owner: OWNER, repo: REPO },
      {
        log: silentLog,
        failureContext: { repositoryLabel: 'acme/widgets', apiHost: '127.0.0.1', owner: OWNER },
      },
    );

    for (const service of SERVICES) {
      const location = image(service);
      const fromApi = await packages.listVersions(location.packageName);
      const fromRegistry = await registry().readImage(location.repository, branchCommits(12));

      assert.deepEqual(digestsByTag(fromRegistry.versions), digestsByTag(fromApi.versions), service);
      assert.equal(fromRegistry.complete, true);
    }
  });

  test('puts the shared ingestion_server digest’s tags on one version, release first', async () => {
    const { versions } = await registry().readImage('acme/widgets-ingestion_server');

    assert.equal(versions.length, 4);
    assert.deepEqual(versions[0].tags.slice(0, 3), ['v2.4.2', 'v2.4.1', 'latest']);
    assert.equal(versions[0].tags.length, 5);
  });

  test('never sends credentials to the realm, and only the realm’s token to the registry', async () => {
    await registry().readImage('acme/widgets-api');

    const tokenRequests = sent.filter((request) => new URL(request.url).pathname === '/token');
    const registryRequests = sent.filter((request) => new URL(request.url).pathname.startsWith('/v2/'));

    assert.equal(tokenRequests.length, 1);
    assert.equal(tokenRequests[0].headers.get('authorization'), null);
    assert.deepEqual(Object.fromEntries(new URL(tokenRequests[0].url).searchParams), {
      service: registryHost,
      scope: 'repository:acme/widgets-api:pull',
    });
    assert.ok(sent.every((request) => !(request.headers.get('authorization') ?? '').includes(DEFAULT_TOKEN)));
    assert.ok(
      registryRequests
        .slice(1)
        .every((request) => request.headers.get('authorization')?.startsWith('Bearer ')),
    );
    assert.ok(sent.every((request) => new URL(request.url).host === registryHost));
  });

  test('reports a private package as denied to anonymous readers', async () => {
    server.state.changePackage({ name: 'widgets-api', visibility: 'private' });

    await assert.rejects(
      registry().readImage('acme/widgets-api'),
      (error: unknown) => error instanceof RegistryError && error.kind === 'denied',
    );
  });

  test('reports a removed package as not found', async () => {
    server.state.changePackage({ name: 'widgets-api', remove: true });

    await assert.rejects(
      registry().readImage('acme/widgets-api'),
      (error: unknown) => error instanceof RegistryError && error.kind === 'not-found',
    );
  });

  test('reads a package whose name has a slash through its plain path', async () => {
    server.state.changePackage({ name: 'tools/api', push: { tags: ['v1.0.0', 'latest'] } });

    const { versions } = await registry().readImage('acme/tools/api');

    assert.deepEqual(
      versions.map((version) => version.tags),
      [['v1.0.0', 'latest']],
    );
  });
});
