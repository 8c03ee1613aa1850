/**
 * The Release Tags view, Inspect Release Tags and the published marks, in a real VS Code against
 * the test server's packages (test/server README: indices 2, 7, 8 published by SHA; 9 is v2.4.2
 * and latest; 10 is v2.4.1; ingestion_server did not change in v2.4.2, so one digest carries both
 * releases; one untagged version each).
 */
import * as assert from 'node:assert/strict';

import * as vscode from 'vscode';

import type { CommitInspection } from '../../../src/commands/tagCommands';
import type { TagsNode } from '../../../src/views/tags/tagNodes';
import { extensionApi, plain, refreshAndWait, rows, waitFor, type Row } from './support/extension';
import { scratchRepository } from './support/git';
import { ScriptedPrompter } from './support/scriptedPrompter';
import { control } from './support/testServer';

interface TagRow {
  readonly label: string;
  readonly description: string;
  readonly node: TagsNode;
}

async function tagRows(parent?: TagsNode): Promise<TagRow[]> {
  const api = await extensionApi();
  return api.tagsTree.getChildren(parent).map((node) => {
    const item = api.tagsTree.getTreeItem(node);
    return { label: String(item.label), description: String(item.description ?? ''), node };
  });
}

async function versionLabels(service: string): Promise<string[]> {
  const services = await tagRows();
  const row = services.find((entry) => entry.label === service);
  assert.ok(row, `no row for ${service}`);
  return (await tagRows(row.node)).map((entry) => entry.label);
}

async function commitRows(): Promise<Row[]> {
  return (await rows()).filter((row) => row.node.type === 'commit');
}

