/**
 * ReleaseTagsModel: the repository changes while the tags of the previous one
 * are still loading, and the view (as TagsTreeProvider does) asks for the tags of the new one.
 */
import './builders/vscodeStub';

import * as assert from 'node:assert/strict';

import { EventEmitter } from './builders/vscodeStub';
import { silentLog } from '../../src/log/log';
import { ReleaseTagsModel } from '../../src/tags/releaseTagsModel';
import { startTestServer, type TestServer } from '../server/testServer';
import { OWNER, packagesScenario, REPO } from './builders/serverFixtures';

function fakeConnection(server: TestServer, key: string) {
  const host = new URL(server.url).host;
  return {
    key,
    label: `${OWNER}/${REPO} on ${host}`,
    apiHost: host,
    account: 'octo-tester',
    repository: {
      owner: OWNER,
      repo: REPO,
      server: { host, authProvider: 'github', apiBaseUrl: server.apiUrl, registryHost: host },
    },
  };
}

suite('release tags and a repository switch', function () {
  this.timeout(20_000);

  test('the tags asked for after a switch are those of the new repository, not "not-loaded"', async () => {
    const server = await startTestServer({ scenario: packagesScenario() });
    server.state.latencyMs = 200;
    try {
      const changes = new EventEmitter<unknown>();
      const commits = {
        connection: fakeConnection(server, 'repository A'),
        state: { kind: 'commits', repositoryRoot: '/tmp/a', services: ['api'], commits: [] },
        onDidChange: changes.event,
      };
      const tags = new ReleaseTagsModel(commits as never, silentLog, silentLog);

      const loadingA = tags.ensureLoaded();
      await new Promise((resolve) => setTimeout(resolve, 50));

      // The view switches to repository B (same test server, another connection), and, as
      // TagsTreeProvider does on the commits view's change, asks for the tags.
      commits.connection = fakeConnection(server, 'repository B');
      commits.state = { ...commits.state, repositoryRoot: '/tmp/b' };
      changes.fire(commits.state);
      await tags.ensureLoaded();
      await loadingA;

      const state = tags.state;
      assert.equal(state.kind, 'loaded', `after ensureLoaded() for B the tags are '${state.kind}'`);
      assert.equal((state as { connectionKey?: string }).connectionKey, 'repository B');
    } finally {
      await server.close();
    }
  });
});
