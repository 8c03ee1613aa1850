/**
 * A scenario from a real git repository's history: every local branch, newest first, up to a few
 * hundred commits each, read with `git` (for the CLI and for tests that want real commits).
 */

import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { buildScenario, Scenario, ScenarioCommit } from './scenario';
import { gitHubTime } from './scenarioRules';

const run = promisify(execFile);

export const MAX_COMMITS_PER_BRANCH = 300;

export interface GitScenarioOptions {
  owner: string;
  repo: string;
  now?: Date;
  maxCommits?: number;
}

const FIELD = '\x1f';

export async function scenarioFromGitRepository(
  path: string,
  options: GitScenarioOptions,
): Promise<Scenario> {
  const branchNames = await localBranches(path);

  const maxCommits = options.maxCommits ?? MAX_COMMITS_PER_BRANCH;

  const defaultBranch = await pickDefaultBranch(path, branchNames);

  const branches: Record<string, ScenarioCommit[]> = {};

  for (const name of branchNames.length > 0 ? branchNames : [defaultBranch]) {
    const revision = branchNames.length > 0 ? `refs/heads/${name}` : 'HEAD';

    branches[name] = await commitsOf(path, revision, maxCommits);
  }

  return buildScenario({
    owner: options.owner,
    repo: options.repo,
    defaultBranch,
    branches,
    now: options.now,
  });
}

/** `owner/repo` from the `origin` remote's URL, if it has one that looks like a GitHub remote. */
export async function originOwnerAndRepo(path: string): Promise<{ owner: string; repo: string } | null> {
  const remote = (await git(path, ['remote', 'get-url', 'origin']).catch(() => '')).trim();

  // A URL (https://, ssh://) or scp-like address (git@host:owner/repo); not a local path.
  const isRemote = /^[a-z][a-z0-9+.-]*:\/\/[^/]/i.test(remote) && !/^file:/i.test(remote);
  const isScpLike = /^[^/@\s]+@[^:/\s]+:/.test(remote);
  const match = isRemote || isScpLike ? /[:/]([^/:]+)\/([^/]+?)(?:\.git)?\/?$/.exec(remote) : null;

  return match ? { owner: match[1], repo: match[2] } : null;
}

async function localBranches(path: string): Promise<string[]> {
  const output = await git(path, ['for-each-ref', '--format=%(refname:short)', 'refs/heads']);

  return output.split('\n').filter((line) => line.length > 0);
}

/** The checked-out branch, else `main` or `master`, else the first branch (`main` when none). */
async function pickDefaultBranch(path: string, branchNames: string[]): Promise<string> {
  const current = (await git(path, ['symbolic-ref', '--quiet', '--short', 'HEAD']).catch(() => '')).trim();

  const candidates = [current, 'main', 'master', ...branchNames];

  return candidates.find((name) => branchNames.includes(name)) ?? 'main';
}

async function commitsOf(path: string, revision: string, maxCommits: number): Promise<ScenarioCommit[]> {
  const format = ['%H', '%an', '%ae', '%aI', '%s'].join('%x1f');

  const output = await git(path, ['log', `--max-count=${maxCommits}`, `--format=${format}`, revision, '--']);

  return output
    .split('\n')
    .filter((line) => line.length > 0)
    .map((line) => {
      const [sha, authorName, authorEmail, date, ...subject] = line.split(FIELD);

      return { sha, authorName, authorEmail, date: gitHubTime(new Date(date)), subject: subject.join(FIELD) };
    });
}

async function git(path: string, args: string[]): Promise<string> {
  const { stdout } = await run('git', ['-C', path, ...args], { maxBuffer: 64 * 1024 * 1024 });

  return stdout;
}
