/** What the commits view shows, as one value the tree provider renders. */
import type { CommitStatus } from '../domain/commitStatus';
import type { GitHubRepository } from '../domain/remoteChoice';

export type ViewState =
  | { readonly kind: 'starting' }
  | { readonly kind: 'git-unavailable'; readonly message: string }
  | { readonly kind: 'no-repository' }
  | { readonly kind: 'no-commits'; readonly message: string }
  | { readonly kind: 'signed-out'; readonly repository: GitHubRepository }
  | CommitsState;

export interface CommitsState {
  readonly kind: 'commits';
  readonly repositoryRoot: string;
  /** Branch name, or "detached at abc1234". */
  readonly headLabel: string;
  readonly branch?: string;
  /** `remote/branch` the branch tracks; undefined when it has no upstream (not pushed). */
  readonly upstream?: string;
  readonly github?: GitHubRepository;
  readonly account?: string;
  readonly commits: readonly CommitStatus[];
  readonly hasMore: boolean;
  readonly services: readonly string[];
  /** What is wrong and what to do, shown above the rows. */
  readonly message?: string;
  /** True while the CI columns are from an earlier refresh (the last one failed or is running). */
  readonly stale: boolean;
  /** Set while the CI columns come from an earlier window's state, saved at this time. */
  readonly restoredAt?: Date;
}

/** Context key values for `viewsWelcome` and menus. */
export function contextKeyFor(state: ViewState): string {
  switch (state.kind) {
    case 'signed-out':
      return 'signedOut';
    case 'no-repository':
      return 'noRepository';
    case 'git-unavailable':
      return 'gitUnavailable';
    case 'no-commits':
      return 'noCommits';
    case 'starting':
      return 'starting';
    case 'commits':
      return 'commits';
  }
}
