/**
 * A `workflow_dispatch` as GitHub takes it, checked in GitHub's order: the workflow enabled, the body
 * (`ref` required; `inputs` an object; `return_run_details` a boolean, and not a permitted key at all
 * where the server plays an older Enterprise Server), the ref a branch or a tag, the workflow file at
 * that ref with a `workflow_dispatch` trigger, then the inputs it declares there: none unexpected,
 * strings only, the required ones present, a choice among its options. Every refusal is a 422 with
 * GitHub's message; an accepted dispatch creates a queued run (see `runLifecycle.ts`).
 */

import { readDispatchBody } from './dispatchBody';
import { filesAtRef, resolveBranchOrTag } from './routes/gitRefs';
import { materializeRun, RunCounters } from './runFactory';
import { startLifecycle, RunTiming } from './runLifecycle';
import type { Scenario, ScenarioAccount, ScenarioRun, ScenarioWorkflow } from './scenario';
import { DispatchInput, readWorkflow, substituteExpressions } from './workflowDefinition';

export interface DispatchRecord {
  workflowId: number;

  /** The workflow's file name (`push_docker_image.yml`). */
  workflow: string;
  ref: string;

  /** The inputs as sent. */
  inputs: Record<string, string>;
  returnRunDetails: boolean;
  login: string;

  /** The server's clock (ISO). */
  at: string;
  runId: number;
}

export type DispatchOutcome =
  { accepted: false; message: string } | { accepted: true; run: ScenarioRun; record: DispatchRecord };

export interface DispatchContext {
  scenario: Scenario;
  workflow: ScenarioWorkflow;
  body: unknown;
  actor: ScenarioAccount;
  now: Date;
  timing: RunTiming;
  enterpriseRejectsRunDetails: boolean;
}

export function dispatchWorkflow(context: DispatchContext): DispatchOutcome {
  const { scenario, workflow } = context;

  if (workflow.state !== 'active') {
    return refuse("Cannot trigger a 'workflow_dispatch' on a disabled workflow");
  }

  const body = readDispatchBody(context.body, context.enterpriseRejectsRunDetails);

  if (typeof body === 'string') {
    return refuse(body);
  }

  const ref = resolveBranchOrTag(scenario, body.ref);

  if (!ref) {
    return refuse(`No ref found for: ${body.ref}`);
  }

  const text = filesAtRef(scenario, ref).get(workflow.path);

  const definition = text === undefined ? null : readWorkflow(text);

  if (!definition?.dispatchInputs) {
    return refuse("Workflow does not have 'workflow_dispatch' trigger");
  }

  const inputs = checkInputs(body.inputs, definition.dispatchInputs);

  if (typeof inputs === 'string') {
    return refuse(inputs);
  }

  const run = materializeRun(
    {
      workflowId: workflow.id,
      event: 'workflow_dispatch',
      status: 'queued',
      conclusion: null,
      headBranch: ref.name,
      commit: ref.commit,
      createdAt: context.now,
      artifacts: [],
      pullRequest: false,
    },
    RunCounters.after(scenario.runs),
    context.now,
  );

  run.actor = context.actor;

  run.inputs = inputs;

  run.displayTitle = displayTitle(
    definition.runName ?? definition.name ?? workflow.name,
    inputs,
    ref.name,
    context,
  );

  startLifecycle(run, context.now, context.timing);

  scenario.runs.push(run);

  const record: DispatchRecord = {
    workflowId: workflow.id,
    workflow: workflow.path.split('/').pop() ?? workflow.path,
    ref: body.ref,
    inputs: body.inputs as Record<string, string>,
    returnRunDetails: body.returnRunDetails,
    login: context.actor.login,
    at: context.now.toISOString(),
    runId: run.id,
  };

  return { accepted: true, run, record };
}

function refuse(message: string): DispatchOutcome {
  return { accepted: false, message };
}

/** The run's inputs (those sent, then the defaults), or GitHub's message about the first problem. */
function checkInputs(
  sent: Record<string, unknown>,
  declared: DispatchInput[],
): Record<string, string> | string {
  const names = declared.map((input) => input.name);

  const unexpected = Object.keys(sent).filter((name) => !names.includes(name));

  if (unexpected.length > 0) {
    return `Unexpected inputs provided: ${JSON.stringify(unexpected)}`;
  }

  const notString = Object.keys(sent).find((name) => typeof sent[name] !== 'string');

  if (notString !== undefined) {
    return `Invalid value for input '${notString}'`;
  }

  const values = sent as Record<string, string>;

  const missing = declared.find(
    (input) => input.required && input.default === null && !(input.name in values),
  );

  if (missing) {
    return `Required input '${missing.name}' not provided`;
  }

  const badChoice = declared.find(
    (input) => input.type === 'choice' && input.name in values && !input.options.includes(values[input.name]),
  );

  if (badChoice) {
    return `Provided value '${values[badChoice.name]}' for input '${badChoice.name}' not in the list of allowed values`;
  }

  const defaults = declared.filter((input) => input.default !== null && !(input.name in values));

  return { ...Object.fromEntries(defaults.map((input) => [input.name, input.default ?? ''])), ...values };
}

/** `run-name` (or the workflow's name) with `inputs.*`, `github.event.inputs.*`, actor and ref filled in. */
function displayTitle(
  template: string,
  inputs: Record<string, string>,
  refName: string,
  context: DispatchContext,
): string {
  return substituteExpressions(template, (expression) => {
    const input = /^(?:github\.event\.)?inputs\.([\w-]+)$/.exec(expression);

    if (input) {
      return inputs[input[1]] ?? '';
    }

    const known: Record<string, string> = {
      'github.actor': context.actor.login,
      'github.triggering_actor': context.actor.login,
      'github.ref_name': refName,
      'github.event_name': 'workflow_dispatch',
    };

    return known[expression];
  });
}
