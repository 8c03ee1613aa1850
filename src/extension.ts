/** Wires the extension together; the work happens in the modules it creates. */
import * as vscode from 'vscode';

import { GitHubSessions } from './auth/githubSessions';
import { registerCopySha } from './commands/copySha';
import { registerOpenRun } from './commands/openRun';
import { registerRerunCi } from './commands/rerunCi';
import { registerSelectRepository } from './commands/selectRepository';
import { registerSignIn } from './commands/signIn';
import { registerViewCommands } from './commands/viewCommands';
import { startAutoRefresh } from './commits/autoRefresh';
import { CommitsModel } from './commits/commitsModel';
import { affectsProduct } from './config/settings';
import { RepositoryTracker } from './git/repositoryTracker';
import { OutputLog } from './log/outputLog';
import { VsCodePrompter, type Prompter } from './publish/prompter';
import { registerPublish } from './publish/publishCommand';
import { PublishRecords } from './publish/publishRecords';
import { PublishStatusBar } from './publish/publishStatusBar';
import { resumeFollowing } from './publish/resumeFollowing';
import { RunFollower } from './publish/runFollower';
import { registerTagCommands } from './commands/tagCommands';
import { ReleaseTagsModel } from './tags/releaseTagsModel';
import { CommitsTreeProvider } from './views/commits/commitsTreeProvider';
import { TagsTreeProvider } from './views/tags/tagsTreeProvider';

/** What `activate` returns: used by the integration tests to read the tree as VS Code sees it. */
export interface ImagePublisherApi {
  readonly commitsTree: CommitsTreeProvider;
  readonly model: CommitsModel;
  readonly publishes: PublishRecords;
  readonly tags: ReleaseTagsModel;
  readonly tagsTree: TagsTreeProvider;
  /** Replaces the publish flow's questions; only in development and test hosts. */
  usePrompter(prompter: Prompter | undefined): void;
}

export function activate(context: vscode.ExtensionContext): ImagePublisherApi {
  const started = Date.now();
  const output = new OutputLog();
  const log = output.for('commits');
  context.subscriptions.push(output);

  const sessions = new GitHubSessions(output.for('auth'));
  const tracker = new RepositoryTracker(output.for('git'));
  const model = new CommitsModel(tracker, sessions, log, output.for('http'), context.workspaceState);
  const publishes = new PublishRecords(context.workspaceState);
  const tree = new CommitsTreeProvider(model, publishes);
  context.subscriptions.push(sessions, tracker, model, publishes, tree);

  const tagsModel = new ReleaseTagsModel(model, output.for('tags'), output.for('http'));
  const tagsTree = new TagsTreeProvider(tagsModel, model);
  context.subscriptions.push(tagsModel, tagsTree, tree.showRegistryMarks(tagsModel));

  const statusBar = new PublishStatusBar();
  const publishLog = output.for('publish');
  const follower = new RunFollower(
    publishes,
    statusBar,
    publishLog,
    (connection) => model.connection?.key === connection.key,
  );
  const defaultPrompter = new VsCodePrompter();
  let prompter: Prompter = defaultPrompter;
  context.subscriptions.push(statusBar);

  context.subscriptions.push(
    ...registerViewCommands(model, output),
    registerOpenRun(model),
    registerCopySha(model),
    registerSignIn(model, sessions),
    registerSelectRepository(tracker),
    registerPublish({ model, records: publishes, follower, prompter: () => prompter, log: publishLog }),
    registerRerunCi(model),
    ...registerTagCommands(model, tagsModel),
    publishes.onDidChange((record) => {
      if (record.phase === 'succeeded' && tagsModel.state.kind === 'loaded') {
        void tagsModel.refresh();
      }
    }),
    resumeFollowing(model, publishes, follower, publishLog),
    startAutoRefresh(model, tree.treeView as vscode.TreeView<unknown>, () => follower.followingAny),
  );

  context.subscriptions.push(
    tracker.onDidChange(() => void model.refresh()),
    sessions.onDidChange(() => {
      model.forgetAccount();
      void model.refresh({ rediscover: true });
    }),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (affectsProduct(event)) {
        void model.refresh({ rediscover: true, resetList: true });
      }
    }),
  );

  context.subscriptions.push(
    vscode.workspace.onDidGrantWorkspaceTrust(async () => {
      if (tracker.availability !== 'restricted') {
        return;
      }
      const reload = 'Reload Window';
      const answer = await vscode.window.showInformationMessage(
        'The workspace is trusted now. Reload the window to start Image Publisher.',
        reload,
      );
      if (answer === reload) {
        await vscode.commands.executeCommand('workbench.action.reloadWindow');
      }
    }),
  );

  void model.refresh();
  log.info(`Activated in ${Date.now() - started} ms.`);

  const testable = context.extensionMode !== vscode.ExtensionMode.Production;
  return {
    commitsTree: tree,
    model,
    publishes,
    tags: tagsModel,
    tagsTree,
    usePrompter: (replacement) => {
      if (testable) {
        prompter = replacement ?? defaultPrompter;
      }
    },
  };
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
