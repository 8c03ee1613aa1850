import * as assert from 'node:assert/strict';

import { detectCiWorkflow } from '../../src/domain/ciWorkflowDetection';
import type { Workflow } from '../../src/domain/model';
import { resolveServices, servicesFromArtifactNames } from '../../src/domain/services';
import { aRun, anArtifact } from './builders/domainBuilders';

function aWorkflow(id: number, path: string): Workflow {
  return { id, name: path, path: `.github/workflows/${path}`, state: 'active', htmlUrl: '' };
}

suite('detectCiWorkflow', () => {
  const build = aWorkflow(1, 'build_everything.yml');
  const lint = aWorkflow(2, 'lint.yml');
  const publish = aWorkflow(3, 'push_docker_image.yml');

  test('picks the workflow whose runs uploaded the service artifacts', () => {
    const buildRun = aRun({ workflowId: 1 });
    const lintRun = aRun({ workflowId: 2 });
    const artifacts = [
      anArtifact({ runId: buildRun.id }),
      anArtifact({ runId: buildRun.id }),
      anArtifact({ runId: lintRun.id }),
    ];

    const detection = detectCiWorkflow([lint, build, publish], [buildRun, lintRun], artifacts, [
      publish.path,
    ]);

    assert.equal(detection.workflow, build);
    assert.match(detection.why, /uploaded 2 of the services' artifacts/);
  });

  test('falls back to a conventional file name', () => {
    const ci = aWorkflow(4, 'ci_cd.yml');

    assert.equal(detectCiWorkflow([lint, ci], [], []).workflow, ci);
  });

  test('then to the most push runs, never the publish workflow', () => {
    const runs = [aRun({ workflowId: 2 }), aRun({ workflowId: 3 }), aRun({ workflowId: 3 })];

    assert.equal(detectCiWorkflow([lint, publish], runs, [], [publish.path]).workflow, lint);
  });

  test('nothing fits: no workflow and a reason', () => {
    const detection = detectCiWorkflow([publish], [], [], [publish.path]);

    assert.equal(detection.workflow, undefined);
    assert.ok(detection.why.length > 0);
  });
});

suite('resolveServices', () => {
  test('the setting wins', () => {
    const list = resolveServices({ setting: ['web'], publishWorkflowOptions: ['api'] });

    assert.deepEqual(list.services, ['web']);
    assert.equal(list.source, 'setting');
  });

  test('then the publish workflow options', () => {
    const list = resolveServices({
      publishWorkflowOptions: ['api', 'ingestion_server'],
      artifactNames: ['x.tar'],
    });

    assert.deepEqual(list.services, ['api', 'ingestion_server']);
    assert.equal(list.source, 'publish-workflow');
  });

  test('then artifact names ending in .tar', () => {
    assert.deepEqual(servicesFromArtifactNames(['logs', 'web.tar', 'api.tar', 'api.tar', '.tar']), [
      'api',
      'web',
    ]);
    assert.equal(resolveServices({ artifactNames: ['logs'] }).source, 'none');
  });
});
