/**
 * Runs the server moves along by itself. A dispatched run and a re-run attempt go queued →
 * in_progress → completed, one step every `stepMs` of the server's clock, and conclude as the timing
 * says: `conclusion` (`success` unless changed), or `nextConclusion` once, for the next run started.
 *
 * Nothing runs in the background: `advanceRuns` brings every moving run up to the server's clock
 * when a request arrives, with the times the steps were due (`updated_at`), so the state is the same
 * however often it is read. With `stepMs` 0 a run is completed at the next request.
 *
 * When a run completes:
 * - a run of the CI workflow (`ci_cd.yml`) uploads fresh artifacts, kept 90 days: the images and the
 *   logs on success, the logs only otherwise (they replace the run's earlier artifacts);
 * - a successful run with the inputs `image` and `commit` (the publish workflow) pushes the image
 *   of that commit to the package `<repo>-<image>`, tagged `<commit>` (`publishImage`).
 */

import { publishImage } from './packageChanges';
import { artifactSpecs, createArtifact, RunCounters } from './runFactory';
import type { Scenario, ScenarioRun } from './scenario';
import { CI_WORKFLOW_FILE, DEFAULT_RETENTION_DAYS, gitHubTime, RunConclusion } from './scenarioRules';

export interface RunTiming {
  /** Time from queued to in_progress, and from in_progress to completed. */
  stepMs: number;
  conclusion: RunConclusion;

  /** The conclusion of the next run started (dispatched or re-run) only. */
  nextConclusion: RunConclusion | null;
}

export const DEFAULT_STEP_MS = 1500;

/** The first step of a run that has just been created (or re-run) at `now`. */
export function startLifecycle(run: ScenarioRun, now: Date, timing: RunTiming): void {
  const conclusion = timing.nextConclusion ?? timing.conclusion;

  timing.nextConclusion = null;

  run.lifecycle = {
    startsAt: new Date(now.getTime() + timing.stepMs).toISOString(),
    endsAt: new Date(now.getTime() + 2 * timing.stepMs).toISOString(),
    conclusion,
  };
}

/** Sends a completed run round again as its next attempt, queued at `now`. */
export function rerun(run: ScenarioRun, now: Date, timing: RunTiming): void {
  run.previousAttempts = [
    ...(run.previousAttempts ?? []),
    {
      runAttempt: run.runAttempt,
      conclusion: run.conclusion,
      runStartedAt: run.runStartedAt,
      completedAt: run.updatedAt,
    },
  ];

  run.runAttempt += 1;

  run.status = 'queued';

  run.conclusion = null;

  run.runStartedAt = gitHubTime(now);

  run.updatedAt = gitHubTime(now);

  startLifecycle(run, now, timing);
}

/** Moves every moving run to where it should be at `now`. */
export function advanceRuns(scenario: Scenario, now: Date): void {
  for (const run of scenario.runs) {
    if (run.lifecycle) {
      advanceRun(scenario, run, now);
    }
  }
}

function advanceRun(scenario: Scenario, run: ScenarioRun, now: Date): void {
  const lifecycle = run.lifecycle;

  if (!lifecycle) {
    return;
  }

  const startsAt = new Date(lifecycle.startsAt);

  const endsAt = new Date(lifecycle.endsAt);

  if (run.status === 'queued' && now >= startsAt) {
    run.status = 'in_progress';

    run.updatedAt = gitHubTime(startsAt);
  }

  if (now < endsAt) {
    return;
  }

  run.status = 'completed';

  run.conclusion = lifecycle.conclusion;

  run.updatedAt = gitHubTime(endsAt);

  run.lifecycle = null;

  completeRun(scenario, run, endsAt, now);
}

function completeRun(scenario: Scenario, run: ScenarioRun, endedAt: Date, now: Date): void {
  const workflow = scenario.workflows.find((candidate) => candidate.id === run.workflowId);

  const succeeded = run.conclusion === 'success';

  if (workflow?.path.endsWith(`/${CI_WORKFLOW_FILE}`)) {
    const counters = RunCounters.after(scenario.runs);

    run.artifacts = artifactSpecs(succeeded ? 'images-and-logs' : 'logs', DEFAULT_RETENTION_DAYS).map(
      (spec) => createArtifact(spec, run, counters, now, endedAt),
    );
  }

  const image = run.inputs?.image;

  const commit = run.inputs?.commit;

  if (succeeded && image && commit) {
    publishImage(scenario, image, commit, endedAt);
  }
}
