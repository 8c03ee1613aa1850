/** Renders the CommitsModel's state as the "Commits" tree, its message and its description. */
import * as vscode from 'vscode';

import type { CommitsModel } from '../../commits/commitsModel';
import type { PublishRecords } from '../../publish/publishRecords';
import { repositoryKey } from '../../publish/repositoryKey';
import { contextKeyFor, type ViewState } from '../../commits/viewState';
import type { ReleaseTagsModel } from '../../tags/releaseTagsModel';
import { commitChildren, toTreeItem, type CommitsNode, type RegistryMark } from './commitNodes';

export const COMMITS_VIEW_ID = 'imagePublisher.commits';

export class CommitsTreeProvider implements vscode.TreeDataProvider<CommitsNode>, vscode.Disposable {
  private readonly changeEmitter = new vscode.EventEmitter<CommitsNode | undefined>();
  readonly onDidChangeTreeData = this.changeEmitter.event;

  private readonly view: vscode.TreeView<CommitsNode>;
  private readonly subscription: vscode.Disposable;
  private tags: ReleaseTagsModel | undefined;

  constructor(
    private readonly model: CommitsModel,
    private readonly publishes: PublishRecords,
  ) {
    this.view = vscode.window.createTreeView(COMMITS_VIEW_ID, {
      treeDataProvider: this,
      showCollapseAll: true,
    });
    this.subscription = vscode.Disposable.from(
      model.onDidChange((state) => this.render(state)),
      publishes.onDidChange(() => this.changeEmitter.fire(undefined)),
    );
    this.render(model.state);
  }

  get treeView(): vscode.TreeView<CommitsNode> {
    return this.view;
  }

  getTreeItem(node: CommitsNode): vscode.TreeItem {
    const state = this.model.state;
    const marks =
      node.type === 'commit' && state.kind === 'commits' && state.github
        ? this.publishes.latest(repositoryKey(state.github), node.status.commit.sha)
        : [];

    return toTreeItem(node, marks, node.type === 'commit' ? this.registryMarks(node.status.commit.sha) : []);
  }

  getChildren(node?: CommitsNode): CommitsNode[] {
    if (node) {
      return node.type === 'commit' ? commitChildren(node) : [];
    }

    const state = this.model.state;
    if (state.kind !== 'commits') {
      return [];
    }

    const rows: CommitsNode[] = state.commits.map((status) => ({ type: 'commit', status }));
    if (state.hasMore) {
      rows.push({ type: 'load-more' });
    }

    return rows;
  }

  /** Connects the registry's tags, once a tags feature loaded them: commit rows then show them. */
  showRegistryMarks(tags: ReleaseTagsModel): vscode.Disposable {
    this.tags = tags;
    return tags.onDidChange(() => this.changeEmitter.fire(undefined));
  }

  private registryMarks(sha: string): RegistryMark[] {
    const marks: RegistryMark[] = [];

    for (const [service, publication] of this.tags?.publications(sha) ?? []) {
      if (publication.published) {
        marks.push({ service, otherTags: publication.otherTags });
      }
    }

    return marks;
  }

  dispose(): void {
    this.subscription.dispose();
    this.view.dispose();
    this.changeEmitter.dispose();
  }

  private render(state: ViewState): void {
    void vscode.commands.executeCommand('setContext', 'imagePublisher.viewState', contextKeyFor(state));

    this.view.message = messageFor(state);
    this.view.description = state.kind === 'commits' ? state.headLabel : undefined;
    this.changeEmitter.fire(undefined);
  }
}

function messageFor(state: ViewState): string | undefined {
  switch (state.kind) {
    case 'git-unavailable':
    case 'no-commits':
      return state.message;
    case 'commits':
      return (
        state.message ??
        (state.restoredAt
          ? `Last known CI state from ${state.restoredAt.toLocaleString()}; refreshing…`
          : undefined)
      );
    default:
      return undefined;
  }
}
