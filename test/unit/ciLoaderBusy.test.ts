/**
 * The CI loader against busy and unusual repositories: scheduled workflows uploading reports every
 * hour, artifacts renamed to `<service>.tar` along the way, a dense burst of old artifacts, no
 * workflows at all, services never built, loads at the same time. Each compares the first load
 * with what a configured load shows, or counts the requests a refresh costs.
 */
import * as assert from 'node:assert/strict';

import type { TestServer } from '../server/testServer';
import type { ScenarioRun } from '../server/scenario';
import {
  ciLoaderOn,
  mainCommits,
  startBranchServer,
  shownCi,
  UNCONFIGURED_CI,
} from './builders/serverFixtures';

const short = (server: TestServer) =>
  server.requests.map((r) => r.path.replace(/^\/api\/v3\/repos\/acme\/widgets/, ''));

/** The CI workflow renamed to images.yml; a conventional-name ci.yml (tests) runs on every push. */
function imagesAndTests(server: TestServer): void {
  const scenario = server.state.scenario;
  const ci = scenario.workflows.find((w) => w.path.endsWith('/ci_cd.yml'))!;
  const text = scenario.files[ci.path];
  delete scenario.files[ci.path];
  ci.path = '.github/workflows/images.yml';
  scenario.files[ci.path] = text;
  const tests = { ...ci, id: 90_000_001, name: 'Tests', path: '.github/workflows/ci.yml' };
  scenario.workflows.push(tests);
  scenario.files[tests.path] =
    'name: Tests\non: push\njobs:\n  t:\n    runs-on: ubuntu-latest\n    steps:\n      - run: true\n';
  let id = 91_000_000_001;
  for (const run of [...scenario.runs]) {
    scenario.runs.push({
      ...run,
      id: id++,
      workflowId: tests.id,
      artifacts: [],
      status: 'completed',
      conclusion: 'success',
    });
  }
}

/** A scheduled workflow on main uploading `perHour` artifacts an hour over [fromDays, toDays) ago. */
function hourlyUploads(server: TestServer, fromDays: number, toDays: number, perHour: number): void {
  const scenario = server.state.scenario;
  const template = scenario.runs.find((run) => run.artifacts.some((a) => a.name === 'api'))!;
  const now = Date.parse(scenario.now);
  const wf = {
    ...scenario.workflows[0],
    id: 92_000_001,
    name: 'Hourly',
    path: '.github/workflows/hourly.yml',
  };
  scenario.workflows.push(wf);
  let runId = 93_000_000_001;
  let artifactId = 94_000_000_001;
  for (let h = fromDays * 24; h < toDays * 24; h++) {
    const created = new Date(now - h * 3_600_000 - 60_000).toISOString();
    const run: ScenarioRun = {
      ...template,
      id: runId++,
      workflowId: wf.id,
      event: 'schedule',
      createdAt: created,
      updatedAt: created,
      runStartedAt: created,
      artifacts: Array.from({ length: perHour }, (_, k) => ({
        ...template.artifacts[0],
        id: artifactId++,
        name: `report-${k}`,
        createdAt: created,
        updatedAt: created,
      })),
    };
    scenario.runs.push(run);
  }
}

