// Runs git with the machine's global and system configuration ignored, so scratch repositories come
// out the same everywhere (no signing, hooks or templates from the host).
import { runCommand } from './processes';

const GIT_TIMEOUT_MS = 60_000;

export function git(
  repository: string,
  args: readonly string[],
  environment: Record<string, string> = {},
): Promise<string> {
  return runCommand('git', args, {
    cwd: repository,
    env: { ...process.env, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null', ...environment },
    timeoutMs: GIT_TIMEOUT_MS,
  });
}

export async function currentBranch(repository: string): Promise<string> {
  return (await git(repository, ['symbolic-ref', '--quiet', '--short', 'HEAD'])).trim();
}

/** Points `origin` at `remoteUrl` and makes `branch` track `origin/<branch>` at its current commit, without fetching. */
export async function trackRemoteBranch(
  repository: string,
  remoteUrl: string,
  branch: string,
): Promise<void> {
  const remotes = (await git(repository, ['remote'])).split('\n');
  await git(
    repository,
    remotes.includes('origin')
      ? ['remote', 'set-url', 'origin', remoteUrl]
      : ['remote', 'add', 'origin', remoteUrl],
  );

  await git(repository, ['update-ref', `refs/remotes/origin/${branch}`, `refs/heads/${branch}`]);
  await git(repository, ['config', `branch.${branch}.remote`, 'origin']);
  await git(repository, ['config', `branch.${branch}.merge`, `refs/heads/${branch}`]);
}
