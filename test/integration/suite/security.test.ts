/**
 * Hostile input and secrets in a real VS Code: commit messages that try markdown, HTML, command
 * links and theme icons on the commits view; and the token, which must appear in no log (at trace
 * level, after every command of the extension has run), setting or stored state, and travel only to
 * the one test server's API.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

import * as vscode from 'vscode';

import type { TagsNode } from '../../../src/views/tags/tagNodes';
import { HOSTILE_BRANCH, HOSTILE_MESSAGES } from '../scratchRepository';
import {
  EXTENSION_ID,
  extensionApi,
  plain,
  refreshAndWait,
  rows,
  waitFor,
  type Row,
} from './support/extension';
import { clearFaults, injectFault, RUNS_LIST_ROUTE } from './support/faults';
import { scratchRepository, type TestRepository } from './support/git';
import { extensionLogFile, filesUnder, logLocations, settledText } from './support/logFiles';
import { ScriptedPrompter } from './support/scriptedPrompter';
import { control, serverUrl } from './support/testServer';

interface ServerRequest {
  readonly method: string;
  readonly path: string;
  readonly token: 'none' | 'valid' | 'invalid';
}

/** Subjects of the hostile branch's own commits, newest first, as the view lists them. */
const HOSTILE_SUBJECTS = HOSTILE_MESSAGES.map((message) => message.split('\n')[0]).reverse();

async function commitRows(): Promise<Row[]> {
  return (await rows()).filter((row) => row.node.type === 'commit');
}

function token(): string {
  const value = process.env.IMAGE_PUBLISHER_TEST_TOKEN;
  assert.ok(value && value.length >= 20, 'IMAGE_PUBLISHER_TEST_TOKEN is not set in the extension host');
  return value;
}

/** The token as it would appear if it were logged raw, in a Basic header, or URL-encoded. */
function tokenForms(login: string): string[] {
  const value = token();
  const basic = (text: string) => Buffer.from(text).toString('base64');

  return [
    value,
    encodeURIComponent(value),
    basic(`${login}:${value}`),
    basic(`x-access-token:${value}`),
    basic(`${value}:x-oauth-basic`),
    basic(`:${value}`),
  ];
}

function leaksIn(text: string, login: string): string[] {
  return tokenForms(login).filter((form) => text.includes(form));
}

/** JSON of a value, cycles and functions left out. */
function safeJson(value: unknown): string {
  const seen = new WeakSet<object>();
  return JSON.stringify(value, (_key, inner: unknown) => {
    if (typeof inner === 'function') {
      return undefined;
    }
    if (inner && typeof inner === 'object') {
      if (seen.has(inner)) {
        return undefined;
      }
      seen.add(inner);
    }
    return inner;
  });
}

/**
 * Runs a command as a user would, without letting a quick pick it opens hold the test: after a
 * moment the quick pick is closed (the user pressing Escape). Returns how it ended.
 */
async function runLikeAUser(command: string, ...args: unknown[]): Promise<string> {
  let ended = 'still running';
  const running = Promise.resolve(vscode.commands.executeCommand(command, ...args)).then(
    () => (ended = 'done'),
    (error: Error) => (ended = `failed: ${error.message}`),
  );
  const settle = (ms: number) => Promise.race([running, new Promise((resolve) => setTimeout(resolve, ms))]);

  await settle(1_200);
  await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
  await settle(3_000);
  await (await extensionApi()).model.whenIdle();

  return `${command}${args.length > 0 ? ' (on a node)' : ''}: ${ended}`;
}

/** The extension's workspace state, as the extension itself holds it (VS Code keeps it in the browser). */
function workspaceStateOf(api: Awaited<ReturnType<typeof extensionApi>>): Record<string, unknown> {
  const storage = (api.publishes as unknown as { storage?: vscode.Memento }).storage;
  assert.ok(
    storage && typeof storage.keys === 'function',
    'cannot reach the workspace state through PublishRecords.storage',
  );

  return Object.fromEntries(storage.keys().map((key) => [key, storage.get(key)]));
}

