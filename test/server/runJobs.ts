/**
 * The jobs of a run attempt, derived from the run and its workflow file at the run's commit (one job
 * per job of the file, matrix expanded; a single `build` job when the file cannot be read):
 * - queued (or waiting): every job queued, without steps;
 * - in_progress: the first job in progress (its first step done, the second running), the others queued;
 * - completed: every job with the run's conclusion, except that a `failure` or `timed_out` run has
 *   its earlier jobs succeed and its last job fail at its last step that does not run after a
 *   failure (the steps after it are skipped, except those with `if: always()` and `Complete job`);
 *   a `startup_failure` run has no jobs. Steps share the job's time evenly.
 */

import type { RunAttempt, Scenario, ScenarioRun } from './scenario';
import { filesAtRef } from './routes/gitRefs';
import { gitHubTime, RunConclusion, RunStatus } from './scenarioRules';
import { JobDefinition, readWorkflow, StepDefinition } from './workflowDefinition';

export type JobConclusion = Exclude<RunConclusion, 'stale' | 'startup_failure'>;

export interface RunStep {
  name: string;
  number: number;
  status: 'queued' | 'in_progress' | 'completed';
  conclusion: JobConclusion | null;
  startedAt: string | null;
  completedAt: string | null;
}

export interface RunJob {
  id: number;
  runAttempt: number;
  name: string;
  label: string;
  status: RunStatus;
  conclusion: JobConclusion | null;
  createdAt: string;
  startedAt: string;
  completedAt: string | null;
  steps: RunStep[];
}

interface AttemptState extends RunAttempt {
  status: RunStatus;
}

const FALLBACK_JOB: JobDefinition = {
  name: 'build',
  label: 'ubuntu-latest',
  steps: [
    { name: 'Set up job', always: false },
    { name: 'Run the build', always: false },
    { name: 'Complete job', always: true },
  ],
};

/** The jobs of the latest attempt, or of every attempt (oldest first) with `allAttempts`. */
export function runJobs(run: ScenarioRun, scenario: Scenario, allAttempts = false): RunJob[] {
  const definitions = jobDefinitions(run, scenario);

  const current: AttemptState = {
    runAttempt: run.runAttempt,
    conclusion: run.conclusion,
    runStartedAt: run.runStartedAt,
    completedAt: run.updatedAt,
    status: run.status,
  };

  const earlier = (run.previousAttempts ?? []).map((attempt) => ({
    ...attempt,
    status: 'completed' as const,
  }));

  return (allAttempts ? [...earlier, current] : [current]).flatMap((attempt) =>
    attemptJobs(run, definitions, attempt),
  );
}

function jobDefinitions(run: ScenarioRun, scenario: Scenario): JobDefinition[] {
  const workflow = scenario.workflows.find((candidate) => candidate.id === run.workflowId);

  const text = workflow
    ? filesAtRef(scenario, { name: run.headBranch ?? run.headSha, commit: run.headCommit }).get(workflow.path)
    : undefined;

  const jobs = text === undefined ? [] : (readWorkflow(text)?.jobs ?? []);

  return jobs.length > 0 ? jobs : [FALLBACK_JOB];
}

function attemptJobs(run: ScenarioRun, definitions: JobDefinition[], attempt: AttemptState): RunJob[] {
  if (attempt.conclusion === 'startup_failure') {
    return [];
  }

  return definitions.map((definition, index) => {
    const { status, conclusion } = jobOutcome(attempt, index, definitions.length);

    const completedAt = status === 'completed' ? attempt.completedAt : null;

    const failing = conclusion === 'failure' || conclusion === 'timed_out';

    return {
      id: run.id * 10_000 + attempt.runAttempt * 100 + index,
      runAttempt: attempt.runAttempt,
      name: definition.name,
      label: definition.label,
      status,
      conclusion,
      createdAt: attempt.runStartedAt,
      startedAt: attempt.runStartedAt,
      completedAt,
      steps: jobSteps(definition.steps, status, conclusion, failing, attempt.runStartedAt, completedAt),
    };
  });
}

function jobOutcome(
  attempt: AttemptState,
  index: number,
  count: number,
): { status: RunStatus; conclusion: JobConclusion | null } {
  if (attempt.status === 'in_progress') {
    return { status: index === 0 ? 'in_progress' : 'queued', conclusion: null };
  }

  if (attempt.status !== 'completed') {
    return { status: attempt.status, conclusion: null };
  }

  const conclusion = jobConclusion(attempt.conclusion);

  const lastFails = conclusion === 'failure' || conclusion === 'timed_out';

  return { status: 'completed', conclusion: lastFails && index < count - 1 ? 'success' : conclusion };
}

function jobConclusion(conclusion: RunConclusion | null): JobConclusion {
  if (conclusion === null || conclusion === 'startup_failure') {
    return 'failure';
  }

  return conclusion === 'stale' ? 'cancelled' : conclusion;
}

function jobSteps(
  definitions: StepDefinition[],
  status: RunStatus,
  conclusion: JobConclusion | null,
  failing: boolean,
  startedAt: string,
  completedAt: string | null,
): RunStep[] {
  if (status !== 'in_progress' && status !== 'completed') {
    return [];
  }

  const lastFallible = definitions.map((definition) => !definition.always).lastIndexOf(true);

  const failingStep = failing ? Math.max(0, lastFallible) : -1;

  const times = stepTimes(definitions.length, startedAt, completedAt);

  return definitions.map(({ name, always }, index): RunStep => {
    const step = { name, number: index + 1, ...times[index] };

    if (status === 'in_progress') {
      return index === 0
        ? { ...step, status: 'completed', conclusion: 'success' }
        : index === 1
          ? { ...step, status: 'in_progress', conclusion: null, completedAt: null }
          : { ...step, status: 'queued', conclusion: null, startedAt: null, completedAt: null };
    }

    if (failingStep === -1) {
      return { ...step, status: 'completed', conclusion };
    }

    const stepConclusion =
      index < failingStep || (index > failingStep && always)
        ? 'success'
        : index === failingStep
          ? conclusion
          : 'skipped';

    return { ...step, status: 'completed', conclusion: stepConclusion };
  });
}

/** Even slices of the job's time; a running job's steps get a second each from its start. */
function stepTimes(
  count: number,
  startedAt: string,
  completedAt: string | null,
): { startedAt: string; completedAt: string }[] {
  const start = Date.parse(startedAt);

  const slice = completedAt ? (Date.parse(completedAt) - start) / count : 1000;

  return Array.from({ length: count }, (_, index) => ({
    startedAt: gitHubTime(new Date(start + index * slice)),
    completedAt: gitHubTime(new Date(start + (index + 1) * slice)),
  }));
}
