import * as assert from 'node:assert/strict';
import { ControlClient } from '../controlClient';
import { get, post, REPO_PATH, useTestServer } from './support';

const DISPATCH = `${REPO_PATH}/actions/workflows/push_docker_image.yml/dispatches`;

const PUBLISH_FILE = '.github/workflows/push_docker_image.yml';

interface RunBody {
  id: number;
  event: string;
  status: string;
  head_branch: string;
  head_sha: string;
  display_title: string;
  actor: { login: string };
  triggering_actor: { login: string };
}

/** The publish workflow with other inputs (YAML lines under `inputs:`), and optionally a run-name. */
function publishWorkflowWith(inputLines: string, runName?: string): string {
  return [
    'name: Publish',
    ...(runName ? [`run-name: ${runName}`] : []),
    'on:',
    '  workflow_dispatch:',
    '    inputs:',
    inputLines,
    'jobs:',
    '  push:',
    '    runs-on: ubuntu-latest',
    '    steps:',
    '      - run: echo push',
    '',
  ].join('\n');
}

suite('workflow dispatch', () => {
  const context = useTestServer();

  let control: ControlClient;

  const commit = (index: number, branch = 'main') => context.server.state.scenario.branches[branch][index];

  const inputs = () => ({ image: 'api', commit: commit(2).sha });

  const messageOf = (json: unknown) => (json as { message: string }).message;

  setup(async () => {
    control = new ControlClient(context.server.url);

    await control.reset();
  });

  test('accepts a dispatch on a branch with 204 and no body, and records it', async () => {
    const answer = await post(context.server, DISPATCH, { ref: 'main', inputs: inputs() });

    const [record] = await control.dispatches();

    assert.deepEqual([answer.status, answer.text], [204, '']);

    assert.deepEqual(
      [record.workflow, record.ref, record.inputs, record.login, record.returnRunDetails],
      ['push_docker_image.yml', 'main', inputs(), 'octo-tester', false],
    );
  });

  test('with return_run_details answers 200 with the new run’s id and URLs', async () => {
    const answer = await post(context.server, DISPATCH, {
      ref: 'main',
      inputs: inputs(),
      return_run_details: true,
    });

    const details = answer.json as { workflow_run_id: number; run_url: string; html_url: string };

    assert.equal(answer.status, 200);

    assert.equal(
      details.run_url,
      `${context.server.apiUrl}${REPO_PATH}/actions/runs/${details.workflow_run_id}`,
    );

    assert.equal(
      details.html_url,
      `${context.server.url}/WordPress/openverse/actions/runs/${details.workflow_run_id}`,
    );
  });

  test('creates a queued workflow_dispatch run of the ref’s head, by the token’s user', async () => {
    const answer = await post(context.server, DISPATCH, {
      ref: 'main',
      inputs: inputs(),
      return_run_details: true,
    });

    const id = (answer.json as { workflow_run_id: number }).workflow_run_id;

    const run = (await get(context.server, `${REPO_PATH}/actions/runs/${id}`)).json as RunBody;

    assert.deepEqual(
      [run.event, run.status, run.head_branch, run.head_sha, run.actor.login, run.triggering_actor.login],
      ['workflow_dispatch', 'queued', 'main', commit(0).sha, 'octo-tester', 'octo-tester'],
    );

    assert.equal(run.display_title, 'Publish Docker images on-demand');
  });

  test('takes a tag as ref, by name or as refs/tags/, and runs the tagged commit', async () => {
    await control.setTag('v2.4.2', commit(5).sha);

    const byName = await post(context.server, DISPATCH, {
      ref: 'v2.4.2',
      inputs: inputs(),
      return_run_details: true,
    });

    const qualified = await post(context.server, DISPATCH, { ref: 'refs/tags/v2.4.2', inputs: inputs() });

    const id = (byName.json as { workflow_run_id: number }).workflow_run_id;

    const run = (await get(context.server, `${REPO_PATH}/actions/runs/${id}`)).json as RunBody;

    assert.deepEqual([byName.status, qualified.status], [200, 204]);

    assert.deepEqual([run.head_branch, run.head_sha], ['v2.4.2', commit(5).sha]);
  });

  test('refuses a SHA or an unknown name as ref: 422 No ref found', async () => {
    const bySha = await post(context.server, DISPATCH, { ref: commit(0).sha, inputs: inputs() });

    const unknown = await post(context.server, DISPATCH, { ref: 'nowhere', inputs: inputs() });

    assert.deepEqual(
      [bySha.status, messageOf(bySha.json), unknown.status, messageOf(unknown.json)],
      [422, `No ref found for: ${commit(0).sha}`, 422, 'No ref found for: nowhere'],
    );

    assert.equal(
      (bySha.json as { documentation_url: string }).documentation_url.startsWith('https://docs.github.com/'),
      true,
    );
  });

  test('refuses a workflow without a workflow_dispatch trigger', async () => {
    const answer = await post(context.server, `${REPO_PATH}/actions/workflows/ci_cd.yml/dispatches`, {
      ref: 'main',
    });

    assert.deepEqual(
      [answer.status, messageOf(answer.json)],
      [422, "Workflow does not have 'workflow_dispatch' trigger"],
    );
  });

  test('refuses undeclared inputs, naming them as a JSON list', async () => {
    const answer = await post(context.server, DISPATCH, {
      ref: 'main',
      inputs: { ...inputs(), tag: 'x', 'dry-run': 'true' },
    });

    assert.deepEqual(
      [answer.status, messageOf(answer.json)],
      [422, 'Unexpected inputs provided: ["tag","dry-run"]'],
    );
  });

  test('refuses a missing required input', async () => {
    const answer = await post(context.server, DISPATCH, { ref: 'main', inputs: { image: 'api' } });

    assert.equal(messageOf(answer.json), "Required input 'commit' not provided");
  });

  test('refuses a choice outside its options', async () => {
    const answer = await post(context.server, DISPATCH, {
      ref: 'main',
      inputs: { ...inputs(), image: 'web' },
    });

    assert.equal(
      messageOf(answer.json),
      "Provided value 'web' for input 'image' not in the list of allowed values",
    );
  });

  test('refuses input values that are not strings', async () => {
    const answer = await post(context.server, DISPATCH, { ref: 'main', inputs: { ...inputs(), commit: 7 } });

    assert.deepEqual([answer.status, messageOf(answer.json)], [422, "Invalid value for input 'commit'"]);
  });

  test('reads the inputs from the workflow file at the ref', async () => {
    const declaresService = publishWorkflowWith('      service:\n        required: true');

    await control.setFile({ path: PUBLISH_FILE, text: declaresService, ref: 'feature/search' });

    const onMain = await post(context.server, DISPATCH, { ref: 'main', inputs: { service: 'api' } });

    const onFeature = await post(context.server, DISPATCH, {
      ref: 'feature/search',
      inputs: { service: 'api' },
    });

    assert.deepEqual(
      [messageOf(onMain.json), onFeature.status],
      ['Unexpected inputs provided: ["service"]', 204],
    );
  });

  test('refuses at a ref where the workflow file has no dispatch trigger or is absent', async () => {
    await control.setFile({ path: PUBLISH_FILE, text: 'on: push\njobs: {}\n', ref: 'feature/search' });

    await control.setTag('old', commit(20).sha);

    await control.setFile({ path: PUBLISH_FILE, text: null, ref: commit(20).sha });

    const noTrigger = await post(context.server, DISPATCH, { ref: 'feature/search', inputs: inputs() });

    const absent = await post(context.server, DISPATCH, { ref: 'old', inputs: inputs() });

    assert.deepEqual(
      [messageOf(noTrigger.json), messageOf(absent.json)],
      [
        "Workflow does not have 'workflow_dispatch' trigger",
        "Workflow does not have 'workflow_dispatch' trigger",
      ],
    );
  });

  test('gives the run the defaults of the inputs not sent, and its title from run-name', async () => {
    const file = publishWorkflowWith(
      '      image:\n        required: true\n      registry:\n        default: ghcr.io',
      'Publish ${{ inputs.image }} to ${{ github.event.inputs.registry }} by ${{ github.actor }}',
    );

    await control.setFile({ path: PUBLISH_FILE, text: file });

    const answer = await post(context.server, DISPATCH, {
      ref: 'main',
      inputs: { image: 'api' },
      return_run_details: true,
    });

    const id = (answer.json as { workflow_run_id: number }).workflow_run_id;

    const run = context.server.state.scenario.runs.find((candidate) => candidate.id === id);

    assert.deepEqual(run?.inputs, { registry: 'ghcr.io', image: 'api' });

    assert.equal(run?.displayTitle, 'Publish api to ghcr.io by octo-tester');
  });

  test('refuses a disabled workflow', async () => {
    context.server.state.scenario.workflows[1].state = 'disabled_manually';

    const answer = await post(context.server, DISPATCH, { ref: 'main', inputs: inputs() });

    assert.deepEqual(
      [answer.status, messageOf(answer.json)],
      [422, "Cannot trigger a 'workflow_dispatch' on a disabled workflow"],
    );
  });

  test('refuses a body without ref, or with keys it does not know, as an invalid request', async () => {
    const noRef = await post(context.server, DISPATCH, { inputs: inputs() });

    const unknownKey = await post(context.server, DISPATCH, { ref: 'main', branch: 'main' });

    const wrongType = await post(context.server, DISPATCH, { ref: 'main', return_run_details: 'yes' });

    assert.deepEqual(
      [noRef, unknownKey, wrongType].map((answer) => [answer.status, messageOf(answer.json)]),
      [
        [422, 'Invalid request.\n\n"ref" wasn\'t supplied.'],
        [422, 'Invalid request.\n\n"branch" is not a permitted key.'],
        [422, 'Invalid request.\n\nFor \'properties/return_run_details\', "yes" is not a boolean.'],
      ],
    );
  });

  test('needs a token with repo: 401 without one, 403 without the scope, 404 on a private repository', async () => {
    context.server.state.addToken({ value: 'ghp_readonly', login: 'reader', scopes: ['read:packages'] });

    const anonymous = await post(
      context.server,
      DISPATCH,
      { ref: 'main', inputs: inputs() },
      { token: null },
    );

    const publicRepository = await post(context.server, DISPATCH, { ref: 'main' }, { token: 'ghp_readonly' });

    await control.changeRepository({ private: true });

    const privateRepository = await post(
      context.server,
      DISPATCH,
      { ref: 'main' },
      { token: 'ghp_readonly' },
    );

    assert.deepEqual([anonymous.status, publicRepository.status, privateRepository.status], [401, 403, 404]);

    assert.deepEqual(await control.dispatches(), []);
  });

  test('playing an older Enterprise Server, refuses return_run_details, dispatches nothing, and takes a retry without it', async () => {
    await control.setMode({ enterpriseRejectsRunDetails: true });

    const refused = await post(context.server, DISPATCH, { ref: 'main', return_run_details: true });

    const dispatchedAfterRefusal = (await control.dispatches()).length;

    const retried = await post(context.server, DISPATCH, { ref: 'main', inputs: inputs() });

    assert.equal(refused.status, 422);

    assert.equal(
      messageOf(refused.json),
      'Invalid request.\n\n' +
        'For \'links/0/schema\', {"ref"=>"main", "return_run_details"=>true} is not a permitted key.\n\n' +
        '"return_run_details" is not a permitted key.',
    );

    assert.deepEqual(
      [dispatchedAfterRefusal, retried.status, (await control.dispatches()).length],
      [0, 204, 1],
    );
  });

  test('clears the dispatches it recorded', async () => {
    await post(context.server, DISPATCH, { ref: 'main', inputs: inputs() });

    await control.clearDispatches();

    assert.deepEqual(await control.dispatches(), []);
  });
});
