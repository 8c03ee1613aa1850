/** Resolving a ref to a branch, a tag or a commit of the scenario, as GitHub does. */

import type { Scenario, ScenarioCommit } from '../scenario';

export interface ResolvedRef {
  /** The ref as the request named it, less any `refs/heads/` or `refs/tags/` prefix. */
  name: string;
  commit: ScenarioCommit;
}

/** A branch, a tag or a commit SHA (full or abbreviated); the default branch when `ref` is empty. */
export function resolveRef(scenario: Scenario, ref: string | null): ResolvedRef | null {
  const named = resolveBranchOrTag(scenario, ref || scenario.repository.defaultBranch);

  if (named || !ref || !/^[0-9a-f]{7,40}$/i.test(ref)) {
    return named;
  }

  const commit = findCommit(scenario, ref);

  return commit ? { name: ref, commit } : null;
}

/** A branch or a tag, by name or as `refs/heads/…`, `refs/tags/…`; never a SHA (as a dispatch wants). */
export function resolveBranchOrTag(scenario: Scenario, ref: string): ResolvedRef | null {
  const branch = ref.replace(/^refs\/heads\//, '');

  const branchHead = ref.startsWith('refs/tags/') ? undefined : scenario.branches[branch]?.[0];

  if (branchHead) {
    return { name: branch, commit: branchHead };
  }

  const tag = ref.replace(/^refs\/tags\//, '');

  const tagSha = ref.startsWith('refs/heads/') ? undefined : scenario.tags[tag];

  const tagCommit = tagSha ? findCommit(scenario, tagSha) : undefined;

  return tagCommit ? { name: tag, commit: tagCommit } : null;
}

/** The commit whose SHA starts with `sha` (7 characters at least), on any branch. */
export function findCommit(scenario: Scenario, sha: string): ScenarioCommit | undefined {
  const prefix = sha.toLowerCase();

  return prefix.length < 7
    ? undefined
    : Object.values(scenario.branches)
        .flat()
        .find((candidate) => candidate.sha.startsWith(prefix));
}

/** The text of every file at a ref: the scenario's files with that ref's overrides applied. */
export function filesAtRef(scenario: Scenario, ref: ResolvedRef): Map<string, string> {
  const files = new Map(Object.entries(scenario.files));

  const overrides = [scenario.fileOverrides[ref.commit.sha], scenario.fileOverrides[ref.name]];

  for (const override of overrides) {
    for (const [path, text] of Object.entries(override ?? {})) {
      if (text === null) {
        files.delete(path);
      } else {
        files.set(path, text);
      }
    }
  }

  return files;
}
