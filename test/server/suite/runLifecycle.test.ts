import * as assert from 'node:assert/strict';
import { ControlClient } from '../controlClient';
import { get, pause, post, REPO_PATH, useTestServer } from './support';

const DISPATCH = `${REPO_PATH}/actions/workflows/push_docker_image.yml/dispatches`;

const VERSIONS = '/orgs/WordPress/packages/container';

interface RunBody {
  status: string;
  conclusion: string | null;
  created_at: string;
  updated_at: string;
}

interface JobList {
  jobs: { name: string; conclusion: string | null; steps: { name: string; conclusion: string | null }[] }[];
}

interface VersionBody {
  id: number;
  name: string;
  metadata: { container: { tags: string[] } };
}

suite('dispatched runs', () => {
  const context = useTestServer();

  let control: ControlClient;

  const commit = (index: number) => context.server.state.scenario.branches.main[index];

  /** Dispatches the publish workflow; answers the new run's id. */
  async function publish(image: string, sha: string): Promise<number> {
    const answer = await post(context.server, DISPATCH, {
      ref: 'main',
      inputs: { image, commit: sha },
      return_run_details: true,
    });

    return (answer.json as { workflow_run_id: number }).workflow_run_id;
  }

  const runOf = async (id: number) =>
    (await get(context.server, `${REPO_PATH}/actions/runs/${id}`)).json as RunBody;

  const versionsOf = async (name: string) =>
    (await get(context.server, `${VERSIONS}/${name}/versions?per_page=100`)).json as VersionBody[];

  setup(async () => {
    control = new ControlClient(context.server.url);

    await control.reset();

    await control.setDispatchTiming({ stepMs: 0 });
  });

  test('goes queued → in_progress → completed/success, one step every stepMs', async () => {
    await control.setDispatchTiming({ stepMs: 300 });

    const id = await publish('api', commit(2).sha);

    const queued = await runOf(id);

    await pause(450);

    const running = await runOf(id);

    await pause(300);

    const done = await runOf(id);

    assert.deepEqual(
      [queued, running, done].map((run) => [run.status, run.conclusion]),
      [
        ['queued', null],
        ['in_progress', null],
        ['completed', 'success'],
      ],
    );

    assert.ok(Date.parse(done.updated_at) >= Date.parse(done.created_at));
  });

  test('concludes the next run failure when told, with a failed job, and the one after success', async () => {
    await control.setDispatchTiming({ nextConclusion: 'failure' });

    const failed = await publish('api', commit(2).sha);

    const succeeded = await publish('api', commit(2).sha);

    const jobs = (await get(context.server, `${REPO_PATH}/actions/runs/${failed}/jobs`)).json as JobList;

    assert.deepEqual(
      [(await runOf(failed)).conclusion, (await runOf(succeeded)).conclusion],
      ['failure', 'success'],
    );

    assert.deepEqual(
      jobs.jobs.map((job) => [job.name, job.conclusion]),
      [['push', 'failure']],
    );

    assert.deepEqual(
      jobs.jobs[0].steps.map((step) => [step.name, step.conclusion]),
      [
        ['Set up job', 'success'],
        ['Find the CI run of the commit', 'success'],
        ['Download the image artifact', 'success'],
        ['Load and push', 'failure'],
        ['Complete job', 'success'],
      ],
    );
  });

  test('concludes every run as the timing says until it is changed', async () => {
    await control.setDispatchTiming({ conclusion: 'cancelled' });

    const runs = [await publish('api', commit(2).sha), await publish('api', commit(7).sha)];

    const conclusions = await Promise.all(runs.map(async (id) => (await runOf(id)).conclusion));

    assert.deepEqual(conclusions, ['cancelled', 'cancelled']);
  });

  test('a successful publish of a new image adds a version tagged with the commit', async () => {
    const before = await versionsOf('openverse-api');

    await publish('api', commit(3).sha);

    const after = await versionsOf('openverse-api');

    assert.equal(after.length, before.length + 1);

    assert.deepEqual(after[0].metadata.container.tags, [commit(3).sha]);

    assert.ok(!before.some((version) => version.name === after[0].name));
  });

  test('a successful publish of an unchanged image tags the version that has it', async () => {
    const before = await versionsOf('openverse-ingestion_server');

    await publish('ingestion_server', commit(3).sha);

    const after = await versionsOf('openverse-ingestion_server');

    const tagged = after.find((version) => version.metadata.container.tags.includes(commit(3).sha));

    assert.equal(after.length, before.length);

    assert.deepEqual(tagged?.metadata.container.tags, [commit(2).sha, commit(3).sha]);
  });

  test('a failed publish pushes nothing', async () => {
    const before = await versionsOf('openverse-api');

    await control.setDispatchTiming({ nextConclusion: 'failure' });

    await publish('api', commit(3).sha);

    assert.deepEqual(await versionsOf('openverse-api'), before);
  });

  test('a run changed by hand stops moving by itself', async () => {
    await control.setDispatchTiming({ stepMs: 200 });

    const id = await publish('api', commit(2).sha);

    await control.changeRun({ id, status: 'in_progress' });

    await pause(450);

    assert.equal((await runOf(id)).status, 'in_progress');
  });

  test('refuses a conclusion it does not know', async () => {
    await assert.rejects(control.setDispatchTiming({ conclusion: 'great' as never }), /answered 400/);
  });
});
