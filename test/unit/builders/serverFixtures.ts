/** The test server's scenarios, for the tests that run the real clients against it. */
import { CiLoader, type CiSettings, type CiSnapshot } from '../../../src/ci/ciLoader';
import type { Commit } from '../../../src/domain/model';
import { ActionsApi } from '../../../src/github/actionsApi';
import { createGitHubClient } from '../../../src/github/client';
import { silentLog } from '../../../src/log/log';
import { buildScenario, DEFAULT_TOKEN, type Scenario, type ScenarioCommit } from '../../server/scenario';
import { startTestServer, type TestServer } from '../../server/testServer';

export const OWNER = 'acme';

export const REPO = 'widgets';

export const SERVICES = ['api', 'ingestion_server'] as const;

/** `count` commits, newest first, one an hour apart; SHAs distinct in their first 7 characters. */
export function branchCommits(count: number): ScenarioCommit[] {
  return Array.from({ length: count }, (_, index) => ({
    sha: `${(index + 1).toString(16).padStart(2, '0')}c0ffee`.padEnd(40, String(index % 10)),
    subject: `Change ${index}`,
    authorName: 'Ada',
    authorEmail: 'ada@example.com',
    date: new Date(Date.UTC(2026, 5, 1) - index * 3_600_000).toISOString(),
  }));
}

/** The 12-commit `main` of acme/widgets, whose packages follow the server's package rules. */
export function packagesScenario(ownerType: 'Organization' | 'User' = 'Organization'): Scenario {
  return buildScenario({
    owner: OWNER,
    repo: REPO,
    ownerType,
    defaultBranch: 'main',
    branches: { main: branchCommits(12) },
  });
}

/** CI settings with nothing set: the loader discovers the workflow and the services. */
export const UNCONFIGURED_CI: CiSettings = {
  ciWorkflow: '',
  publishWorkflow: '',
  services: [],
  serviceInput: '',
  commitInput: '',
  warningDays: 7,
};

/** A server whose acme/widgets `main` has `count` commits (scenario rules applied). */
export function startBranchServer(count: number): Promise<TestServer> {
  const scenario = buildScenario({
    owner: OWNER,
    repo: REPO,
    defaultBranch: 'main',
    branches: { main: branchCommits(count) },
  });
  return startTestServer({ scenario });
}

/** The first `count` commits of the server's `main`, as git gives them. */
export function mainCommits(server: TestServer, count: number): Commit[] {
  return server.state.scenario.branches.main
    .slice(0, count)
    .map((commit) => ({ ...commit, message: commit.subject }));
}

/** A CI loader with its own client on the server. */
export function ciLoaderOn(server: TestServer, settings: CiSettings = UNCONFIGURED_CI): CiLoader {
  const client = createGitHubClient({
    apiBaseUrl: server.apiUrl,
    token: DEFAULT_TOKEN,
    log: silentLog,
    userAgent: 'test',
  });
  return new CiLoader(new ActionsApi(client, { owner: OWNER, repo: REPO }), settings, silentLog);
}

/** What the rows show for CI, one line per commit: the run and each artifact's summary. */
export function shownCi(snapshot: CiSnapshot): string[] {
  return snapshot.statuses.map(
    (status) =>
      `${status.commit.sha.slice(0, 7)} run ${status.ci?.run?.id ?? '-'} ${status.ci?.artifacts
        .map((artifact) => `${artifact.service}: ${artifact.summary}`)
        .join('; ')}`,
  );
}
