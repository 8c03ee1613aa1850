/**
 * The release tags the registry holds for each service of the shown repository, loaded when a
 * tags feature is first used (the Release Tags view, Inspect Release Tags) and again after a
 * publish succeeds. Reading the packages API needs `read:packages`; without it the public tags
 * come from the registry and the view offers to grant the scope.
 */
import * as vscode from 'vscode';

import { SCOPES } from '../auth/githubSessions';
import type { CommitsModel } from '../commits/commitsModel';
import { readSettings } from '../config/settings';
import { publicationOf, type CommitPublication } from '../domain/imageVersions';
import { createGitHubClient } from '../github/client';
import { ConditionalCache } from '../github/conditionalCache';
import type { GitHubConnection } from '../github/connection';
import { PACKAGES_SCOPE } from '../github/packageFailures';
import { PackagesApi } from '../github/packagesApi';
import type { Log } from '../log/log';
import { RegistryClient } from '../registry/registryClient';
import { loadServiceImages, type ServiceImagesResult } from './serviceImages';

export type TagsState =
  | { readonly kind: 'not-loaded' }
  | { readonly kind: 'loading'; readonly previous?: ServiceImagesResult }
  | { readonly kind: 'unavailable'; readonly message: string }
  | {
      readonly kind: 'loaded';
      readonly result: ServiceImagesResult;
      readonly loadedAt: Date;
      readonly connectionKey: string;
    };

export const PACKAGES_SCOPES = [...SCOPES, PACKAGES_SCOPE];

const WHY_PACKAGES =
  'Image Publisher reads your repository’s container packages (scope read:packages) to list the tags and digests already on the registry, including private images. It never writes packages.';

export class ReleaseTagsModel implements vscode.Disposable {
  private readonly changeEmitter = new vscode.EventEmitter<TagsState>();
  readonly onDidChange = this.changeEmitter.event;
  private current: TagsState = { kind: 'not-loaded' };
  private loading: { readonly key: string | undefined; readonly done: Promise<void> } | undefined;
  /** One conditional-request cache per signed-in connection, so reloads cost 304s. */
  private cache: { key: string; cache: ConditionalCache } | undefined;

  private readonly commitsSubscription: vscode.Disposable;

  constructor(
    private readonly commits: CommitsModel,
    private readonly log: Log,
    private readonly networkLog: Log,
  ) {
    this.commitsSubscription = commits.onDidChange(() => this.forgetOtherRepository());
  }

  get state(): TagsState {
    return this.current;
  }

  /** Loads once, on first use; later calls reuse what is loaded for the same connection. */
  async ensureLoaded(): Promise<void> {
    const connection = this.commits.connection;
    const loadedHere =
      this.current.kind === 'loaded' && connection && this.current.connectionKey === connection.key;
    if (!loadedHere) {
      await this.refresh();
    }
  }

  /**
   * Loads the shown repository's tags. A load already running for it is joined; one running for a
   * repository no longer shown is let finish (it paints nothing), and this one follows it.
   */
  refresh(): Promise<void> {
    const key = this.commits.connection?.key;
    if (this.loading && this.loading.key === key) {
      return this.loading.done;
    }

    const before = this.loading?.done ?? Promise.resolve();
    const done: Promise<void> = before
      .catch(() => undefined)
      .then(() => this.load())
      .finally(() => {
        if (this.loading?.done === done) {
          this.loading = undefined;
        }
      });
    this.loading = { key, done };
    return done;
  }

  /** What the registry holds for a commit, per service; empty until tags are loaded. */
  publications(sha: string): Map<string, CommitPublication> {
    const result = new Map<string, CommitPublication>();

    const shown = shownResult(this.current);
    if (shown) {
      for (const image of shown.images) {
        result.set(image.service, publicationOf(sha, image.versions));
      }
    }

    return result;
  }

  /** Asks the user for `read:packages`, saying why, then reloads. */
  async grantScope(): Promise<void> {
    const connection = this.commits.connection;
    if (!connection) {
      void vscode.window.showInformationMessage('Open a GitHub repository and sign in first.');
      return;
    }

    try {
      await vscode.authentication.getSession(connection.repository.server.authProvider, PACKAGES_SCOPES, {
        createIfNone: { detail: WHY_PACKAGES },
      });
    } catch (error) {
      this.log.warn(`[tags] read:packages was not granted: ${(error as Error).message}`);
      return;
    }

    await this.refresh();
  }

