/**
 * Recognises a publish workflow by its dispatch inputs: one that takes a service (image) and one
 * that takes a commit SHA. Settings can name the inputs instead.
 */
import type { WorkflowDefinition, WorkflowInput } from './workflowFile';

export const SERVICE_INPUT_NAMES = ['image', 'service', 'services', 'component', 'app'];
export const COMMIT_INPUT_NAMES = ['commit', 'sha', 'commit_sha', 'commit-sha', 'git_sha', 'commitsha'];

export interface PublishInputs {
  readonly service: WorkflowInput;
  readonly commit: WorkflowInput;
}

export function findPublishInputs(
  workflow: WorkflowDefinition,
  overrides: { serviceInput?: string; commitInput?: string } = {},
): PublishInputs | undefined {
  const inputs = workflow.dispatchInputs;
  if (!inputs) {
    return undefined;
  }

  const service = pickInput(inputs, overrides.serviceInput, SERVICE_INPUT_NAMES);
  const commit = pickInput(inputs, overrides.commitInput, COMMIT_INPUT_NAMES);

  return service && commit && service !== commit ? { service, commit } : undefined;
}

function pickInput(
  inputs: readonly WorkflowInput[],
  override: string | undefined,
  conventionalNames: readonly string[],
): WorkflowInput | undefined {
  if (override && override.trim().length > 0) {
    return inputs.find((input) => input.name === override.trim());
  }

  for (const name of conventionalNames) {
    const match = inputs.find((input) => input.name.toLowerCase() === name);
    if (match) {
      return match;
    }
  }

  return undefined;
}
