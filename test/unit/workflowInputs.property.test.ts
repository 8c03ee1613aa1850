/**
 * Properties of reading a publish workflow and building a dispatch from it, over generated input:
 * any text or structure gives a result or a refusal with a reason, never an exception; a workflow
 * written from inputs reads back as those inputs; a dispatch only ever carries declared inputs, as
 * strings the user gave, and never leaves out a required one.
 */
import * as assert from 'node:assert/strict';

import fc from 'fast-check';
import { stringify } from 'yaml';

import { buildDispatchInputs } from '../../src/domain/dispatchInputs';
import { findPublishInputs } from '../../src/domain/publishWorkflowInputs';
import {
  parseWorkflowFile,
  type InputType,
  type WorkflowDefinition,
  type WorkflowInput,
} from '../../src/domain/workflowFile';

const INPUT_TYPES: readonly InputType[] = ['string', 'choice', 'boolean', 'number', 'environment'];

/** Names an object literal already answers to; a workflow may declare any of them as an input. */
const PROTOTYPE_NAMES = ['constructor', 'toString', 'valueOf', 'hasOwnProperty', '__proto__'];

/** An input id as GitHub allows it: a letter or `_`, then letters, digits, `-` and `_`. */
const inputName = fc.oneof(
  fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_-]{0,15}$/),
  fc.constantFrom('image', 'service', 'commit', 'sha', 'IMAGE', 'Commit', ...PROTOTYPE_NAMES),
);

const anyValue = fc.anything({ maxDepth: 2, maxKeys: 4 });

function yamlOf(value: unknown): string {
  return stringify(value) ?? '';
}

/** A fragment-built YAML text: keys and flow syntax that workflows use, anchors and aliases, tags. */
const yamlish = fc
  .array(
    fc.oneof(
      fc.constantFrom(
        'on:',
        '\n  workflow_dispatch:',
        '\n    inputs:',
        '\n      image:',
        '\n        type: choice',
        '\n        options: ',
        '\n        default: ',
        '\n        required: ',
        '&a ',
        '*a',
        '&b ',
        ' *b',
        '<<: *a',
        '[',
        ']',
        '{',
        '}',
        ', ',
        '!!binary ',
        '!!js/function ',
        '? ',
        '- ',
        '"',
        "'",
        '|\n',
        '---\n',
        '\t',
      ),
      fc.string({ maxLength: 6 }),
    ),
    { maxLength: 14 },
  )
  .map((parts) => parts.join(''));

/** A workflow-shaped structure with hostile values anywhere. */
const inputSpec = fc.oneof(
  anyValue,
  fc.record(
    {
      type: fc.oneof(fc.constantFrom(...INPUT_TYPES, 'weird'), anyValue),
      required: fc.oneof(fc.boolean(), fc.constantFrom('true', 'false', 'yes'), anyValue),
      default: anyValue,
      options: fc.oneof(fc.array(anyValue, { maxLength: 4 }), anyValue),
      description: anyValue,
    },
    { requiredKeys: [] },
  ),
);
const workflowShaped = fc.record(
  {
    name: anyValue,
    on: fc.oneof(
      fc.constantFrom('push', 'workflow_dispatch'),
      fc.array(fc.oneof(fc.constantFrom('push', 'workflow_dispatch'), anyValue), { maxLength: 3 }),
      fc.record(
        {
          push: anyValue,
          workflow_dispatch: fc.oneof(
            anyValue,
            fc.record({ inputs: fc.oneof(anyValue, fc.dictionary(inputName, inputSpec, { maxKeys: 5 })) }),
          ),
        },
        { requiredKeys: [] },
      ),
      anyValue,
    ),
    jobs: anyValue,
  },
  { requiredKeys: [] },
);

/** Self-referencing anchors: legal YAML that turns into a cycle. */
const CYCLIC_OPTIONS = `on:
  workflow_dispatch:
    inputs:
      image:
        type: choice
        options: &a [*a]
`;
const CYCLIC_DEFAULT = `on:
  workflow_dispatch:
    inputs:
      commit:
        default: &b { again: *b }
`;

