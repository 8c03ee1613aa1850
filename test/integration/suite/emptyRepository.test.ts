/**
 * A repository with no commits yet, opened beside the scratch repository: the view follows the
 * active editor's repository and says what to do instead of showing an empty tree.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

import * as vscode from 'vscode';

import type { GitExtension } from '../../../src/git/gitApi';
import { extensionApi, viewMessage, waitFor } from './support/extension';

interface InitApi {
  init(root: vscode.Uri): Promise<unknown>;
}

suite('Empty repository', function () {
  this.timeout(60_000);

  test('a repository without commits says so, and the view returns to the scratch repository', async () => {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'image-publisher-empty-'));
    const file = path.join(folder, 'README.md');
    fs.writeFileSync(file, 'nothing committed yet\n');
    const git = vscode.extensions.getExtension<GitExtension>('vscode.git');
    assert.ok(git);
    const gitApi = (git.isActive ? git.exports : await git.activate()).getAPI(1) as unknown as InitApi;
    const api = await extensionApi();

    try {
      await gitApi.init(vscode.Uri.file(folder));
      await vscode.window.showTextDocument(vscode.Uri.file(file));

      const message = await waitFor(
        async () => {
          await api.model.whenIdle();
          return api.model.state.kind === 'no-commits' ? await viewMessage() : undefined;
        },
        (text) => !!text,
        'the no-commits message',
        30_000,
      );
      assert.equal(message, 'This repository has no commits yet. Commit and push to see CI runs here.');
      assert.deepEqual(api.commitsTree.getChildren(), []);
    } finally {
      // Back to the scratch repository through an editor of it, so the suites after this one see it;
      // the empty repository's editor is closed first so it never becomes active again.
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      const scratch = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath ?? '';
      const tracked = fs.readdirSync(scratch).find((name) => fs.statSync(path.join(scratch, name)).isFile());
      assert.ok(tracked, 'the scratch repository has a file to open');
      await vscode.window.showTextDocument(vscode.Uri.file(path.join(scratch, tracked)));
      await waitFor(
        async () => {
          await api.model.whenIdle();
          return api.model.state;
        },
        (state) => state.kind === 'commits' && state.headLabel === 'main',
        'the scratch repository again',
        30_000,
      );
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      fs.rmSync(folder, { recursive: true, force: true });
    }
  });
});
