/**
 * What a token's scopes let it do, as GitHub checks classic tokens: writing to the repository
 * (dispatching, re-running) needs `repo`, or `public_repo` for a public repository; reading packages
 * needs `read:packages` (`write:packages` includes it).
 */

import type { ScenarioToken } from '../scenario';
import { gitHubError, notFound, requiresAuthentication } from './errors';
import { ApiResponse, json, RouteContext } from './router';

const PACKAGES_READ_SCOPES = ['read:packages', 'write:packages'];

export function hasAnyScope(token: ScenarioToken, scopes: readonly string[]): boolean {
  return token.scopes.some((scope) => scopes.includes(scope));
}

/**
 * Why the request may not write to the repository, or null when it may: no token 401; a token
 * without the scope 404 on a private repository (it cannot see it) and 403 on a public one.
 */
export function repositoryWriteRefusal(context: RouteContext, documentationUrl: string): ApiResponse | null {
  if (!context.token) {
    return json(requiresAuthentication(), 401);
  }

  const repositoryIsPrivate = context.scenario.repository.private;

  if (hasAnyScope(context.token, repositoryIsPrivate ? ['repo'] : ['repo', 'public_repo'])) {
    return null;
  }

  return repositoryIsPrivate
    ? json(notFound(), 404)
    : json(gitHubError(403, 'Resource not accessible by personal access token', documentationUrl), 403);
}

/** 403 `You need at least read:packages scope to <action>.` without the scope, else null. */
export function packagesReadRefusal(
  context: RouteContext,
  action: string,
  documentationUrl: string,
): ApiResponse | null {
  if (!context.token) {
    return json(requiresAuthentication(), 401);
  }

  if (hasAnyScope(context.token, PACKAGES_READ_SCOPES)) {
    return null;
  }

  return json(gitHubError(403, `You need at least read:packages scope to ${action}.`, documentationUrl), 403);
}