function assertWellFormed(text: string): void {
  const parsed = parseWorkflowFile(text);

  if (!parsed.ok) {
    assert.equal(typeof parsed.reason, 'string');
    assert.ok(parsed.reason.trim().length > 0, `empty reason for ${JSON.stringify(text)}`);
    return;
  }

  const { workflow } = parsed;
  assert.ok(workflow.triggers.every((trigger) => typeof trigger === 'string'));
  assert.ok(workflow.name === undefined || typeof workflow.name === 'string');

  for (const input of workflow.dispatchInputs ?? []) {
    assert.equal(typeof input.name, 'string');
    assert.ok(INPUT_TYPES.includes(input.type), input.type);
    assert.equal(typeof input.required, 'boolean');
    assert.ok(input.default === undefined || typeof input.default === 'string');
    assert.ok(input.description === undefined || typeof input.description === 'string');
    if (input.type === 'choice') {
      assert.ok(input.options?.every((option) => typeof option === 'string'));
    } else {
      assert.equal(input.options, undefined);
    }
  }
}

/** Runs `body`, turning an exception into a failure that names the input. */
function noException(what: string, body: () => void): void {
  try {
    body();
  } catch (error) {
    if (error instanceof assert.AssertionError) {
      throw error;
    }
    assert.fail(`threw ${(error as Error).name}: ${(error as Error).message} for ${what}`);
  }
}

suite('parseWorkflowFile (properties)', () => {
  test('any text gives a workflow or a refusal with a reason, never an exception', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary', maxLength: 200 }), yamlish), (text) =>
        noException(JSON.stringify(text), () => assertWellFormed(text)),
      ),
      { numRuns: 1000 },
    );
  });

  test('any structure written as YAML gives well-formed inputs, never an exception', () => {
    fc.assert(
      fc.property(fc.oneof(workflowShaped, anyValue), (structure) => {
        const text = yamlOf(structure);
        noException(text, () => assertWellFormed(text));
      }),
      { numRuns: 500 },
    );
  });

  test('self-referencing anchors give a refusal, not an exception', () => {
    for (const text of [CYCLIC_OPTIONS, CYCLIC_DEFAULT]) {
      noException(text, () => assertWellFormed(text));
    }
  });

  test('an alias bomb is refused quickly with a reason', () => {
    const levels = ['a: &a ["x","x","x","x","x","x","x","x","x","x"]'];
    for (let level = 1; level < 9; level++) {
      const previous = String.fromCharCode(96 + level);
      const name = String.fromCharCode(97 + level);
      levels.push(`${name}: &${name} [${Array(10).fill(`*${previous}`).join(',')}]`);
    }
    const started = Date.now();

    const parsed = parseWorkflowFile(`on: workflow_dispatch\n${levels.join('\n')}\n`);

    assert.equal(parsed.ok, false);
    assert.ok(!parsed.ok && parsed.reason.length > 0);
    assert.ok(Date.now() - started < 1000, `took ${Date.now() - started} ms`);
  });

  test('a workflow written from declared inputs reads back as those inputs', () => {
    const declared = fc
      .uniqueArray(
        fc.record({
          name: fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_-]{0,15}$/),
          type: fc.constantFrom(...INPUT_TYPES),
          required: fc.boolean(),
          description: fc.option(fc.string({ maxLength: 30 }), { nil: undefined }),
          options: fc.uniqueArray(fc.string({ maxLength: 10 }), { maxLength: 4 }),
          flag: fc.boolean(),
          count: fc.integer({ min: -1000, max: 1000 }),
          text: fc.string({ maxLength: 20 }),
          hasDefault: fc.boolean(),
        }),
        { selector: (input) => input.name, maxLength: 6 },
      )
      .filter((inputs) => inputs.every((input) => input.name !== '__proto__'));

    fc.assert(
      fc.property(fc.option(fc.string({ maxLength: 20 }), { nil: undefined }), declared, (name, inputs) => {
        const defaultOf = (input: (typeof inputs)[number]) =>
          input.type === 'boolean'
            ? input.flag
            : input.type === 'number'
              ? input.count
              : input.type === 'choice'
                ? input.options[0]
                : input.text;
        const file = {
          ...(name === undefined ? {} : { name }),
          on: {
            workflow_dispatch: {
              inputs: Object.fromEntries(
                inputs.map((input) => [
                  input.name,
                  {
                    type: input.type,
                    required: input.required,
                    ...(input.description === undefined ? {} : { description: input.description }),
                    ...(input.type === 'choice' ? { options: input.options } : {}),
                    ...(input.hasDefault && defaultOf(input) !== undefined
                      ? { default: defaultOf(input) }
                      : {}),
                  },
                ]),
              ),
            },
          },
        };

        const parsed = parseWorkflowFile(yamlOf(file));

        assert.ok(parsed.ok, !parsed.ok ? parsed.reason : '');
        assert.equal(parsed.workflow.name, name);
        assert.deepEqual(parsed.workflow.triggers, ['workflow_dispatch']);
        assert.deepEqual(
          parsed.workflow.dispatchInputs,
          inputs.map((input): WorkflowInput => {
            const value = input.hasDefault ? defaultOf(input) : undefined;
            return {
              name: input.name,
              type: input.type,
              required: input.required,
              description: input.description,
              default: value === undefined ? undefined : String(value),
              options: input.type === 'choice' ? input.options : undefined,
            };
          }),
        );
      }),
      { numRuns: 300 },
    );
  });
});

