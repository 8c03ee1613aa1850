/**
 * Publishing from the commits view in a real VS Code against the test server. The service pick and
 * the modal are answered by a scripted prompter (the extension's own test seam); the UI test clicks
 * the real ones.
 */
import * as assert from 'node:assert/strict';

import * as vscode from 'vscode';

import { repositoryKey } from '../../../src/publish/repositoryKey';
import { extensionApi, refreshAndWait, rows, waitFor, type Row } from './support/extension';
import { clearFaults } from './support/faults';
import { ScriptedPrompter, type Script } from './support/scriptedPrompter';
import { scratchRepository } from './support/git';
import { control } from './support/testServer';

interface Dispatch {
  readonly ref: string;
  readonly inputs: Record<string, unknown>;
  readonly returnRunDetails: boolean;
  readonly runId: number;
}

async function dispatches(): Promise<Dispatch[]> {
  return (await control<{ dispatches: Dispatch[] }>('dispatches')).dispatches;
}

async function commitRows(): Promise<Row[]> {
  return (await rows()).filter((row) => row.node.type === 'commit');
}

async function usePrompter(script: Script): Promise<ScriptedPrompter> {
  const prompter = new ScriptedPrompter(script);
  (await extensionApi()).usePrompter(prompter);
  return prompter;
}

async function publishRow(index: number): Promise<Row> {
  const shown = await waitFor(commitRows, (list) => list[2]?.description.includes('passed'), 'CI state');
  await vscode.commands.executeCommand('imagePublisher.publish', shown[index].node);
  return shown[index];
}

function shaOf(row: Row): string {
  return row.node.type === 'commit' ? row.node.status.commit.sha : '';
}

async function publishPhase(sha: string, service: string): Promise<string | undefined> {
  const api = await extensionApi();
  const state = api.model.state;
  if (state.kind !== 'commits' || !state.github) {
    return undefined;
  }
  return api.publishes.latest(repositoryKey(state.github), sha).find((record) => record.service === service)
    ?.phase;
}