suite('CI loader: the first load against busy and unusual repositories', function () {
  this.timeout(60_000);

  test('busy repo, CI not conventionally named, ci.yml runs tests: the first load detects the image workflow', async () => {
    const server = await startBranchServer(50);
    try {
      imagesAndTests(server);
      hourlyUploads(server, 0, 5, 3); // 360 report artifacts over the last 5 days
      const request = { branch: 'main', commits: mainCommits(server, 50), now: new Date() };
      const loader = ciLoaderOn(server);
      const first = await loader.load(request);
      const second = await loader.load(request);
      const configured = await ciLoaderOn(server, {
        ...UNCONFIGURED_CI,
        ciWorkflow: 'images.yml',
        services: ['api', 'ingestion_server'],
      }).load(request);

      assert.equal(
        first.ciWorkflowPath,
        'images.yml',
        `first load picked ${first.ciWorkflowPath}, second ${second.ciWorkflowPath}`,
      );
      assert.deepEqual(shownCi(first), shownCi(configured));
    } finally {
      await server.close();
    }
  });

  test('artifacts renamed api -> api.tar some runs ago: later loads show what the first load shows', async () => {
    const server = await startBranchServer(50);
    try {
      const sorted = [...server.state.scenario.runs].sort(
        (a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt),
      );
      sorted.slice(0, 20).forEach((run) =>
        run.artifacts.forEach((a) => {
          if (a.name !== 'logs') a.name = `${a.name}.tar`;
        }),
      );
      const request = { branch: 'main', commits: mainCommits(server, 50), now: new Date() };
      const loader = ciLoaderOn(server);
      const first = await loader.load(request);
      const second = await loader.load(request);
      const differing = shownCi(first).filter((line, i) => line !== shownCi(second)[i]);
      assert.deepEqual(
        differing.slice(0, 3),
        [],
        `${differing.length} rows differ; second: ${shownCi(second).slice(2, 4).join(' | ')}`,
      );
    } finally {
      await server.close();
    }
  });

  test('sparse recent artifacts, a dense older burst: the unfiltered first load equals a configured load', async () => {
    const server = await startBranchServer(50);
    try {
      hourlyUploads(server, 50, 62, 10); // 2880 artifacts 50..62 days ago
      const request = { branch: 'main', commits: mainCommits(server, 50), now: new Date() };
      server.requests.length = 0;
      const first = await ciLoaderOn(server).load(request);
      const firstPaths = short(server);
      const configured = await ciLoaderOn(server, {
        ...UNCONFIGURED_CI,
        ciWorkflow: 'ci_cd.yml',
        services: ['api', 'ingestion_server'],
      }).load(request);
      const differing = shownCi(first).filter((line, i) => line !== shownCi(configured)[i]);
      assert.deepEqual(
        differing.slice(0, 3),
        [],
        `${differing.length} rows differ; configured says ${shownCi(configured).find((l, i) => l !== shownCi(first)[i])}\n${firstPaths.join('\n')}`,
      );
    } finally {
      await server.close();
    }
  });

  test('two loads at once on a new loader: same rows as one load, no more requests than two sequential loads', async () => {
    const server = await startBranchServer(50);
    try {
      const request = { branch: 'main', commits: mainCommits(server, 50), now: new Date() };
      const seq = ciLoaderOn(server);
      server.requests.length = 0;
      const s1 = await seq.load(request);
      await seq.load(request);
      const sequential = server.requests.length;
      server.requests.length = 0;
      const loader = ciLoaderOn(server);
      const [a, b] = await Promise.all([loader.load(request), loader.load(request)]);
      const concurrent = server.requests.length;
      server.requests.length = 0;
      const c = await loader.load(request);
      assert.deepEqual(shownCi(a), shownCi(s1));
      assert.deepEqual(shownCi(b), shownCi(s1));
      assert.deepEqual(shownCi(c), shownCi(s1));
      assert.ok(concurrent <= sequential + 2, `concurrent ${concurrent} vs sequential ${sequential}`);
      assert.equal(server.requests.length, 3, short(server).join('\n'));
    } finally {
      await server.close();
    }
  });
});

suite('CI loader: requests per refresh and failures', function () {
  this.timeout(60_000);

  test('same as A without the hourly uploads: images.yml is found', async () => {
    const server = await startBranchServer(50);
    try {
      imagesAndTests(server);
      const request = { branch: 'main', commits: mainCommits(server, 50), now: new Date() };
      const first = await ciLoaderOn(server).load(request);
      assert.equal(first.ciWorkflowPath, 'images.yml');
    } finally {
      await server.close();
    }
  });

  test('a repository without workflows: each refresh costs no more than the first load', async () => {
    const server = await startBranchServer(300);
    try {
      server.state.scenario.workflows = [];
      server.state.scenario.runs = [];
      const request = { branch: 'main', commits: mainCommits(server, 300), now: new Date() };
      const loader = ciLoaderOn(server);
      const counts: number[] = [];
      const all: string[][] = [];
      for (let k = 0; k < 3; k++) {
        server.requests.length = 0;
        const snapshot = await loader.load(request);
        assert.ok(snapshot.problem);
        counts.push(server.requests.length);
        all.push(short(server));
      }
      assert.ok(counts[2] <= 2, `requests per load ${counts.join(', ')}\n${all[2].join('\n')}`);
    } finally {
      await server.close();
    }
  });

  test('everything 404s after a first load: one retry, then the error', async () => {
    const server = await startBranchServer(50);
    try {
      const request = { branch: 'main', commits: mainCommits(server, 50), now: new Date() };
      const loader = ciLoaderOn(server);
      await loader.load(request);
      server.state.faults.add({
        path: '.*',
        action: 'respond',
        status: 404,
        body: { message: 'Not Found' },
      } as never);
      server.requests.length = 0;
      await assert.rejects(loader.load(request), (error: { status?: number }) => error.status === 404);
      const n = server.requests.length;
      await assert.rejects(loader.load(request), (error: { status?: number }) => error.status === 404);
      assert.ok(n < 12, `${n} requests:\n${short(server).join('\n')}`);
    } finally {
      await server.close();
    }
  });

  test('five services from the publish workflow, none ever built: requests per refresh', async () => {
    const server = await startBranchServer(50);
    try {
      const file = '.github/workflows/push_docker_image.yml';
      const text = server.state.scenario.files[file];
      server.state.setFile(
        file,
        text.replace(
          '          - api\n',
          '          - api\n          - w1\n          - w2\n          - w3\n          - w4\n          - w5\n',
        ),
      );
      const request = { branch: 'main', commits: mainCommits(server, 50), now: new Date() };
      const loader = ciLoaderOn(server);
      const first = await loader.load(request);
      server.requests.length = 0;
      await loader.load(request);
      assert.equal(first.services.length, 7);
      assert.ok(server.requests.length <= 3 + 5, `${server.requests.length}`);
    } finally {
      await server.close();
    }
  });
});

