import * as assert from 'node:assert/strict';
import { parse } from 'yaml';
import { gitBlobSha } from '../hashing';
import { get, REPO_PATH, useTestServer } from './support';

interface ContentFile {
  type: string;
  name: string;
  path: string;
  sha: string;
  size: number;
  content: string;
  encoding: string;
}

suite('repository contents', () => {
  const context = useTestServer();

  const publishPath = `${REPO_PATH}/contents/.github/workflows/push_docker_image.yml`;

  setup(() => context.server.state.reset());

  const decode = (file: ContentFile) => Buffer.from(file.content, 'base64').toString('utf8');

  test('serves a workflow file as base64 wrapped at 60 characters, with its blob sha', async () => {
    const file = (await get(context.server, publishPath)).json as ContentFile;

    const text = decode(file);

    assert.deepEqual([file.type, file.encoding, file.name], ['file', 'base64', 'push_docker_image.yml']);

    assert.ok(file.content.split('\n').every((line) => line.length <= 60));

    assert.equal(file.sha, gitBlobSha(text));

    assert.equal(file.size, Buffer.byteLength(text));
  });

  test('the publish workflow declares the image choice and the commit input', async () => {
    const file = (await get(context.server, publishPath)).json as ContentFile;

    const workflow = parse(decode(file)) as {
      name: string;
      on: {
        workflow_dispatch: {
          inputs: Record<string, { type: string; required: boolean; options?: string[] }>;
        };
      };
    };

    assert.equal(workflow.name, 'Publish Docker images on-demand');

    assert.deepEqual(workflow.on.workflow_dispatch.inputs.image.options, ['api', 'ingestion_server']);

    assert.deepEqual(
      [workflow.on.workflow_dispatch.inputs.image.type, workflow.on.workflow_dispatch.inputs.commit.type],
      ['choice', 'string'],
    );
  });

  test('the CI workflow runs on push and pull_request', async () => {
    const file = (await get(context.server, `${REPO_PATH}/contents/.github/workflows/ci_cd.yml`))
      .json as ContentFile;

    const workflow = parse(decode(file)) as { name: string; on: Record<string, unknown> };

    assert.equal(workflow.name, 'CI + CD');

    assert.deepEqual(Object.keys(workflow.on), ['push', 'pull_request']);
  });

  test('takes a branch, a full or short commit SHA, or refs/heads/ as ref', async () => {
    const sha = context.server.state.scenario.branches.main[5].sha;

    for (const ref of ['main', 'feature/search', sha, sha.slice(0, 7), 'refs/heads/main']) {
      assert.equal(
        (await get(context.server, `${publishPath}?ref=${encodeURIComponent(ref)}`)).status,
        200,
        ref,
      );
    }
  });

  test('an unknown ref is 404 naming the ref', async () => {
    const answer = await get(context.server, `${publishPath}?ref=nowhere`);

    assert.equal(answer.status, 404);

    assert.equal((answer.json as { message: string }).message, 'No commit found for the ref nowhere');
  });

  test('a missing file is 404 Not Found', async () => {
    const answer = await get(context.server, `${REPO_PATH}/contents/.github/workflows/release.yml`);

    assert.deepEqual([answer.status, (answer.json as { message: string }).message], [404, 'Not Found']);
  });

  test('lists a folder', async () => {
    const entries = (await get(context.server, `${REPO_PATH}/contents/.github`)).json as ContentFile[];

    assert.deepEqual(
      entries.map((entry) => [entry.type, entry.path]),
      [['dir', '.github/workflows']],
    );
  });

  test('answers the raw text for the raw media type', async () => {
    const answer = await get(context.server, publishPath, {
      headers: { accept: 'application/vnd.github.raw+json' },
    });

    assert.match(answer.text, /^name: Publish Docker images on-demand\n/);
  });

  test('a file can differ at one ref, or be absent there', async () => {
    context.server.state.setFile(
      '.github/workflows/push_docker_image.yml',
      'name: Old\non: push\n',
      'feature/search',
    );

    context.server.state.setFile('.github/workflows/ci_cd.yml', null, 'feature/search');

    const atFeature = (await get(context.server, `${publishPath}?ref=feature/search`)).json as ContentFile;

    const atMain = (await get(context.server, `${publishPath}?ref=main`)).json as ContentFile;

    const ci = await get(
      context.server,
      `${REPO_PATH}/contents/.github/workflows/ci_cd.yml?ref=feature/search`,
    );

    assert.equal(decode(atFeature), 'name: Old\non: push\n');

    assert.match(decode(atMain), /workflow_dispatch/);

    assert.equal(ci.status, 404);
  });
});
