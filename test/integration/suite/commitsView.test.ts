/**
 * The commits view in a real VS Code, against the loopback test server's default scenario (see
 * test/server/scenarioRules.ts: index 0 running, 1 failed, 2 passed, 3 expiring, 4 past expires_at
 * with `expired` false, 5 expired, 6 cancelled, 7+ passed with 90-day artifacts).
 */
import * as assert from 'node:assert/strict';

import * as vscode from 'vscode';

import {
  extensionApi,
  plain,
  refreshAndWait,
  rows,
  viewMessage,
  waitFor,
  type Row,
} from './support/extension';
import { scratchRepository, type TestRepository } from './support/git';
import { clearFaults, injectFault, requestLog, clearRequestLog } from './support/faults';
import { serverUrl } from './support/testServer';

const settings = () => vscode.workspace.getConfiguration('imagePublisher');

async function setSetting(key: string, value: unknown): Promise<void> {
  await settings().update(key, value, vscode.ConfigurationTarget.Global);
}

async function commitRows(): Promise<Row[]> {
  return (await rows()).filter((row) => row.node.type === 'commit');
}

suite('Commits view', function () {
  this.timeout(60_000);

  let repository: TestRepository;
  let mainSubjects: string[];
  let mainShas: string[];

  suiteSetup(async () => {
    repository = await scratchRepository();
    await extensionApi();

    const log = await repository.log({ maxEntries: 100 });
    mainSubjects = log.map((commit) => commit.message.split('\n')[0]);
    mainShas = log.map((commit) => commit.hash);
  });

  teardown(async () => {
    await clearFaults();
    await setSetting('remote', undefined);
    await setSetting('maxCommits', undefined);
    if (repository.state.HEAD?.name !== 'main') {
      await repository.checkout('main');
    }
    await refreshAndWait();
  });

  test("shows the checked-out branch's commits, newest first, labelled by subject", async () => {
    const shown = await waitFor(
      commitRows,
      (list) => list.length === mainSubjects.length,
      'the main commits',
    );
    const api = await extensionApi();

    assert.deepEqual(
      shown.map((row) => row.label),
      mainSubjects,
    );
    assert.equal(
      (await rows()).some((row) => row.node.type === 'load-more'),
      false,
    );
    assert.equal(api.commitsTree.treeView.description, 'main');
  });

  test('shows each commit’s CI word, icon and youngest artifact age', async () => {
    const shown = await waitFor(commitRows, (list) => list[2]?.description.includes('passed'), 'CI state');
    const short = (index: number) => mainShas[index].slice(0, 7);

    assert.deepEqual(
      shown.slice(0, 8).map((row) => row.description),
      [
        `${short(0)} · running`,
        `${short(1)} · failed`,
        `${short(2)} · passed · 4 days old`,
        `${short(3)} · passed · 6 days old`,
        `${short(4)} · passed · artifacts expired`,
        `${short(5)} · passed · artifacts expired`,
        `${short(6)} · cancelled`,
        `${short(7)} · passed · 14 days old`,
      ],
    );
    assert.deepEqual(
      shown.slice(0, 3).map((row) => row.icon),
      ['sync~spin', 'error', 'pass-filled'],
    );
    assert.equal(shown[6].icon, 'circle-slash');
    assert.equal(shown[2].contextValue, 'commit ci-success has-run artifacts-valid');
    assert.equal(shown[5].contextValue, 'commit ci-success has-run artifacts-expired');
  });

  test('a commit’s children are its run and one row per service artifact with age and expiry', async () => {
    const shown = await waitFor(commitRows, (list) => list[5]?.description.includes('passed'), 'CI state');
    const childrenOf = async (index: number) => rows(shown[index].node);

    const passed = await childrenOf(2);
    const expiring = await childrenOf(3);
    const lateDeleted = await childrenOf(4);
    const expired = await childrenOf(5);

    assert.match(passed[0].label, /^CI \+ CD #\d+$/);
    assert.equal(passed[0].description, 'passed · push');
    assert.deepEqual(
      passed.slice(1).map((row) => [row.label, row.description]),
      [
        ['api', '4 days old · expires in 85 days'],
        ['ingestion_server', '4 days old · expires in 85 days'],
      ],
    );
    assert.equal(expiring[1].description, '6 days old · expires in 3 days');
    assert.equal(expiring[1].contextValue, 'artifact artifact-expiring');
    assert.equal(expiring[1].icon, 'warning');
    assert.match(lateDeleted[1].description, /^expired 1\d minutes ago$/);
    assert.equal(expired[1].description, 'expired 3 days ago');
    assert.equal(expired[1].contextValue, 'artifact artifact-expired');
  });

  test('the tooltip holds the full SHA, author, run and every artifact, as untrusted text', async () => {
    const shown = await waitFor(commitRows, (list) => list[2]?.description.includes('passed'), 'CI state');
    const item = (await extensionApi()).commitsTree.getTreeItem(shown[2].node);
    const tooltip = item.tooltip as vscode.MarkdownString;
    const text = plain(tooltip.value);

    assert.equal(tooltip.isTrusted, false);
    assert.equal(tooltip.supportHtml, false);
    assert.ok(text.includes(mainShas[2]), text);
    assert.match(text, /Author: .+ \(.+@.+\)/);
    assert.doesNotMatch(text, /<[^>\s]+@[^>\s]+>/, 'the address is text, not an autolink');
    assert.match(text, /CI: CI \+ CD #\d+: passed, push \(2 runs for this commit/);
    assert.match(text, /api: 4 days old · expires in 85 days/);
    assert.match(text, /ingestion_server: 4 days old · expires in 85 days/);
  });

  test('fetches runs in one request and artifacts in one request per service, never per commit', async () => {
    // A first load lists every artifact at once while it discovers the services; every later
    // refresh asks per service.
    await refreshAndWait();
    await clearRequestLog();
    await refreshAndWait();

    const paths = (await requestLog()).map((entry) => entry.path);
    const runs = paths.filter((path) => /\/actions\/(workflows\/[^/]+\/)?runs(\?|$)/.test(path));
    const artifacts = paths.filter((path) => /\/actions\/artifacts\?/.test(path));

    assert.equal(runs.length, 1, paths.join('\n'));
    assert.match(runs[0], /branch=main/);
    assert.match(runs[0], /per_page=100/);
    assert.deepEqual(artifacts.map((path) => new URL(path, 'http://x').searchParams.get('name')).sort(), [
      'api',
      'ingestion_server',
    ]);
    assert.equal(
      paths.some((path) => /head_sha=|\/runs\/\d+\/artifacts/.test(path)),
      false,
      paths.join('\n'),
    );
  });

  test('follows a branch switch without a manual refresh', async () => {
    await repository.checkout('feature/login');

    const shown = await waitFor(
      commitRows,
      (list) =>
        list.length > 0 &&
        list[0].label !== mainSubjects[0] &&
        !list[0].description.endsWith(mainShas[0].slice(0, 7)),
      'the feature branch commits',
    );
    const featureLog = await repository.log({ maxEntries: 100 });

    assert.deepEqual(
      shown.map((row) => row.label),
      featureLog.map((commit) => commit.message.split('\n')[0]),
    );
    assert.equal((await extensionApi()).commitsTree.treeView.description, 'feature/login');
    await waitFor(
      commitRows,
      (list) => list[0].description.endsWith('· running'),
      'the feature head running',
    );
  });

  test('a detached HEAD lists commits from HEAD and says so', async () => {
    await repository.checkout(mainShas[3]);

    const shown = await waitFor(
      commitRows,
      (list) => list[0]?.label === mainSubjects[3],
      'the detached commits',
    );

    assert.equal(
      (await extensionApi()).commitsTree.treeView.description,
      `detached at ${mainShas[3].slice(0, 7)}`,
    );
    await waitFor(commitRows, (list) => list[0].description.includes('passed'), 'CI state while detached');
    assert.equal(shown.length, mainSubjects.length - 3);
  });

  test('"Load more" adds imagePublisher.maxCommits more commits', async () => {
    await setSetting('maxCommits', 4);

    const first = await waitFor(rows, (list) => list.length === 5, 'four commits and Load more');
    assert.equal(first[4].node.type, 'load-more');
    assert.equal(first[4].label, 'Load more…');

    await vscode.commands.executeCommand('imagePublisher.loadMore');
    const second = await waitFor(rows, (list) => list.length === 9, 'eight commits and Load more');

    assert.deepEqual(
      second.slice(0, 8).map((row) => row.label),
      mainSubjects.slice(0, 8),
    );
  });

  test('sign-out empties the view, sign-in fills it again', async () => {
    await vscode.commands.executeCommand('testAuth.signOut');
    await waitFor(rows, (list) => list.length === 0, 'an empty view after sign-out');
    assert.equal((await extensionApi()).model.state.kind, 'signed-out');

    await vscode.commands.executeCommand('testAuth.signIn');
    await waitFor(commitRows, (list) => list.length === mainSubjects.length, 'commits after sign-in');
  });

  test('a remote that is not GitHub is named in the view', async () => {
    await repository.addRemote('mirror', 'git@gitlab.com:acme/widgets.git');
    try {
      await setSetting('remote', 'mirror');

      const message = await waitFor(viewMessage, (text) => !!text, 'a message');
      assert.match(
        message ?? '',
        /'mirror' .*is not a GitHub repository: gitlab\.com is neither github\.com nor the GitHub Enterprise host 127\.0\.0\.1:\d+ set in github-enterprise\.uri/,
      );
      assert.equal((await commitRows()).length, mainSubjects.length);
    } finally {
      await repository.removeRemote('mirror');
    }
  });

  test('a repository the account cannot see says so (404)', async () => {
    await repository.addRemote('hidden', `${serverUrl()}/acme/secret-plans.git`);
    try {
      await setSetting('remote', 'hidden');

      const message = await waitFor(viewMessage, (text) => !!text, 'a message');
      assert.match(
        message ?? '',
        /acme\/secret-plans on 127\.0\.0\.1:\d+ was not found, or the account \S+ cannot see it/,
      );
    } finally {
      await repository.removeRemote('hidden');
    }
  });

  test('a rejected token asks to sign in again (401), and the view recovers', async () => {
    await injectFault({ path: '^/api/v3/', status: 401, body: { message: 'Bad credentials' } });
    await refreshAndWait();

    assert.match(
      (await viewMessage()) ?? '',
      /GitHub rejected the saved sign-in \(401: Bad credentials\)\. Sign in to GitHub again\./,
    );
    const stale = await commitRows();
    assert.equal(stale[2].description.includes('passed'), true, 'the last known CI state stays visible');

    await clearFaults();
    await refreshAndWait();
    assert.equal(await viewMessage(), undefined);
  });

  test('GitHub unreachable says so', async () => {
    await injectFault({ path: '^/api/v3/', action: 'drop' });
    await refreshAndWait();

    assert.match(
      (await viewMessage()) ?? '',
      /Cannot reach 127\.0\.0\.1:\d+ \(.+\)\. Check your connection or proxy, then refresh\./,
    );
  });

  test('no CI workflow found says which setting to use', async () => {
    await injectFault({
      path: '^/api/v3/repos/[^/]+/[^/]+/actions/workflows(\\?|$)',
      status: 200,
      body: { total_count: 0, workflows: [] },
    });
    await refreshAndWait();

    assert.match(
      (await viewMessage()) ?? '',
      /No CI workflow found in this repository\. Set imagePublisher\.ciWorkflow/,
    );
  });
});
