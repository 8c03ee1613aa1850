/**
 * The first load of a repository, before anything is known about its CI: the runs and artifacts
 * are asked for while the workflows are still being listed, and the unfiltered artifact list it
 * starts with gives the same state as the per-service lists of later loads. A manual refresh
 * discovers again without an extra round trip.
 */
import * as assert from 'node:assert/strict';

import { pagesToCover, pagesToReach } from '../../src/github/actionsApi';
import type { TestServer } from '../server/testServer';
import { anArtifact, aRun, daysAgo, sha } from './builders/domainBuilders';
import {
  ciLoaderOn,
  mainCommits,
  startBranchServer,
  UNCONFIGURED_CI,
  shownCi,
} from './builders/serverFixtures';

const PUBLISH_FILE = '.github/workflows/push_docker_image.yml';

const paths = (server: TestServer) => server.requests.map((entry) => entry.path);

suite('The first load of a repository', function () {
  this.timeout(20_000);

  let server: TestServer;

  suiteSetup(async () => (server = await startBranchServer(300)));
  suiteTeardown(() => server.close());
  setup(() => void (server.requests.length = 0));

  const request = (count: number) => ({
    branch: 'main',
    commits: mainCommits(server, count),
    now: new Date(),
  });

  test('asks for the runs and the artifacts while the workflow list is still out', async () => {
    server.state.latencyMs = 400;

    try {
      await ciLoaderOn(server).load(request(50));
    } finally {
      server.state.latencyMs = 0;
    }

    const workflows = server.requests.find((entry) => /\/actions\/workflows\?/.test(entry.path));
    const listAnswered = Date.parse(workflows!.at) + workflows!.ms;
    const lists = server.requests.filter((entry) => /\/actions\/(runs|artifacts)\?/.test(entry.path));

    assert.ok(lists.length >= 2, paths(server).join('\n'));
    for (const list of lists) {
      assert.ok(Date.parse(list.at) < listAnswered, `${list.path} waited for the workflow list`);
    }
    assert.equal(server.requests.length, 5, paths(server).join('\n'));
  });

  test('300 commits: the unfiltered artifacts of the first load show what the per-service lists show', async () => {
    const discovered = await ciLoaderOn(server).load(request(300));
    const unfiltered = server.requests.filter((entry) => /artifacts\?per_page/.test(entry.path));
    const configured = await ciLoaderOn(server, {
      ...UNCONFIGURED_CI,
      ciWorkflow: 'ci_cd.yml',
      services: ['api', 'ingestion_server'],
    }).load(request(300));

    assert.ok(unfiltered.length > 1, 'the first load listed every artifact, over several pages');
    assert.deepEqual(discovered.services, ['api', 'ingestion_server']);
    assert.deepEqual(shownCi(discovered), shownCi(configured));
    assert.ok(
      discovered.artifacts.every((artifact) => ['api', 'ingestion_server'].includes(artifact.name)),
      "only the services' artifacts are kept",
    );
  });

  test("the next load of the same loader lists each service's artifacts by name", async () => {
    const loader = ciLoaderOn(server);
    await loader.load(request(50));
    server.requests.length = 0;

    await loader.load(request(50));

    assert.equal(server.requests.length, 3, paths(server).join('\n'));
    assert.ok(paths(server).some((path) => path.includes('/actions/workflows/ci_cd.yml/runs?')));
    assert.ok(paths(server).some((path) => path.includes('artifacts?name=api&')));
    assert.ok(paths(server).some((path) => path.includes('artifacts?name=ingestion_server&')));
  });
});

suite('A manual refresh discovers again', function () {
  this.timeout(20_000);

  let server: TestServer;

  setup(async () => (server = await startBranchServer(60)));
  teardown(() => server.close());

  const request = () => ({ branch: 'main', commits: mainCommits(server, 50), now: new Date() });

  test('nothing changed: the same per-service lists, plus the workflow list and the publish file, at once', async () => {
    const loader = ciLoaderOn(server);
    const before = await loader.load(request());
    server.requests.length = 0;

    loader.rediscover();
    const after = await loader.load(request());

    assert.equal(server.requests.length, 5, paths(server).join('\n'));
    assert.ok(paths(server).some((path) => /\/actions\/workflows\?/.test(path)));
    assert.ok(paths(server).some((path) => path.includes('/contents/')));
    assert.ok(paths(server).some((path) => path.includes('/actions/workflows/ci_cd.yml/runs?')));
    assert.ok(paths(server).some((path) => path.includes('artifacts?name=api&')));
    assert.ok(paths(server).some((path) => path.includes('artifacts?name=ingestion_server&')));
    assert.deepEqual(shownCi(after), shownCi(before));
  });

  test('a service added to the publish workflow: loaded again with it, in the same refresh', async () => {
    const loader = ciLoaderOn(server);
    await loader.load(request());
    const text = server.state.scenario.files[PUBLISH_FILE];
    server.state.setFile(
      PUBLISH_FILE,
      text.replace('          - api\n', '          - api\n          - worker\n'),
    );

    loader.rediscover();
    const after = await loader.load(request());

    assert.deepEqual(after.services, ['api', 'worker', 'ingestion_server']);
    assert.ok(paths(server).some((path) => path.includes('artifacts?name=worker&')));
    assert.equal(
      after.statuses[2].ci?.artifacts.find((artifact) => artifact.service === 'worker')?.summary,
      'no artifact',
    );
  });
});

suite('How many more pages a list needs', () => {
  test('artifacts: from the time one page spans, to reach the oldest run', () => {
    // Two pages reached back 10 days; 15 more days to go → 3 more pages.
    const artifacts = [anArtifact({ createdAt: daysAgo(1) }), anArtifact({ createdAt: daysAgo(11) })];

    assert.equal(pagesToReach(artifacts, 2, daysAgo(26)), 3);
    assert.equal(pagesToReach(artifacts, 2, undefined), 1);
    assert.equal(pagesToReach([], 1, daysAgo(5)), 1);
  });

  test('runs: from how many wanted SHAs each page brought', () => {
    const wanted = new Set([sha(1), sha(2), sha(3), sha(4)]);
    const runs = [aRun({ headSha: sha(1) }), aRun({ headSha: sha(9) })];

    assert.equal(pagesToCover(runs, 1, wanted), 3);
    assert.equal(pagesToCover([aRun({ headSha: sha(9) })], 1, wanted), 1);
  });
});
