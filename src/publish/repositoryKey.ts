import type { GitHubRepository } from '../domain/remoteChoice';

/** Identifies a repository across windows and reloads: API base and owner/name. */
export function repositoryKey(repository: GitHubRepository): string {
  return `${repository.server.apiBaseUrl} ${repository.owner}/${repository.repo}`.toLowerCase();
}
