import * as assert from 'node:assert/strict';

import { buildDispatchInputs, isFullSha } from '../../src/domain/dispatchInputs';
import { describeDispatchRejection } from '../../src/domain/dispatchErrors';
import { findDispatchedRun } from '../../src/domain/runSearch';
import type { WorkflowInput } from '../../src/domain/workflowFile';
import { aRun } from './builders/domainBuilders';

const declared: WorkflowInput[] = [
  { name: 'image', type: 'choice', required: true, options: ['api', 'ingestion_server'] },
  { name: 'commit', type: 'string', required: true },
  { name: 'dry_run', type: 'boolean', required: false, default: 'false' },
  { name: 'replicas', type: 'number', required: false },
  { name: 'channel', type: 'string', required: true, default: 'stable' },
];

suite('buildDispatchInputs', () => {
  test('sends chosen values as strings and leaves unset optional inputs out', () => {
    const check = buildDispatchInputs(declared, { image: 'api', commit: 'a'.repeat(40), replicas: '3' });

    assert.deepEqual(check, { ok: true, inputs: { image: 'api', commit: 'a'.repeat(40), replicas: '3' } });
  });

  test('refuses an undeclared input', () => {
    const check = buildDispatchInputs(declared, { image: 'api', commit: 'x', service: 'api' });

    assert.deepEqual(check, {
      ok: false,
      problems: ["the workflow does not declare an input named 'service'"],
    });
  });

  test('a required input without value or default is a problem; with a default it is not', () => {
    const check = buildDispatchInputs(declared, { image: 'api' });

    assert.deepEqual(check, { ok: false, problems: ["the required input 'commit' has no value"] });
  });

  test('a choice outside its options, a bad boolean and a bad number', () => {
    const check = buildDispatchInputs(declared, {
      image: 'web',
      commit: 'x',
      dry_run: 'yes',
      replicas: 'three',
    });

    assert.equal(check.ok, false);
    assert.deepEqual(!check.ok && check.problems, [
      "'web' is not one of the options of 'image' (api, ingestion_server)",
      "'dry_run' must be true or false",
      "'replicas' must be a number",
    ]);
  });

  test('full SHAs only', () => {
    assert.equal(isFullSha('0123456789abcdef0123456789abcdef01234567'), true);
    assert.equal(isFullSha('0123456'), false);
    assert.equal(isFullSha('0123456789ABCDEF0123456789ABCDEF01234567'), false);
    assert.equal(isFullSha('main'), false);
  });
});

suite('describeDispatchRejection', () => {
  const context = { workflow: 'push_docker_image.yml', ref: 'main' };

  test('unexpected inputs name each input', () => {
    const rejection = describeDispatchRejection('Unexpected inputs provided: ["service", "sha"]', context);

    assert.equal(rejection.kind, 'undeclared-inputs');
    assert.deepEqual(rejection.kind === 'undeclared-inputs' && rejection.inputs, ['service', 'sha']);
    assert.match(
      rejection.message,
      /push_docker_image\.yml at 'main' does not declare the inputs 'service', 'sha'/,
    );
  });

  test('a missing required input', () => {
    const rejection = describeDispatchRejection("Required input 'commit' not provided", context);

    assert.equal(rejection.kind, 'missing-input');
    assert.match(rejection.message, /requires the input 'commit'/);
  });

  test('a choice outside the options', () => {
    const rejection = describeDispatchRejection(
      "Provided value 'web' for input 'image' not in the list of allowed values",
      context,
    );

    assert.equal(rejection.kind, 'invalid-choice');
    assert.match(rejection.message, /'web' is not an allowed value of the input 'image'/);
  });

  test('a SHA as ref', () => {
    const rejection = describeDispatchRejection(`No ref found for: ${'a'.repeat(40)}`, context);

    assert.equal(rejection.kind, 'unknown-ref');
    assert.match(rejection.message, /is not a branch or tag.*imagePublisher\.dispatchRef/);
  });

  test('no workflow_dispatch trigger', () => {
    assert.equal(
      describeDispatchRejection("Workflow does not have 'workflow_dispatch' trigger", context).kind,
      'no-dispatch-trigger',
    );
  });

  test('an Enterprise Server that rejects return_run_details', () => {
    const rejection = describeDispatchRejection(
      'Invalid request.\n\n"return_run_details" is not a permitted key.',
      context,
    );

    assert.equal(rejection.kind, 'run-details-unsupported');
  });
});

suite('findDispatchedRun', () => {
  const dispatchedAt = new Date('2026-06-01T12:00:00Z');
  const at = (secondsAfter: number) => new Date(dispatchedAt.getTime() + secondsAfter * 1000);
  const dispatchRun = (id: number, secondsAfter: number, actorLogin = 'octocat') =>
    aRun({ id, event: 'workflow_dispatch', createdAt: at(secondsAfter), actorLogin });

  test('drops runs seen before the dispatch', () => {
    const result = findDispatchedRun([dispatchRun(1, 5), dispatchRun(2, 3)], {
      seenBefore: new Set([1]),
      dispatchedAt,
    });

    assert.equal(result.kind === 'found' && result.run.id, 2);
  });

  test('allows a clock 60 s behind, not more', () => {
    const inside = findDispatchedRun([dispatchRun(3, -59)], { seenBefore: new Set(), dispatchedAt });
    const outside = findDispatchedRun([dispatchRun(4, -61)], { seenBefore: new Set(), dispatchedAt });

    assert.equal(inside.kind, 'found');
    assert.equal(outside.kind, 'none');
  });

  test('ignores other events', () => {
    const push = aRun({ id: 5, event: 'push', createdAt: at(2) });

    assert.equal(findDispatchedRun([push], { seenBefore: new Set(), dispatchedAt }).kind, 'none');
  });

  test("prefers the signed-in user's run", () => {
    const result = findDispatchedRun([dispatchRun(6, 2, 'someone-else'), dispatchRun(7, 3, 'octocat')], {
      seenBefore: new Set(),
      dispatchedAt,
      actor: 'octocat',
    });

    assert.equal(result.kind === 'found' && result.run.id, 7);
  });

  test('two fresh runs of the same user are ambiguous, newest first', () => {
    const result = findDispatchedRun([dispatchRun(8, 2), dispatchRun(9, 4)], {
      seenBefore: new Set(),
      dispatchedAt,
      actor: 'octocat',
    });

    assert.equal(result.kind, 'ambiguous');
    assert.deepEqual(result.kind === 'ambiguous' && result.runs.map((run) => run.id), [9, 8]);
  });
});