suite('Publish', function () {
  this.timeout(90_000);

  setup(async () => {
    await control('dispatches/clear', {});
    await control('dispatch-timing', { stepMs: 800, conclusion: 'success' });
    await control('mode', { enterpriseRejectsRunDetails: false });
    await refreshAndWait();
  });

  teardown(async () => {
    (await extensionApi()).usePrompter(undefined);
    await clearFaults();
    await control('mode', { enterpriseRejectsRunDetails: false });
    await vscode.workspace
      .getConfiguration('imagePublisher')
      .update('serviceInput', undefined, vscode.ConfigurationTarget.Global);
  });

  test('publishes from the commit row: one dispatch of {image, commit} on the default branch, followed to success', async () => {
    const prompter = await usePrompter({ services: ['api'], confirm: 'publish' });

    const row = await publishRow(2);
    const sha = shaOf(row);

    assert.deepEqual(
      prompter.picks[0].map((choice) => [choice.service, choice.refusal]),
      [
        ['api', undefined],
        ['ingestion_server', undefined],
      ],
    );
    assert.equal(prompter.confirmations.length, 1);
    assert.deepEqual(prompter.progress, [
      'Image Publisher: reading the publish workflow…',
      'Image Publisher: looking for publishes already running…',
    ]);
    const { message, detail } = prompter.confirmations[0];
    assert.equal(message, `Publish the api image of ${sha.slice(0, 7)}?`);
    assert.match(
      detail,
      new RegExp(
        `127\\.0\\.0\\.1:\\d+/acme/widgets-api:${sha}  \\(artifact 4 days old · expires in 85 days\\)`,
      ),
    );
    assert.match(
      detail,
      /Workflow: push_docker_image\.yml on 'main' \(the default branch\) in acme\/widgets/,
    );
    assert.match(detail, new RegExp(`Inputs:\\nimage=api, commit=${sha}`));

    const sent = await dispatches();
    assert.equal(sent.length, 1);
    assert.deepEqual(sent[0].inputs, { image: 'api', commit: sha });
    assert.equal(sent[0].ref, 'main');
    assert.equal(sent[0].returnRunDetails, true);

    await waitFor(
      () => publishPhase(sha, 'api'),
      (phase) => phase === 'succeeded',
      'the publish to succeed',
      30_000,
    );
    const after = await waitFor(
      commitRows,
      (list) => list[2].description.includes('published api'),
      'the row to say published',
    );
    assert.match(after[2].description, /^[0-9a-f]{7} · published api · passed/);
    assert.equal((await dispatches()).length, 1, 'following never dispatches again');
  });

  test('an expired artifact sends nothing and offers to re-run CI', async () => {
    const prompter = await usePrompter({ services: ['api'], confirm: 'publish' });

    await publishRow(5);

    assert.equal(prompter.picks.length, 0);
    assert.equal(prompter.confirmations.length, 0);
    assert.match(
      prompter.notices[0].message,
      /The 'api' artifact of [0-9a-f]{7} expired 3 days ago\. Re-run the commit's CI run/,
    );
    assert.deepEqual(prompter.notices[0].actions, ['Re-run CI']);
    assert.deepEqual(await dispatches(), []);
  });

  test('a failed CI run sends nothing and says why', async () => {
    const prompter = await usePrompter({ services: ['api'], confirm: 'publish' });

    await publishRow(1);

    assert.equal(prompter.confirmations.length, 0);
    assert.match(
      prompter.notices[0].message,
      /The CI run #\d+ of [0-9a-f]{7} failed; only a passed run's image can be published/,
    );
    assert.deepEqual(await dispatches(), []);
  });

  test('an input the workflow does not declare sends nothing and names it', async () => {
    await vscode.workspace
      .getConfiguration('imagePublisher')
      .update('serviceInput', 'target', vscode.ConfigurationTarget.Global);
    await refreshAndWait();
    const prompter = await usePrompter({ services: ['api'], confirm: 'publish' });

    await publishRow(2);

    assert.equal(prompter.confirmations.length, 0);
    assert.match(
      prompter.notices.map((notice) => notice.message).join('\n'),
      /push_docker_image\.yml on 'main' does not declare a service and a commit input \(it declares 'image', 'commit'\)/,
    );
    assert.deepEqual(await dispatches(), []);
  });

  test('cancelling the modal sends nothing; "Copy gh Command" copies instead of sending', async () => {
    await usePrompter({ services: ['api'], confirm: 'cancel' });
    await publishRow(2);

    const prompter = await usePrompter({ services: ['api'], confirm: 'copy-command' });
    const row = await publishRow(2);

    assert.deepEqual(await dispatches(), []);
    assert.match(
      await vscode.env.clipboard.readText(),
      new RegExp(
        `^gh workflow run push_docker_image\\.yml --repo 127\\.0\\.0\\.1:\\d+/acme/widgets --ref main -f image=api -f commit=${shaOf(row)}$`,
      ),
    );
    assert.match(prompter.notices[0].message, /nothing was sent/);
  });

  test('Enterprise Server without return_run_details: sent once more without it, and the run is found', async () => {
    await control('mode', { enterpriseRejectsRunDetails: true });
    await usePrompter({ services: ['ingestion_server'], confirm: 'publish' });

    const row = await publishRow(3);
    const sha = shaOf(row);
    const sent = await dispatches();

    assert.equal(sent.length, 1);
    assert.equal(sent[0].returnRunDetails, false);
    assert.deepEqual(sent[0].inputs, { image: 'ingestion_server', commit: sha });
    await waitFor(
      () => publishPhase(sha, 'ingestion_server'),
      (phase) => phase === 'succeeded',
      'the run to be found and followed',
      45_000,
    );

    const api = await extensionApi();
    const state = api.model.state;
    assert.ok(state.kind === 'commits' && state.github);
    const record = api.publishes
      .latest(repositoryKey(state.github), sha)
      .find((entry) => entry.service === 'ingestion_server');
    assert.equal(record?.runId, sent[0].runId);
  });

  test('a second publish of the same commit and service while one runs is refused; a double click sends once', async () => {
    await control('dispatch-timing', { stepMs: 4000 });
    const first = await usePrompter({ services: ['api'], confirm: 'publish', pickDelayMs: 300 });

    const shown = await waitFor(commitRows, (list) => list[7]?.description.includes('passed'), 'CI state');
    const node = shown[7].node;
    await Promise.all([
      vscode.commands.executeCommand('imagePublisher.publish', node),
      vscode.commands.executeCommand('imagePublisher.publish', node),
    ]);

    assert.equal((await dispatches()).length, 1);
    assert.match(first.notices.map((notice) => notice.message).join('\n'), /already being prepared/);

    const second = await usePrompter({ services: ['api'], confirm: 'publish' });
    await vscode.commands.executeCommand('imagePublisher.publish', node);

    assert.match(second.picks[0][0].refusal ?? '', /already running/);
    assert.equal(second.confirmations.length, 0);
    assert.equal((await dispatches()).length, 1);
  });

  test('a publish run already in progress (another window, another person) is shown before a second dispatch', async () => {
    const shown = await waitFor(commitRows, (list) => list[2]?.description.includes('passed'), 'CI state');
    const head = shown[0].node.type === 'commit' ? shown[0].node.status.commit.sha : '';
    await control('runs', {
      sha: head,
      branch: 'main',
      workflow: 'push_docker_image.yml',
      event: 'workflow_dispatch',
      status: 'in_progress',
    });
    const prompter = await usePrompter({ services: ['api'], confirm: 'cancel' });

    await vscode.commands.executeCommand('imagePublisher.publish', shown[2].node);

    assert.match(
      prompter.confirmations[0]?.detail ?? '',
      /Already running for push_docker_image\.yml \(one may be publishing the same image\):\n#\d+ in progress, started by /,
    );
    assert.deepEqual(await dispatches(), []);
    await control('reset', {});
  });

  test('a dispatch ref that is the current branch without an upstream says to push first', async () => {
    await vscode.workspace
      .getConfiguration('imagePublisher')
      .update('dispatchRef', 'main', vscode.ConfigurationTarget.Global);
    const repository = await scratchRepository();
    const api = await extensionApi();
    try {
      const state = api.model.state;
      assert.ok(state.kind === 'commits');
      assert.equal(state.upstream, 'origin/main', 'the scratch main tracks origin/main');

      const prompter = await usePrompter({ services: ['api'], confirm: 'cancel' });
      await publishRow(2);
      assert.equal(prompter.confirmations.length, 1, 'a pushed branch as dispatch ref is fine');

      await repository.checkout('feature/login');
      await waitFor(
        async () => api.model.state,
        (next) => next.kind === 'commits' && next.headLabel === 'feature/login' && !next.stale,
        'the feature branch',
      );
      await vscode.workspace
        .getConfiguration('imagePublisher')
        .update('dispatchRef', 'feature/login', vscode.ConfigurationTarget.Global);
      await refreshAndWait();
      const unpushed = await usePrompter({ services: ['api'], confirm: 'publish' });
      const rowsNow = await waitFor(
        commitRows,
        (list) => list.some((row) => row.description.includes('passed')),
        'CI state on the feature branch',
      );
      const passed = rowsNow.find((row) => row.description.includes('passed'));
      assert.ok(passed);
      await vscode.commands.executeCommand('imagePublisher.publish', passed.node);

      assert.equal(unpushed.confirmations.length, 0);
      assert.match(
        unpushed.notices.map((notice) => notice.message).join('\n'),
        /'feature\/login' is your current branch, which has no upstream.*Push the branch first/,
      );
      assert.deepEqual(await dispatches(), []);
    } finally {
      await vscode.workspace
        .getConfiguration('imagePublisher')
        .update('dispatchRef', undefined, vscode.ConfigurationTarget.Global);
      await repository.checkout('main');
      await refreshAndWait();
    }
  });
});
