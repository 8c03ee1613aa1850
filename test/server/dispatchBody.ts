/**
 * The body of a dispatch as GitHub's schema check reads it: `ref` required and a string, `inputs`
 * an object, `return_run_details` a boolean, no other key (nor `return_run_details` where the server
 * plays an older Enterprise Server). A refusal is GitHub's `Invalid request.` message, quoting the
 * body the way Ruby's `inspect` shows it.
 */

export interface DispatchBody {
  ref: string;
  inputs: Record<string, unknown>;
  returnRunDetails: boolean;
}

const INVALID_REQUEST = 'Invalid request.\n\n';

/** The body, or GitHub's message about what is wrong with it. */
export function readDispatchBody(body: unknown, enterpriseRejectsRunDetails: boolean): DispatchBody | string {
  if (!isObject(body)) {
    return `${INVALID_REQUEST}For 'links/0/schema', ${rubyInspect(body ?? null)} is not an object.`;
  }

  const permitted = enterpriseRejectsRunDetails ? ['ref', 'inputs'] : ['ref', 'inputs', 'return_run_details'];

  const extra = Object.keys(body).filter((key) => !permitted.includes(key));

  if (extra.length > 0) {
    const perKey = extra.map((key) => `"${key}" is not a permitted key.`).join('\n\n');

    return enterpriseRejectsRunDetails
      ? `${INVALID_REQUEST}For 'links/0/schema', ${rubyInspect(body)} is not a permitted key.\n\n${perKey}`
      : `${INVALID_REQUEST}${perKey}`;
  }

  if (body.ref === undefined) {
    return `${INVALID_REQUEST}"ref" wasn't supplied.`;
  }

  const problem = typeProblem(body);

  if (problem) {
    const [key, expected] = problem;

    return `${INVALID_REQUEST}For 'properties/${key}', ${rubyInspect(body[key])} is not ${expected}.`;
  }

  return {
    ref: body.ref as string,
    inputs: (body.inputs ?? {}) as Record<string, unknown>,
    returnRunDetails: body.return_run_details === true,
  };
}

/** The first field of the wrong type, with what it should be. */
function typeProblem(body: Record<string, unknown>): [string, string] | null {
  if (typeof body.ref !== 'string') {
    return ['ref', 'a string'];
  }

  if (body.inputs !== undefined && !isObject(body.inputs)) {
    return ['inputs', 'an object'];
  }

  if (body.return_run_details !== undefined && typeof body.return_run_details !== 'boolean') {
    return ['return_run_details', 'a boolean'];
  }

  return null;
}

/** A value as Ruby's `inspect` shows it, the way GitHub's schema errors quote a request body. */
export function rubyInspect(value: unknown): string {
  if (value === null || value === undefined) {
    return 'nil';
  }

  if (Array.isArray(value)) {
    return `[${value.map(rubyInspect).join(', ')}]`;
  }

  if (isObject(value)) {
    return `{${Object.entries(value)
      .map(([key, item]) => `${JSON.stringify(key)}=>${rubyInspect(item)}`)
      .join(', ')}}`;
  }

  return typeof value === 'string' ? JSON.stringify(value) : String(value);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
