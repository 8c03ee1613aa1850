import * as assert from 'node:assert/strict';

import { joinCommitStatuses } from '../../src/domain/commitStatus';
import type { WorkflowRun } from '../../src/domain/model';
import { checkArtifact, checkWorkflow } from '../../src/domain/preflight';
import { findPublishInputs } from '../../src/domain/publishWorkflowInputs';
import { parseWorkflowFile } from '../../src/domain/workflowFile';
import { aCommit, aRun, anArtifact, daysAgo, NOW, sha } from './builders/domainBuilders';

const services = ['api', 'ingestion_server'];

function ciOf(
  run: WorkflowRun | undefined,
  artifacts = [anArtifact({ runId: run?.id ?? null, expiresAt: daysAgo(-30) })],
) {
  const [status] = joinCommitStatuses([aCommit(1)], run ? [run] : [], artifacts, {
    services,
    now: NOW,
    warningDays: 7,
  });
  return status.ci;
}

suite('checkArtifact', () => {
  const passed = aRun({ headSha: sha(1) });

  test('a passed run with a valid artifact can be published', () => {
    assert.equal(
      checkArtifact({ sha: sha(1), service: 'api', knownServices: services, ci: ciOf(passed) }),
      undefined,
    );
  });

  const cases: Array<[string, Parameters<typeof checkArtifact>[0], string, string | undefined]> = [
    [
      'a short SHA',
      { sha: 'abc1234', service: 'api', knownServices: services, ci: ciOf(passed) },
      'invalid-sha',
      undefined,
    ],
    [
      'an unknown service',
      { sha: sha(1), service: 'web', knownServices: services, ci: ciOf(passed) },
      'unknown-service',
      'open-settings',
    ],
    ['CI not loaded', { sha: sha(1), service: 'api', knownServices: services }, 'ci-unknown', undefined],
    [
      'no CI run',
      { sha: sha(1), service: 'api', knownServices: services, ci: ciOf(undefined) },
      'no-ci-run',
      undefined,
    ],
    [
      'a running CI run',
      {
        sha: sha(1),
        service: 'api',
        knownServices: services,
        ci: ciOf(aRun({ headSha: sha(1), status: 'in_progress', conclusion: null })),
      },
      'ci-running',
      'open-run',
    ],
    [
      'a failed CI run',
      {
        sha: sha(1),
        service: 'api',
        knownServices: services,
        ci: ciOf(aRun({ headSha: sha(1), conclusion: 'failure' })),
      },
      'ci-not-successful',
      'rerun-ci',
    ],
    [
      'no artifact for the service',
      { sha: sha(1), service: 'ingestion_server', knownServices: services, ci: ciOf(passed) },
      'no-artifact',
      'open-run',
    ],
    [
      'an expired artifact (expires_at passed, expired still false)',
      {
        sha: sha(1),
        service: 'api',
        knownServices: services,
        ci: ciOf(passed, [anArtifact({ runId: passed.id, expiresAt: daysAgo(2), expired: false })]),
      },
      'artifact-expired',
      'rerun-ci',
    ],
  ];

  for (const [what, facts, code, remedy] of cases) {
    test(`refuses ${what}`, () => {
      const problem = checkArtifact(facts);

      assert.equal(problem?.code, code);
      assert.equal(problem?.remedy, remedy);
      assert.ok((problem?.message.length ?? 0) > 20);
    });
  }

  test('the expired message says how long ago and offers a re-run', () => {
    const ci = ciOf(passed, [anArtifact({ runId: passed.id, expiresAt: daysAgo(3) })]);

    assert.match(
      checkArtifact({ sha: sha(1), service: 'api', knownServices: services, ci })?.message ?? '',
      /expired 3 days ago\. Re-run/,
    );
  });
});

suite('checkWorkflow', () => {
  const parse = (text: string) => {
    const parsed = parseWorkflowFile(text);
    assert.ok(parsed.ok);
    return parsed.workflow;
  };
  const publish = parse(
    'on:\n  workflow_dispatch:\n    inputs:\n      image: {type: string}\n      commit: {type: string}\n',
  );

  test('a dispatchable workflow with both inputs passes', () => {
    assert.equal(
      checkWorkflow({ file: 'p.yml', ref: 'main', definition: publish, inputs: findPublishInputs(publish) }),
      undefined,
    );
  });

  test('no ref to dispatch from', () => {
    assert.equal(checkWorkflow({ file: 'p.yml', definition: publish })?.code, 'no-dispatch-ref');
  });

  test('missing file, missing trigger, missing inputs', () => {
    const push = parse('on: push\n');
    const other = parse('on:\n  workflow_dispatch:\n    inputs:\n      target: {type: string}\n');

    assert.equal(checkWorkflow({ file: 'p.yml', ref: 'main' })?.code, 'workflow-missing');
    assert.equal(
      checkWorkflow({ file: 'p.yml', ref: 'main', definition: push })?.code,
      'no-dispatch-trigger',
    );
    assert.match(
      checkWorkflow({ file: 'p.yml', ref: 'main', definition: other, inputs: findPublishInputs(other) })
        ?.message ?? '',
      /does not declare a service and a commit input \(it declares 'target'\)/,
    );
  });
});
