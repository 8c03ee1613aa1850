/**
 * A busy repository: every main commit was preceded by pull-request runs of the same CI workflow
 * on other branches, each uploading the image artifacts too (as the reference CI does).
 */
import * as assert from 'node:assert/strict';

import type { CiSnapshot } from '../../src/ci/ciLoader';
import { ciLoaderOn, mainCommits, startBranchServer, UNCONFIGURED_CI } from './builders/serverFixtures';

const artifactWords = (snapshot: CiSnapshot) =>
  snapshot.statuses.map((status) => `${status.commit.sha.slice(0, 7)} ${status.ci?.artifacts[0]?.summary}`);

suite('busy repository (pull-request runs upload the image artifacts too)', function () {
  this.timeout(30_000);

  test('a commit whose successful run has a valid api artifact never shows "no artifact"', async () => {
    const server = await startBranchServer(50);
    try {
      const scenario = server.state.scenario;
      let runId = 60_000_000_001;
      let artifactId = 7_000_000_001;
      for (const run of [...scenario.runs]) {
        for (let k = 1; k <= 7; k++) {
          const created = new Date(Date.parse(run.createdAt) - k * 60_000).toISOString();
          scenario.runs.push({
            ...run,
            id: runId++,
            event: 'pull_request',
            headBranch: `feature-${k}`,
            headSha: `${k}`.repeat(40),
            createdAt: created,
            artifacts: run.artifacts.map((artifact) => ({
              ...artifact,
              id: artifactId++,
              createdAt: created,
            })),
          });
        }
      }

      const request = { branch: 'main', commits: mainCommits(server, 50), now: new Date() };
      const loader = ciLoaderOn(server, {
        ...UNCONFIGURED_CI,
        ciWorkflow: 'ci_cd.yml',
        services: ['api', 'ingestion_server'],
      });
      const snapshot = await loader.load(request);

      const wrong = snapshot.statuses.filter((status) => {
        const run = scenario.runs.find((each) => each.id === status.ci?.run?.id);
        const api = run?.artifacts.find((artifact) => artifact.name === 'api');
        return (
          run?.conclusion === 'success' &&
          api &&
          !api.expired &&
          status.ci?.artifacts[0]?.summary === 'no artifact'
        );
      });
      assert.deepEqual(
        wrong.map((status) => status.commit.sha.slice(0, 7)),
        [],
        `${wrong.length} commits with an api artifact on GitHub show "no artifact":\n${artifactWords(snapshot).slice(-12).join('\n')}`,
      );
    } finally {
      await server.close();
    }
  });
});
