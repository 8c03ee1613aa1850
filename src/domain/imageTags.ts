/**
 * What an image tag means and which of a digest's tags says the most about it: a release
 * (`v2.4.2`, `2.4.2`, `v2.4.2-rc.1`, newest version first), then `latest`, then a full commit SHA,
 * then anything else.
 */
export type TagKind = 'release' | 'latest' | 'sha' | 'other';

export interface ReleaseVersion {
  readonly major: number;
  readonly minor: number;
  readonly patch: number;

  /** How many of major, minor and patch the tag spells out (2 for `v2.4`). */
  readonly precision: 2 | 3;

  /** The dot-separated pre-release identifiers (`rc.1` → `['rc', 1]`); empty for a release. */
  readonly prerelease: readonly (string | number)[];
}

const FULL_SHA = /^[0-9a-f]{40}$/i;

const SHORT_SHA = /^[0-9a-f]{7,12}$/i;

const RELEASE =
  /^v?(0|[1-9]\d*)\.(0|[1-9]\d*)(?:\.(0|[1-9]\d*))?(?:-([0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*))?(?:\+[0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*)?$/;

const KIND_ORDER: readonly TagKind[] = ['release', 'latest', 'sha', 'other'];

export function classifyTag(tag: string): TagKind {
  if (parseReleaseVersion(tag)) {
    return 'release';
  }

  if (tag === 'latest') {
    return 'latest';
  }

  return FULL_SHA.test(tag) ? 'sha' : 'other';
}

/** A full 40-hex commit SHA tag. */
export function isFullShaTag(tag: string): boolean {
  return FULL_SHA.test(tag);
}

/** A 7–12 hex tag, which may be an abbreviated commit SHA (it can also be a number: match it to commits). */
export function isShortShaTag(tag: string): boolean {
  return SHORT_SHA.test(tag);
}

export function parseReleaseVersion(tag: string): ReleaseVersion | undefined {
  const match = RELEASE.exec(tag);
  if (!match) {
    return undefined;
  }

  const prerelease = match[4] === undefined ? [] : match[4].split('.').map(prereleaseIdentifier);

  return {
    major: Number(match[1]),
    minor: Number(match[2]),
    patch: Number(match[3] ?? 0),
    precision: match[3] === undefined ? 2 : 3,
    prerelease,
  };
}

/** Positive when `a` is the newer version, as semantic versioning orders them. */
export function compareReleaseVersions(a: ReleaseVersion, b: ReleaseVersion): number {
  const core = a.major - b.major || a.minor - b.minor || a.patch - b.patch;
  if (core !== 0) {
    return core;
  }

  const pre = comparePrerelease(a.prerelease, b.prerelease);
  if (pre !== 0) {
    return pre;
  }

  return a.precision - b.precision;
}

/** The tags, most meaningful first: releases newest first, `latest`, SHA tags, others (each in given order). */
export function rankTags(tags: readonly string[]): string[] {
  const kinds = new Map(tags.map((tag) => [tag, classifyTag(tag)]));

  return [...new Set(tags)].sort((a, b) => {
    const [kindA, kindB] = [kinds.get(a) ?? 'other', kinds.get(b) ?? 'other'];
    const byKind = KIND_ORDER.indexOf(kindA) - KIND_ORDER.indexOf(kindB);
    if (byKind !== 0 || kindA !== 'release') {
      return byKind;
    }

    const [versionA, versionB] = [parseReleaseVersion(a), parseReleaseVersion(b)];
    return versionA && versionB ? compareReleaseVersions(versionB, versionA) : 0;
  });
}

/** The tag to show for a digest, or undefined when it has none. */
export function chooseLabel(tags: readonly string[]): string | undefined {
  return rankTags(tags)[0];
}

function prereleaseIdentifier(part: string): string | number {
  return /^\d+$/.test(part) ? Number(part) : part;
}

/** A release outranks its pre-releases; identifiers compare numerically, then lexically, numbers lower. */
function comparePrerelease(a: readonly (string | number)[], b: readonly (string | number)[]): number {
  if (a.length === 0 || b.length === 0) {
    return b.length - a.length;
  }

  for (let index = 0; index < Math.min(a.length, b.length); index++) {
    const order = compareIdentifier(a[index], b[index]);
    if (order !== 0) {
      return order;
    }
  }

  return a.length - b.length;
}

function compareIdentifier(a: string | number, b: string | number): number {
  if (typeof a === 'number' && typeof b === 'number') {
    return a - b;
  }

  if (typeof a === 'number' || typeof b === 'number') {
    return typeof a === 'number' ? -1 : 1;
  }

  return a < b ? -1 : a > b ? 1 : 0;
}
