/**
 * A plain folder with no git repository in it: the commits view says so through its welcome and
 * shows no rows, and every command of the extension ends without an error, saying why when it
 * cannot act. Last, the folder becomes a clone of the test server's repository (git init, its
 * history fetched, origin on the test server), and the view shows its commits and their CI state.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

import * as vscode from 'vscode';

import { contextKeyFor } from '../../../src/commits/viewState';
import type { GitExtension } from '../../../src/git/gitApi';
import { git, trackRemoteBranch } from '../../harness/git';
import {
  MAIN_SUBJECTS,
  SCRATCH_OWNER,
  SCRATCH_REPOSITORY,
  SCRATCH_REPOSITORY_VARIABLE,
} from '../scratchRepository';
import { EXTENSION_ID, extensionApi, rows, waitFor } from '../suite/support/extension';
import { extensionLogFile, logLocations, settledText } from '../suite/support/logFiles';
import { recordNotifications } from '../suite/support/notifications';
import { ScriptedPrompter } from '../suite/support/scriptedPrompter';
import { serverUrl } from '../suite/support/testServer';
import { COMMAND_EXPECTATIONS, NO_REPOSITORY, type CommandExpectation } from './commandExpectations';

interface Manifest {
  contributes: {
    commands: { command: string }[];
    viewsWelcome: { view: string; contents: string; when: string }[];
    menus: { commandPalette: { command: string; when: string }[] };
  };
}

const COMMAND_DEADLINE_MS = 10_000;

function manifest(): Manifest {
  const extension = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(extension, `${EXTENSION_ID} is not installed in the test host`);
  return extension.packageJSON as Manifest;
}

function openedFolder(): string {
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
  assert.ok(folder, 'no folder is open');
  return folder;
}

async function settledState() {
  const api = await extensionApi();
  return waitFor(
    async () => {
      await api.model.whenIdle();
      return api.model.state;
    },
    (state) => state.kind !== 'starting',
    'the view to settle',
    30_000,
  );
}

/** Runs a command as from the palette, with no arguments; returns how it ended and what it said. */
async function runFromPalette(expectation: CommandExpectation) {
  const api = await extensionApi();
  const prompter = new ScriptedPrompter({});
  const recorder = recordNotifications();
  api.usePrompter(prompter);
  let ended = 'still running';

  try {
    const running = Promise.resolve(vscode.commands.executeCommand(expectation.command)).then(
      () => (ended = 'done'),
      (error: Error) => (ended = `threw: ${error.message}`),
    );
    await Promise.race([running, new Promise((resolve) => setTimeout(resolve, COMMAND_DEADLINE_MS))]);
    await api.model.whenIdle();
  } finally {
    recorder.restore();
    api.usePrompter(undefined);
  }

  const said = [
    ...recorder.notifications.map((notice) => notice.message),
    ...prompter.notices.map((notice) => notice.message),
  ];
  return { ended, said, quickPicks: recorder.quickPicks };
}

