import * as assert from 'node:assert/strict';
import { ControlClient } from '../controlClient';
import type { ScenarioRun } from '../scenario';
import { DAY_MS } from '../scenarioRules';
import { ArtifactList, get, post, REPO_PATH, useTestServer } from './support';

interface RunBody {
  status: string;
  conclusion: string | null;
  run_attempt: number;
  previous_attempt_url: string | null;
}

interface JobBody {
  id: number;
  run_attempt: number;
  name: string;
  status: string;
  conclusion: string | null;
  html_url: string;
  steps: { name: string; status: string; conclusion: string | null }[];
}

interface JobList {
  total_count: number;
  jobs: JobBody[];
}

suite('re-runs and jobs', () => {
  const context = useTestServer();

  let control: ControlClient;

  /** The push run of the main branch's commit at `index`. */
  function pushRun(index: number): ScenarioRun {
    const sha = context.server.state.scenario.branches.main[index].sha;

    const run = context.server.state.scenario.runs.find((candidate) => candidate.headSha === sha);

    assert.ok(run);

    return run;
  }

  const runPath = (run: ScenarioRun) => `${REPO_PATH}/actions/runs/${run.id}`;

  const jobsOf = async (run: ScenarioRun, query = '') =>
    (await get(context.server, `${runPath(run)}/jobs${query}`)).json as JobList;

  const messageOf = (json: unknown) => (json as { message: string }).message;

  setup(async () => {
    control = new ControlClient(context.server.url);

    await control.reset();

    await control.setDispatchTiming({ stepMs: 0 });
  });

  test('re-running a completed run answers 201 and queues its next attempt', async () => {
    await control.setDispatchTiming({ stepMs: 60_000 });

    const answer = await post(context.server, `${runPath(pushRun(5))}/rerun`);

    const run = (await get(context.server, runPath(pushRun(5)))).json as RunBody;

    assert.deepEqual([answer.status, answer.json], [201, {}]);

    assert.deepEqual(
      [run.status, run.conclusion, run.run_attempt, run.previous_attempt_url],
      ['queued', null, 2, `${context.server.apiUrl}${runPath(pushRun(5))}/attempts/1`],
    );
  });

  test('a successful CI re-run uploads fresh artifacts, kept 90 days', async () => {
    const now = context.server.state.now().getTime();

    await post(context.server, `${runPath(pushRun(5))}/rerun`);

    const artifacts = (await get(context.server, `${runPath(pushRun(5))}/artifacts`)).json as ArtifactList;

    assert.deepEqual(artifacts.artifacts.map((artifact) => artifact.name).sort(), [
      'api',
      'ingestion_server',
      'logs',
    ]);

    for (const artifact of artifacts.artifacts) {
      const createdAt = Date.parse(artifact.created_at);

      assert.equal(artifact.expired, false);

      assert.ok(Math.abs(createdAt - now) < 5_000, artifact.created_at);

      assert.equal(Date.parse(artifact.expires_at) - createdAt, 90 * DAY_MS);
    }
  });

  test('a failed CI re-run uploads the logs only', async () => {
    await control.setDispatchTiming({ nextConclusion: 'failure' });

    await post(context.server, `${runPath(pushRun(3))}/rerun`);

    const artifacts = (await get(context.server, `${runPath(pushRun(3))}/artifacts`)).json as ArtifactList;

    assert.deepEqual(
      artifacts.artifacts.map((artifact) => artifact.name),
      ['logs'],
    );
  });

  test('refuses a run that has not completed: 403 This workflow is already running', async () => {
    const answer = await post(context.server, `${runPath(pushRun(0))}/rerun`);

    assert.deepEqual([answer.status, messageOf(answer.json)], [403, 'This workflow is already running']);
  });

  test('refuses a run created more than 30 days ago', async () => {
    const answer = await post(context.server, `${runPath(pushRun(20))}/rerun`);

    assert.deepEqual(
      [answer.status, messageOf(answer.json)],
      [403, 'Unable to retry this workflow run because it was created over a month ago'],
    );
  });

  test('needs a token with repo, and a run that exists', async () => {
    const anonymous = await post(context.server, `${runPath(pushRun(5))}/rerun`, undefined, { token: null });

    const unknown = await post(context.server, `${REPO_PATH}/actions/runs/1/rerun`);

    assert.deepEqual([anonymous.status, unknown.status], [401, 404]);
  });

  test('a successful CI run has one job per matrix entry and the test job, all succeeded', async () => {
    const jobs = await jobsOf(pushRun(7));

    assert.deepEqual(
      jobs.jobs.map((job) => [job.name, job.status, job.conclusion]),
      [
        ['Build image api', 'completed', 'success'],
        ['Build image ingestion_server', 'completed', 'success'],
        ['test', 'completed', 'success'],
      ],
    );

    assert.equal(
      jobs.jobs[0].html_url,
      `${context.server.url}/WordPress/openverse/actions/runs/${pushRun(7).id}/job/${jobs.jobs[0].id}`,
    );
  });

  test('a failed CI run fails its test job at `just test`; its if: always() step still runs', async () => {
    const [, , testJob] = (await jobsOf(pushRun(1))).jobs;

    assert.deepEqual(
      [testJob.name, testJob.conclusion, testJob.steps.map((step) => [step.name, step.conclusion])],
      [
        'test',
        'failure',
        [
          ['Set up job', 'success'],
          ['Run actions/checkout@v4', 'success'],
          ['Run just test', 'failure'],
          ['Upload the logs', 'success'],
          ['Complete job', 'success'],
        ],
      ],
    );
  });

  test('a run in progress has its first job running and the others queued without steps', async () => {
    const jobs = (await jobsOf(pushRun(0))).jobs;

    assert.deepEqual(
      jobs.map((job) => [job.status, job.steps.length > 0]),
      [
        ['in_progress', true],
        ['queued', false],
        ['queued', false],
      ],
    );

    assert.deepEqual(
      jobs[0].steps.slice(0, 3).map((step) => step.status),
      ['completed', 'in_progress', 'queued'],
    );
  });

  test('lists the jobs of the latest attempt, or of every attempt with filter=all', async () => {
    await post(context.server, `${runPath(pushRun(5))}/rerun`);

    const latest = await jobsOf(pushRun(5));

    const all = await jobsOf(pushRun(5), '?filter=all');

    assert.deepEqual(
      [latest.total_count, new Set(latest.jobs.map((job) => job.run_attempt))],
      [3, new Set([2])],
    );

    assert.deepEqual(
      all.jobs.map((job) => job.run_attempt),
      [1, 1, 1, 2, 2, 2],
    );

    assert.equal(new Set(all.jobs.map((job) => job.id)).size, 6);
  });

  test('answers 404 for the jobs of a run that does not exist', async () => {
    assert.equal((await get(context.server, `${REPO_PATH}/actions/runs/1/jobs`)).status, 404);
  });
});
