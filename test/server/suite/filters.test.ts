import * as assert from 'node:assert/strict';
import { parseCreated } from '../routes/runFilters';
import { ArtifactList, get, NOW, REPO_PATH, RunList, useTestServer } from './support';

suite('run and artifact filters', () => {
  const context = useTestServer();

  const runs = async (query: string, path = `${REPO_PATH}/actions/workflows/ci_cd.yml/runs`) =>
    (await get(context.server, `${path}?per_page=100&${query}`)).json as RunList;

  const main = () => context.server.state.scenario.branches.main;

  test('branch keeps the runs whose head_branch is that branch', async () => {
    const body = await runs(`branch=${encodeURIComponent('feature/search')}`);

    assert.equal(body.total_count, 4);

    assert.ok(body.workflow_runs.every((run) => run.head_branch === 'feature/search'));
  });

  test('head_sha finds both runs of a commit with a push and a pull_request run', async () => {
    const body = await runs(`head_sha=${main()[2].sha}`);

    assert.deepEqual(
      body.workflow_runs.map((run) => run.event),
      ['pull_request', 'push'],
    );
  });

  test('event keeps one event', async () => {
    const body = await runs('event=pull_request');

    assert.equal(body.total_count, 2);

    assert.ok(body.workflow_runs.every((run) => run.event === 'pull_request'));
  });

  test('status takes a status', async () => {
    const body = await runs('status=in_progress');

    assert.deepEqual(
      body.workflow_runs.map((run) => run.head_sha).sort(),
      [main()[0].sha, context.server.state.scenario.branches['feature/search'][0].sha].sort(),
    );
  });

  test('status also takes a conclusion, as GitHub does', async () => {
    const failures = await runs('status=failure');

    const cancelled = await runs('status=cancelled&branch=main');

    assert.ok(
      failures.total_count >= 3 && failures.workflow_runs.every((run) => run.conclusion === 'failure'),
    );

    assert.deepEqual(
      cancelled.workflow_runs.map((run) => run.head_sha),
      [main()[6].sha],
    );
  });

  test('actor keeps the runs of one login', async () => {
    const body = await runs('actor=ray-smith&branch=main');

    assert.equal(body.total_count, 25);

    assert.ok(body.workflow_runs.every((run) => run.actor.login === 'ray-smith'));
  });

  test('created >= keeps runs from that moment on', async () => {
    const since = new Date(NOW.getTime() - 5 * 86_400_000).toISOString();

    const body = await runs(`branch=main&created=${encodeURIComponent(`>=${since}`)}`);

    assert.deepEqual(
      body.workflow_runs.map((run) => run.head_sha),
      [main()[0].sha, main()[1].sha, main()[2].sha, main()[2].sha],
    );
  });

  test('created ranges and single days follow GitHub’s date syntax', () => {
    const day = parseCreated('2026-01-05');

    assert.deepEqual(day, {
      from: Date.parse('2026-01-05T00:00:00Z'),
      to: Date.parse('2026-01-06T00:00:00Z') - 1,
    });

    assert.equal(parseCreated('<2026-01-05')?.to, Date.parse('2026-01-05T00:00:00Z') - 1);

    assert.equal(parseCreated('>2026-01-05T10:00:00Z')?.from, Date.parse('2026-01-05T10:00:00Z') + 1);

    assert.deepEqual(parseCreated('2026-01-01..*'), {
      from: Date.parse('2026-01-01T00:00:00Z'),
      to: Infinity,
    });

    assert.equal(parseCreated('yesterday'), null);
  });

  test('an unreadable created answers 422', async () => {
    const answer = await get(context.server, `${REPO_PATH}/actions/runs?created=soon`);

    assert.equal(answer.status, 422);
  });

  test('filters combine', async () => {
    const body = await runs('branch=main&event=push&status=success');

    assert.equal(body.total_count, 50 - 3);
  });

  test('the repository-wide list takes the same filters', async () => {
    const body = await runs(`head_sha=${main()[2].sha}&event=push`, `${REPO_PATH}/actions/runs`);

    assert.equal(body.total_count, 1);
  });

  test('a workflow is found by id as by file name; an unknown one is 404', async () => {
    const workflowId = context.server.state.scenario.workflows[0].id;

    const byId = await runs('branch=main', `${REPO_PATH}/actions/workflows/${workflowId}/runs`);

    const byName = await runs('branch=main', `${REPO_PATH}/actions/workflows/ci_cd.yml/runs`);

    assert.deepEqual(byId, byName);

    assert.equal((await get(context.server, `${REPO_PATH}/actions/workflows/nope.yml/runs`)).status, 404);
  });

  test('the publish workflow has no runs', async () => {
    const body = await runs('', `${REPO_PATH}/actions/workflows/push_docker_image.yml/runs`);

    assert.equal(body.total_count, 0);
  });

  test('artifacts filter by exact name, newest first, each naming its run', async () => {
    const body = (await get(context.server, `${REPO_PATH}/actions/artifacts?name=api&per_page=100`))
      .json as ArtifactList;

    assert.ok(body.total_count > 40 && body.artifacts.every((artifact) => artifact.name === 'api'));

    assert.ok(
      body.artifacts.every((a, index) => index === 0 || a.created_at <= body.artifacts[index - 1].created_at),
    );

    const feature = context.server.state.scenario.branches['feature/search'];

    assert.deepEqual(
      body.artifacts.slice(0, 2).map((artifact) => artifact.workflow_run.head_sha),
      [feature[2].sha, main()[2].sha],
    );
  });

  test('a run lists its own artifacts, filterable by name', async () => {
    const run = context.server.state.scenario.runs.find((candidate) => candidate.headSha === main()[10].sha);

    const all = (await get(context.server, `${REPO_PATH}/actions/runs/${run?.id}/artifacts`))
      .json as ArtifactList;

    const logs = (await get(context.server, `${REPO_PATH}/actions/runs/${run?.id}/artifacts?name=logs`))
      .json as ArtifactList;

    assert.deepEqual(all.artifacts.map((artifact) => artifact.name).sort(), [
      'api',
      'ingestion_server',
      'logs',
    ]);

    assert.deepEqual(
      logs.artifacts.map((artifact) => artifact.name),
      ['logs'],
    );
  });

  test('an unknown run is 404', async () => {
    assert.equal((await get(context.server, `${REPO_PATH}/actions/runs/1`)).status, 404);

    assert.equal((await get(context.server, `${REPO_PATH}/actions/runs/1/artifacts`)).status, 404);
  });
});
