/** Resolving a `ref` query parameter to a branch or a commit of the scenario, as GitHub does. */

import type { Scenario, ScenarioCommit } from '../scenario';

export interface ResolvedRef {
  /** The ref as the request named it, less any `refs/heads/` prefix. */
  name: string;
  commit: ScenarioCommit;
}

export function resolveRef(scenario: Scenario, ref: string | null): ResolvedRef | null {
  const name = (ref || scenario.repository.defaultBranch).replace(/^refs\/heads\//, '');

  const branchCommits = scenario.branches[name];

  if (branchCommits) {
    return branchCommits[0] ? { name, commit: branchCommits[0] } : null;
  }

  if (!/^[0-9a-f]{7,40}$/i.test(name)) {
    return null;
  }

  const commit = Object.values(scenario.branches)
    .flat()
    .find((candidate) => candidate.sha.startsWith(name.toLowerCase()));

  return commit ? { name, commit } : null;
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
