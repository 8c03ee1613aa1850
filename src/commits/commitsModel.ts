/**
 * Keeps the commits view's state: reads commits from git, paints them at once, then fills in CI
 * state from GitHub. Overlapping refreshes coalesce into one, and a refresh that started for
 * another branch or repository never paints its results.
 */
import * as vscode from 'vscode';

import type { GitHubSessions } from '../auth/githubSessions';
import { CiLoader, type CiSnapshot } from '../ci/ciLoader';
import { readSettings, type Settings } from '../config/settings';
import type { CommitStatus } from '../domain/commitStatus';
import type { Commit } from '../domain/model';
import { chooseGitHubRemote, type GitHubRepository } from '../domain/remoteChoice';
import { connectionKey, GitHubConnection } from '../github/connection';
import { describeGitHubFailure } from '../github/errors';
import { readCommits } from '../git/commitLog';
import type { Repository } from '../git/gitApi';
import { stateKey, type RepositoryTracker } from '../git/repositoryTracker';
import { joinCommitStatuses } from '../domain/commitStatus';
import type { Log } from '../log/log';
import { repositoryKey } from '../publish/repositoryKey';
import { CiStateStore } from './ciStateStore';
import { Coalescer } from './coalescer';
import type { CommitsState, ViewState } from './viewState';

interface LoaderEntry {
  readonly key: string;
  readonly loader: CiLoader;
}

export class CommitsModel implements vscode.Disposable {
  private readonly changeEmitter = new vscode.EventEmitter<ViewState>();
  readonly onDidChange = this.changeEmitter.event;

  private current: ViewState = { kind: 'starting' };
  /** Commits shown after "Load more"; reset by a branch switch or a settings change. */
  private shownCount: number | undefined;
  private shownFor = '';
  private readonly refreshes = new Coalescer(() => this.refreshOnceSafely());
  private loaderEntry: LoaderEntry | undefined;
  private currentConnection: GitHubConnection | undefined;
  private readonly lastStatuses = new Map<string, CommitStatus>();

  private readonly store: CiStateStore;

  constructor(
    private readonly tracker: RepositoryTracker,
    private readonly sessions: GitHubSessions,
    private readonly log: Log,
    private readonly networkLog: Log,
    storage: vscode.Memento,
  ) {
    this.store = new CiStateStore(storage);
  }

  get state(): ViewState {
    return this.current;
  }

  /** The signed-in connection to the shown repository's GitHub, once there is one. */
  get connection(): GitHubConnection | undefined {
    return this.current.kind === 'commits' && this.current.github ? this.currentConnection : undefined;
  }

  /** Asks for a refresh; one already running absorbs it and runs once more afterwards. */
  refresh(options: { rediscover?: boolean; resetList?: boolean } = {}): Promise<void> {
    if (options.rediscover) {
      this.loaderEntry?.loader.rediscover();
    }

    if (options.resetList) {
      this.shownCount = undefined;
    }

    return this.refreshes.request();
  }

  /** Resolves when no refresh is running. */
  whenIdle(): Promise<void> {
    return this.refreshes.whenIdle();
  }

  loadMore(): Promise<void> {
    const settings = readSettings(this.tracker.current?.rootUri);
    this.shownCount = (this.shownCount ?? settings.maxCommits) + settings.maxCommits;
    return this.refresh();
  }

  /** Forgets what depends on the signed-in account (on sign-out). */
  forgetAccount(): void {
    this.loaderEntry = undefined;
    this.currentConnection = undefined;
    this.lastStatuses.clear();
  }

  dispose(): void {
    this.changeEmitter.dispose();
  }

  private async refreshOnceSafely(): Promise<void> {
    try {
      await this.refreshOnce();
    } catch (error) {
      this.log.error(`Refresh failed unexpectedly: ${(error as Error).message}`);
    }
  }

