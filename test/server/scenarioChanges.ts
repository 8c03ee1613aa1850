/**
 * Changes tests make to a scenario while the server runs: add or update a run, change an artifact,
 * push commits to a branch, set a tag. `now` is the server's clock (see `ServerState.now`).
 */

import {
  ArtifactSpec,
  artifactSpecs,
  createArtifact,
  draftCommitRuns,
  materializeRun,
  materializeRuns,
  RunCounters,
  RunDraft,
} from './runFactory';
import type { Scenario, ScenarioArtifact, ScenarioCommit, ScenarioRun, ScenarioWorkflow } from './scenario';
import {
  ArtifactSet,
  CI_WORKFLOW_FILE,
  DEFAULT_RETENTION_DAYS,
  gitHubTime,
  MINUTE_MS,
  RUN_STATUSES,
  RunConclusion,
  RunStatus,
} from './scenarioRules';

/** A run to add (no `id`) or the fields to change on the run with `id`. */
export interface RunChange {
  id?: number;

  /** The commit of a new run: it must be on a branch of the scenario. */
  sha?: string;

  /** `head_branch` of a new run; defaults to the first branch that lists the commit. */
  branch?: string | null;

  /** Workflow id or file name; defaults to `ci_cd.yml`. */
  workflow?: number | string;

  /** Defaults to `push`. */
  event?: string;

  /**
   * Defaults to `queued` for a new run. A status other than `completed` clears the conclusion; a
   * status or a conclusion stops a dispatched or re-run run from moving on by itself.
   */
  status?: RunStatus;
  conclusion?: RunConclusion | null;

  /** Replaces the run's artifacts: a named set (`images-and-logs`, `logs`, `none`) or a list. */
  artifacts?: ArtifactSet | ArtifactSpec[];

  /** Defaults to now for a new run. */
  createdAt?: string;
  displayTitle?: string;
  runAttempt?: number;
}

export interface ArtifactChange {
  id: number;
  expired?: boolean;
  expiresAt?: string;
  sizeInBytes?: number;

  /** Removes the artifact from its run. */
  remove?: boolean;
}

export interface PushOptions {
  /** `rules` (default): the new commits get runs as the scenario rules say; `none`: no runs. */
  runs?: 'rules' | 'none';
}

export class ScenarioChangeError extends Error {}

/** Spacing of the runs of commits pushed together: the newest is 10 minutes old. */
const PUSHED_RUN_SPACING_MS = 10 * MINUTE_MS;

export function changeRun(scenario: Scenario, change: RunChange, now: Date): ScenarioRun {
  if (change.status !== undefined && !RUN_STATUSES.includes(change.status)) {
    throw new ScenarioChangeError(`Unknown status ${change.status}`);
  }

  return change.id === undefined
    ? addRun(scenario, change, now)
    : updateRun(scenario, change.id, change, now);
}

export function changeArtifact(scenario: Scenario, change: ArtifactChange): ScenarioArtifact {
  const run = scenario.runs.find((candidate) =>
    candidate.artifacts.some((artifact) => artifact.id === change.id),
  );

  const artifact = run?.artifacts.find((candidate) => candidate.id === change.id);

  if (!run || !artifact) {
    throw new ScenarioChangeError(`No artifact ${change.id}`);
  }

  if (change.remove) {
    run.artifacts = run.artifacts.filter((candidate) => candidate !== artifact);
  }

  Object.assign(artifact, definedFields({ expired: change.expired, sizeInBytes: change.sizeInBytes }));

  if (change.expiresAt !== undefined) {
    artifact.expiresAt = gitHubTime(new Date(change.expiresAt));
  }

  return artifact;
}

/** Puts `commits` (newest first) on top of `branch`, creating it if needed; returns the new runs. */
export function pushCommits(
  scenario: Scenario,
  branch: string,
  commits: ScenarioCommit[],
  now: Date,
  options: PushOptions = {},
): ScenarioRun[] {
  scenario.branches[branch] = [...commits, ...(scenario.branches[branch] ?? [])];

  if (options.runs === 'none') {
    return [];
  }

  const workflow = findWorkflow(scenario, CI_WORKFLOW_FILE);

  const drafts = commits.flatMap((commit, index) =>
    hasRuns(scenario, commit.sha)
      ? []
      : draftCommitRuns(
          commit,
          branch,
          index,
          workflow.id,
          new Date(now.getTime() - (index + 1) * PUSHED_RUN_SPACING_MS),
        ),
  );

  const runs = materializeRuns(drafts, RunCounters.after(scenario.runs), now);

  scenario.runs.push(...runs);

  return runs;
}