suite('Security', function () {
  this.timeout(120_000);

  let repository: TestRepository;

  suiteSetup(async () => {
    repository = await scratchRepository();
    await extensionApi();
  });

  teardown(async () => {
    (await extensionApi()).usePrompter(undefined);
    await clearFaults();
    await vscode.commands.executeCommand('_extensionTests.setLogLevel', 'info');
    if (repository.state.HEAD?.name !== 'main') {
      await repository.checkout('main');
    }
    await refreshAndWait();
  });

  test('hostile commit subjects are labels as raw text and tooltips as untrusted, escaped markdown', async () => {
    await repository.checkout(HOSTILE_BRANCH);
    const shown = await waitFor(
      commitRows,
      (list) => list[0]?.label === HOSTILE_SUBJECTS[0] && !!list[0]?.description.includes('·'),
      'the hostile branch with its CI state',
    );
    const api = await extensionApi();

    assert.deepEqual(
      shown.slice(0, HOSTILE_SUBJECTS.length).map((row) => row.label),
      HOSTILE_SUBJECTS,
    );

    for (const [index, subject] of HOSTILE_SUBJECTS.entries()) {
      const item = api.commitsTree.getTreeItem(shown[index].node);
      const tooltip = item.tooltip;

      assert.ok(tooltip instanceof vscode.MarkdownString, `the tooltip of ${subject} is not markdown`);
      assert.ok(tooltip.isTrusted === false || tooltip.isTrusted === undefined, `trusted: ${subject}`);
      assert.ok(!tooltip.supportHtml, `HTML allowed: ${subject}`);
      assert.ok(!tooltip.supportThemeIcons, `theme icons allowed: ${subject}`);

      const markdown = tooltip.value;
      assert.ok(plain(markdown).includes(subject), `the subject as text: ${markdown}`);
      assert.ok(!markdown.includes('](command:'), `a command link: ${markdown}`);
      assert.doesNotMatch(markdown, /<img[\s/>]/i, 'an HTML image tag');
      // `<` stays as it is (VS Code's appendText does not escape it); every `>` is escaped, so no tag closes.
      assert.doesNotMatch(markdown, /(^|[^\\])>/, 'an unescaped >');
      assert.doesNotMatch(markdown, /<script/i, 'an HTML script tag');
      assert.ok(!markdown.includes('$(alert)'), `a theme icon: ${markdown}`);
      assert.ok(!/(^|[^\\])\*\*bold\*\*/.test(markdown), `unescaped emphasis: ${markdown}`);
      assert.doesNotMatch(markdown, /^#/m, 'a heading from the message body');
      assert.ok(!markdown.includes('127.0.0.1:1'), `the body's image: ${markdown}`);
    }

    const withBody = api.commitsTree.getTreeItem(shown[0].node);
    assert.equal(withBody.label, 'Release notes for **everyone**');
    assert.ok(!String(withBody.description).includes('Heading'));
  });

  test('at trace level, after every command, the token is in no log, setting or stored state', async () => {
    const api = await extensionApi();
    const login = process.env.IMAGE_PUBLISHER_TEST_LOGIN ?? 'octocat';
    const locations = logLocations();
    const logFile = extensionLogFile(locations, EXTENSION_ID, 'Image Publisher');

    // Not interactive, unlike workbench.action.setLogLevel: VS Code offers it to extension tests only.
    await vscode.commands.executeCommand('_extensionTests.setLogLevel', 'trace');
    assert.equal(vscode.env.logLevel, vscode.LogLevel.Trace);

    await control('dispatches/clear', {});
    await refreshAndWait();
    const shown = await waitFor(commitRows, (list) => list[2]?.description.includes('passed'), 'CI state');
    const passed = shown[2].node;
    const [runNode] = api.commitsTree.getChildren(passed);

    await api.tags.ensureLoaded();
    const tagNode = findTagNode(api.tagsTree.getChildren(), (node) => api.tagsTree.getChildren(node));

    const prompter = new ScriptedPrompter({ services: ['api'], confirm: 'cancel' });
    api.usePrompter(prompter);

    const commands = (
      vscode.extensions.getExtension(EXTENSION_ID)?.packageJSON as {
        contributes: { commands: { command: string }[] };
      }
    ).contributes.commands.map((entry) => entry.command);
    const ran: string[] = [];

    for (const command of commands) {
      ran.push(await runLikeAUser(command));
      const node = argumentFor(command, passed, runNode, tagNode);
      if (node) {
        ran.push(await runLikeAUser(command, node));
      }
    }

    // And the failure paths: a server error after retries, and a rejected token; then good answers again.
    await injectFault({
      method: 'GET',
      path: RUNS_LIST_ROUTE,
      preset: 'server-error',
      times: 3,
    });
    await refreshAndWait();
    await injectFault({
      method: 'GET',
      path: RUNS_LIST_ROUTE,
      status: 401,
      body: { message: 'Bad credentials' },
      times: 1,
    });
    await refreshAndWait();
    await clearFaults();
    await refreshAndWait();

    assert.equal(
      prompter.confirmations.length,
      1,
      `the publish did not reach its confirmation:\n${ran.join('\n')}`,
    );
    assert.deepEqual((await control<{ dispatches: unknown[] }>('dispatches')).dispatches, []);

    const log = await settledText(logFile);
    assert.match(
      log,
      /\[debug\] \[http\] GET \/api\/v3\/repos\/acme\/widgets\//,
      'trace-level lines are in the log',
    );
    assert.match(log, /Could not load CI state \(server-error\)/, 'the server-error path ran');
    assert.match(log, /Could not load CI state \(unauthorized\)/, 'the rejected-token path ran');
    assert.deepEqual(leaksIn(log, login), [], `the token is in ${logFile}`);

    const ourFiles = [
      ...filesUnder(path.dirname(logFile)),
      path.join(locations.userData, 'User', 'settings.json'),
      ...filesUnder(path.join(locations.userData, 'User', 'globalStorage', EXTENSION_ID)),
      ...filesUnder(path.join(locations.userData, 'User', 'workspaceStorage')).filter((file) =>
        file.includes(EXTENSION_ID),
      ),
      ...filesUnder(path.join(repository.rootUri.fsPath, '.vscode')),
    ];
    for (const file of ourFiles) {
      assert.deepEqual(leaksIn(fs.readFileSync(file, 'utf8'), login), [], `the token is in ${file}`);
    }

    assert.deepEqual(leaksIn(safeJson(workspaceStateOf(api)), login), [], 'the token is in workspace state');
    assert.deepEqual(leaksIn(safeJson(api.model.state), login), [], 'the token is in the view state');
    assert.deepEqual(leaksIn(safeJson(api.tags.state), login), [], 'the token is in the tags state');
  });

  test('every request went to the one test server: the token to its API, pages opened in the browser without it', async () => {
    // The server can only see what reached it: a request to any other host would not be in this log,
    // and nothing here can observe one. The guard against other hosts is tested in the unit tests
    // (guardedFetch, and the failure table's redirect row).
    const requests = (await control<{ requests: ServerRequest[] }>('requests')).requests;
    const api = /^\/api\/v3\//;
    const registry = /^\/(v2\/|token\?)/;
    // Open Run and Open Package Version hand github.com-style addresses to the browser.
    const webPage =
      /^\/(([^/]+\/[^/]+\/actions\/runs\/\d+)|((orgs|users)\/[^/]+\/packages\/container\/[^/]+\/\d+))(\/|$)/;

    assert.ok(
      requests.some((request) => api.test(request.path)),
      'no API request in the log',
    );
    assert.deepEqual(
      requests.filter(
        (request) => !api.test(request.path) && !registry.test(request.path) && !webPage.test(request.path),
      ),
      [],
      `requests to ${serverUrl()} outside its API, its registry and the web pages the product links to`,
    );
    assert.deepEqual(
      requests.filter((request) => request.token !== 'none' && !api.test(request.path)),
      [],
      'a token went somewhere other than the API',
    );
    assert.deepEqual(
      requests.filter((request) => webPage.test(request.path) && request.method !== 'GET'),
      [],
      'a web page was not simply opened',
    );
  });
});

/** The first version or tag node of the Release Tags view, if the view holds any. */
function findTagNode(top: TagsNode[], children: (node: TagsNode) => TagsNode[]): TagsNode | undefined {
  for (const service of top) {
    const version = children(service).find((node) => node.type === 'version' || node.type === 'tag');
    if (version) {
      return version;
    }
  }
  return undefined;
}

/** The node a command takes from its menu: a commit row, a run row, or a release tag row. */
function argumentFor(command: string, commit: unknown, run: unknown, tag: TagsNode | undefined): unknown {
  switch (command) {
    case 'imagePublisher.publish':
    case 'imagePublisher.rerunCi':
    case 'imagePublisher.copySha':
    case 'imagePublisher.inspectTags':
      return commit;
    case 'imagePublisher.openRun':
      return run;
    case 'imagePublisher.copyImageReference':
    case 'imagePublisher.copyPullCommand':
    case 'imagePublisher.openPackageVersion':
      return tag;
    default:
      return undefined;
  }
}