suite('findPublishInputs (properties)', () => {
  const workflowInput = fc.record({
    name: fc.oneof(inputName, fc.string({ maxLength: 10 })),
    type: fc.constantFrom(...INPUT_TYPES),
    required: fc.boolean(),
  });
  const definition = fc.record(
    {
      triggers: fc.constant(['workflow_dispatch']),
      dispatchInputs: fc.array(workflowInput, { maxLength: 6 }),
    },
    { requiredKeys: ['triggers'] },
  );
  const override = fc.option(fc.oneof(inputName, fc.constantFrom('', '  ', ' image ')), { nil: undefined });

  test('any workflow and settings give two different declared inputs or none, never an exception', () => {
    fc.assert(
      fc.property(definition, override, override, (workflow, serviceInput, commitInput) => {
        const found = findPublishInputs(workflow as WorkflowDefinition, { serviceInput, commitInput });
        if (!found) {
          return;
        }

        assert.notEqual(found.service, found.commit);
        assert.ok(workflow.dispatchInputs?.includes(found.service));
        assert.ok(workflow.dispatchInputs?.includes(found.commit));
        if (serviceInput?.trim()) {
          assert.equal(found.service.name, serviceInput.trim());
        }
        if (commitInput?.trim()) {
          assert.equal(found.commit.name, commitInput.trim());
        }
      }),
      { numRuns: 1000 },
    );
  });

  test('a service input and a commit input by their usual names are found whatever else is declared', () => {
    const service = fc.constantFrom('image', 'service', 'Image', 'SERVICE', 'component', 'app');
    const commit = fc.constantFrom('commit', 'sha', 'Commit_SHA', 'git_sha', 'commit-sha');
    const other = fc.stringMatching(/^x[a-z0-9_]{0,8}$/);

    const declaredInOrder = fc
      .tuple(service, commit, fc.uniqueArray(other, { maxLength: 4 }))
      .chain(([serviceName, commitName, others]) =>
        fc
          .shuffledSubarray([serviceName, commitName, ...others], {
            minLength: others.length + 2,
            maxLength: others.length + 2,
          })
          .map((names) => ({ serviceName, commitName, names })),
      );

    fc.assert(
      fc.property(declaredInOrder, ({ serviceName, commitName, names }) => {
        const found = findPublishInputs({
          triggers: ['workflow_dispatch'],
          dispatchInputs: names.map((name) => ({ name, type: 'string', required: true })),
        });

        assert.equal(found?.service.name, serviceName);
        assert.equal(found?.commit.name, commitName);
      }),
      { numRuns: 300 },
    );
  });
});

