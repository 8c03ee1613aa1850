/**
 * Restricted Mode: the scratch repository opened with workspace trust on and the folder not trusted,
 * its `.vscode/settings.json` pointing the restricted settings elsewhere (see workspace.ts). The
 * extension declares `untrustedWorkspaces: limited`: it must run, never use those settings' workspace
 * values, say that VS Code's Git extension does not run in Restricted Mode (so no commits), and refuse
 * to publish.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

import * as vscode from 'vscode';

import type { ImagePublisherApi } from '../../../src/extension';
import { EXTENSION_ID, waitFor } from '../suite/support/extension';
import { ScriptedPrompter } from '../suite/support/scriptedPrompter';
import { control } from '../suite/support/testServer';
import { untrustedWorkspaceSettings } from './workspace';

interface ServerRequest {
  readonly method: string;
  readonly path: string;
}

const UNTRUSTED_MESSAGE =
  'Publishing is disabled in an untrusted workspace: its settings could change what gets dispatched. Trust the workspace to publish.';

/** Why the extension is not running, as far as the extension host can tell. */
function notRunning(): string {
  const present = vscode.extensions.getExtension(EXTENSION_ID) ? 'present but not active' : 'not enabled';
  const git = vscode.extensions.getExtension('vscode.git') ? 'enabled' : 'not enabled';

  return `${EXTENSION_ID} is ${present} in Restricted Mode; the vscode.git extension it depends on is ${git} (git declares untrustedWorkspaces: false)`;
}

async function api(): Promise<ImagePublisherApi> {
  const extension = vscode.extensions.getExtension<ImagePublisherApi>(EXTENSION_ID);
  assert.ok(extension, notRunning());

  if (!extension.isActive) {
    try {
      await extension.activate();
    } catch (error) {
      assert.fail(`Image Publisher cannot be activated in Restricted Mode: ${(error as Error).message}`);
    }
  }

  assert.ok(extension.isActive && extension.exports, `Image Publisher is not active: ${notRunning()}`);
  return extension.exports;
}

suite('Untrusted workspace', function () {
  this.timeout(90_000);

  test('the window is in Restricted Mode, with the workspace settings file in the folder', () => {
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
    assert.ok(folder, 'no folder is open');
    const onDisk = JSON.parse(
      fs.readFileSync(path.join(folder, '.vscode', 'settings.json'), 'utf8'),
    ) as unknown;

    assert.equal(vscode.workspace.isTrusted, false);
    assert.deepEqual(onDisk, untrustedWorkspaceSettings);
  });

  test('VS Code withholds the workspace values of the settings the extension declares restricted', () => {
    const configuration = vscode.workspace.getConfiguration('imagePublisher');

    for (const key of ['remote', 'services', 'ciWorkflow', 'publishWorkflow']) {
      const inspected = configuration.inspect(key);
      assert.equal(inspected?.workspaceValue, undefined, `${key} has a workspace value`);
      assert.equal(inspected?.workspaceFolderValue, undefined, `${key} has a folder value`);
    }
  });

  test('the extension runs in Restricted Mode', async () => {
    assert.ok(vscode.extensions.getExtension(EXTENSION_ID), notRunning());
    assert.ok((await api()).model);
  });

  test('the view says why it cannot show commits: VS Code does not run its Git extension in Restricted Mode', async () => {
    const extension = await api();
    const state = await waitFor(
      async () => {
        await extension.model.whenIdle();
        return extension.model.state;
      },
      (next) => next.kind !== 'starting',
      'the view to settle',
      30_000,
    );
    const requests = (await control<{ requests: ServerRequest[] }>('requests')).requests;

    assert.equal(state.kind, 'git-unavailable');
    assert.match(
      state.kind === 'git-unavailable' ? state.message : '',
      /Restricted Mode, where VS Code's Git extension does not run.*Trust the workspace/,
    );
    assert.deepEqual(
      requests.filter((request) => /\/repos\/evil\/|evil\.yml|evil-service/.test(request.path)),
      [],
      'nothing was asked of the places the workspace settings name',
    );
  });

  test('Publish dispatches nothing, and says why', async () => {
    await control('dispatches/clear', {});
    const extension = vscode.extensions.getExtension<ImagePublisherApi>(EXTENSION_ID);
    const active = extension?.isActive ? extension.exports : undefined;
    const prompter = new ScriptedPrompter({ services: ['api'], confirm: 'publish' });
    active?.usePrompter(prompter);

    // From the command palette: the trust check comes before the commit pick.
    let ended = 'done';
    try {
      await Promise.race([
        vscode.commands.executeCommand('imagePublisher.publish'),
        new Promise((resolve) => setTimeout(resolve, 5_000)),
      ]);
    } catch (error) {
      ended = `failed: ${(error as Error).message}`;
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
      active?.usePrompter(undefined);
    }

    assert.deepEqual((await control<{ dispatches: unknown[] }>('dispatches')).dispatches, []);
    assert.deepEqual(
      prompter.notices,
      [{ level: 'warning', message: UNTRUSTED_MESSAGE, actions: [] }],
      `the command ${ended}`,
    );
    assert.deepEqual(prompter.picks, []);
  });
});
