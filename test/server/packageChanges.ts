/**
 * Changes to the container packages: an image pushed with tags (by the scenario rules, by a finished
 * publish run, or by a test), a package made private or removed. A tag names one version of a
 * package: pushing it elsewhere takes it off the version that had it, which may be left untagged.
 */

import { stableNumber, sha256Hex } from './hashing';
import type { Scenario, ScenarioPackage, ScenarioPackageVersion } from './scenario';
import { gitHubTime } from './scenarioRules';

/** A change from a test (`POST /_control/packages`). A package that does not exist is created. */
export interface PackageChange {
  /** The package's name, e.g. `openverse-api`. */
  name: string;
  visibility?: 'public' | 'private';

  /** Deletes the package: every route answers 404 until a later change gives it a version. */
  remove?: boolean;

  /** Pushes an image: a new version unless one has the digest already, which then gains the tags. */
  push?: { tags: string[]; digest?: string };

  /** Commit SHA → the digest its build gives (the image did not change), or null for the default. */
  buildDigests?: Record<string, string | null>;
}

export interface ImagePush {
  /** The commit the image was built from: it decides the digest. */
  sha: string;
  tags: string[];
  at: Date;

  /** Overrides the digest the commit's build gives. */
  digest?: string;
}

export class PackageChangeError extends Error {}

const PACKAGE_ID_BASE = 60_000_000;

const VERSION_ID_BASE = 400_000_001;

/** The package name of a service's image: `<repo>-<service>`, lowercase as registries want. */
export function packageName(repo: string, service: string): string {
  return `${repo}-${service}`.toLowerCase();
}

/** The digest of the image a commit builds, when no earlier build gave the same image. */
export function defaultBuildDigest(name: string, sha: string): string {
  return `sha256:${sha256Hex(`image:${name}:${sha}`)}`;
}

export function emptyPackage(owner: string, name: string, at: Date): ScenarioPackage {
  return {
    id: PACKAGE_ID_BASE + stableNumber(`package:${owner}/${name}`, 30_000_000),
    name,
    visibility: 'public',
    createdAt: gitHubTime(at),
    updatedAt: gitHubTime(at),
    versions: [],
    buildDigests: {},
  };
}

/** The next free version id, across every package, so that ids grow with time. */
export function nextVersionId(packages: readonly ScenarioPackage[]): number {
  const ids = packages.flatMap((candidate) => candidate.versions.map((version) => version.id));

  return Math.max(VERSION_ID_BASE - 1, ...ids) + 1;
}

/** Pushes an image to a package: tags an existing version with the same digest, or adds one. */
export function pushImage(
  target: ScenarioPackage,
  push: ImagePush,
  versionId: number,
): ScenarioPackageVersion {
  const digest = push.digest ?? target.buildDigests[push.sha] ?? defaultBuildDigest(target.name, push.sha);

  const time = gitHubTime(push.at);

  for (const version of target.versions) {
    version.tags = version.tags.filter((tag) => !push.tags.includes(tag));
  }

  let version = target.versions.find((candidate) => candidate.digest === digest);

  if (version) {
    version.tags.push(...push.tags);

    version.updatedAt = time;
  } else {
    version = { id: versionId, digest, tags: [...push.tags], createdAt: time, updatedAt: time };

    target.versions.unshift(version);
  }

  target.updatedAt = time;

  return version;
}

/**
 * What a successful run of the publish workflow does: pushes the image of `service` built from
 * `commit` (full or abbreviated SHA) to `<repo>-<service>`, tagged with `commit` as given.
 */
export function publishImage(
  scenario: Scenario,
  service: string,
  commit: string,
  at: Date,
): ScenarioPackageVersion {
  const name = packageName(scenario.repository.name, service);

  const target = findOrCreate(scenario, name, at);

  const sha = fullSha(scenario, commit);

  return pushImage(target, { sha, tags: [commit], at }, nextVersionId(scenario.packages));
}

export function changePackage(scenario: Scenario, change: PackageChange, now: Date): ScenarioPackage | null {
  if (typeof change.name !== 'string' || change.name === '') {
    throw new PackageChangeError('A package change needs the package name');
  }

  if (change.remove) {
    scenario.packages = scenario.packages.filter((candidate) => candidate.name !== change.name);

    return null;
  }

  const target = findOrCreate(scenario, change.name, now);

  if (change.visibility !== undefined) {
    target.visibility = change.visibility === 'private' ? 'private' : 'public';
  }

  for (const [sha, digest] of Object.entries(change.buildDigests ?? {})) {
    if (digest === null) {
      delete target.buildDigests[sha];
    } else {
      target.buildDigests[sha] = digest;
    }
  }

  if (change.push) {
    const tags = change.push.tags ?? [];

    const push = { sha: tags[0] ?? `push-${nextVersionId(scenario.packages)}`, tags, at: now };

    pushImage(target, { ...push, digest: change.push.digest }, nextVersionId(scenario.packages));
  }

  return target;
}

function findOrCreate(scenario: Scenario, name: string, at: Date): ScenarioPackage {
  const existing = scenario.packages.find((candidate) => candidate.name === name);

  if (existing) {
    return existing;
  }

  const created = emptyPackage(scenario.owner.login, name, at);

  scenario.packages.push(created);

  return created;
}

function fullSha(scenario: Scenario, commit: string): string {
  const prefix = commit.toLowerCase();

  const found = Object.values(scenario.branches)
    .flat()
    .find((candidate) => prefix.length >= 7 && candidate.sha.startsWith(prefix));

  return found?.sha ?? commit;
}
