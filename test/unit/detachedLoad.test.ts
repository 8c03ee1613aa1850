/** A detached HEAD (no branch filter): the first load and later loads show what the branch view shows. */
import * as assert from 'node:assert/strict';

import type { CiSnapshot } from '../../src/ci/ciLoader';
import { ciLoaderOn, mainCommits, startBranchServer } from './builders/serverFixtures';

const shown = (snapshot: CiSnapshot) =>
  snapshot.statuses.map(
    (status) =>
      `${status.commit.sha.slice(0, 7)} ${status.ci?.run?.id ?? '-'} ${status.ci?.artifacts.map((a) => a.summary).join('; ')}`,
  );

suite('detached HEAD', function () {
  this.timeout(30_000);
  test('first load, second load, and the branch view agree', async () => {
    const server = await startBranchServer(60);
    try {
      const commits = mainCommits(server, 50).slice(3); // detached at main~3
      const loader = ciLoaderOn(server);
      server.requests.length = 0;
      const first = await loader.load({ commits, now: new Date() });
      const n1 = server.requests.length;
      const second = await loader.load({ commits, now: new Date() });
      const onBranch = await ciLoaderOn(server).load({ branch: 'main', commits, now: new Date() });
      console.log(
        `      first load ${n1} requests: ${server.requests
          .slice(0, n1)
          .map((r) => r.path.replace(/.*widgets/, ''))
          .join(' ')}`,
      );
      assert.deepEqual(shown(first), shown(onBranch));
      assert.deepEqual(shown(second), shown(onBranch));
    } finally {
      await server.close();
    }
  });
});