suite('CI loader: detection without services', function () {
  this.timeout(60_000);

  test('no publish workflow, images as api.tar, a tests workflow uploading 3 reports per push: the image workflow is found', async () => {
    const server = await startBranchServer(30);
    try {
      const scenario = server.state.scenario;
      const publish = scenario.workflows.find((w) => w.path.endsWith('push_docker_image.yml'))!;
      scenario.workflows = scenario.workflows.filter((w) => w !== publish);
      delete scenario.files[publish.path];
      scenario.runs = scenario.runs.filter((run) => run.workflowId !== publish.id);
      for (const run of scenario.runs)
        for (const a of run.artifacts) if (a.name !== 'logs') a.name = `${a.name}.tar`;
      const tests = {
        ...scenario.workflows[0],
        id: 90_000_009,
        name: 'Tests',
        path: '.github/workflows/tests.yml',
      };
      scenario.workflows.push(tests);
      let id = 95_000_000_001;
      let aid = 96_000_000_001;
      for (const run of scenario.runs.filter((r) => r.workflowId !== tests.id && r.event === 'push')) {
        scenario.runs.push({
          ...run,
          id: id++,
          workflowId: tests.id,
          status: 'completed',
          conclusion: 'success',
          artifacts: [0, 1, 2].map((k) => ({
            ...(run.artifacts[0] ?? scenario.runs.find((r) => r.artifacts.length)!.artifacts[0]),
            id: aid++,
            name: `coverage-${k}`,
          })),
        });
      }
      const request = { branch: 'main', commits: mainCommits(server, 30), now: new Date() };
      const snapshot = await ciLoaderOn(server).load(request);
      assert.equal(
        snapshot.ciWorkflowPath,
        'ci_cd.yml',
        `picked ${snapshot.ciWorkflowPath}, services ${snapshot.services}`,
      );
    } finally {
      await server.close();
    }
  });

  test('refresh while a load runs, a service added meanwhile: both loads end with the new services, bounded requests', async () => {
    const server = await startBranchServer(60);
    try {
      const request = { branch: 'main', commits: mainCommits(server, 50), now: new Date() };
      const loader = ciLoaderOn(server);
      await loader.load(request);
      const file = '.github/workflows/push_docker_image.yml';
      server.state.setFile(
        file,
        server.state.scenario.files[file].replace(
          '          - api\n',
          '          - api\n          - worker\n',
        ),
      );
      server.requests.length = 0;
      server.state.latencyMs = 50;
      loader.rediscover();
      const a = loader.load(request);
      await new Promise((r) => setTimeout(r, 20));
      loader.rediscover();
      const b = loader.load(request);
      const [ra, rb] = await Promise.all([a, b]);
      server.state.latencyMs = 0;
      const n = server.requests.length;
      server.requests.length = 0;
      const rc = await loader.load(request);
      assert.deepEqual(ra.services, ['api', 'worker', 'ingestion_server']);
      assert.deepEqual(rb.services, ['api', 'worker', 'ingestion_server']);
      assert.deepEqual(shownCi(ra), shownCi(rc));
      assert.ok(n < 30, `${n}: ${short(server).join(' ')}`);
      assert.ok(server.requests.length <= 5, short(server).join('\n'));
    } finally {
      server.state.latencyMs = 0;
      await server.close();
    }
  });
});
