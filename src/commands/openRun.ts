/** imagePublisher.openRun: opens a commit's CI run on GitHub in the browser. */
import * as vscode from 'vscode';

import type { CommitsModel } from '../commits/commitsModel';
import { commitFor } from './pickCommit';

export function registerOpenRun(model: CommitsModel): vscode.Disposable {
  return vscode.commands.registerCommand('imagePublisher.openRun', async (argument?: unknown) => {
    const status = await commitFor(
      model,
      argument,
      'Open the CI run of which commit?',
      (each) => !!each.ci?.run,
    );
    const run = status?.ci?.run;

    if (!status) {
      return;
    }

    if (!run) {
      void vscode.window.showInformationMessage(
        `Commit ${status.commit.sha.slice(0, 7)} has no CI run to open.`,
      );
      return;
    }

    const url = safeWebUrl(run.htmlUrl);
    if (!url) {
      void vscode.window.showWarningMessage('The run has no web address to open.');
      return;
    }

    await vscode.env.openExternal(url);
  });
}

/** Only http(s) addresses are opened; anything else from the API is refused. */
export function safeWebUrl(value: string): vscode.Uri | undefined {
  try {
    const parsed = new URL(value);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:'
      ? vscode.Uri.parse(parsed.href)
      : undefined;
  } catch {
    return undefined;
  }
}
