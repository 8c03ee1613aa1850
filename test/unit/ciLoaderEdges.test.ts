/**
 * The CI loader's edges: what the first load (unfiltered artifacts, runs of every workflow) shows
 * against what later loads (per-service lists) and the server hold; a CI workflow that disappears.
 */
import * as assert from 'node:assert/strict';

import type { TestServer } from '../server/testServer';
import { buildScenario } from '../server/scenario';
import { startTestServer } from '../server/testServer';
import {
  branchCommits,
  ciLoaderOn,
  mainCommits,
  OWNER,
  REPO,
  startBranchServer,
  shownCi,
} from './builders/serverFixtures';

const paths = (server: TestServer) => server.requests.map((entry) => entry.path);

suite('CI loader edges', function () {
  this.timeout(30_000);

  test('many non-service artifacts per run: the first load shows the same artifacts as later loads', async () => {
    const server = await startBranchServer(50);
    try {
      // Each CI run also uploads 20 test reports (a matrix of test jobs), at the time of its images.
      let nextId = 9_000_000_001;
      for (const run of server.state.scenario.runs) {
        const image = run.artifacts.find((artifact) => artifact.name === 'api');
        if (!image) continue;
        for (let k = 0; k < 20; k++) {
          run.artifacts.push({ ...image, id: nextId++, name: `test-report-${k}` });
        }
      }

      const request = { branch: 'main', commits: mainCommits(server, 50), now: new Date() };
      const loader = ciLoaderOn(server);
      const first = await loader.load(request);
      const firstRequests = paths(server).length;
      server.requests.length = 0;
      const second = await loader.load(request);

      const differing = shownCi(first).filter((line, index) => line !== shownCi(second)[index]);
      assert.deepEqual(
        differing,
        [],
        `first load (${firstRequests} requests) differs from the second on ${differing.length} commits; second says e.g. ${shownCi(second)[differing.length ? shownCi(first).indexOf(differing[0]) : 0]}`,
      );
    } finally {
      await server.close();
    }
  });

  test('services from the publish workflow, CI uploads api.tar: later loads still find the artifact', async () => {
    const server = await startBranchServer(12);
    try {
      for (const run of server.state.scenario.runs) {
        for (const artifact of run.artifacts) {
          if (artifact.name !== 'logs') artifact.name = `${artifact.name}.tar`;
        }
      }
      const request = { branch: 'main', commits: mainCommits(server, 12), now: new Date() };
      const loader = ciLoaderOn(server);
      const first = await loader.load(request);
      const second = await loader.load(request);

      assert.deepEqual(first.services, ['api', 'ingestion_server']);
      assert.match(shownCi(first)[2], /api: \d+ (hours?|days?) old/);
      assert.deepEqual(
        shownCi(second),
        shownCi(first),
        paths(server)
          .filter((p) => p.includes('artifacts'))
          .join('\n'),
      );
    } finally {
      await server.close();
    }
  });

  test('a branch without runs of its own, CI file with an unconventional name: the CI workflow is found', async () => {
    const commits = branchCommits(12);
    const scenario = buildScenario({
      owner: OWNER,
      repo: REPO,
      defaultBranch: 'main',
      // `feature` was just created from main: every commit is main's, built there.
      branches: { main: commits, feature: commits },
    });
    const ci = scenario.workflows.find((workflow) => workflow.path.endsWith('/ci_cd.yml'))!;
    const text = scenario.files[ci.path];
    delete scenario.files[ci.path];
    ci.path = '.github/workflows/images.yml';
    scenario.files[ci.path] = text;

    const server = await startTestServer({ scenario });
    try {
      const loader = ciLoaderOn(server);
      const snapshot = await loader.load({
        branch: 'feature',
        commits: mainCommits(server, 12),
        now: new Date(),
      });

      assert.equal(snapshot.problem, undefined, 'the first load of the branch found no CI workflow');
      assert.equal(snapshot.ciWorkflowPath, 'images.yml');
    } finally {
      await server.close();
    }
  });
});

suite('CI workflow removed', function () {
  this.timeout(30_000);

  test('a manual refresh after the detected CI workflow was removed does not fail with "check imagePublisher.ciWorkflow"', async () => {
    const server = await startBranchServer(12);
    try {
      const request = { branch: 'main', commits: mainCommits(server, 12), now: new Date() };
      const loader = ciLoaderOn(server);
      const first = await loader.load(request);
      assert.equal(first.ciWorkflowPath, 'ci_cd.yml');

      // The CI workflow file is deleted (and GitHub no longer lists the workflow).
      const scenario = server.state.scenario;
      const ci = scenario.workflows.find((workflow) => workflow.path.endsWith('/ci_cd.yml'))!;
      scenario.workflows = scenario.workflows.filter((workflow) => workflow !== ci);
      delete scenario.files[ci.path];

      loader.rediscover();
      const outcomes: string[] = [];
      for (let attempt = 0; attempt < 3; attempt++) {
        try {
          const snapshot = await loader.load(request);
          outcomes.push(`ok: ${snapshot.problem ?? snapshot.ciWorkflowPath}`);
        } catch (error) {
          outcomes.push(
            `threw ${(error as { status?: number }).status}: ${(error as Error).message.slice(0, 60)}`,
          );
          loader.rediscover(); // what CommitsModel does after a failure
        }
      }

      assert.ok(outcomes[0].startsWith('ok'), outcomes.join('\n'));
    } finally {
      await server.close();
    }
  });
});