suite('Release tags', function () {
  this.timeout(90_000);

  let shas: string[];
  let subjects: string[];
  const short = (index: number) => shas[index].slice(0, 7);

  suiteSetup(async () => {
    await control('reset', {});
    const repository = await scratchRepository();
    const log = await repository.log({ maxEntries: 100 });
    shas = log.map((commit) => commit.hash);
    subjects = log.map((commit) => commit.message.split('\n')[0]);
    await refreshAndWait();
    await waitFor(commitRows, (list) => list[2]?.description.includes('passed'), 'CI state');
  });

  setup(async () => {
    await (await extensionApi()).tags.refresh();
  });

  suiteTeardown(async () => {
    (await extensionApi()).usePrompter(undefined);
    await control('reset', {});
  });

  test('each service lists one row per digest, newest first, labelled by its most meaningful tag', async () => {
    assert.deepEqual(
      (await tagRows()).map((row) => row.label),
      ['api', 'ingestion_server'],
    );
    assert.deepEqual(await versionLabels('api'), [
      short(2),
      short(7),
      short(8),
      'v2.4.2',
      'v2.4.1',
      'untagged',
    ]);
    assert.deepEqual(await versionLabels('ingestion_server'), [
      short(2),
      short(7),
      short(8),
      'v2.4.2',
      'untagged',
    ]);
  });

  test('a digest carrying several releases lists every tag; SHA rows name their commit', async () => {
    const services = await tagRows();
    const ingestion = (await tagRows(services[1].node)).find((row) => row.label === 'v2.4.2');
    assert.ok(ingestion);

    assert.deepEqual(
      (await tagRows(ingestion.node)).map((row) => row.label),
      ['v2.4.2', 'v2.4.1', 'latest', shas[10], shas[9]],
    );

    const shaRow = (await tagRows(services[0].node))[0];
    assert.match(shaRow.description, new RegExp(`^\\d+ \\w+ old · [0-9a-f]{12} · ${subjects[2]}$`));
  });

  test('Inspect Release Tags names the other tags on the commit’s image', async () => {
    const shown = await commitRows();

    const inspected = (await vscode.commands.executeCommand(
      'imagePublisher.inspectTags',
      shown[9].node,
    )) as CommitInspection[];
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
    const unpublished = (await vscode.commands.executeCommand(
      'imagePublisher.inspectTags',
      shown[3].node,
    )) as CommitInspection[];
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');

    assert.deepEqual(
      inspected.map((entry) => [entry.service, entry.published, entry.otherTags]),
      [
        ['api', true, ['v2.4.2', 'latest']],
        ['ingestion_server', true, ['v2.4.2', 'v2.4.1', 'latest', shas[10]]],
      ],
    );
    assert.match(inspected[0].digest ?? '', /^sha256:[0-9a-f]{64}$/);
    assert.deepEqual(
      unpublished.map((entry) => entry.published),
      [false, false],
    );
  });

  test('tags of a repository no longer shown are dropped, and come back with it', async () => {
    const api = await extensionApi();
    const settings = vscode.workspace.getConfiguration('imagePublisher');
    assert.equal(api.tags.state.kind, 'loaded');

    try {
      await settings.update('remote', 'nowhere', vscode.ConfigurationTarget.Global);
      await waitFor(
        async () => api.model.state,
        (state) => state.kind === 'commits' && !state.github,
        'the view to leave the GitHub repository',
      );

      const dropped = await waitFor(
        async () => api.tags.state,
        (state) => state.kind !== 'loaded',
        'the tags to be dropped',
      );
      assert.equal(dropped.kind, 'unavailable');
      assert.deepEqual(await tagRows(), []);
      assert.equal(api.tags.publications(shas[9]).size, 0);
    } finally {
      await settings.update('remote', undefined, vscode.ConfigurationTarget.Global);
    }

    await refreshAndWait();
    await api.tags.ensureLoaded();
    assert.deepEqual(
      (await tagRows()).map((row) => row.label),
      ['api', 'ingestion_server'],
    );
  });

  test('commit rows show which services are on the registry once tags are loaded', async () => {
    const shown = await waitFor(
      commitRows,
      (list) => list[9].description.includes('on registry:'),
      'published marks',
    );

    assert.match(shown[9].description, / · on registry: api, ingestion_server$/);
    assert.match(plain(shown[9].tooltip), /Published: api \(also v2\.4\.2, latest\)/);
    assert.doesNotMatch(shown[3].description, /on registry/);
  });

  test('without read:packages: the view says why and offers the grant, and public tags come from the registry', async () => {
    const token = process.env.IMAGE_PUBLISHER_TEST_TOKEN ?? '';
    const login = process.env.IMAGE_PUBLISHER_TEST_LOGIN ?? '';
    const api = await extensionApi();

    try {
      await control('tokens', { add: [{ value: token, login, scopes: ['repo', 'workflow'] }] });
      await api.tags.refresh();

      const state = api.tags.state;
      assert.ok(state.kind === 'loaded');
      assert.equal(state.result.scopeMissing, true);
      assert.deepEqual(
        state.result.images.map((image) => image.source),
        ['registry', 'registry'],
      );
      assert.match(api.tagsTree.treeView.message ?? '', /Grant read:packages/);
      // The registry has no dates: releases first, then the branch's SHA tags, newest commit first.
      assert.deepEqual(await versionLabels('ingestion_server'), ['v2.4.2', short(2), short(7), short(8)]);
    } finally {
      await control('tokens', {
        add: [{ value: token, login, scopes: ['repo', 'read:packages', 'workflow'] }],
      });
    }
  });

  test('a package that does not exist says so, never "no tags"', async () => {
    await control('packages', { name: 'widgets-api', remove: true });
    await (await extensionApi()).tags.refresh();

    const api = (await tagRows())[0];
    const children = await tagRows(api.node);

    assert.equal(children.length, 1);
    assert.match(children[0].label, /widgets-api: package not found or not visible to this account\.$/);
    await control('reset', {});
  });

  test('a publish from the extension makes its tag appear without a manual refresh', async () => {
    await control('dispatch-timing', { stepMs: 500, conclusion: 'success' });
    await refreshAndWait();
    const api = await extensionApi();
    await api.tags.refresh();
    assert.ok(!(await versionLabels('api')).includes(short(3)));

    api.usePrompter(new ScriptedPrompter({ services: ['api'], confirm: 'publish' }));
    const shown = await waitFor(commitRows, (list) => list[3]?.description.includes('passed'), 'CI state');
    await vscode.commands.executeCommand('imagePublisher.publish', shown[3].node);

    await waitFor(
      () => versionLabels('api'),
      (labels) => labels[0] === short(3),
      `${short(3)} in the api versions`,
      30_000,
    );
  });
});