suite('buildDispatchInputs (properties)', () => {
  const declaredInput = fc.record(
    {
      name: inputName,
      type: fc.constantFrom(...INPUT_TYPES),
      required: fc.boolean(),
      default: fc.option(fc.string({ maxLength: 6 }), { nil: undefined }),
      options: fc.array(fc.oneof(fc.constantFrom('api', 'true', '3'), fc.string({ maxLength: 4 })), {
        maxLength: 3,
      }),
    },
    { requiredKeys: ['name', 'type', 'required'], noNullPrototype: true },
  );
  const declared = fc.uniqueArray(declaredInput, { selector: (input) => input.name, maxLength: 5 });
  const value = fc.oneof(
    fc.constantFrom('api', 'true', 'false', '3', '', ' ', 'NaN', '1e3'),
    fc.string({ maxLength: 8 }),
    fc.constant(undefined),
  );

  /** Values for some of the declared inputs and some undeclared names, as an object literal holds them. */
  const scenario = fc
    .record({
      inputs: declared,
      values: fc
        .array(fc.tuple(inputName, value), { maxLength: 6 })
        .map((entries): Record<string, string | undefined> => Object.fromEntries(entries)),
    })
    .map(({ inputs, values }) => ({ inputs: inputs as WorkflowInput[], values }));

  test('any declared inputs and values give inputs or problems, never an exception', () => {
    fc.assert(
      fc.property(scenario, ({ inputs, values }) => {
        noException(`${JSON.stringify(inputs)} with ${JSON.stringify(values)}`, () => {
          const check = buildDispatchInputs(inputs, values);
          if (!check.ok) {
            assert.ok(check.problems.length > 0);
            assert.ok(check.problems.every((problem) => problem.trim().length > 0));
          }
        });
      }),
      { numRuns: 1000 },
    );
  });

  test('accepted inputs are declared, given by the caller as non-empty strings, and include every required one', () => {
    fc.assert(
      fc.property(scenario, ({ inputs, values }) => {
        let check: ReturnType<typeof buildDispatchInputs>;
        try {
          check = buildDispatchInputs(inputs, values);
        } catch {
          return; // The property above reports exceptions.
        }
        if (!check.ok) {
          return;
        }

        const sent = check.inputs;
        const given = (name: string) => (Object.hasOwn(values, name) ? values[name] : undefined);

        for (const [name, sentValue] of Object.entries(sent)) {
          assert.ok(
            inputs.some((input) => input.name === name),
            `sent the undeclared input ${name}`,
          );
          assert.equal(typeof sentValue, 'string', `sent ${name} as ${typeof sentValue}`);
          assert.equal(sentValue, given(name), `sent ${name} without the caller giving it`);
          assert.notEqual(sentValue, '');
        }

        for (const input of inputs) {
          const value = Object.hasOwn(sent, input.name) ? sent[input.name] : undefined;

          if (input.required && input.default === undefined) {
            assert.ok(value !== undefined, `accepted without the required input ${input.name}`);
          }
          if (value !== undefined && input.type === 'choice') {
            assert.ok(input.options?.includes(value));
          }
          if (value !== undefined && input.type === 'boolean') {
            assert.ok(value === 'true' || value === 'false');
          }
          if (value !== undefined && input.type === 'number') {
            assert.ok(Number.isFinite(Number(value)));
          }
        }
      }),
      { numRuns: 1000 },
    );
  });

  test('an input the workflow does not declare is always a problem', () => {
    fc.assert(
      fc.property(scenario, fc.string({ minLength: 1, maxLength: 8 }), ({ inputs, values }, name) => {
        fc.pre(!inputs.some((input) => input.name === name));
        let check: ReturnType<typeof buildDispatchInputs>;
        try {
          check = buildDispatchInputs(inputs, { ...values, [name]: 'x' });
        } catch {
          return; // The first property reports exceptions.
        }

        assert.equal(check.ok, false);
        assert.ok(!check.ok && check.problems.some((problem) => problem.includes(`'${name}'`)));
      }),
      { numRuns: 500 },
    );
  });
});
