/** imagePublisher.rerunCi: re-runs a commit's CI run (fresh artifacts, or another try) after a confirmation. */
import * as vscode from 'vscode';

import type { CommitsModel } from '../commits/commitsModel';
import { describeGitHubFailure } from '../github/errors';
import { noLinks } from '../views/plainText';
import { commitFor } from './pickCommit';

const RERUN_BUTTON = 'Re-run CI';

export function registerRerunCi(model: CommitsModel): vscode.Disposable {
  return vscode.commands.registerCommand('imagePublisher.rerunCi', async (argument?: unknown) => {
    const status = await commitFor(
      model,
      argument,
      'Re-run the CI run of which commit?',
      (each) => !!each.ci?.run,
    );
    const run = status?.ci?.run;
    const connection = model.connection;

    if (!status || !run || !connection) {
      return;
    }

    if (run.status !== 'completed') {
      void vscode.window.showInformationMessage(
        `CI run #${run.runNumber} is still ${status.ci?.state.word}; it cannot be re-run yet.`,
      );
      return;
    }

    const answer = await vscode.window.showWarningMessage(
      `Re-run CI run #${run.runNumber} of ${status.commit.sha.slice(0, 7)}?`,
      { modal: true, detail: `${run.name} runs again on the same commit and uploads fresh artifacts.` },
      RERUN_BUTTON,
    );
    if (answer !== RERUN_BUTTON) {
      return;
    }

    try {
      await connection.publish.rerun(run.id);
      void vscode.window.showInformationMessage(`CI run #${run.runNumber} was started again.`);
      await model.refresh();
    } catch (error) {
      const failure = describeGitHubFailure(error, {
        repositoryLabel: connection.label,
        apiHost: connection.apiHost,
        account: connection.account,
      });
      void vscode.window.showErrorMessage(noLinks(`The re-run was refused: ${failure.message}`));
    }
  });
}