  dispose(): void {
    this.commitsSubscription.dispose();
    this.changeEmitter.dispose();
  }

  /** Tags of a repository no longer shown (closed, switched, signed out) are not kept on screen. */
  private forgetOtherRepository(): void {
    if (this.current.kind !== 'loaded') {
      return;
    }

    const shownKey = this.commits.connection?.key;
    if (this.current.connectionKey === shownKey) {
      return;
    }

    this.log.debug('[tags] The repository or account changed: the release tags shown are dropped.');
    this.set(
      shownKey
        ? { kind: 'not-loaded' }
        : { kind: 'unavailable', message: 'Open a GitHub repository and sign in to see its release tags.' },
    );
  }

  private async load(): Promise<void> {
    const connection = this.commits.connection;
    const state = this.commits.state;

    if (!connection || state.kind !== 'commits') {
      this.set({
        kind: 'unavailable',
        message: 'Open a GitHub repository and sign in to see its release tags.',
      });
      return;
    }

    if (state.services.length === 0) {
      this.set({
        kind: 'unavailable',
        message: 'No services are known yet. Set imagePublisher.services, or refresh the Commits view.',
      });
      return;
    }

    // What was shown stays while the reload runs, so the view does not flicker empty.
    this.set({ kind: 'loading', previous: shownResult(this.current) });

    const settings = readSettings(vscode.Uri.file(state.repositoryRoot));
    const packages = await this.packagesApi(connection);
    const result = await loadServiceImages({
      repository: connection.repository,
      services: state.services,
      imageTemplate: settings.imageName,
      commits: state.commits.map((status) => ({ sha: status.commit.sha, subject: status.commit.subject })),
      packages,
      registry: new RegistryClient({
        registryHost: connection.repository.server.registryHost,
        log: this.networkLog,
      }),
      failureContext: {
        repositoryLabel: connection.label,
        apiHost: connection.apiHost,
        account: connection.account,
        owner: connection.repository.owner,
      },
      log: this.log,
    });

    for (const image of result.images) {
      this.log.info(
        `[tags] ${image.service}: ${image.image} from the ${image.source === 'packages' ? 'packages API' : 'registry'}, ${image.versions.length} version${image.versions.length === 1 ? '' : 's'}${image.problem ? ` (${image.problem})` : ''}.`,
      );
    }

    if (this.commits.connection?.key !== connection.key) {
      this.log.debug('[tags] The repository changed while its tags loaded: not shown.');
      this.set({ kind: 'not-loaded' });
      return;
    }

    this.set({ kind: 'loaded', result, loadedAt: new Date(), connectionKey: connection.key });
  }

  /** A packages client on a session that has `read:packages`, if the user granted it. */
  private async packagesApi(connection: GitHubConnection): Promise<PackagesApi | undefined> {
    const session = await vscode.authentication
      .getSession(connection.repository.server.authProvider, PACKAGES_SCOPES, { silent: true })
      .then(
        (found) => found,
        () => undefined,
      );
    if (!session) {
      this.log.info('[tags] No session with read:packages; public tags come from the registry.');
      return undefined;
    }

    const client = createGitHubClient({
      apiBaseUrl: connection.repository.server.apiBaseUrl,
      token: session.accessToken,
      log: this.networkLog,
      userAgent: 'image-publisher-vscode',
      cache: this.cacheFor(connection.key),
      rateLimit: connection.rateLimit,
    });

    return new PackagesApi(
      client,
      { owner: connection.repository.owner, repo: connection.repository.repo },
      {
        log: this.log,
        failureContext: {
          repositoryLabel: connection.label,
          apiHost: connection.apiHost,
          account: connection.account,
          owner: connection.repository.owner,
        },
      },
    );
  }

  private cacheFor(key: string): ConditionalCache {
    if (this.cache?.key !== key) {
      this.cache = { key, cache: new ConditionalCache() };
    }

    return this.cache.cache;
  }

  private set(state: TagsState): void {
    this.current = state;
    this.changeEmitter.fire(state);
  }
}

/** The result on screen: the loaded one, or the previous one while reloading. */
export function shownResult(state: TagsState): ServiceImagesResult | undefined {
  if (state.kind === 'loaded') {
    return state.result;
  }

  return state.kind === 'loading' ? state.previous : undefined;
}
