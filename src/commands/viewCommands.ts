/** The view's own commands: refresh, load more, show the log. */
import * as vscode from 'vscode';

import type { CommitsModel } from '../commits/commitsModel';
import type { OutputLog } from '../log/outputLog';

export function registerViewCommands(model: CommitsModel, output: OutputLog): vscode.Disposable[] {
  return [
    vscode.commands.registerCommand('imagePublisher.refresh', () => model.refresh({ rediscover: true })),
    vscode.commands.registerCommand('imagePublisher.loadMore', () => model.loadMore()),
    vscode.commands.registerCommand('imagePublisher.showLog', () => output.show()),
  ];
}
