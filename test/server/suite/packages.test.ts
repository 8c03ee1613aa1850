import * as assert from 'node:assert/strict';
import { ControlClient } from '../controlClient';
import { NO_PACKAGES_TOKEN } from '../scenario';
import { get, OWNER, REPO, sampleScenario, useTestServer } from './support';

const PACKAGES = `/orgs/${OWNER}/packages`;

interface PackageBody {
  name: string;
  package_type: string;
  visibility: string;
  version_count: number;
  url: string;
  html_url: string;
  owner: { login: string };
  repository: { full_name: string };
}

interface VersionBody {
  id: number;
  name: string;
  url: string;
  metadata: { package_type: string; container: { tags: string[] } };
}

suite('container packages', () => {
  const context = useTestServer();

  const userOwned = useTestServer(() => sampleScenario({ ownerType: 'User' }));

  let control: ControlClient;

  const messageOf = (json: unknown) => (json as { message: string }).message;

  setup(async () => {
    control = new ControlClient(context.server.url);

    await control.reset();
  });

  test('lists the owner’s container packages, each linked to the repository', async () => {
    const packages = (await get(context.server, `${PACKAGES}?package_type=container`)).json as PackageBody[];

    assert.deepEqual(
      packages.map((found) => [found.name, found.package_type, found.visibility, found.owner.login]),
      [
        ['openverse-api', 'container', 'public', OWNER],
        ['openverse-ingestion_server', 'container', 'public', OWNER],
      ],
    );

    assert.ok(packages.every((found) => found.repository.full_name === `${OWNER}/${REPO}`));
  });

  test('lists no packages of another type, and filters by visibility', async () => {
    await control.changePackage({ name: 'openverse-api', visibility: 'private' });

    const npm = (await get(context.server, `${PACKAGES}?package_type=npm`)).json as PackageBody[];

    const privateOnes = (await get(context.server, `${PACKAGES}?package_type=container&visibility=private`))
      .json as PackageBody[];

    assert.deepEqual([npm, privateOnes.map((found) => found.name)], [[], ['openverse-api']]);
  });

  test('gets one package with its version count and URLs', async () => {
    const answer = (await get(context.server, `${PACKAGES}/container/openverse-api`)).json as PackageBody;

    assert.deepEqual(
      [answer.version_count, answer.url, answer.html_url],
      [
        6,
        `${context.server.apiUrl}${PACKAGES}/container/openverse-api`,
        `${context.server.url}${PACKAGES}/container/package/openverse-api`,
      ],
    );
  });

  test('lists versions newest first, the digest as name, the tags in the metadata', async () => {
    const versions = (await get(context.server, `${PACKAGES}/container/openverse-api/versions`))
      .json as VersionBody[];

    const main = context.server.state.scenario.branches.main;

    assert.deepEqual(versions[0].metadata, { package_type: 'container', container: { tags: [main[2].sha] } });

    assert.match(versions[0].name, /^sha256:[0-9a-f]{64}$/);

    assert.equal(
      versions[0].url,
      `${context.server.apiUrl}${PACKAGES}/container/openverse-api/versions/${versions[0].id}`,
    );

    assert.deepEqual(versions[3].metadata.container.tags, [main[9].sha, 'v2.4.2', 'latest']);
  });

  test('pages versions with per_page, page and Link; state=deleted lists none', async () => {
    const path = `${PACKAGES}/container/openverse-api/versions`;

    const second = await get(context.server, `${path}?per_page=2&page=2&state=active`);

    const deleted = await get(context.server, `${path}?state=deleted`);

    assert.equal((second.json as VersionBody[]).length, 2);

    assert.match(second.headers.get('link') ?? '', /per_page=2&page=3&state=active>; rel="next"/);

    assert.match(second.headers.get('link') ?? '', /page=1&state=active>; rel="first"/);

    assert.deepEqual(deleted.json, []);
  });

  test('matches a package name with a slash sent as %2F', async () => {
    await control.changePackage({ name: 'openverse/api', push: { tags: ['v1'] } });

    const answer = await get(context.server, `${PACKAGES}/container/openverse%2Fapi/versions`);

    assert.deepEqual(
      (answer.json as VersionBody[]).map((version) => version.metadata.container.tags),
      [['v1']],
    );
  });

  test('answers 404 for the user family of an organization, another owner, type or package', async () => {
    const paths = [
      `/users/${OWNER}/packages/container/openverse-api/versions`,
      `/users/${OWNER}/packages?package_type=container`,
      '/orgs/elsewhere/packages/container/openverse-api',
      `${PACKAGES}/npm/openverse-api`,
      `${PACKAGES}/container/openverse-web/versions`,
    ];

    const statuses = await Promise.all(paths.map(async (path) => (await get(context.server, path)).status));

    assert.deepEqual(statuses, [404, 404, 404, 404, 404]);
  });

  test('serves a user’s packages under /users, and not under /orgs', async () => {
    const list = await get(userOwned.server, `/users/${OWNER}/packages?package_type=container`);

    const org = await get(userOwned.server, `${PACKAGES}/container/openverse-api`);

    const found = list.json as PackageBody[];

    assert.deepEqual(
      [found.map((item) => item.url), org.status],
      [
        [
          `${userOwned.server.apiUrl}/users/${OWNER}/packages/container/openverse-api`,
          `${userOwned.server.apiUrl}/users/${OWNER}/packages/container/openverse-ingestion_server`,
        ],
        404,
      ],
    );
  });

  test('needs read:packages: 403 with GitHub’s message for each route', async () => {
    const paths = [
      `${PACKAGES}?package_type=container`,
      `${PACKAGES}/container/openverse-api`,
      `${PACKAGES}/container/openverse-api/versions`,
    ];

    const answers = await Promise.all(
      paths.map((path) => get(context.server, path, { token: NO_PACKAGES_TOKEN })),
    );

    assert.deepEqual(
      answers.map((answer) => [answer.status, messageOf(answer.json)]),
      [
        [403, 'You need at least read:packages scope to list packages.'],
        [403, 'You need at least read:packages scope to get a package.'],
        [403, "You need at least read:packages scope to get a package's versions."],
      ],
    );
  });

  test('needs a token: 401 without one', async () => {
    const answer = await get(context.server, `${PACKAGES}/container/openverse-api/versions`, { token: null });

    assert.deepEqual([answer.status, messageOf(answer.json)], [401, 'Requires authentication']);
  });

  test('needs package_type to list packages', async () => {
    assert.equal((await get(context.server, PACKAGES)).status, 400);
  });

  test('control: pushes a tag onto a version, taking it off the one that had it', async () => {
    const before = (await get(context.server, `${PACKAGES}/container/openverse-api/versions`))
      .json as VersionBody[];

    await control.changePackage({
      name: 'openverse-api',
      push: { tags: ['latest'], digest: before[0].name },
    });

    const after = (await get(context.server, `${PACKAGES}/container/openverse-api/versions`))
      .json as VersionBody[];

    assert.deepEqual(
      [after.length, after[0].metadata.container.tags.at(-1), after[3].metadata.container.tags],
      [before.length, 'latest', before[3].metadata.container.tags.filter((tag) => tag !== 'latest')],
    );
  });

  test('control: pushes a new version, or removes the package (404 everywhere)', async () => {
    const pushed = await control.changePackage({ name: 'openverse-api', push: { tags: ['v3.0.0'] } });

    const removed = await control.changePackage({ name: 'openverse-api', remove: true });

    const answer = await get(context.server, `${PACKAGES}/container/openverse-api`);

    assert.deepEqual(
      [pushed?.versions.length, pushed?.versions[0].tags, removed, answer.status],
      [7, ['v3.0.0'], null, 404],
    );
  });
});
