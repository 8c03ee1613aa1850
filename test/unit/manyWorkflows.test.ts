/** Several other workflows run on every push: the first load still finds the CI workflow and its state. */
import * as assert from 'node:assert/strict';

import { ciLoaderOn, mainCommits, startBranchServer, shownCi } from './builders/serverFixtures';

suite('many workflows per push', function () {
  this.timeout(30_000);

  for (const extra of [4, 12]) {
    test(`${extra} other workflows on every push: first load equals later loads`, async () => {
      const server = await startBranchServer(50);
      try {
        const scenario = server.state.scenario;
        const base = scenario.workflows[0];
        let runId = 50_000_000_001;
        const ciRuns = [...scenario.runs];
        for (let w = 0; w < extra; w++) {
          const workflow = {
            ...base,
            id: 80_000_001 + w,
            name: `Other ${w}`,
            path: `.github/workflows/other${w}.yml`,
          };
          scenario.workflows.push(workflow);
          for (const run of ciRuns) {
            scenario.runs.push({
              ...run,
              id: runId++,
              workflowId: workflow.id,
              artifacts: [],
              createdAt: new Date(Date.parse(run.createdAt) + 1000 * (w + 1)).toISOString(),
            });
          }
        }
        const request = { branch: 'main', commits: mainCommits(server, 50), now: new Date() };
        const loader = ciLoaderOn(server);
        server.requests.length = 0;
        const first = await loader.load(request);
        const firstCount = server.requests.length;
        const firstPaths = server.requests.map((r) => r.path.replace(/^\/api\/v3\/repos\/acme\/widgets/, ''));
        server.requests.length = 0;
        const second = await loader.load(request);
        console.log(
          `      extra=${extra}: first load ${firstCount} requests, second ${server.requests.length}; ci=${first.ciWorkflowPath}`,
        );
        if (firstCount > 8) console.log(firstPaths.map((p) => '        ' + p).join('\n'));
        assert.deepEqual(shownCi(first), shownCi(second));
      } finally {
        await server.close();
      }
    });
  }
});
