/**
 * The rules that give each commit of a branch its CI runs in a built scenario.
 *
 * `index` is the commit's position in its branch, newest first (0 = the branch head). A commit listed
 * by several branches gets its runs only once, on the first branch that lists it (the default branch
 * first, then the others in the order given), with its index in that branch.
 *
 * | index | push run of ci_cd.yml | artifacts                                                        |
 * |-------|-----------------------|------------------------------------------------------------------|
 * | 0     | in_progress           | none yet                                                         |
 * | 1     | completed / failure   | `logs` only                                                      |
 * | 2     | completed / success   | `api`, `ingestion_server`, `logs`; also a newer `pull_request`   |
 * |       |                       | run (completed / failure, `logs` only)                           |
 * | 3     | completed / success   | images + logs kept 10 days: about 4 days left (< 7)              |
 * | 4     | completed / success   | images + logs kept 8 days: `expires_at` passed 10 minutes ago,   |
 * |       |                       | `expired` still false (GitHub deletes late)                      |
 * | 5     | completed / success   | images + logs kept 7 days: `expired: true`                       |
 * | 6     | completed / cancelled | none                                                             |
 * | 7+    | completed / success   | images + logs kept 90 days, so by age: 42–44 have < 7 days left, |
 * |       |                       | 45 is past `expires_at` with `expired` false, 46+ `expired: true` |
 *
 * Timing (all relative to the scenario's `now`): the push run of index i is created
 * i × 2 days + 30 minutes before `now`, so a 50-commit branch spans about 100 days; a completed run
 * ends 25 minutes after it started; its artifacts are created 20 minutes after it started and expire
 * `retentionDays` later. `expired` is true once `expires_at` is more than an hour past.
 * Run ids, check suite ids, artifact ids and run numbers grow with creation time, as on GitHub.
 */

export const DAY_MS = 24 * 60 * 60 * 1000;

export const MINUTE_MS = 60 * 1000;

export const DAYS_BETWEEN_COMMITS = 2;

export const RUN_START_OFFSET_MS = 30 * MINUTE_MS;

export const RUN_DURATION_MS = 25 * MINUTE_MS;

export const ARTIFACT_UPLOAD_OFFSET_MS = 20 * MINUTE_MS;

export const PULL_REQUEST_RUN_DELAY_MS = 5 * MINUTE_MS;

export const DEFAULT_RETENTION_DAYS = 90;

/** GitHub flags an artifact `expired` some time after `expires_at`; until then it still says false. */
export const EXPIRY_DELETION_LAG_MS = 60 * MINUTE_MS;

export const IMAGE_SERVICES = ['api', 'ingestion_server'] as const;

export const LOGS_ARTIFACT = 'logs';

export const CI_WORKFLOW_FILE = 'ci_cd.yml';

export const PUBLISH_WORKFLOW_FILE = 'push_docker_image.yml';

export type RunStatus = 'queued' | 'in_progress' | 'completed' | 'waiting' | 'requested' | 'pending';

export type RunConclusion =
  | 'success'
  | 'failure'
  | 'cancelled'
  | 'skipped'
  | 'timed_out'
  | 'action_required'
  | 'neutral'
  | 'stale'
  | 'startup_failure';

export const RUN_STATUSES: readonly RunStatus[] = [
  'queued',
  'in_progress',
  'completed',
  'waiting',
  'requested',
  'pending',
];

export const RUN_CONCLUSIONS: readonly RunConclusion[] = [
  'success',
  'failure',
  'cancelled',
  'skipped',
  'timed_out',
  'action_required',
  'neutral',
  'stale',
  'startup_failure',
];

export type ArtifactSet = 'none' | 'logs' | 'images-and-logs';

export interface RunPlan {
  status: RunStatus;
  conclusion: RunConclusion | null;
  artifacts: ArtifactSet;
  retentionDays: number;
}

export interface CommitRunPlan {
  push: RunPlan;

  /** A second, newer run of the `pull_request` event for the same commit, if any. */
  pullRequest: RunPlan | null;
}

const PINNED_PLANS: readonly CommitRunPlan[] = [
  { push: plan('in_progress', null, 'none'), pullRequest: null },
  { push: plan('completed', 'failure', 'logs'), pullRequest: null },
  {
    push: plan('completed', 'success', 'images-and-logs'),
    pullRequest: plan('completed', 'failure', 'logs'),
  },
  { push: plan('completed', 'success', 'images-and-logs', 10), pullRequest: null },
  { push: plan('completed', 'success', 'images-and-logs', 8), pullRequest: null },
  { push: plan('completed', 'success', 'images-and-logs', 7), pullRequest: null },
  { push: plan('completed', 'cancelled', 'none'), pullRequest: null },
];

/** Which runs the commit at `index` of its branch (newest first) gets. */
export function runPlanForIndex(index: number): CommitRunPlan {
  return PINNED_PLANS[index] ?? { push: plan('completed', 'success', 'images-and-logs'), pullRequest: null };
}

/** When the push run of the commit at `index` is created. */
export function runCreatedAt(index: number, now: Date): Date {
  return new Date(now.getTime() - index * DAYS_BETWEEN_COMMITS * DAY_MS - RUN_START_OFFSET_MS);
}

/** The artifact flag GitHub shows for an artifact expiring at `expiresAt`, seen at `now`. */
export function isFlaggedExpired(expiresAt: Date, now: Date): boolean {
  return now.getTime() - expiresAt.getTime() > EXPIRY_DELETION_LAG_MS;
}

/** Timestamps as GitHub writes them: seconds precision, `Z`. */
export function gitHubTime(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

function plan(
  status: RunStatus,
  conclusion: RunConclusion | null,
  artifacts: ArtifactSet,
  retentionDays = DEFAULT_RETENTION_DAYS,
): RunPlan {
  return { status, conclusion, artifacts, retentionDays };
}
