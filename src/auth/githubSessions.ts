/**
 * Sign-in through VS Code's built-in GitHub (or GitHub Enterprise) authentication provider. At
 * start and on refresh the session is asked for silently; only the sign-in command may prompt.
 */
import * as vscode from 'vscode';

import type { AuthProviderId } from '../domain/githubHost';
import type { Log } from '../log/log';

export const SCOPES = ['repo'];

const PROVIDERS: readonly AuthProviderId[] = ['github', 'github-enterprise'];

export class GitHubSessions implements vscode.Disposable {
  private readonly changeEmitter = new vscode.EventEmitter<AuthProviderId>();
  readonly onDidChange = this.changeEmitter.event;
  private readonly subscription: vscode.Disposable;

  constructor(private readonly log: Log) {
    this.subscription = vscode.authentication.onDidChangeSessions((event) => {
      const provider = PROVIDERS.find((id) => id === event.provider.id);
      if (provider) {
        this.log.info(`Sessions of ${provider} changed.`);
        this.changeEmitter.fire(provider);
      }
    });
  }

  /** The existing session, without any prompt. */
  async getSilently(provider: AuthProviderId): Promise<vscode.AuthenticationSession | undefined> {
    try {
      return await vscode.authentication.getSession(provider, SCOPES, { silent: true });
    } catch (error) {
      this.log.warn(`Could not ask ${provider} for a session: ${(error as Error).message}`);
      return undefined;
    }
  }

  /** Asks the user to sign in (or to allow this extension to use an existing session). */
  async signIn(provider: AuthProviderId): Promise<vscode.AuthenticationSession | undefined> {
    try {
      return await vscode.authentication.getSession(provider, SCOPES, { createIfNone: true });
    } catch (error) {
      this.log.warn(`Sign-in with ${provider} did not complete: ${(error as Error).message}`);
      return undefined;
    }
  }

  dispose(): void {
    this.subscription.dispose();
    this.changeEmitter.dispose();
  }
}
