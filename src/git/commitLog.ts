/** Reads the commits of HEAD through the git extension, newest first. */
import type { Commit } from '../domain/model';
import type { GitCommit, Repository } from './gitApi';

export interface CommitPage {
  readonly commits: readonly Commit[];
  readonly hasMore: boolean;
}

export async function readCommits(repository: Repository, count: number): Promise<CommitPage> {
  const entries = await repository.log({ maxEntries: count + 1 });

  return {
    commits: entries.slice(0, count).map(toCommit),
    hasMore: entries.length > count,
  };
}

export function toCommit(entry: GitCommit): Commit {
  const message = entry.message ?? '';

  return {
    sha: entry.hash,
    subject: message.split('\n', 1)[0].trim() || '(no commit message)',
    message,
    authorName: entry.authorName ?? 'unknown author',
    authorEmail: entry.authorEmail ?? '',
    authorDate: entry.authorDate ?? entry.commitDate,
  };
}
