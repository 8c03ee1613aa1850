/** One signed-in account's access to one GitHub repository: the client and the API families on it. */
import type { GitHubRepository } from '../domain/remoteChoice';
import type { Log } from '../log/log';
import { ActionsApi } from './actionsApi';
import { createGitHubClient, type GitHubClient } from './client';
import { ConditionalCache } from './conditionalCache';
import { RateLimitState } from './rateLimit';
import { PublishApi } from './publishApi';

const USER_AGENT = 'image-publisher-vscode';

export interface SessionLike {
  readonly id: string;
  readonly accessToken: string;
  readonly account: { readonly label: string };
}

export class GitHubConnection {
  readonly client: GitHubClient;
  readonly actions: ActionsApi;
  readonly publish: PublishApi;
  readonly key: string;
  /** Dropped with the connection, so a sign-out forgets every cached body. */
  readonly cache = new ConditionalCache();
  readonly rateLimit = new RateLimitState();

  constructor(
    readonly repository: GitHubRepository,
    session: SessionLike,
    log: Log,
  ) {
    const coordinates = { owner: repository.owner, repo: repository.repo };

    this.key = connectionKey(repository, session);
    this.account = session.account.label;
    this.client = createGitHubClient({
      apiBaseUrl: repository.server.apiBaseUrl,
      token: session.accessToken,
      log,
      userAgent: USER_AGENT,
      cache: this.cache,
      rateLimit: this.rateLimit,
    });
    this.actions = new ActionsApi(this.client, coordinates);
    this.publish = new PublishApi(this.client, coordinates);
  }

  readonly account: string;

  /** "acme/widgets on github.com", for messages. */
  get label(): string {
    return `${this.repository.owner}/${this.repository.repo} on ${this.repository.server.host}`;
  }

  get apiHost(): string {
    return new URL(this.repository.server.apiBaseUrl).host;
  }
}

export function connectionKey(repository: GitHubRepository, session: SessionLike): string {
  return JSON.stringify([repository.server.apiBaseUrl, repository.owner, repository.repo, session.id]);
}
