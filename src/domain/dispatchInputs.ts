/**
 * Builds the `inputs` of a workflow dispatch from the workflow's declared inputs and the values the
 * user chose, checking each value the way GitHub will: declared, required present, choice within
 * its options, booleans and numbers well-formed. Values are sent as strings; unset optional
 * inputs are left out so their defaults apply.
 */
import type { WorkflowInput } from './workflowFile';

export type DispatchInputs = Record<string, string>;

export type InputsCheck =
  | { readonly ok: true; readonly inputs: DispatchInputs }
  | { readonly ok: false; readonly problems: readonly string[] };

export function buildDispatchInputs(
  declared: readonly WorkflowInput[],
  values: Readonly<Record<string, string | undefined>>,
): InputsCheck {
  const problems: string[] = [];
  const accepted = new Map<string, string>();
  const byName = new Map(declared.map((input) => [input.name, input]));
  const given = (name: string): string | undefined => {
    const value = Object.hasOwn(values, name) ? values[name] : undefined;
    return typeof value === 'string' ? value : undefined;
  };

  for (const name of Object.keys(values)) {
    if (!byName.has(name) && given(name) !== undefined) {
      problems.push(`the workflow does not declare an input named '${name}'`);
    }
  }

  for (const input of declared) {
    const value = given(input.name);

    if (value === undefined || value === '') {
      if (input.required && input.default === undefined) {
        problems.push(`the required input '${input.name}' has no value`);
      }
      continue;
    }

    const problem = checkValue(input, value);
    if (problem) {
      problems.push(problem);
      continue;
    }

    accepted.set(input.name, value);
  }

  // fromEntries defines own properties, so a name like `__proto__` stays a plain key.
  return problems.length > 0 ? { ok: false, problems } : { ok: true, inputs: Object.fromEntries(accepted) };
}

export function checkValue(input: WorkflowInput, value: string): string | undefined {
  switch (input.type) {
    case 'choice':
      return input.options?.includes(value)
        ? undefined
        : `'${value}' is not one of the options of '${input.name}' (${(input.options ?? []).join(', ')})`;
    case 'boolean':
      return value === 'true' || value === 'false' ? undefined : `'${input.name}' must be true or false`;
    case 'number':
      return value.trim() !== '' && Number.isFinite(Number(value))
        ? undefined
        : `'${input.name}' must be a number`;
    default:
      return undefined;
  }
}

/** A full, lower-case, 40-hex commit SHA. */
export function isFullSha(value: string): boolean {
  return /^[0-9a-f]{40}$/.test(value);
}
