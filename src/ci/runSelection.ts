/** Picking runs and image artifacts out of what a load fetched; no requests. */
import { groupRunsBySha, pickRun } from '../domain/commitStatus';
import type { Artifact, WorkflowRun } from '../domain/model';
import { isArtifactOf } from '../domain/services';
import type { Discovery } from './ciDiscovery';

/** The run each wanted commit shows: the newest push run, else the newest of any event. */
export function chooseRuns(runs: readonly WorkflowRun[], wantedShas: ReadonlySet<string>): WorkflowRun[] {
  const chosen: WorkflowRun[] = [];

  for (const [sha, shaRuns] of groupRunsBySha(runs)) {
    const run = wantedShas.has(sha) ? pickRun(shaRuns) : undefined;
    if (run) {
      chosen.push(run);
    }
  }

  return chosen;
}

export function filterWorkflow(runs: readonly WorkflowRun[], workflowId: number): WorkflowRun[] {
  return runs.filter((run) => run.workflowId === workflowId);
}

export function isNotFound(error: unknown): boolean {
  return (error as { status?: unknown } | undefined)?.status === 404;
}

/**
 * The artifacts that are images: the services' when they are known, else those named like image
 * files (`*.tar`) when there are any, else all of them.
 */
export function imageArtifacts(services: readonly string[], artifacts: readonly Artifact[]): Artifact[] {
  if (services.length > 0) {
    return artifacts.filter((artifact) => services.some((service) => isArtifactOf(service, artifact.name)));
  }

  const fileNamed = artifacts.filter((artifact) => /\.tar$/i.test(artifact.name));
  return fileNamed.length > 0 ? fileNamed : [...artifacts];
}

/** Whether any workflow besides the publish workflow could be the CI workflow. */
export function hasCandidates(discovery: Discovery): boolean {
  return discovery.workflows.some(
    (workflow) => workflow.state === 'active' && workflow.path !== discovery.publishWorkflowPath,
  );
}
