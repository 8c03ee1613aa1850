/**
 * Which tags get a manifest request when the registry is read: a registry may hold thousands of
 * tags and each digest costs one request, so only the most meaningful `cap` are resolved. The tag
 * list has no dates; meaning stands in for age: releases (newest version first), `latest`, the SHA
 * tags of the branch's commits (newest commit first, full before abbreviated), then the rest.
 */
import { classifyTag, rankTags } from '../domain/imageTags';
import { matchShaTags, type CommitRef } from '../domain/imageVersions';

export interface TagSelection {
  /** Most meaningful first. */
  readonly selected: readonly string[];
  readonly skipped: readonly string[];
}

export function selectTagsToResolve(
  tags: readonly string[],
  cap: number,
  commits: readonly CommitRef[] = [],
): TagSelection {
  const ranked = rankTags(tags);
  const commitOrder = new Map(commits.map((commit, index) => [commit.sha, index]));
  const branchTags = matchShaTags(ranked, commits)
    .sort(
      (a, b) =>
        (commitOrder.get(a.sha) ?? 0) - (commitOrder.get(b.sha) ?? 0) ||
        Number(a.byPrefix) - Number(b.byPrefix),
    )
    .map((match) => match.tag);

  const named = ranked.filter((tag) => classifyTag(tag) === 'release' || classifyTag(tag) === 'latest');
  const ordered = [...new Set([...named, ...branchTags, ...ranked])];
  const limit = Math.max(0, cap);

  return { selected: ordered.slice(0, limit), skipped: ordered.slice(limit) };
}
