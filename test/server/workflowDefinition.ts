/**
 * What the server reads from a workflow file (with the `yaml` package): its name and `run-name`,
 * the inputs of its `workflow_dispatch` trigger, and its jobs with their steps (a `strategy.matrix`
 * of lists expands into one job per combination, as on GitHub).
 */

import { parse } from 'yaml';

export interface DispatchInput {
  name: string;

  /** `string`, `choice`, `boolean`, `number` or `environment`. */
  type: string;
  required: boolean;
  default: string | null;
  options: string[];
}

export interface StepDefinition {
  name: string;

  /** Runs after a failed step (`if: always()`, `failure()` or `!cancelled()`). */
  always: boolean;
}

export interface JobDefinition {
  name: string;

  /** `runs-on` when it is a plain label. */
  label: string;

  /** `Set up job` and `Complete job` included. */
  steps: StepDefinition[];
}

export interface WorkflowDefinition {
  name: string | null;
  runName: string | null;

  /** Null when the workflow has no `workflow_dispatch` trigger. */
  dispatchInputs: DispatchInput[] | null;
  jobs: JobDefinition[];
}

type YamlMap = Record<string, unknown>;

/** The workflow in a file's text, or null when it is not a YAML mapping. */
export function readWorkflow(text: string): WorkflowDefinition | null {
  let document: unknown;

  try {
    document = parse(text);
  } catch {
    return null;
  }

  if (!isMap(document)) {
    return null;
  }

  return {
    name: typeof document.name === 'string' ? document.name : null,
    runName: typeof document['run-name'] === 'string' ? document['run-name'] : null,
    dispatchInputs: dispatchInputs(document.on ?? document.true),
    jobs: isMap(document.jobs)
      ? Object.entries(document.jobs).flatMap(([id, job]) => jobDefinitions(id, job))
      : [],
  };
}

/** Replaces `${{ expression }}` where `lookup` knows the expression; leaves the others as written. */
export function substituteExpressions(
  template: string,
  lookup: (expression: string) => string | undefined,
): string {
  return template.replace(
    /\$\{\{\s*(.+?)\s*\}\}/g,
    (whole, expression: string) => lookup(expression) ?? whole,
  );
}

function dispatchInputs(on: unknown): DispatchInput[] | null {
  const triggers = typeof on === 'string' ? [on] : Array.isArray(on) ? on : null;

  if (triggers) {
    return triggers.includes('workflow_dispatch') ? [] : null;
  }

  if (!isMap(on) || !('workflow_dispatch' in on)) {
    return null;
  }

  const trigger = on.workflow_dispatch;

  const inputs = isMap(trigger) && isMap(trigger.inputs) ? trigger.inputs : {};

  return Object.entries(inputs).map(([name, spec]) => {
    const input = isMap(spec) ? spec : {};

    return {
      name,
      type: typeof input.type === 'string' ? input.type : 'string',
      required: input.required === true,
      default: input.default === undefined || input.default === null ? null : String(input.default),
      options: Array.isArray(input.options) ? input.options.map(String) : [],
    };
  });
}

function jobDefinitions(id: string, job: unknown): JobDefinition[] {
  const spec = isMap(job) ? job : {};

  const template = typeof spec.name === 'string' ? spec.name : id;

  const steps = [
    { name: 'Set up job', always: false },
    ...(Array.isArray(spec.steps) ? spec.steps.map(stepDefinition) : []),
    { name: 'Complete job', always: true },
  ];

  const label = typeof spec['runs-on'] === 'string' ? spec['runs-on'] : 'ubuntu-latest';

  return matrixCombinations(spec.strategy).map((combination) => ({
    name: jobName(template, combination),
    label,
    steps,
  }));
}

function jobName(template: string, combination: Record<string, string>): string {
  const values = Object.values(combination);

  if (values.length === 0) {
    return template;
  }

  if (/\$\{\{\s*matrix\./.test(template)) {
    return substituteExpressions(template, (expression) => combination[expression.replace(/^matrix\./, '')]);
  }

  return `${template} (${values.join(', ')})`;
}

/** Every combination of a matrix's lists (`include` and `exclude` are not read); one empty one without. */
function matrixCombinations(strategy: unknown): Record<string, string>[] {
  const matrix = isMap(strategy) && isMap(strategy.matrix) ? strategy.matrix : {};

  const dimensions = Object.entries(matrix).filter(
    ([key, values]) => key !== 'include' && key !== 'exclude' && Array.isArray(values),
  ) as [string, unknown[]][];

  return dimensions.reduce<Record<string, string>[]>(
    (combinations, [key, values]) =>
      combinations.flatMap((combination) =>
        values.map((value) => ({ ...combination, [key]: String(value) })),
      ),
    [{}],
  );
}

function stepDefinition(step: unknown): StepDefinition {
  const spec = isMap(step) ? step : {};

  const always = /\b(?:always|failure)\(\)|!\s*cancelled\(\)/.test(String(spec.if ?? ''));

  if (typeof spec.name === 'string') {
    return { name: spec.name, always };
  }

  const name = typeof spec.uses === 'string' ? spec.uses : String(spec.run ?? '').split('\n')[0];

  return { name: `Run ${name}`.trim(), always };
}

function isMap(value: unknown): value is YamlMap {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
