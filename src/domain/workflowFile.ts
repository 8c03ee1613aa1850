/**
 * Reads a GitHub Actions workflow file with a real YAML parser and extracts what the product needs:
 * its triggers and the declared `workflow_dispatch` inputs. Any text gives a result or a refusal
 * with a reason; nothing here throws.
 */
import type * as Yaml from 'yaml';

export type InputType = 'string' | 'choice' | 'boolean' | 'number' | 'environment';

export interface WorkflowInput {
  readonly name: string;
  readonly type: InputType;
  readonly required: boolean;
  readonly description?: string;
  /** Defaults as the string GitHub would send (`"true"`, `"3"`). */
  readonly default?: string;
  readonly options?: readonly string[];
}

export interface WorkflowDefinition {
  readonly name?: string;
  readonly triggers: readonly string[];
  /** Present when the workflow has a `workflow_dispatch` trigger. */
  readonly dispatchInputs?: readonly WorkflowInput[];
}

export type WorkflowParse =
  | { readonly ok: true; readonly workflow: WorkflowDefinition }
  | { readonly ok: false; readonly reason: string };

const INPUT_TYPES: readonly InputType[] = ['string', 'choice', 'boolean', 'number', 'environment'];

let yamlModule: typeof Yaml | undefined;

/**
 * The YAML parser is loaded on the first workflow file, not at activation: it is the largest part
 * of the extension (the production build ships it as its own dist/yaml.js).
 */
function yaml(): typeof Yaml {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- deliberate lazy load
  yamlModule ??= require('yaml') as typeof Yaml;
  return yamlModule;
}

/** Loads the parser in the background, e.g. while the request for the first workflow file is out. */
export function warmUpWorkflowParser(): void {
  if (!yamlModule) {
    setImmediate(() => yaml());
  }
}

export function parseWorkflowFile(text: string): WorkflowParse {
  try {
    return readWorkflow(text);
  } catch (error) {
    // Self-referencing anchors and other pathological documents end here, as a refusal.
    return {
      ok: false,
      reason: `the workflow file cannot be read: ${(error as Error).message.split('\n')[0]}`,
    };
  }
}

function readWorkflow(text: string): WorkflowParse {
  let document: unknown;
  try {
    const parsed = yaml().parseDocument(text, { uniqueKeys: false, logLevel: 'error' });
    if (parsed.errors.length > 0) {
      return {
        ok: false,
        reason: `the workflow file is not valid YAML: ${parsed.errors[0].message.split('\n')[0]}`,
      };
    }
    document = parsed.toJS({ maxAliasCount: 100 });
  } catch (error) {
    return { ok: false, reason: `the workflow file cannot be read as YAML: ${(error as Error).message}` };
  }

  if (!isRecord(document)) {
    return { ok: false, reason: 'the workflow file is not a YAML mapping' };
  }

  const on = document.on ?? document.true;
  const triggers = readTriggers(on);
  const name = typeof document.name === 'string' ? document.name : undefined;

  if (!triggers.includes('workflow_dispatch')) {
    return { ok: true, workflow: { name, triggers } };
  }

  const dispatch = isRecord(on) ? on.workflow_dispatch : undefined;
  const rawInputs = isRecord(dispatch) ? dispatch.inputs : undefined;
  const dispatchInputs = isRecord(rawInputs)
    ? Object.entries(rawInputs).map(([inputName, spec]) => readInput(inputName, spec))
    : [];

  return { ok: true, workflow: { name, triggers, dispatchInputs } };
}

function readTriggers(on: unknown): string[] {
  if (typeof on === 'string') {
    return [on];
  }

  if (Array.isArray(on)) {
    return on.filter((entry): entry is string => typeof entry === 'string');
  }

  if (isRecord(on)) {
    return Object.keys(on);
  }

  return [];
}

function readInput(name: string, spec: unknown): WorkflowInput {
  const record = isRecord(spec) ? spec : {};
  const declaredType = typeof record.type === 'string' ? record.type : 'string';
  const type = (INPUT_TYPES as readonly string[]).includes(declaredType)
    ? (declaredType as InputType)
    : 'string';
  const options = Array.isArray(record.options)
    ? record.options.map((option) => scalarText(option))
    : undefined;
  const defaultValue =
    record.default === undefined || record.default === null ? undefined : scalarText(record.default);

  return {
    name,
    type,
    required: record.required === true || record.required === 'true',
    description: typeof record.description === 'string' ? record.description : undefined,
    default: defaultValue,
    options: type === 'choice' ? (options ?? []) : undefined,
  };
}

function scalarText(value: unknown): string {
  if (typeof value === 'string') {
    return value;
  }

  if (typeof value === 'number' || typeof value === 'boolean') {
    return String(value);
  }

  return JSON.stringify(value) ?? '';
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
