/**
 * The shown repository closed (Git: Close Repository) while its refresh still waits on GitHub: the
 * refresh ends without an error, the view moves to what is still open (nothing, or another
 * repository), and the closed repository's late answers are never painted. The repository is then
 * opened again and shown, as the suites after this one expect.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

import * as vscode from 'vscode';

import type { ViewState } from '../../../src/commits/viewState';
import { EXTENSION_ID, extensionApi, refreshAndWait, waitFor } from './support/extension';
import { scratchRepository } from './support/git';
import { extensionLogFile, logLocations, settledText } from './support/logFiles';
import { control } from './support/testServer';

const LATENCY_MS = 1_500;

/** Whether a painted state shows the repository at `root`. */
function shows(state: ViewState, root: string): boolean {
  return state.kind === 'commits' && state.repositoryRoot === root;
}

/** Shows the scratch repository again the way a user would: an editor of one of its files. */
async function showRepositoryOf(root: string): Promise<void> {
  const api = await extensionApi();
  const tracked = fs.readdirSync(root).find((name) => fs.statSync(path.join(root, name)).isFile());
  assert.ok(tracked, 'the scratch repository has a file to open');

  await vscode.window.showTextDocument(vscode.Uri.file(path.join(root, tracked)));
  await waitFor(
    async () => {
      await api.model.whenIdle();
      return api.model.state;
    },
    (state) => shows(state, root) && state.kind === 'commits' && state.headLabel === 'main' && !state.stale,
    'the scratch repository shown again',
    30_000,
  );
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

suite('Repository closed during a refresh', function () {
  this.timeout(60_000);

  test('the refresh ends without an error, the view moves on, and nothing of the closed repository is painted after', async () => {
    const api = await extensionApi();
    const root = (await scratchRepository()).rootUri;
    const logFile = extensionLogFile(logLocations(), EXTENSION_ID, 'Image Publisher');
    await refreshAndWait();
    assert.ok(shows(api.model.state, root.fsPath), 'the scratch repository is shown to begin with');
    const logStart = (await settledText(logFile)).length;
    const paintedFromClose: ViewState[] = [];
    let subscription: vscode.Disposable | undefined;

    try {
      await control('latency', { ms: LATENCY_MS });
      let refresh = 'running';
      const refreshing = Promise.resolve(vscode.commands.executeCommand('imagePublisher.refresh')).then(
        () => (refresh = 'done'),
        (error: Error) => (refresh = `threw: ${error.message}`),
      );
      await new Promise((resolve) => setTimeout(resolve, LATENCY_MS / 2));

      assert.equal(refresh, 'running', 'the refresh is still waiting on GitHub when the repository closes');
      subscription = api.model.onDidChange((state) => paintedFromClose.push(state));
      await vscode.commands.executeCommand('git.close', root);
      await refreshing;
      await api.model.whenIdle();
      const state = api.model.state;

      assert.equal(refresh, 'done');
      assert.ok(paintedFromClose.length > 0, 'the view was not repainted after the close');
      assert.ok(
        state.kind === 'no-repository' ||
          state.kind === 'no-commits' ||
          (state.kind === 'commits' && state.repositoryRoot !== root.fsPath),
        `the view shows what is still open, not ${JSON.stringify(state).slice(0, 300)}`,
      );
      assert.deepEqual(
        paintedFromClose.filter((painted) => shows(painted, root.fsPath)),
        [],
        'a state of the closed repository was painted after it closed',
      );
      assert.deepEqual(
        (await settledText(logFile))
          .slice(logStart)
          .split('\n')
          .filter((line) => /\[error\]/.test(line)),
        [],
      );
    } finally {
      subscription?.dispose();
      await control('latency', { ms: 0 });
      await vscode.commands.executeCommand('git.openRepository', root.fsPath);
      await showRepositoryOf(root.fsPath);
    }
  });
});
