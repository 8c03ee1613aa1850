/** Renders the ReleaseTagsModel as the "Release Tags" view, loading it the first time it is shown. */
import * as vscode from 'vscode';

import type { CommitsModel } from '../../commits/commitsModel';
import { shownResult, type ReleaseTagsModel, type TagsState } from '../../tags/releaseTagsModel';
import { serviceChildren, toTagsTreeItem, versionChildren, type TagsNode } from './tagNodes';

export const TAGS_VIEW_ID = 'imagePublisher.tags';

export class TagsTreeProvider implements vscode.TreeDataProvider<TagsNode>, vscode.Disposable {
  private readonly changeEmitter = new vscode.EventEmitter<TagsNode | undefined>();
  readonly onDidChangeTreeData = this.changeEmitter.event;
  private readonly view: vscode.TreeView<TagsNode>;
  private readonly subscriptions: vscode.Disposable[];

  constructor(
    private readonly tags: ReleaseTagsModel,
    private readonly commits: CommitsModel,
  ) {
    this.view = vscode.window.createTreeView(TAGS_VIEW_ID, { treeDataProvider: this, showCollapseAll: true });
    this.subscriptions = [
      tags.onDidChange((state) => this.render(state)),
      this.view.onDidChangeVisibility((event) => {
        if (event.visible) {
          void this.tags.ensureLoaded();
        }
      }),
      // A sign-in, a repository switch or the first CI answer can make the tags loadable.
      commits.onDidChange((state) => {
        if (this.view.visible && state.kind === 'commits' && !state.stale) {
          void this.tags.ensureLoaded();
        }
      }),
    ];

    if (this.view.visible) {
      void this.tags.ensureLoaded();
    }
  }

  get treeView(): vscode.TreeView<TagsNode> {
    return this.view;
  }

  getTreeItem(node: TagsNode): vscode.TreeItem {
    return toTagsTreeItem(node, this.commitRefs(), new Date());
  }

  getChildren(node?: TagsNode): TagsNode[] {
    if (!node) {
      const shown = shownResult(this.tags.state);
      return shown ? shown.images.map((image) => ({ type: 'service', image })) : [];
    }

    switch (node.type) {
      case 'service':
        return serviceChildren(node);
      case 'version':
        return versionChildren(node);
      default:
        return [];
    }
  }

  dispose(): void {
    this.subscriptions.forEach((subscription) => subscription.dispose());
    this.view.dispose();
    this.changeEmitter.dispose();
  }

  private render(state: TagsState): void {
    void vscode.commands.executeCommand(
      'setContext',
      'imagePublisher.tagsScopeMissing',
      state.kind === 'loaded' && state.result.scopeMissing,
    );

    this.view.message = messageFor(state);
    this.changeEmitter.fire(undefined);
  }

  private commitRefs() {
    const state = this.commits.state;
    return state.kind === 'commits'
      ? state.commits.map((status) => ({ sha: status.commit.sha, subject: status.commit.subject }))
      : [];
  }
}

function messageFor(state: TagsState): string | undefined {
  switch (state.kind) {
    case 'loading':
      return state.previous ? undefined : 'Reading the registry…';
    case 'unavailable':
      return state.message;
    case 'loaded':
      return state.result.scopeMissing
        ? 'Showing public tags from the registry. Grant read:packages (Grant Package Access in the view menu) to read GitHub Packages, with dates and private images.'
        : undefined;
    default:
      return undefined;
  }
}
