import * as assert from 'node:assert/strict';
import { ControlClient } from '../controlClient';
import { get, REPO_PATH, RunList, sampleCommits, useTestServer } from './support';

suite('control API', () => {
  const context = useTestServer();

  let control: ControlClient;

  setup(async () => {
    control = new ControlClient(context.server.url);

    await control.reset();
  });

  const mainHead = () => context.server.state.scenario.branches.main[0];

  test('lists the API requests, then clears them; control calls are not logged', async () => {
    await get(context.server, `${REPO_PATH}/actions/runs?branch=main`, {
      headers: { 'if-none-match': 'W/"x"' },
    });

    const requests = await control.requests();

    assert.equal(requests.length, 1);

    assert.deepEqual(
      [requests[0].method, requests[0].path, requests[0].status, requests[0].ifNoneMatch, requests[0].token],
      ['GET', '/api/v3/repos/WordPress/openverse/actions/runs?branch=main', 200, 'W/"x"', 'valid'],
    );

    await control.clearRequests();

    assert.deepEqual(await control.requests(), []);
  });

  test('moves a run from queued to in progress to completed with artifacts', async () => {
    const added = await control.changeRun({ sha: mainHead().sha, status: 'queued' });

    const queued = (await get(context.server, `${REPO_PATH}/actions/runs?status=queued`)).json as RunList;

    assert.deepEqual(
      queued.workflow_runs.map((run) => run.id),
      [added.id],
    );

    await control.changeRun({ id: added.id, status: 'in_progress' });

    const done = await control.changeRun({
      id: added.id,
      status: 'completed',
      conclusion: 'success',
      artifacts: 'images-and-logs',
    });

    const run = (await get(context.server, `${REPO_PATH}/actions/runs/${added.id}`)).json as {
      conclusion: string;
    };

    const artifacts = (await get(context.server, `${REPO_PATH}/actions/runs/${added.id}/artifacts`)).json as {
      total_count: number;
    };

    assert.equal(run.conclusion, 'success');

    assert.equal(artifacts.total_count, 3);

    assert.ok(done.artifacts.every((artifact) => !artifact.expired));
  });

  test('a new run is the newest and takes the next run number', async () => {
    const highest = Math.max(...context.server.state.scenario.runs.map((run) => run.runNumber));

    const added = await control.changeRun({ sha: mainHead().sha, event: 'workflow_dispatch' });

    const newest = ((await get(context.server, `${REPO_PATH}/actions/runs?per_page=1`)).json as RunList)
      .workflow_runs[0];

    assert.deepEqual(
      [newest.id, newest.run_number, newest.event],
      [added.id, highest + 1, 'workflow_dispatch'],
    );
  });

  test('expires an artifact', async () => {
    const run = context.server.state.scenario.runs.find((candidate) => candidate.artifacts.length === 3);

    const target = run?.artifacts[0];

    await control.changeArtifact({ id: target?.id ?? 0, expired: true, expiresAt: '2026-01-01T00:00:00Z' });

    const answer = (await get(context.server, `${REPO_PATH}/actions/artifacts/${target?.id}`)).json as {
      expired: boolean;
      expires_at: string;
    };

    assert.deepEqual([answer.expired, answer.expires_at], [true, '2026-01-01T00:00:00Z']);
  });

  test('pushes commits to a branch with runs by the same rules', async () => {
    const pushed = sampleCommits(2, 'ab');

    const previousHead = mainHead();

    const runs = await control.pushCommits('main', pushed);

    const state = await control.state();

    assert.deepEqual(
      state.branches.main.slice(0, 3).map((commit) => commit.sha),
      [pushed[0].sha, pushed[1].sha, previousHead.sha],
    );

    assert.deepEqual(
      runs.map((run) => [run.headSha, run.status, run.conclusion]),
      [
        [pushed[1].sha, 'completed', 'failure'],
        [pushed[0].sha, 'in_progress', null],
      ],
    );

    const listed = (await get(context.server, `${REPO_PATH}/actions/runs?branch=main&per_page=2`))
      .json as RunList;

    assert.deepEqual(
      listed.workflow_runs.map((run) => run.head_sha),
      [pushed[0].sha, pushed[1].sha],
    );
  });

  test('pushes commits without runs when asked', async () => {
    const runs = await control.pushCommits('release', sampleCommits(1, 'dd'), 'none');

    assert.deepEqual(runs, []);

    assert.equal((await get(context.server, `${REPO_PATH}/branches/release`)).status, 200);
  });

  test('adds and removes tokens', async () => {
    await control.changeTokens({ add: [{ value: 'ghp_extra', login: 'extra-user', scopes: ['repo'] }] });

    const user = (await get(context.server, '/user', { token: 'ghp_extra' })).json as { login: string };

    await control.changeTokens({ remove: ['ghp_extra'] });

    assert.equal(user.login, 'extra-user');

    assert.equal((await get(context.server, '/user', { token: 'ghp_extra' })).status, 401);
  });

  test('sets the rate limit left for a token', async () => {
    await control.setRateLimit({ token: context.server.state.scenario.tokens[0].value, remaining: 1 });

    const last = await get(context.server, REPO_PATH);

    const refused = await get(context.server, REPO_PATH);

    assert.deepEqual([last.status, last.headers.get('x-ratelimit-remaining')], [200, '0']);

    assert.equal(refused.status, 403);
  });

  test('sets the latency', async () => {
    await control.setLatency(70);

    const started = performance.now();

    await get(context.server, REPO_PATH);

    assert.ok(performance.now() - started >= 65);
  });

  test('injects faults and clears them', async () => {
    await control.addFaults([{ path: '/user$', status: 500 }]);

    assert.equal((await get(context.server, '/user')).status, 500);

    await control.clearFaults();

    assert.equal((await get(context.server, '/user')).status, 200);
  });

  test('makes the repository private', async () => {
    await control.changeRepository({ private: true });

    assert.equal((await get(context.server, REPO_PATH, { token: null })).status, 404);
  });

  test('reset brings back the starting scenario and clears faults', async () => {
    const runCount = context.server.state.scenario.runs.length;

    await control.changeRun({ sha: mainHead().sha });

    await control.addFaults([{ path: '.*', status: 500 }]);

    await control.reset();

    assert.equal((await control.state()).runs.length, runCount);

    assert.equal((await get(context.server, REPO_PATH)).status, 200);
  });

  test('answers 400 with the reason for a body it cannot use', async () => {
    await assert.rejects(control.changeRun({ id: 42 }), /400: No run 42/);

    await assert.rejects(control.changeRun({ sha: 'feedface' }), /400: A new run needs the sha/);

    await assert.rejects(control.addFaults([{ path: '[' }]), /400/);
  });

  test('answers 404 for an unknown control route', async () => {
    const response = await fetch(`${context.server.url}/_control/nothing`);

    assert.equal(response.status, 404);
  });
});
