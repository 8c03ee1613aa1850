/** imagePublisher.selectRepository: chooses which open repository the view follows. */
import * as path from 'path';
import * as vscode from 'vscode';

import type { RepositoryTracker } from '../git/repositoryTracker';

export function registerSelectRepository(tracker: RepositoryTracker): vscode.Disposable {
  return vscode.commands.registerCommand('imagePublisher.selectRepository', async () => {
    const repositories = tracker.repositories;

    if (repositories.length === 0) {
      void vscode.window.showInformationMessage(
        'No git repository is open. Open a folder that contains one.',
      );
      return;
    }

    const picked = await vscode.window.showQuickPick(
      repositories.map((repository) => ({
        label: path.basename(repository.rootUri.fsPath),
        description: repository.state.HEAD?.name ?? 'detached HEAD',
        detail: repository.rootUri.fsPath,
        picked: repository === tracker.current,
        repository,
      })),
      { placeHolder: 'Show the commits of which repository?' },
    );

    if (picked) {
      tracker.select(picked.repository);
    }
  });
}
