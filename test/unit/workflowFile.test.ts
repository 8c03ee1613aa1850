import * as assert from 'node:assert/strict';

import { findPublishInputs } from '../../src/domain/publishWorkflowInputs';
import { parseWorkflowFile } from '../../src/domain/workflowFile';

const PUBLISH = `
name: Publish Docker images on-demand
on:
  workflow_dispatch:
    inputs:
      image:
        type: choice
        required: true
        options: [api, ingestion_server]
        description: Image to publish
      commit:
        type: string
        required: true
      dry_run:
        type: boolean
        default: false
      replicas:
        type: number
        default: 3
      note:
        description: free text
`;

suite('parseWorkflowFile', () => {
  test('reads dispatch inputs with type, options, required and defaults as strings', () => {
    const parsed = parseWorkflowFile(PUBLISH);

    assert.ok(parsed.ok);
    const inputs = parsed.workflow.dispatchInputs ?? [];
    assert.deepEqual(
      inputs.map((input) => [input.name, input.type, input.required, input.default]),
      [
        ['image', 'choice', true, undefined],
        ['commit', 'string', true, undefined],
        ['dry_run', 'boolean', false, 'false'],
        ['replicas', 'number', false, '3'],
        ['note', 'string', false, undefined],
      ],
    );
    assert.deepEqual(inputs[0].options, ['api', 'ingestion_server']);
    assert.equal(inputs[0].description, 'Image to publish');
  });

  test('triggers in string, list and mapping form', () => {
    const forms = ['on: push', 'on: [push, pull_request]', 'on:\n  push:\n  workflow_dispatch:'];
    const triggers = forms.map((text) => {
      const parsed = parseWorkflowFile(text);
      return parsed.ok ? parsed.workflow.triggers : [];
    });

    assert.deepEqual(triggers, [['push'], ['push', 'pull_request'], ['push', 'workflow_dispatch']]);
  });

  test('a workflow without workflow_dispatch has no dispatch inputs', () => {
    const parsed = parseWorkflowFile('on:\n  push:\n    branches: [main]\n');

    assert.ok(parsed.ok);
    assert.equal(parsed.workflow.dispatchInputs, undefined);
  });

  test('workflow_dispatch without inputs has an empty list', () => {
    const parsed = parseWorkflowFile('on: workflow_dispatch\n');

    assert.ok(parsed.ok);
    assert.deepEqual(parsed.workflow.dispatchInputs, []);
  });

  test('invalid YAML is refused with a reason', () => {
    const parsed = parseWorkflowFile('on: [push\n  bad: : :');

    assert.equal(parsed.ok, false);
    assert.match(!parsed.ok ? parsed.reason : '', /not valid YAML/);
  });

  test('a scalar document is refused', () => {
    assert.equal(parseWorkflowFile('just text').ok, false);
  });
});

suite('findPublishInputs', () => {
  test('finds image and commit by convention', () => {
    const parsed = parseWorkflowFile(PUBLISH);
    assert.ok(parsed.ok);

    const inputs = findPublishInputs(parsed.workflow);

    assert.equal(inputs?.service.name, 'image');
    assert.equal(inputs?.commit.name, 'commit');
  });

  test('settings name the inputs instead', () => {
    const parsed = parseWorkflowFile(
      'on:\n  workflow_dispatch:\n    inputs:\n      svc: {type: string}\n      rev: {type: string}\n',
    );
    assert.ok(parsed.ok);

    assert.equal(findPublishInputs(parsed.workflow), undefined);
    assert.equal(
      findPublishInputs(parsed.workflow, { serviceInput: 'svc', commitInput: 'rev' })?.commit.name,
      'rev',
    );
  });
});
