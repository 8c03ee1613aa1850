/** The test server's default packages scenario, for the tests that run the real clients against it. */
import { buildScenario, type Scenario, type ScenarioCommit } from '../../server/scenario';

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
