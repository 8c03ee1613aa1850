/**
 * The published versions of one service's image, as rows: one per digest (a digest carries every
 * tag pushed with that content: `v2.4.2`, `latest`, a SHA), newest first, the untagged ones folded
 * into one row; and, for the commits of the branch, which of them are published and under what.
 */
import { classifyTag, isFullShaTag, isShortShaTag, rankTags, type TagKind } from './imageTags';

export interface ImageVersion {
  /** The package version's id; null when read from the registry, which has none. */
  readonly id: number | null;

  /** `sha256:…`. */
  readonly digest: string;
  readonly tags: readonly string[];

  /** Unknown (null) when read from the registry. */
  readonly createdAt: Date | null;
  readonly updatedAt: Date | null;
  readonly htmlUrl?: string;
}

export interface DigestGroup {
  readonly digest: string;

  /** Every tag on the digest, most meaningful first. */
  readonly tags: readonly string[];
  readonly label: string;
  readonly labelKind: TagKind;
  readonly versions: readonly ImageVersion[];

  /** The newest creation among its versions; null when unknown. */
  readonly createdAt: Date | null;
  readonly updatedAt: Date | null;
}

export interface UntaggedGroup {
  readonly digests: readonly string[];
  readonly versions: readonly ImageVersion[];
  readonly createdAt: Date | null;
}

export interface ImageGroups {
  /** One per tagged digest, newest first (given order where dates are unknown). */
  readonly tagged: readonly DigestGroup[];

  /** Every version without a tag, folded together; null when there is none. */
  readonly untagged: UntaggedGroup | null;
}

/** What the commit list needs: a commit's SHA and subject. */
export interface CommitRef {
  readonly sha: string;
  readonly subject: string;
}

export interface ShaTagMatch {
  readonly tag: string;
  readonly sha: string;
  readonly subject: string;

  /** An abbreviated SHA tag (7–12 hex) that starts exactly one of the commits. */
  readonly byPrefix: boolean;
}

export type CommitPublication =
  | { readonly published: false }
  | {
      readonly published: true;
      readonly digest: string;

      /** The tag naming the commit, as pushed (full or abbreviated SHA). */
      readonly tag: string;
      readonly byPrefix: boolean;

      /** The digest's other tags, most meaningful first. */
      readonly otherTags: readonly string[];
    };

const PREFIX_KEY_LENGTH = 7;

const NOT_PUBLISHED: CommitPublication = { published: false };

export function groupByDigest(versions: readonly ImageVersion[]): ImageGroups {
  const byDigest = new Map<string, ImageVersion[]>();

  for (const version of versions) {
    const key = version.digest.toLowerCase();
    byDigest.set(key, [...(byDigest.get(key) ?? []), version]);
  }

  const tagged: DigestGroup[] = [];
  const untagged: ImageVersion[] = [];

  for (const [digest, members] of byDigest) {
    const tags = rankTags(members.flatMap((version) => version.tags));
    const label = tags[0];

    if (label === undefined) {
      untagged.push(...members);
      continue;
    }

    tagged.push({
      digest,
      tags,
      label,
      labelKind: classifyTag(label),
      versions: members,
      createdAt: newest(members.map((version) => version.createdAt)),
      updatedAt: newest(members.map((version) => version.updatedAt)),
    });
  }

  return {
    tagged: tagged.sort(newestFirst),
    untagged:
      untagged.length === 0
        ? null
        : {
            digests: [...new Set(untagged.map((version) => version.digest.toLowerCase()))],
            versions: untagged,
            createdAt: newest(untagged.map((version) => version.createdAt)),
          },
  };
}

/**
 * The commits the tags name: full 40-hex SHA tags equal to a commit's SHA, and 7–12 hex tags that
 * start exactly one commit's SHA (flagged `byPrefix`; a prefix shared by two commits names neither).
 */
export function matchShaTags(tags: readonly string[], commits: readonly CommitRef[]): ShaTagMatch[] {
  const byFullSha = new Map(commits.map((commit) => [commit.sha.toLowerCase(), commit]));
  const byPrefixKey = groupCommitsByPrefix(commits);
  const matches: ShaTagMatch[] = [];

  for (const tag of new Set(tags)) {
    const lower = tag.toLowerCase();

    if (isFullShaTag(tag)) {
      const commit = byFullSha.get(lower);
      if (commit) {
        matches.push({ tag, sha: commit.sha, subject: commit.subject, byPrefix: false });
      }
      continue;
    }

    if (isShortShaTag(tag)) {
      const candidates = (byPrefixKey.get(lower.slice(0, PREFIX_KEY_LENGTH)) ?? []).filter((commit) =>
        commit.sha.toLowerCase().startsWith(lower),
      );
      if (candidates.length === 1) {
        matches.push({ tag, sha: candidates[0].sha, subject: candidates[0].subject, byPrefix: true });
      }
    }
  }

  return matches;
}

/** Whether one commit's image is published, on which digest, and what else that digest is tagged. */
export function publicationOf(commitSha: string, versions: readonly ImageVersion[]): CommitPublication {
  return publicationsByCommit([{ sha: commitSha, subject: '' }], versions).get(commitSha) ?? NOT_PUBLISHED;
}

/**
 * The publication of every commit that has one, by commit SHA as given. A full SHA tag wins over an
 * abbreviated one; between equals, the first version given (the newest, as GitHub lists them).
 */
export function publicationsByCommit(
  commits: readonly CommitRef[],
  versions: readonly ImageVersion[],
): Map<string, CommitPublication> {
  const found = new Map<string, { version: ImageVersion; match: ShaTagMatch }>();

  for (const version of versions) {
    for (const match of matchShaTags(version.tags, commits)) {
      const earlier = found.get(match.sha);

      if (!earlier || (earlier.match.byPrefix && !match.byPrefix)) {
        found.set(match.sha, { version, match });
      }
    }
  }

  const tagsByDigest = digestTags(versions);
  const published = new Map<string, CommitPublication>();

  for (const [sha, { version, match }] of found) {
    published.set(sha, {
      published: true,
      digest: version.digest,
      tag: match.tag,
      byPrefix: match.byPrefix,
      otherTags: rankTags(tagsByDigest.get(version.digest.toLowerCase()) ?? []).filter(
        (tag) => tag !== match.tag,
      ),
    });
  }

  return published;
}

function digestTags(versions: readonly ImageVersion[]): Map<string, string[]> {
  const tags = new Map<string, string[]>();

  for (const version of versions) {
    const key = version.digest.toLowerCase();
    tags.set(key, [...(tags.get(key) ?? []), ...version.tags]);
  }

  return tags;
}

function groupCommitsByPrefix(commits: readonly CommitRef[]): Map<string, CommitRef[]> {
  const groups = new Map<string, CommitRef[]>();

  for (const commit of commits) {
    const key = commit.sha.toLowerCase().slice(0, PREFIX_KEY_LENGTH);
    groups.set(key, [...(groups.get(key) ?? []), commit]);
  }

  return groups;
}

function newest(dates: readonly (Date | null)[]): Date | null {
  const known = dates.filter((date): date is Date => date !== null);
  return known.length === 0 ? null : new Date(Math.max(...known.map((date) => date.getTime())));
}

/** Dated groups first, newest first; undated ones after, in the order given. */
function newestFirst(a: DigestGroup, b: DigestGroup): number {
  if (a.createdAt && b.createdAt) {
    return b.createdAt.getTime() - a.createdAt.getTime();
  }

  return Number(a.createdAt === null) - Number(b.createdAt === null);
}
