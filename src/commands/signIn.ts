/** imagePublisher.signIn: signs in with the GitHub (or Enterprise) account of the repository's host. */
import * as vscode from 'vscode';

import type { GitHubSessions } from '../auth/githubSessions';
import type { CommitsModel } from '../commits/commitsModel';
import type { AuthProviderId } from '../domain/githubHost';

export function registerSignIn(model: CommitsModel, sessions: GitHubSessions): vscode.Disposable {
  return vscode.commands.registerCommand('imagePublisher.signIn', async () => {
    const provider = providerFor(model);
    const session = await sessions.signIn(provider);

    if (session) {
      await model.refresh({ rediscover: true });
    }
  });
}

function providerFor(model: CommitsModel): AuthProviderId {
  const state = model.state;

  if (state.kind === 'signed-out') {
    return state.repository.server.authProvider;
  }

  if (state.kind === 'commits' && state.github) {
    return state.github.server.authProvider;
  }

  return 'github';
}
