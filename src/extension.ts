/** Wires the extension together; the work happens in the modules it creates. */
import * as vscode from 'vscode';

import { GitHubSessions } from './auth/githubSessions';
import { registerCopySha } from './commands/copySha';
import { registerOpenRun } from './commands/openRun';
import { registerSelectRepository } from './commands/selectRepository';
import { registerSignIn } from './commands/signIn';
import { registerViewCommands } from './commands/viewCommands';
import { CommitsModel } from './commits/commitsModel';
import { affectsProduct } from './config/settings';
import { RepositoryTracker } from './git/repositoryTracker';
import { OutputLog } from './log/outputLog';
import { CommitsTreeProvider } from './views/commits/commitsTreeProvider';

/** What `activate` returns: used by the integration tests to read the tree as VS Code sees it. */
export interface ImagePublisherApi {
  readonly commitsTree: CommitsTreeProvider;
  readonly model: CommitsModel;
}

export async function activate(context: vscode.ExtensionContext): Promise<ImagePublisherApi> {
  const started = Date.now();
  const output = new OutputLog();
  const log = output.for('commits');
  context.subscriptions.push(output);

  const sessions = new GitHubSessions(output.for('auth'));
  const tracker = await RepositoryTracker.create(output.for('git'));
  const model = new CommitsModel(tracker, sessions, log, output.for('http'));
  const tree = new CommitsTreeProvider(model);
  context.subscriptions.push(sessions, tracker, model, tree);

  context.subscriptions.push(
    ...registerViewCommands(model, output),
    registerOpenRun(model),
    registerCopySha(model),
    registerSignIn(model, sessions),
    registerSelectRepository(tracker),
  );

  context.subscriptions.push(
    tracker.onDidChange(() => void model.refresh()),
    sessions.onDidChange(() => {
      model.forgetAccount();
      void model.refresh({ rediscover: true });
    }),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (affectsProduct(event)) {
        void model.refresh({ rediscover: true });
      }
    }),
  );

  void model.refresh();
  log.info(`Activated in ${Date.now() - started} ms.`);

  return { commitsTree: tree, model };
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