/** Sets `name` on the commit `sha` (which must be on a branch), or removes the tag with `null`. */
export function setTag(scenario: Scenario, name: string, sha: string | null): Record<string, string> {
  if (sha === null) {
    delete scenario.tags[name];

    return scenario.tags;
  }

  const commit = findCommit(scenario, sha);

  if (!commit) {
    throw new ScenarioChangeError(`A tag needs the sha of a commit on a branch; got ${sha}`);
  }

  scenario.tags[name] = commit.sha;

  return scenario.tags;
}

function addRun(scenario: Scenario, change: RunChange, now: Date): ScenarioRun {
  const commit = change.sha ? findCommit(scenario, change.sha) : undefined;

  if (!commit) {
    throw new ScenarioChangeError(`A new run needs the sha of a commit on a branch; got ${change.sha}`);
  }

  const status = change.status ?? 'queued';

  const draft: RunDraft = {
    workflowId: findWorkflow(scenario, change.workflow ?? CI_WORKFLOW_FILE).id,
    event: change.event ?? 'push',
    status,
    conclusion: status === 'completed' ? (change.conclusion ?? null) : null,
    headBranch: change.branch === undefined ? firstBranchOf(scenario, commit.sha) : change.branch,
    commit,
    createdAt: change.createdAt ? new Date(change.createdAt) : now,
    artifacts: toSpecs(change.artifacts ?? []),
    pullRequest: change.event === 'pull_request',
  };

  const run = materializeRun(draft, RunCounters.after(scenario.runs), now);

  Object.assign(run, definedFields({ displayTitle: change.displayTitle, runAttempt: change.runAttempt }));

  scenario.runs.push(run);

  return run;
}

function updateRun(scenario: Scenario, id: number, change: RunChange, now: Date): ScenarioRun {
  const run = scenario.runs.find((candidate) => candidate.id === id);

  if (!run) {
    throw new ScenarioChangeError(`No run ${id}`);
  }

  Object.assign(
    run,
    definedFields({
      status: change.status,
      conclusion: change.conclusion,
      event: change.event,
      displayTitle: change.displayTitle,
      runAttempt: change.runAttempt,
    }),
  );

  if (run.status !== 'completed') {
    run.conclusion = null;
  }

  if (change.status !== undefined || change.conclusion !== undefined) {
    run.lifecycle = null;
  }

  if (change.artifacts !== undefined) {
    const counters = RunCounters.after(scenario.runs);

    run.artifacts = toSpecs(change.artifacts).map((spec) => createArtifact(spec, run, counters, now, now));
  }

  run.updatedAt = gitHubTime(now);

  return run;
}

function toSpecs(artifacts: ArtifactSet | ArtifactSpec[]): ArtifactSpec[] {
  return typeof artifacts === 'string' ? artifactSpecs(artifacts, DEFAULT_RETENTION_DAYS) : artifacts;
}

function findWorkflow(scenario: Scenario, idOrFileName: number | string): ScenarioWorkflow {
  const workflow = scenario.workflows.find(
    (candidate) => candidate.id === Number(idOrFileName) || candidate.path.endsWith(`/${idOrFileName}`),
  );

  if (!workflow) {
    throw new ScenarioChangeError(`No workflow ${idOrFileName}`);
  }

  return workflow;
}

function findCommit(scenario: Scenario, sha: string): ScenarioCommit | undefined {
  return Object.values(scenario.branches)
    .flat()
    .find((commit) => commit.sha === sha);
}

function firstBranchOf(scenario: Scenario, sha: string): string | null {
  const branches = [scenario.repository.defaultBranch, ...Object.keys(scenario.branches)];

  return branches.find((branch) => scenario.branches[branch]?.some((commit) => commit.sha === sha)) ?? null;
}

function hasRuns(scenario: Scenario, sha: string): boolean {
  return scenario.runs.some((run) => run.headSha === sha);
}

/** The fields whose value is not `undefined`, for `Object.assign`. */
function definedFields<T extends object>(fields: T): Partial<T> {
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined)) as Partial<T>;
}
