/** Typed builders for domain fixtures: each test states only what it cares about. */
import type { Artifact, Commit, WorkflowRun } from '../../../src/domain/model';

export const NOW = new Date('2026-06-01T12:00:00Z');
const DAY = 24 * 60 * 60 * 1000;

export function daysAgo(days: number): Date {
  return new Date(NOW.getTime() - days * DAY);
}

export function sha(seed: number): string {
  return seed.toString(16).padStart(40, 'a');
}

export function aCommit(seed: number, overrides: Partial<Commit> = {}): Commit {
  return {
    sha: sha(seed),
    subject: `Commit ${seed}`,
    message: `Commit ${seed}\n\nBody`,
    authorName: 'Ada',
    authorEmail: 'ada@example.com',
    authorDate: daysAgo(seed),
    ...overrides,
  };
}

let nextRunId = 1000;

export function aRun(overrides: Partial<WorkflowRun> = {}): WorkflowRun {
  const id = overrides.id ?? nextRunId++;

  return {
    id,
    workflowId: 1,
    workflowPath: '.github/workflows/ci_cd.yml',
    name: 'CI + CD',
    runNumber: id,
    runAttempt: 1,
    headSha: sha(1),
    headBranch: 'main',
    event: 'push',
    status: 'completed',
    conclusion: 'success',
    htmlUrl: `https://github.com/acme/widgets/actions/runs/${id}`,
    createdAt: daysAgo(1),
    updatedAt: daysAgo(1),
    ...overrides,
  };
}

let nextArtifactId = 5000;

export function anArtifact(overrides: Partial<Artifact> = {}): Artifact {
  return {
    id: nextArtifactId++,
    name: 'api',
    sizeInBytes: 1024,
    createdAt: daysAgo(12),
    expiresAt: new Date(daysAgo(12).getTime() + 90 * DAY),
    expired: false,
    runId: null,
    headSha: null,
    ...overrides,
  };
}
