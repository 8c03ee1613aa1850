/**
 * Decides, before anything is sent, whether publishing a commit's image for a service can work,
 * and if not, says what is wrong and what to do. Pure: the caller gathers the facts.
 */
import type { CiState } from './commitStatus';
import { isFullSha } from './dispatchInputs';
import type { PublishInputs } from './publishWorkflowInputs';
import type { WorkflowDefinition } from './workflowFile';

export type PreflightCode =
  | 'invalid-sha'
  | 'ci-unknown'
  | 'no-ci-run'
  | 'ci-running'
  | 'ci-not-successful'
  | 'unknown-service'
  | 'no-artifact'
  | 'artifact-expired'
  | 'workflow-missing'
  | 'no-dispatch-trigger'
  | 'inputs-not-declared'
  | 'no-dispatch-ref'
  | 'already-publishing';

export type Remedy = 'rerun-ci' | 'open-run' | 'open-settings';

export interface PreflightProblem {
  readonly code: PreflightCode;
  readonly message: string;
  readonly remedy?: Remedy;
}

export interface ArtifactFacts {
  readonly sha: string;
  readonly service: string;
  readonly knownServices: readonly string[];
  readonly ci?: CiState;
}

export interface WorkflowFacts {
  /** e.g. `push_docker_image.yml`. */
  readonly file: string;
  readonly ref?: string;
  /** Undefined when the file does not exist at the ref. */
  readonly definition?: WorkflowDefinition;
  readonly inputs?: PublishInputs;
}

/** Problems that depend on the commit and service only: shown in the service pick. */
export function checkArtifact(facts: ArtifactFacts): PreflightProblem | undefined {
  const short = facts.sha.slice(0, 7);

  if (!isFullSha(facts.sha)) {
    return { code: 'invalid-sha', message: `'${facts.sha}' is not a full 40-character commit SHA.` };
  }

  if (!facts.knownServices.includes(facts.service)) {
    return {
      code: 'unknown-service',
      message: `'${facts.service}' is not one of the services (${facts.knownServices.join(', ')}).`,
      remedy: 'open-settings',
    };
  }

  const ci = facts.ci;
  if (!ci) {
    return {
      code: 'ci-unknown',
      message: `The CI state of ${short} is not loaded yet. Refresh, then try again.`,
    };
  }

  const run = ci.run;
  if (!run) {
    return {
      code: 'no-ci-run',
      message: `${short} has no CI run, so it has no image to publish. Push it and let CI build it.`,
    };
  }

  if (run.status !== 'completed') {
    return {
      code: 'ci-running',
      message: `The CI run #${run.runNumber} of ${short} is ${ci.state.word}; publish once it has passed.`,
      remedy: 'open-run',
    };
  }

  if (run.conclusion !== 'success') {
    return {
      code: 'ci-not-successful',
      message: `The CI run #${run.runNumber} of ${short} ${ci.state.word}; only a passed run's image can be published. Fix it or re-run it.`,
      remedy: 'rerun-ci',
    };
  }

  const artifact = ci.artifacts.find((entry) => entry.service === facts.service);
  if (!artifact || artifact.kind === 'missing') {
    return {
      code: 'no-artifact',
      message: `The CI run #${run.runNumber} of ${short} uploaded no '${facts.service}' artifact.`,
      remedy: 'open-run',
    };
  }

  if (artifact.kind === 'expired') {
    return {
      code: 'artifact-expired',
      message: `The '${facts.service}' artifact of ${short} ${artifact.summary}. Re-run the commit's CI run to upload a fresh one.`,
      remedy: 'rerun-ci',
    };
  }

  return undefined;
}

/** Problems with the publish workflow at the dispatch ref. */
export function checkWorkflow(facts: WorkflowFacts): PreflightProblem | undefined {
  if (!facts.ref) {
    return {
      code: 'no-dispatch-ref',
      message: 'No branch to dispatch from. Set imagePublisher.dispatchRef, or push the branch first.',
      remedy: 'open-settings',
    };
  }

  if (!facts.definition) {
    return {
      code: 'workflow-missing',
      message: `The publish workflow .github/workflows/${facts.file} does not exist on '${facts.ref}'. Set imagePublisher.publishWorkflow or imagePublisher.dispatchRef.`,
      remedy: 'open-settings',
    };
  }

  if (!facts.definition.dispatchInputs) {
    return {
      code: 'no-dispatch-trigger',
      message: `${facts.file} on '${facts.ref}' has no workflow_dispatch trigger, so it cannot be started from here.`,
      remedy: 'open-settings',
    };
  }

  if (!facts.inputs) {
    const declared = facts.definition.dispatchInputs.map((input) => `'${input.name}'`).join(', ') || 'none';
    return {
      code: 'inputs-not-declared',
      message: `${facts.file} on '${facts.ref}' does not declare a service and a commit input (it declares ${declared}). Set imagePublisher.serviceInput and imagePublisher.commitInput.`,
      remedy: 'open-settings',
    };
  }

  return undefined;
}
