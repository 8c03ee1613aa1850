/**
 * Reads GitHub's 422 answers to a workflow dispatch and says, against the input or ref they name,
 * what is wrong and what to do. These are final: the product never retries them.
 */
export type DispatchRejection =
  | { readonly kind: 'undeclared-inputs'; readonly inputs: readonly string[]; readonly message: string }
  | { readonly kind: 'missing-input'; readonly input: string; readonly message: string }
  | {
      readonly kind: 'invalid-choice';
      readonly input: string;
      readonly value: string;
      readonly message: string;
    }
  | { readonly kind: 'unknown-ref'; readonly ref: string; readonly message: string }
  | { readonly kind: 'no-dispatch-trigger'; readonly message: string }
  | { readonly kind: 'run-details-unsupported'; readonly message: string }
  | { readonly kind: 'other'; readonly message: string };

export interface DispatchContext {
  readonly workflow: string;
  readonly ref: string;
}

export function describeDispatchRejection(
  githubMessage: string,
  context: DispatchContext,
): DispatchRejection {
  const text = githubMessage.trim();
  const at = `${context.workflow} at '${context.ref}'`;

  if (/return_run_details/.test(text)) {
    return { kind: 'run-details-unsupported', message: 'This GitHub does not accept return_run_details.' };
  }

  const unexpected = /Unexpected inputs provided: (\[.*?\])/s.exec(text);
  if (unexpected) {
    const inputs = parseNameList(unexpected[1]);
    return {
      kind: 'undeclared-inputs',
      inputs,
      message: `${at} does not declare the input${inputs.length === 1 ? '' : 's'} ${inputs.map((name) => `'${name}'`).join(', ')}. Check imagePublisher.serviceInput and imagePublisher.commitInput, or the workflow file on that ref.`,
    };
  }

  const required = /Required input '([^']+)' not provided/.exec(text);
  if (required) {
    return {
      kind: 'missing-input',
      input: required[1],
      message: `${at} requires the input '${required[1]}', which was not sent. Publish again and fill it in.`,
    };
  }

  const choice = /Provided value '([^']*)' for input '([^']+)' not in the list of allowed values/.exec(text);
  if (choice) {
    return {
      kind: 'invalid-choice',
      input: choice[2],
      value: choice[1],
      message: `'${choice[1]}' is not an allowed value of the input '${choice[2]}' of ${at}. Pick one of the workflow's options.`,
    };
  }

  const ref = /No ref found for: (\S+)/.exec(text);
  if (ref) {
    return {
      kind: 'unknown-ref',
      ref: ref[1],
      message: `'${ref[1]}' is not a branch or tag of the repository. Set imagePublisher.dispatchRef to a branch (the default branch if empty), and push it first.`,
    };
  }

  if (/does not have 'workflow_dispatch' trigger/.test(text)) {
    return {
      kind: 'no-dispatch-trigger',
      message: `${at} has no workflow_dispatch trigger, so it cannot be started from here. Check imagePublisher.publishWorkflow or the ref.`,
    };
  }

  return { kind: 'other', message: `GitHub refused the dispatch of ${at}: ${text.slice(0, 300)}` };
}

function parseNameList(text: string): string[] {
  try {
    const parsed: unknown = JSON.parse(text);
    if (Array.isArray(parsed)) {
      return parsed.map((entry) => String(entry));
    }
  } catch {
    // Fall through to a looser read below.
  }

  return text
    .replace(/^\[|\]$/g, '')
    .split(',')
    .map((entry) => entry.trim().replace(/^"|"$/g, ''))
    .filter((entry) => entry.length > 0);
}
