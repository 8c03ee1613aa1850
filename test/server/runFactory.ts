/**
 * Turns run plans into scenario runs: drafts first (what, for which commit, when), then ids, run
 * numbers and artifacts in creation order, so that ids grow with time as on GitHub.
 */

import { account } from './accounts';
import { sha256Hex, stableNumber } from './hashing';
import type { ScenarioAccount, ScenarioArtifact, ScenarioCommit, ScenarioRun } from './scenario';
import {
  ARTIFACT_UPLOAD_OFFSET_MS,
  ArtifactSet,
  DAY_MS,
  DEFAULT_RETENTION_DAYS,
  gitHubTime,
  IMAGE_SERVICES,
  isFlaggedExpired,
  LOGS_ARTIFACT,
  MINUTE_MS,
  PULL_REQUEST_RUN_DELAY_MS,
  RUN_DURATION_MS,
  RunConclusion,
  RunPlan,
  runPlanForIndex,
  RunStatus,
} from './scenarioRules';

export interface ArtifactSpec {
  name: string;
  sizeInBytes?: number;

  /** Defaults to 20 minutes after the run started, or to now for an artifact added to a run later. */
  createdAt?: string;

  /** Defaults to `createdAt` + `retentionDays`. */
  expiresAt?: string;
  retentionDays?: number;

  /** Defaults to the rule: more than an hour past `expiresAt`. */
  expired?: boolean;
}

export interface RunDraft {
  workflowId: number;
  event: string;
  status: RunStatus;
  conclusion: RunConclusion | null;
  headBranch: string | null;
  commit: ScenarioCommit;
  createdAt: Date;
  artifacts: ArtifactSpec[];
  pullRequest: boolean;
}

const RUN_ID_BASE = 20_000_000_001;

const CHECK_SUITE_ID_BASE = 40_000_000_001;

const ARTIFACT_ID_BASE = 3_000_000_001;

const FIRST_PULL_REQUEST_NUMBER = 101;

/** The next free ids and numbers, derived from the runs that exist. */
export class RunCounters {
  private constructor(
    public nextRunId: number,
    public nextCheckSuiteId: number,
    public nextArtifactId: number,
    public nextPullRequestNumber: number,
    private readonly runNumbers: Map<number, number>,
  ) {}

  static empty(): RunCounters {
    return new RunCounters(
      RUN_ID_BASE,
      CHECK_SUITE_ID_BASE,
      ARTIFACT_ID_BASE,
      FIRST_PULL_REQUEST_NUMBER,
      new Map(),
    );
  }

  static after(runs: readonly ScenarioRun[]): RunCounters {
    const counters = RunCounters.empty();

    for (const run of runs) {
      counters.nextRunId = Math.max(counters.nextRunId, run.id + 1);

      counters.nextCheckSuiteId = Math.max(counters.nextCheckSuiteId, run.checkSuiteId + 1);

      counters.nextPullRequestNumber = Math.max(
        counters.nextPullRequestNumber,
        (run.pullRequestNumber ?? 0) + 1,
      );

      counters.runNumbers.set(
        run.workflowId,
        Math.max(counters.runNumbers.get(run.workflowId) ?? 0, run.runNumber),
      );

      for (const artifact of run.artifacts) {
        counters.nextArtifactId = Math.max(counters.nextArtifactId, artifact.id + 1);
      }
    }

    return counters;
  }

  takeRunNumber(workflowId: number): number {
    const next = (this.runNumbers.get(workflowId) ?? 0) + 1;

    this.runNumbers.set(workflowId, next);

    return next;
  }
}

/** The push run, and the pull_request run where the rules ask for one, of the commit at `index`. */
export function draftCommitRuns(
  commit: ScenarioCommit,
  branch: string,
  index: number,
  workflowId: number,
  createdAt: Date,
): RunDraft[] {
  const plans = runPlanForIndex(index);

  const push = draftFromPlan(plans.push, commit, branch, workflowId, createdAt, 'push');

  if (!plans.pullRequest) {
    return [push];
  }

  const pullRequestCreatedAt = new Date(createdAt.getTime() + PULL_REQUEST_RUN_DELAY_MS);

  return [
    push,
    draftFromPlan(plans.pullRequest, commit, branch, workflowId, pullRequestCreatedAt, 'pull_request'),
  ];
}

