import * as assert from 'node:assert/strict';
import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { originOwnerAndRepo } from '../gitHistory';
import { scenarioFromGitRepository } from '../main';
import { NOW } from './support';

/** A repository with `main` (3 commits, the last checked out on `topic`) and `topic` (+1 commit). */
function makeRepository(): string {
  const path = mkdtempSync(join(tmpdir(), 'test-server-git-'));

  const git = (args: string[], date = '2026-01-01T10:00:00Z') =>
    execFileSync(
      'git',
      ['-C', path, '-c', 'user.name=Jane Doe', '-c', 'user.email=jane@example.com', ...args],
      {
        env: { ...process.env, GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date },
        stdio: 'pipe',
      },
    );

  git(['init', '--quiet', '--initial-branch=main']);

  git(['remote', 'add', 'origin', 'git@github.com:acme/widgets.git']);

  ['first', 'second', 'third: with a colon | and a pipe'].forEach((subject, index) => {
    writeFileSync(join(path, 'file.txt'), subject);

    git(['add', 'file.txt']);

    git(['commit', '--quiet', '-m', subject], `2026-01-0${index + 1}T10:00:00Z`);
  });

  git(['checkout', '--quiet', '-b', 'topic']);

  git(['commit', '--quiet', '--allow-empty', '-m', 'topic work'], '2026-01-05T10:00:00Z');

  git(['checkout', '--quiet', 'main']);

  return path;
}

function firstLine(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    if (!child.stdout) {
      reject(new Error('no stdout'));

      return;
    }

    createInterface({ input: child.stdout }).once('line', resolve);

    child.once('exit', (code) => reject(new Error(`the CLI exited with ${code} before printing`)));
  });
}

suite('scenarios from a git repository', () => {
  let repository: string;

  suiteSetup(() => {
    repository = makeRepository();
  });

  suiteTeardown(() => rmSync(repository, { recursive: true, force: true }));

  test('reads every local branch newest first, with subjects, authors and dates', async () => {
    const scenario = await scenarioFromGitRepository(repository, {
      owner: 'acme',
      repo: 'widgets',
      now: NOW,
    });

    assert.deepEqual(Object.keys(scenario.branches).sort(), ['main', 'topic']);

    assert.deepEqual(
      scenario.branches.main.map((commit) => commit.subject),
      ['third: with a colon | and a pipe', 'second', 'first'],
    );

    assert.deepEqual(
      [
        scenario.branches.main[2].authorName,
        scenario.branches.main[2].authorEmail,
        scenario.branches.main[2].date,
      ],
      ['Jane Doe', 'jane@example.com', '2026-01-01T10:00:00Z'],
    );

    assert.equal(scenario.branches.topic[1].sha, scenario.branches.main[0].sha);
  });

  test('takes the checked-out branch as default and builds runs by the rules', async () => {
    const scenario = await scenarioFromGitRepository(repository, {
      owner: 'acme',
      repo: 'widgets',
      now: NOW,
    });

    const head = scenario.runs.find((run) => run.headSha === scenario.branches.main[0].sha);

    assert.equal(scenario.repository.defaultBranch, 'main');

    assert.deepEqual([head?.headBranch, head?.status], ['main', 'in_progress']);
  });

  test('owner and name come from an origin URL or scp-like address, never from a local path', async () => {
    const setOrigin = (url: string) =>
      execFileSync('git', ['-C', repository, 'remote', 'set-url', 'origin', url]);
    const originAt = async (url: string) => {
      setOrigin(url);
      return originOwnerAndRepo(repository);
    };
    const before = execFileSync('git', ['-C', repository, 'remote', 'get-url', 'origin'], {
      encoding: 'utf8',
    });

    try {
      assert.deepEqual(await originAt('https://github.com/acme/widgets.git'), {
        owner: 'acme',
        repo: 'widgets',
      });
      assert.deepEqual(await originAt('git@github.com:acme/widgets.git'), { owner: 'acme', repo: 'widgets' });
      assert.equal(await originAt('/work/main'), null);
      assert.equal(await originAt('file:///work/main'), null);
    } finally {
      setOrigin(before.trim());
    }
  });

  test('limits the commits per branch', async () => {
    const scenario = await scenarioFromGitRepository(repository, {
      owner: 'acme',
      repo: 'widgets',
      maxCommits: 2,
    });

    assert.equal(scenario.branches.main.length, 2);
  });

  test('the CLI prints one JSON line, serves the repository and stops on SIGTERM', async function () {
    this.timeout(20_000);

    const main = join(__dirname, '..', 'main.ts');

    const child = spawn(process.execPath, ['--import', 'tsx', main, '--port', '0', '--repo', repository], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });

    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));

    try {
      const printed = JSON.parse(await firstLine(child)) as { url: string; apiUrl: string; token: string };

      const response = await fetch(`${printed.apiUrl}/repos/acme/widgets`, {
        headers: { authorization: `token ${printed.token}` },
      });

      assert.match(printed.url, /^http:\/\/127\.0\.0\.1:\d+$/);

      assert.equal(printed.apiUrl, `${printed.url}/api/v3`);

      assert.equal(((await response.json()) as { default_branch: string }).default_branch, 'main');
    } finally {
      child.kill('SIGTERM');
    }

    assert.equal(await exited, 0);
  });
});
