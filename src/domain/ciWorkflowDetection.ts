/**
 * Finds the CI workflow when the user has not named one: the workflow whose runs uploaded the
 * artifacts named after the services. Falls back to conventional file names, then to the workflow
 * with the most push runs on the branch. Each answer says why, for the log.
 */
import type { Artifact, Workflow, WorkflowRun } from './model';
import { workflowFileName } from './model';

export interface CiWorkflowDetection {
  readonly workflow?: Workflow;
  readonly why: string;
}

const CONVENTIONAL_NAMES = ['ci_cd.yml', 'ci-cd.yml', 'ci.yml', 'ci.yaml', 'build.yml', 'docker.yml'];

export function detectCiWorkflow(
  workflows: readonly Workflow[],
  runs: readonly WorkflowRun[],
  serviceArtifacts: readonly Artifact[],
  excludePaths: readonly string[] = [],
): CiWorkflowDetection {
  const candidates = workflows.filter(
    (workflow) => workflow.state === 'active' && !excludePaths.includes(workflow.path),
  );

  if (candidates.length === 0) {
    return { why: 'the repository has no active workflows besides the publish workflow' };
  }

  const byArtifacts = mostArtifacts(candidates, runs, serviceArtifacts);
  if (byArtifacts) {
    return byArtifacts;
  }

  for (const name of CONVENTIONAL_NAMES) {
    const match = candidates.find((workflow) => workflowFileName(workflow.path) === name);
    if (match) {
      return {
        workflow: match,
        why: `no run uploaded service artifacts yet; ${name} is a conventional CI file name`,
      };
    }
  }

  const byPushRuns = mostPushRuns(candidates, runs);
  if (byPushRuns) {
    return byPushRuns;
  }

  return { why: 'no workflow uploaded artifacts named after the services or ran on pushes to this branch' };
}

function mostArtifacts(
  candidates: readonly Workflow[],
  runs: readonly WorkflowRun[],
  serviceArtifacts: readonly Artifact[],
): CiWorkflowDetection | undefined {
  const workflowOfRun = new Map(runs.map((run) => [run.id, run.workflowId]));
  const counts = new Map<number, number>();

  for (const artifact of serviceArtifacts) {
    const workflowId = artifact.runId === null ? undefined : workflowOfRun.get(artifact.runId);
    if (workflowId !== undefined) {
      counts.set(workflowId, (counts.get(workflowId) ?? 0) + 1);
    }
  }

  const best = pickMost(candidates, counts);
  return best
    ? { workflow: best.workflow, why: `its runs uploaded ${best.count} of the services' artifacts` }
    : undefined;
}

function mostPushRuns(
  candidates: readonly Workflow[],
  runs: readonly WorkflowRun[],
): CiWorkflowDetection | undefined {
  const counts = new Map<number, number>();

  for (const run of runs) {
    if (run.event === 'push') {
      counts.set(run.workflowId, (counts.get(run.workflowId) ?? 0) + 1);
    }
  }

  const best = pickMost(candidates, counts);
  return best
    ? { workflow: best.workflow, why: `it has the most push runs on this branch (${best.count})` }
    : undefined;
}

function pickMost(
  candidates: readonly Workflow[],
  counts: ReadonlyMap<number, number>,
): { workflow: Workflow; count: number } | undefined {
  let best: { workflow: Workflow; count: number } | undefined;

  for (const workflow of candidates) {
    const count = counts.get(workflow.id) ?? 0;
    if (count > 0 && (!best || count > best.count)) {
      best = { workflow, count };
    }
  }

  return best;
}