  private async refreshOnce(): Promise<void> {
    await this.tracker.ready;

    if (this.tracker.availability === 'restricted') {
      this.paint({
        kind: 'git-unavailable',
        message:
          "This workspace is in Restricted Mode, where VS Code's Git extension does not run, so its commits cannot be read. Trust the workspace (Manage Workspace Trust) to use Image Publisher.",
      });
      return;
    }

    if (this.tracker.availability !== 'available') {
      const why = this.tracker.availability === 'disabled' ? 'is disabled (git.enabled)' : 'is not available';
      this.paint({
        kind: 'git-unavailable',
        message: `VS Code's built-in Git extension ${why}. Enable it to see this repository's commits.`,
      });
      return;
    }

    const repository = this.tracker.current;
    if (!repository) {
      this.paint({ kind: 'no-repository' });
      return;
    }

    const startKey = stateKey(repository);
    const isCurrent = () => this.tracker.current === repository && stateKey(repository) === startKey;
    const settings = readSettings(repository.rootUri);
    const head = repository.state.HEAD;

    if (!head?.commit) {
      this.paint({
        kind: 'no-commits',
        message: 'This repository has no commits yet. Commit and push to see CI runs here.',
      });
      return;
    }

    const listKey = `${repository.rootUri.toString()}|${head.name ?? head.commit}`;
    if (listKey !== this.shownFor) {
      this.shownFor = listKey;
      this.shownCount = undefined;
    }

    const count = this.shownCount ?? settings.maxCommits;
    const page = await readCommits(repository, count);
    if (!isCurrent()) {
      this.refreshes.again();
      return;
    }

    const headLabel = head.name ?? `detached at ${head.commit.slice(0, 7)}`;
    const base = {
      kind: 'commits' as const,
      repositoryRoot: repository.rootUri.fsPath,
      headLabel,
      branch: head.name,
      upstream: head.upstream ? `${head.upstream.remote}/${head.upstream.name}` : undefined,
      hasMore: page.hasMore,
    };

    const choice = chooseGitHubRemote({
      remotes: repository.state.remotes,
      upstreamRemote: head.upstream?.remote,
      overrideRemote: settings.remote,
      enterpriseUri: settings.enterpriseUri,
    });

    if (!choice.ok) {
      this.log.warn(`No GitHub repository for this clone: ${choice.reason}`);
      this.paint({
        ...base,
        commits: page.commits.map((commit) => ({ commit })),
        services: [],
        message: choice.reason,
        stale: false,
      });
      return;
    }

    const github = choice.repository;
    const session = await this.sessions.getSilently(github.server.authProvider);
    if (!isCurrent()) {
      this.refreshes.again();
      return;
    }

    if (!session) {
      this.forgetAccount();
      this.paint({ kind: 'signed-out', repository: github });
      return;
    }

    const restored = this.restore(github, page.commits, settings);
    this.paint({
      ...base,
      github,
      account: session.account.label,
      commits: restored?.statuses ?? this.withLastKnown(page.commits),
      services: restored?.services ?? this.servicesShown(),
      restoredAt: restored?.savedAt,
      stale: true,
    });

    await this.loadCi(repository, github, session, settings, page.commits, base, isCurrent);
  }

