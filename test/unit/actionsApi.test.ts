import * as assert from 'node:assert/strict';

import { CiLoader } from '../../src/ci/ciLoader';
import { ActionsApi } from '../../src/github/actionsApi';
import { createGitHubClient } from '../../src/github/client';
import { ConditionalCache } from '../../src/github/conditionalCache';
import { silentLog } from '../../src/log/log';
import { buildScenario, DEFAULT_TOKEN, type ScenarioCommit } from '../server/scenario';
import { startTestServer, type TestServer } from '../server/testServer';
import { UNCONFIGURED_CI } from './builders/serverFixtures';

function commits(count: number): ScenarioCommit[] {
  return Array.from({ length: count }, (_, index) => ({
    sha: (index + 1).toString(16).padStart(40, '0'),
    subject: `Change ${index}`,
    authorName: 'Ada',
    authorEmail: 'ada@example.com',
    date: new Date(Date.UTC(2026, 5, 1) - index * 3_600_000).toISOString(),
  }));
}

suite('ActionsApi and CiLoader against the test server', function () {
  this.timeout(20_000);

  const history = commits(250);
  let server: TestServer;
  let api: ActionsApi;

  suiteSetup(async () => {
    const scenario = buildScenario({
      owner: 'acme',
      repo: 'widgets',
      defaultBranch: 'main',
      branches: { main: history },
    });
    server = await startTestServer({ scenario });
    const client = createGitHubClient({
      apiBaseUrl: server.apiUrl,
      token: DEFAULT_TOKEN,
      log: silentLog,
      userAgent: 'test',
    });
    api = new ActionsApi(client, { owner: 'acme', repo: 'widgets' });
  });

  suiteTeardown(() => server.close());
  setup(() => void (server.requests.length = 0));

  const wanted = (count: number) => new Set(history.slice(0, count).map((commit) => commit.sha));
  const paths = () => server.requests.map((request) => request.path);

  test('one page of 100 runs covers the first 50 commits', async () => {
    const runs = await api.listRuns({
      workflow: 'ci_cd.yml',
      branch: 'main',
      wantedShas: wanted(50),
      maxPages: 2,
    });

    assert.equal(server.requests.length, 1);
    assert.match(paths()[0], /\/actions\/workflows\/ci_cd\.yml\/runs\?.*branch=main/);
    assert.ok(runs.length >= 50);
  });

  test('follows Link rel="next" until every wanted SHA has a run', async () => {
    const runs = await api.listRuns({
      workflow: 'ci_cd.yml',
      branch: 'main',
      wantedShas: wanted(150),
      maxPages: 5,
    });
    const found = new Set(runs.map((run) => run.headSha));

    assert.equal(server.requests.length, 2);
    assert.match(paths()[1], /page=2/);
    assert.match(paths()[1], /branch=main/);
    history.slice(0, 150).forEach((commit) => assert.ok(found.has(commit.sha), commit.sha));
  });

  test('stops at maxPages', async () => {
    await api.listRuns({ workflow: 'ci_cd.yml', branch: 'main', wantedShas: wanted(250), maxPages: 1 });

    assert.equal(server.requests.length, 1);
  });

  test('a cold load of 50 commits × 2 services costs 5 requests, a warm one 3', async () => {
    const loader = new CiLoader(api, UNCONFIGURED_CI, silentLog);
    const shown = history.slice(0, 50).map((commit) => ({ ...commit, message: commit.subject }));

    const cold = await loader.load({ branch: 'main', commits: shown, now: new Date() });
    const coldRequests = paths();
    server.requests.length = 0;
    await loader.load({ branch: 'main', commits: shown, now: new Date() });

    assert.deepEqual(cold.services, ['api', 'ingestion_server']);
    assert.equal(cold.ciWorkflowPath, 'ci_cd.yml');
    assert.equal(coldRequests.length, 5, coldRequests.join('\n'));
    assert.equal(server.requests.length, 3, paths().join('\n'));
    assert.equal(cold.statuses.filter((status) => status.ci?.run).length, 50);
  });

  test('with the conditional cache, a warm load with nothing changed is all 304s', async () => {
    const cache = new ConditionalCache();
    const client = createGitHubClient({
      apiBaseUrl: server.apiUrl,
      token: DEFAULT_TOKEN,
      log: silentLog,
      userAgent: 'test',
      cache,
    });
    const loader = new CiLoader(
      new ActionsApi(client, { owner: 'acme', repo: 'widgets' }),
      {
        ciWorkflow: 'ci_cd.yml',
        publishWorkflow: '',
        services: ['api', 'ingestion_server'],
        serviceInput: '',
        commitInput: '',
        warningDays: 7,
      },
      silentLog,
    );
    const shown = history.slice(0, 50).map((commit) => ({ ...commit, message: commit.subject }));

    const cold = await loader.load({ branch: 'main', commits: shown, now: new Date() });
    server.requests.length = 0;
    const warm = await loader.load({ branch: 'main', commits: shown, now: new Date() });

    assert.deepEqual(
      server.requests.map((request) => request.status),
      [304, 304, 304],
    );
    assert.ok(server.requests.every((request) => request.ifNoneMatch));
    assert.deepEqual(
      warm.statuses.map((status) => status.ci?.state.word),
      cold.statuses.map((status) => status.ci?.state.word),
    );
  });
});

suite('CiLoader on a branch that shares commits with its base', function () {
  this.timeout(20_000);

  test('commits built on the base branch show their runs; only then is a second request made', async () => {
    const base = commits(8);
    const own = commits(10)
      .slice(8)
      .map((commit, index) => ({ ...commit, sha: `f${index}`.padEnd(40, 'e') }));
    const scenario = buildScenario({
      owner: 'acme',
      repo: 'widgets',
      defaultBranch: 'main',
      branches: { main: base, 'feature/x': [...own, ...base] },
    });
    const server = await startTestServer({ scenario });

    try {
      const client = createGitHubClient({
        apiBaseUrl: server.apiUrl,
        token: DEFAULT_TOKEN,
        log: silentLog,
        userAgent: 'test',
      });
      const loader = new CiLoader(
        new ActionsApi(client, { owner: 'acme', repo: 'widgets' }),
        {
          ciWorkflow: 'ci_cd.yml',
          publishWorkflow: '',
          services: ['api'],
          serviceInput: '',
          commitInput: '',
          warningDays: 7,
        },
        silentLog,
      );
      const shown = [...own, ...base].map((commit) => ({ ...commit, message: commit.subject }));

      const feature = await loader.load({ branch: 'feature/x', commits: shown, now: new Date() });
      const runRequests = server.requests
        .filter((request) => /\/runs\?/.test(request.path))
        .map((request) => request.path);
      server.requests.length = 0;
      await loader.load({ branch: 'main', commits: shown.slice(2), now: new Date() });
      const mainRunRequests = server.requests.filter((request) => /\/runs\?/.test(request.path));

      assert.deepEqual(
        feature.statuses.map((status) => status.ci?.run?.headBranch),
        ['feature/x', 'feature/x', ...base.map(() => 'main')],
      );
      assert.equal(runRequests.length, 2, runRequests.join('\n'));
      assert.match(runRequests[0], /branch=feature%2Fx/);
      assert.doesNotMatch(runRequests[1], /branch=/);
      assert.equal(mainRunRequests.length, 1, 'nothing missing on main: no second request');
    } finally {
      await server.close();
    }
  });
});
