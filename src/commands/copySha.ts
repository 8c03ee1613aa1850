/** imagePublisher.copySha: copies a commit's full SHA. */
import * as vscode from 'vscode';

import type { CommitsModel } from '../commits/commitsModel';
import { commitFor } from './pickCommit';

export function registerCopySha(model: CommitsModel): vscode.Disposable {
  return vscode.commands.registerCommand('imagePublisher.copySha', async (argument?: unknown) => {
    const status = await commitFor(model, argument, 'Copy the SHA of which commit?');
    if (!status) {
      return;
    }

    await vscode.env.clipboard.writeText(status.commit.sha);
    vscode.window.setStatusBarMessage(`Copied ${status.commit.sha.slice(0, 7)}`, 3000);
  });
}