  private async loadCi(
    repository: Repository,
    github: GitHubRepository,
    session: vscode.AuthenticationSession,
    settings: Settings,
    commits: readonly Commit[],
    base: Pick<CommitsState, 'kind' | 'repositoryRoot' | 'headLabel' | 'branch' | 'upstream' | 'hasMore'>,
    isCurrent: () => boolean,
  ): Promise<void> {
    const loader = this.loaderFor(github, session, settings);
    let snapshot: CiSnapshot;

    try {
      snapshot = await loader.load({ branch: repository.state.HEAD?.name, commits, now: new Date() });
    } catch (error) {
      if (!isCurrent()) {
        this.refreshes.again();
        return;
      }

      const failure = describeGitHubFailure(error, {
        repositoryLabel: `${github.owner}/${github.repo} on ${github.server.host}`,
        apiHost: new URL(github.server.apiBaseUrl).host,
        account: session.account.label,
      });
      this.log.warn(`Could not load CI state (${failure.kind}): ${failure.message}`);
      this.log.debug(`The failure as GitHub's client reported it: ${(error as Error).message}`);
      this.loaderEntry?.loader.rediscover();
      this.paint({
        ...base,
        github,
        account: session.account.label,
        commits: this.withLastKnown(commits),
        services: this.servicesShown(),
        message: failure.message,
        stale: true,
      });
      return;
    }

    if (!isCurrent()) {
      this.refreshes.again();
      return;
    }

    for (const status of snapshot.statuses) {
      if (status.ci) {
        this.lastStatuses.set(status.commit.sha, status);
      }
    }

    this.store.save(repositoryKey(github), {
      savedAt: new Date(),
      services: snapshot.services,
      runs: snapshot.runs,
      artifacts: snapshot.artifacts,
    });

    this.paint({
      ...base,
      github,
      account: session.account.label,
      commits: snapshot.statuses,
      services: snapshot.services,
      message: snapshot.problem ?? this.rateLimitWarning(),
      stale: false,
    });
  }

  private loaderFor(
    github: GitHubRepository,
    session: vscode.AuthenticationSession,
    settings: Settings,
  ): CiLoader {
    const connection = this.connectionFor(github, session);
    const key = JSON.stringify([
      connection.key,
      settings.ciWorkflow,
      settings.publishWorkflow,
      settings.services,
      settings.serviceInput,
      settings.commitInput,
      settings.warningDays,
    ]);

    if (this.loaderEntry?.key === key) {
      return this.loaderEntry.loader;
    }

    const loader = new CiLoader(connection.actions, settings, this.log);
    this.loaderEntry = { key, loader };
    return loader;
  }

  private connectionFor(github: GitHubRepository, session: vscode.AuthenticationSession): GitHubConnection {
    if (this.currentConnection?.key !== connectionKey(github, session)) {
      this.currentConnection = new GitHubConnection(github, session, this.networkLog);
    }

    return this.currentConnection;
  }

  /**
   * In a new window, before any network answer: the CI state last loaded for this repository,
   * joined again with today's date. Only when nothing fresher is in memory.
   */
  private restore(
    github: GitHubRepository,
    commits: readonly Commit[],
    settings: Settings,
  ): { statuses: CommitStatus[]; services: readonly string[]; savedAt: Date } | undefined {
    if (commits.some((commit) => this.lastStatuses.has(commit.sha))) {
      return undefined;
    }

    const stored = this.store.load(repositoryKey(github));
    if (!stored) {
      return undefined;
    }

    const statuses = joinCommitStatuses(commits, stored.runs, stored.artifacts, {
      services: stored.services,
      now: new Date(),
      warningDays: settings.warningDays,
    });
    const known = new Set(stored.runs.map((run) => run.headSha.toLowerCase()));

    return {
      statuses: statuses.map((status) =>
        known.has(status.commit.sha.toLowerCase()) ? status : { commit: status.commit },
      ),
      services: stored.services,
      savedAt: stored.savedAt,
    };
  }

  private rateLimitWarning(): string | undefined {
    const rateLimit = this.currentConnection?.rateLimit;
    const budget = rateLimit?.budget;

    if (!rateLimit?.isLow || !budget) {
      return undefined;
    }

    return `GitHub rate limit is low: ${budget.remaining} of ${budget.limit} requests left until ${budget.resetAt.toLocaleTimeString()}. Refreshing less often.`;
  }

  private withLastKnown(commits: readonly Commit[]): CommitStatus[] {
    return commits.map((commit) => this.lastStatuses.get(commit.sha) ?? { commit });
  }

  private servicesShown(): readonly string[] {
    return this.current.kind === 'commits' ? this.current.services : [];
  }

  private paint(state: ViewState): void {
    this.current = state;
    this.changeEmitter.fire(state);
  }
}