/** The artifacts an artifact set names: the image per service and the logs. */
export function artifactSpecs(set: ArtifactSet, retentionDays: number): ArtifactSpec[] {
  const names = set === 'none' ? [] : set === 'logs' ? [LOGS_ARTIFACT] : [...IMAGE_SERVICES, LOGS_ARTIFACT];

  return names.map((name) => ({ name, retentionDays }));
}

/** Gives the drafts ids, run numbers and artifacts, oldest first. */
export function materializeRuns(
  drafts: readonly RunDraft[],
  counters: RunCounters,
  now: Date,
): ScenarioRun[] {
  const ordered = [...drafts].sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());

  return ordered.map((draft) => materializeRun(draft, counters, now));
}

export function materializeRun(draft: RunDraft, counters: RunCounters, now: Date): ScenarioRun {
  const id = counters.nextRunId++;

  const createdAt = gitHubTime(draft.createdAt);

  const run: ScenarioRun = {
    id,
    workflowId: draft.workflowId,
    checkSuiteId: counters.nextCheckSuiteId++,
    runNumber: counters.takeRunNumber(draft.workflowId),
    runAttempt: 1,
    event: draft.event,
    status: draft.status,
    conclusion: draft.conclusion,
    headBranch: draft.headBranch,
    headSha: draft.commit.sha,
    headCommit: { ...draft.commit },
    actor: actorFor(draft.commit),
    displayTitle: draft.commit.subject,
    createdAt,
    updatedAt: gitHubTime(runUpdatedAt(draft.status, draft.createdAt)),
    runStartedAt: createdAt,
    pullRequestNumber: draft.pullRequest ? counters.nextPullRequestNumber++ : null,
    artifacts: [],
  };

  const uploadedAt = new Date(Math.min(draft.createdAt.getTime() + ARTIFACT_UPLOAD_OFFSET_MS, now.getTime()));

  run.artifacts = draft.artifacts.map((spec) => createArtifact(spec, run, counters, now, uploadedAt));

  return run;
}

export function createArtifact(
  spec: ArtifactSpec,
  run: ScenarioRun,
  counters: RunCounters,
  now: Date,
  uploadedAt: Date,
): ScenarioArtifact {
  const id = counters.nextArtifactId++;

  const createdAt = spec.createdAt ? new Date(spec.createdAt) : uploadedAt;

  const expiresAt = spec.expiresAt
    ? new Date(spec.expiresAt)
    : new Date(createdAt.getTime() + (spec.retentionDays ?? DEFAULT_RETENTION_DAYS) * DAY_MS);

  return {
    id,
    name: spec.name,
    sizeInBytes: spec.sizeInBytes ?? artifactSize(spec.name, run.headSha),
    createdAt: gitHubTime(createdAt),
    updatedAt: gitHubTime(createdAt),
    expiresAt: gitHubTime(expiresAt),
    expired: spec.expired ?? isFlaggedExpired(expiresAt, now),
    digest: `sha256:${sha256Hex(`${run.id}:${spec.name}`)}`,
  };
}

/** The GitHub user behind a commit's push: a login made from the author's name. */
export function actorFor(commit: ScenarioCommit): ScenarioAccount {
  const login =
    commit.authorName
      .trim()
      .toLowerCase()
      .replace(/[^a-z0-9[\]]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'ghost';

  return account(login, 'User', commit.authorName);
}

/** A run's `updated_at` given its status: the end of the run once completed. */
export function runUpdatedAt(status: RunStatus, createdAt: Date): Date {
  if (status === 'completed') {
    return new Date(createdAt.getTime() + RUN_DURATION_MS);
  }

  return status === 'queued' ? createdAt : new Date(createdAt.getTime() + MINUTE_MS);
}

function draftFromPlan(
  plan: RunPlan,
  commit: ScenarioCommit,
  branch: string,
  workflowId: number,
  createdAt: Date,
  event: 'push' | 'pull_request',
): RunDraft {
  return {
    workflowId,
    event,
    status: plan.status,
    conclusion: plan.conclusion,
    headBranch: branch,
    commit,
    createdAt,
    artifacts: artifactSpecs(plan.artifacts, plan.retentionDays),
    pullRequest: event === 'pull_request',
  };
}

function artifactSize(name: string, sha: string): number {
  const base = name === LOGS_ARTIFACT ? 20_000 : 150_000_000;

  return base + stableNumber(`${name}:${sha}`, base);
}
