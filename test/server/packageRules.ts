/**
 * The rules that give a built scenario its container packages, from the default branch's commits.
 *
 * One package per service, named `<repo>-<service>` in lowercase (`openverse-api`,
 * `widgets-ingestion_server`), owned by the scenario's owner, linked to its repository, public.
 * `index` is a commit's position in the default branch, newest first; a rule whose index the branch
 * does not reach is skipped. A SHA tag is the commit's full 40-character SHA, as the publish
 * workflow pushes it.
 *
 * | index | pushed with tags            | first service (`api`)      | every other service (`ingestion_server`)    |
 * |-------|-----------------------------|----------------------------|---------------------------------------------|
 * | 11    | `latest`                    | later untagged (`latest` moved on)                                       |
 * | 10    | `<sha>`, `v2.4.1`, `latest` | its own digest             | its own digest                              |
 * | 9     | `<sha>`, `v2.4.2`, `latest` | its own digest             | unchanged: the v2.4.1 digest gains the tags, |
 * |       |                             |                            | so it carries `<sha10>`, `v2.4.1`, `<sha9>`, `v2.4.2`, `latest` |
 * | 8, 7  | `<sha>` (on demand)         | its own digest             | its own digest                              |
 * | 2     | `<sha>` (on demand)         | its own digest             | its own digest; index 3 builds the same image, |
 * |       |                             |                            | so publishing 3 tags this version           |
 *
 * So for the 12-commit default branch each package has 6 versions (api) or 5 (the others), newest
 * first: `<sha2>`, `<sha7>`, `<sha8>`, the releases, and the untagged one; `latest` is on v2.4.2.
 * The commits pushed all have a successful CI run with image artifacts by `scenarioRules.ts`.
 *
 * Digests: commit c builds `sha256(image:<package>:<c>)` (`defaultBuildDigest`) unless the package's
 * `buildDigests[c]` names the earlier, identical image. A version is created when its first tags are
 * pushed, 35 minutes after the CI run of the commit started (the run takes 25, the push 10), and
 * updated when it gains tags. Version ids grow with creation time across packages.
 */

import { defaultBuildDigest, emptyPackage, nextVersionId, packageName, pushImage } from './packageChanges';
import type { ScenarioCommit, ScenarioPackage } from './scenario';
import { MINUTE_MS, RUN_DURATION_MS, runCreatedAt } from './scenarioRules';

export interface ImagePushRule {
  index: number;

  /** Tags besides the commit's SHA. */
  tags: string[];

  /** Whether the commit's SHA is pushed as a tag too. */
  shaTag: boolean;
}

/** Oldest first, the order in which they are applied. */
export const IMAGE_PUSH_RULES: readonly ImagePushRule[] = [
  { index: 11, tags: ['latest'], shaTag: false },
  { index: 10, tags: ['v2.4.1', 'latest'], shaTag: true },
  { index: 9, tags: ['v2.4.2', 'latest'], shaTag: true },
  { index: 8, tags: [], shaTag: true },
  { index: 7, tags: [], shaTag: true },
  { index: 2, tags: [], shaTag: true },
];

/** Where every service but the first did not change: `index` builds the image of `sameAs`. */
export const UNCHANGED_BUILDS: readonly { index: number; sameAs: number }[] = [
  { index: 9, sameAs: 10 },
  { index: 3, sameAs: 2 },
];

export const PUBLISH_DELAY_MS = RUN_DURATION_MS + 10 * MINUTE_MS;

/** When the image of the commit at `index` is pushed. */
export function imagePushedAt(index: number, now: Date): Date {
  return new Date(runCreatedAt(index, now).getTime() + PUBLISH_DELAY_MS);
}

export function buildPackages(
  owner: string,
  repo: string,
  defaultBranch: readonly ScenarioCommit[],
  services: readonly string[],
  now: Date,
): ScenarioPackage[] {
  const oldestPush = IMAGE_PUSH_RULES.find((rule) => defaultBranch[rule.index]) ?? { index: 0 };

  const packages = services.map((service) =>
    emptyPackage(owner, packageName(repo, service), imagePushedAt(oldestPush.index, now)),
  );

  packages.slice(1).forEach((target) => {
    for (const { index, sameAs } of UNCHANGED_BUILDS) {
      const [commit, original] = [defaultBranch[index], defaultBranch[sameAs]];

      if (commit && original) {
        target.buildDigests[commit.sha] =
          target.buildDigests[original.sha] ?? defaultBuildDigest(target.name, original.sha);
      }
    }
  });

  for (const rule of IMAGE_PUSH_RULES) {
    const commit = defaultBranch[rule.index];

    if (!commit) {
      continue;
    }

    const tags = rule.shaTag ? [commit.sha, ...rule.tags] : [...rule.tags];

    for (const target of packages) {
      pushImage(
        target,
        { sha: commit.sha, tags, at: imagePushedAt(rule.index, now) },
        nextVersionId(packages),
      );
    }
  }

  return packages.filter((target) => target.versions.length > 0);
}