suite('No repository open', function () {
  this.timeout(90_000);

  let logStart = 0;

  suiteSetup(async () => {
    await extensionApi();
    const logFile = extensionLogFile(logLocations(), EXTENSION_ID, 'Image Publisher');
    logStart = (await settledText(logFile)).length;
  });

  test('the opened folder is not in a git repository, and VS Code’s git extension found none', async () => {
    const gitExtension = vscode.extensions.getExtension<GitExtension>('vscode.git');
    assert.ok(gitExtension, 'vscode.git is missing');
    const gitApi = (gitExtension.isActive ? gitExtension.exports : await gitExtension.activate()).getAPI(1);

    assert.equal(fs.existsSync(path.join(openedFolder(), '.git')), false);
    assert.deepEqual(
      gitApi.repositories.map((repository) => repository.rootUri.fsPath),
      [],
    );
  });

  test('the view settles on no-repository: no rows, no message, and the welcome says what to do', async () => {
    const api = await extensionApi();
    const state = await settledState();
    const welcome = manifest().contributes.viewsWelcome.find(
      (entry) => entry.when === `imagePublisher.viewState == ${contextKeyFor(state)}`,
    );

    assert.equal(state.kind, 'no-repository');
    assert.deepEqual(await rows(), []);
    assert.equal(api.commitsTree.treeView.message, undefined);
    assert.equal(api.commitsTree.treeView.description, undefined);
    assert.equal(welcome?.view, 'imagePublisher.commits');
    assert.match(welcome?.contents ?? '', NO_REPOSITORY);
  });

  test('every command the extension contributes has an expectation below', () => {
    assert.deepEqual(
      manifest()
        .contributes.commands.map((entry) => entry.command)
        .sort(),
      COMMAND_EXPECTATIONS.map((expectation) => expectation.command).sort(),
    );
  });

  for (const expectation of COMMAND_EXPECTATIONS) {
    const behaviour = expectation.says
      ? 'from the palette says why it cannot act'
      : expectation.nodeOnly
        ? 'is hidden from the palette, and without a row ends quietly'
        : `from the palette acts without a notice (${expectation.quietBecause})`;

    test(`${expectation.command} ${behaviour}, and throws nothing`, async () => {
      const api = await extensionApi();
      const outcome = await runFromPalette(expectation);

      assert.equal(outcome.ended, 'done', `${expectation.command} ${outcome.ended}`);
      assert.deepEqual(outcome.quickPicks, [], 'no quick pick offers choices that do not exist');
      if (expectation.says) {
        assert.equal(outcome.said.length, 1, `one notice, not ${JSON.stringify(outcome.said)}`);
        assert.match(outcome.said[0], expectation.says);
      } else {
        assert.deepEqual(outcome.said, []);
      }
      if (expectation.nodeOnly) {
        const palette = manifest().contributes.menus.commandPalette;
        assert.ok(
          palette.some((entry) => entry.command === expectation.command && entry.when === 'false'),
          `${expectation.command} is offered in the palette`,
        );
      }
      expectation.also?.(api);
    });
  }

  test('no command logged an error', async () => {
    const logFile = extensionLogFile(logLocations(), EXTENSION_ID, 'Image Publisher');
    const since = (await settledText(logFile)).slice(logStart);

    assert.deepEqual(
      since.split('\n').filter((line) => /\[error\]/.test(line)),
      [],
    );
  });

  test('after git init and a fetch of the server’s history, with origin on the test server, the view shows the commits and their CI state', async () => {
    const folder = openedFolder();
    const scratch = process.env[SCRATCH_REPOSITORY_VARIABLE];
    assert.ok(scratch, `${SCRATCH_REPOSITORY_VARIABLE} is not set for the extension host`);
    const api = await extensionApi();

    await git(folder, ['init', '--quiet', '--initial-branch=main']);
    await git(folder, ['fetch', '--quiet', scratch, 'main']);
    await git(folder, ['checkout', '--quiet', '-B', 'main', 'FETCH_HEAD']);
    await trackRemoteBranch(folder, `${serverUrl()}/${SCRATCH_OWNER}/${SCRATCH_REPOSITORY}.git`, 'main');
    await vscode.commands.executeCommand('git.openRepository', folder);

    const shown = await waitFor(
      async () => (await rows()).filter((row) => row.node.type === 'commit'),
      (list) => list.length === MAIN_SUBJECTS.length && !!list[2]?.description.includes('passed'),
      'the commits of the new repository with their CI state',
      40_000,
    );
    const state = api.model.state;

    assert.equal(state.kind, 'commits');
    assert.equal(state.kind === 'commits' ? state.repositoryRoot : '', folder);
    assert.equal(state.kind === 'commits' ? state.stale : true, false);
    assert.equal(api.commitsTree.treeView.message, undefined);
    assert.equal(api.commitsTree.treeView.description, 'main');
    assert.deepEqual(
      shown.map((row) => row.label),
      [...MAIN_SUBJECTS].reverse(),
    );
    assert.match(shown[1].description, /· failed$/);
  });
});
