/**
 * Follows the built-in git extension: which repository the product shows (the explicitly chosen
 * one, else the active editor's, else the first), and when its branch, HEAD, upstream or remotes
 * change (a checkout, a commit, a pull or a push).
 */
import * as vscode from 'vscode';

import type { Log } from '../log/log';
import type { GitApi, GitExtension, Repository } from './gitApi';

export type GitAvailability = 'available' | 'missing' | 'disabled' | 'restricted';

const CHANGE_DEBOUNCE_MS = 250;

export class RepositoryTracker implements vscode.Disposable {
  private readonly changeEmitter = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changeEmitter.event;

  private readonly disposables: vscode.Disposable[] = [this.changeEmitter];
  private repositoryDisposables: vscode.Disposable[] = [];
  private api: GitApi | undefined;
  private currentAvailability: GitAvailability | 'starting' = 'starting';
  private pinned: Repository | undefined;
  private selected: Repository | undefined;
  private lastKey = '';
  private debounce: ReturnType<typeof setTimeout> | undefined;
  private disposed = false;

  /** Resolves once the git extension has answered (or is known not to run). */
  readonly ready: Promise<void>;

  /**
   * Starts following the git extension without waiting for it: activating `vscode.git` can take a
   * few hundred milliseconds, and the product's activation should not.
   */
  constructor(private readonly log: Log) {
    this.ready = this.connect();
  }

  get availability(): GitAvailability | 'starting' {
    return this.currentAvailability;
  }

  private async connect(): Promise<void> {
    const opened = await this.openGitApi();
    if (this.disposed) {
      return;
    }

    this.api = opened.api;
    this.currentAvailability = opened.availability;
    this.start();
  }

  private async openGitApi(): Promise<{ api?: GitApi; availability: GitAvailability }> {
    const extension = vscode.extensions.getExtension<GitExtension>('vscode.git');
    if (!extension) {
      const restricted = !vscode.workspace.isTrusted;
      this.log.warn(
        restricted
          ? 'Restricted Mode: the built-in Git extension does not run.'
          : 'The built-in Git extension (vscode.git) is not installed.',
      );
      return { availability: restricted ? 'restricted' : 'missing' };
    }

    let exports: GitExtension;
    try {
      exports = extension.isActive ? extension.exports : await extension.activate();
    } catch (error) {
      // In Restricted Mode VS Code does not run the git extension (it does not support untrusted workspaces).
      const restricted = !vscode.workspace.isTrusted;
      this.log.warn(
        `The built-in Git extension could not start${restricted ? ' in Restricted Mode' : ''}: ${(error as Error).message}`,
      );
      return { availability: restricted ? 'restricted' : 'missing' };
    }

    if (!exports.enabled) {
      this.log.warn('The built-in Git extension is disabled (git.enabled is false).');
      return { availability: 'disabled' };
    }

    return { api: exports.getAPI(1), availability: 'available' };
  }

  get repositories(): readonly Repository[] {
    return this.api?.repositories ?? [];
  }

  get current(): Repository | undefined {
    return this.selected;
  }

  /** Pins a repository until it closes (the selectRepository command). */
  select(repository: Repository): void {
    this.pinned = repository;
    this.update();
  }

  dispose(): void {
    this.disposed = true;
    clearTimeout(this.debounce);
    this.repositoryDisposables.forEach((disposable) => disposable.dispose());
    this.disposables.forEach((disposable) => disposable.dispose());
  }

  private start(): void {
    const api = this.api;
    if (!api) {
      this.changeEmitter.fire();
      return;
    }

    this.disposables.push(
      api.onDidOpenRepository(() => this.update()),
      api.onDidCloseRepository((repository) => {
        if (this.pinned && sameRoot(this.pinned, repository)) {
          this.pinned = undefined;
        }
        this.update();
      }),
      api.onDidChangeState(() => this.update()),
      vscode.window.onDidChangeActiveTextEditor(() => this.update()),
    );

    this.update();
  }

  private update(): void {
    const next = this.choose();

    if (next !== this.selected && !(next && this.selected && sameRoot(next, this.selected))) {
      this.selected = next;
      this.watch(next);
      this.log.info(
        next ? `Showing the repository at ${next.rootUri.fsPath}.` : 'No git repository is open.',
      );
    }

    this.fireIfChanged();
  }

  private choose(): Repository | undefined {
    const repositories = this.repositories;

    // The git API hands out new wrapper objects on each read: repositories are compared by root.
    const open = (repository: Repository | undefined) =>
      repository && repositories.find((candidate) => sameRoot(candidate, repository));

    const pinned = open(this.pinned);
    if (pinned) {
      return pinned;
    }

    const editorUri = vscode.window.activeTextEditor?.document.uri;
    const ofEditor =
      editorUri && editorUri.scheme === 'file' ? this.api?.getRepository(editorUri) : undefined;
    if (ofEditor) {
      return ofEditor;
    }

    return open(this.selected) ?? repositories[0];
  }

  private watch(repository: Repository | undefined): void {
    this.repositoryDisposables.forEach((disposable) => disposable.dispose());
    this.repositoryDisposables = repository ? [repository.state.onDidChange(() => this.scheduleCheck())] : [];
  }

  private scheduleCheck(): void {
    clearTimeout(this.debounce);
    this.debounce = setTimeout(() => this.fireIfChanged(), CHANGE_DEBOUNCE_MS);
  }

  private fireIfChanged(): void {
    const key = stateKey(this.selected);

    if (key !== this.lastKey) {
      this.lastKey = key;
      this.changeEmitter.fire();
    }
  }
}

function sameRoot(a: Repository, b: Repository): boolean {
  return a.rootUri.toString() === b.rootUri.toString();
}

/** Everything about a repository that changes what the commits view shows. */
export function stateKey(repository: Repository | undefined): string {
  if (!repository) {
    return 'none';
  }

  const head = repository.state.HEAD;
  const remotes = repository.state.remotes
    .map((remote) => `${remote.name}=${remote.fetchUrl ?? ''}`)
    .join(',');

  return [
    repository.rootUri.toString(),
    head?.name ?? '(detached)',
    head?.commit ?? '',
    head?.upstream ? `${head.upstream.remote}/${head.upstream.name}@${head.upstream.commit ?? ''}` : '',
    head?.ahead ?? '',
    head?.behind ?? '',
    remotes,
  ].join('|');
}
