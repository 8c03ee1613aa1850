/**
 * What the user is told when GitHub fails, one row per failure: the real CI loader, dispatcher and
 * API classes against the real test server, its faults injected, and the sentence the product shows
 * (`describeGitHubFailure` for the commits view and the dispatch, the dispatch rejection for a 422,
 * the packages failure for a package). Each row also holds what must not happen: no more requests
 * than the retry bound, no dispatch sent twice or by accident, no token in a message or the log.
 *
 * The rows run at once in `suiteSetup`, each on its own server, and each test reads its row's
 * outcome. The suite takes about 10 s: the retried rows wait out Octokit's backoff (1 s, then 4 s),
 * and Octokit's throttling sends POSTs one per second across all clients of the process.
 */
import * as assert from 'node:assert/strict';
import { createServer, type AddressInfo } from 'node:net';

import { CiLoader, type CiSettings, type CiSnapshot } from '../../src/ci/ciLoader';
import type { Commit } from '../../src/domain/model';
import { ActionsApi } from '../../src/github/actionsApi';
import { createGitHubClient, type GitHubClient } from '../../src/github/client';
import type { GitHubConnection } from '../../src/github/connection';
import { describeGitHubFailure, type FailureContext } from '../../src/github/errors';
import { describePackagesFailure } from '../../src/github/packageFailures';
import { PackagesApi } from '../../src/github/packagesApi';
import { PublishApi } from '../../src/github/publishApi';
import type { Log } from '../../src/log/log';
import { dispatchAndFindRun, type DispatchRequest } from '../../src/publish/dispatcher';
import type { FaultPreset } from '../server/http/faults';
import type { RequestLogEntry } from '../server/http/requestLog';
import { DEFAULT_LOGIN, DEFAULT_TOKEN } from '../server/scenario';
import { startTestServer, type TestServer } from '../server/testServer';
import { branchCommits, OWNER, packagesScenario, REPO, UNCONFIGURED_CI } from './builders/serverFixtures';

/** What one row observed. */
interface Outcome {
  /** The sentence the user is shown. */
  readonly message: string;
  readonly requests: readonly RequestLogEntry[];
  readonly dispatched: number;
  readonly ms: number;
  readonly logLines: readonly string[];
  /** The CI snapshots the row's loads produced, oldest first. */
  readonly snapshots: readonly CiSnapshot[];
  /** Whatever else the row wrote down. */
  readonly notes: readonly string[];
}

interface World {
  readonly server: TestServer;
  readonly context: FailureContext;
  readonly log: Log;
  readonly snapshots: CiSnapshot[];
  readonly notes: string[];
  client(options?: { token?: string; timeoutMs?: number }): GitHubClient;
}

interface Row {
  readonly name: string;
  readonly act: (world: World) => Promise<string>;
  /** The whole sentence, or its stable part. */
  readonly says: string | RegExp;
  /** The part that tells the user what to do; every row that reports a failure has one. */
  readonly todo?: RegExp;
  readonly also?: (outcome: Outcome) => void;
}

const COMMITS = branchCommits(12);
const SHA = COMMITS[2].sha;
const PUBLISH_FILE = 'push_docker_image.yml';
const REVOKED_TOKEN = 'ghp_revokedtoken0000000000000000000000009';
const NO_REPO_TOKEN = 'ghp_packagesonly000000000000000000000000008';
const SHORT_TIMEOUT_MS = 300;

/** What a row "says" when the product shows no message at all. */
const NOTHING = '(nothing: the CI state loaded without a message)';

const SETTINGS: CiSettings = UNCONFIGURED_CI;

/** The CI loader's `GET …/actions/runs` (the runs of every workflow: none is configured). */
const RUNS_ROUTE = '/actions/runs\\?';
const DISPATCH_ROUTE = '/dispatches$';

function asCommits(): Commit[] {
  return COMMITS.map((commit) => ({
    sha: commit.sha,
    subject: commit.subject,
    message: commit.subject,
    authorName: commit.authorName,
    authorEmail: commit.authorEmail,
    authorDate: new Date(commit.date),
  }));
}

/**
 * What the commits view shows after a CI load: the failure as the commits model describes it, or the
 * snapshot's own problem; NOTHING when the load succeeded without one.
 */
async function ciLoadMessage(
  world: World,
  options: { client?: GitHubClient; repo?: string; settings?: Partial<CiSettings> } = {},
): Promise<string> {
  const api = new ActionsApi(options.client ?? world.client(), { owner: OWNER, repo: options.repo ?? REPO });
  const loader = new CiLoader(api, { ...SETTINGS, ...options.settings }, world.log);

  try {
    const snapshot = await loader.load({ branch: 'main', commits: asCommits(), now: new Date() });
    world.snapshots.push(snapshot);
    return snapshot.problem ?? NOTHING;
  } catch (error) {
    return describeGitHubFailure(error, { ...world.context, repositoryLabel: labelOf(world, options.repo) })
      .message;
  }
}

/**
 * What the publish command shows for one dispatch: the rejection of a 422, else the failure. The
 * dispatcher reads only `publish` and `account` of the connection; it gets the row's own client.
 */
async function dispatchMessage(world: World, request: Partial<DispatchRequest>, client?: GitHubClient) {
  const connection = {
    publish: new PublishApi(client ?? world.client(), { owner: OWNER, repo: REPO }),
    account: DEFAULT_LOGIN,
  } as unknown as GitHubConnection;

  const outcome = await dispatchAndFindRun(
    connection,
    { workflowFile: PUBLISH_FILE, ref: 'main', inputs: { image: 'api', commit: SHA }, ...request },
    world.log,
    { delaysMs: [] },
  );

  switch (outcome.kind) {
    case 'rejected':
      return outcome.rejection.message;
    case 'failed':
      return describeGitHubFailure(outcome.error, world.context).message;
    default:
      return `(nothing: the dispatch was ${outcome.kind})`;
  }
}

function labelOf(world: World, repo = REPO): string {
  return `${OWNER}/${repo} on ${world.server.url.replace('http://', '')}`;
}

const requestsTo = (outcome: Outcome, route: string) =>
  outcome.requests.filter((request) => new RegExp(route).test(request.path));

/** Three attempts (one and Octokit's two retries), the second after ~1 s and the third ~4 s later. */
function retriedTwiceWithBackoff(outcome: Outcome): void {
  const attempts = requestsTo(outcome, RUNS_ROUTE);
  const times = attempts.map((request) => Date.parse(request.at));

  assert.equal(attempts.length, 3, attempts.map((request) => request.path).join('\n'));
  assert.ok(times[1] - times[0] >= 900, `first retry after ${times[1] - times[0]} ms`);
  assert.ok(times[2] - times[1] >= 3900, `second retry after ${times[2] - times[1]} ms`);
}

function sentOnce(outcome: Outcome): void {
  assert.equal(requestsTo(outcome, DISPATCH_ROUTE).length, 1, 'the dispatch was sent more than once');
}

function nothingDispatched(outcome: Outcome): void {
  assert.equal(outcome.dispatched, 0);
}

function serverErrorRow(status: 500 | 502 | 503, preset: FaultPreset): Row {
  return {
    name: `${status} on the runs list: retried twice with backoff, then a temporary error`,
    act: (world) => {
      world.server.state.faults.add({ method: 'GET', path: RUNS_ROUTE, preset });
      return ciLoadMessage(world);
    },
    says: `GitHub answered with an error (${status}) after retries. It is probably temporary: refresh in a minute.`,
    todo: /refresh in a minute/,
    also: retriedTwiceWithBackoff,
  };
}

const ROWS: readonly Row[] = [
  {
    name: '401: a token GitHub no longer accepts',
    act: (world) => ciLoadMessage(world, { client: world.client({ token: REVOKED_TOKEN }) }),
    says: 'GitHub rejected the saved sign-in (401: Bad credentials). Sign in to GitHub again.',
    todo: /Sign in to GitHub again/,
    also: (outcome) => {
      // The first load asks for the workflows, the runs and the artifacts at once: each once, none again.
      const paths = outcome.requests.map((request) => request.path);
      assert.deepEqual(new Set(paths).size, paths.length, `a 401 is not retried:\n${paths.join('\n')}`);
      assert.ok(paths.length <= 3, `one first wave only:\n${paths.join('\n')}`);
      assert.ok(outcome.requests.every((request) => request.status === 401));
    },
  },
  {
    name: "403 with GitHub's message: dispatching with a token that lacks the repo scope",
    act: (world) => {
      world.server.state.addToken({ value: NO_REPO_TOKEN, login: DEFAULT_LOGIN, scopes: ['read:packages'] });
      return dispatchMessage(world, {}, world.client({ token: NO_REPO_TOKEN }));
    },
    says: /^GitHub refused access to acme\/widgets on 127\.0\.0\.1:\d+: Resource not accessible by personal access token\. /,
    todo: /Check that the account has access and the token's permissions\.$/,
    also: (outcome) => {
      sentOnce(outcome);
      nothingDispatched(outcome);
    },
  },
  {
    name: '404: the repository does not exist, or the account cannot see it',
    act: (world) => ciLoadMessage(world, { repo: 'gizmos' }),
    says: /^acme\/gizmos on 127\.0\.0\.1:\d+ was not found, or the account octo-tester cannot see it\. /,
    todo: /Check the remote, or sign in with an account that has access\.$/,
  },
  {
    name: '404: the CI workflow set in imagePublisher.ciWorkflow does not exist',
    act: (world) => ciLoadMessage(world, { settings: { ciWorkflow: 'build.yml' } }),
    says: /build\.yml/,
    todo: /imagePublisher\.ciWorkflow/,
  },
  {
    name: '404: the run to re-run no longer exists',
    act: async (world) => {
      try {
        await new PublishApi(world.client(), { owner: OWNER, repo: REPO }).rerun(987654321);
        return '(nothing: the re-run was accepted)';
      } catch (error) {
        return describeGitHubFailure(error, world.context).message;
      }
    },
    says: /\brun\b.*(not found|no longer exists|was deleted)/i,
    todo: /\b(Refresh|Open|Check)\b/,
  },
  {
    name: '404: the container package does not exist, or the account cannot see it',
    act: async (world) => {
      const context = { ...world.context, owner: OWNER };
      const api = new PackagesApi(
        world.client(),
        { owner: OWNER, repo: REPO },
        {
          log: world.log,
          failureContext: context,
        },
      );
      try {
        await api.listVersions('widgets-nothing');
        return '(nothing: the versions were listed)';
      } catch (error) {
        return describePackagesFailure(error, context).message;
      }
    },
    says: 'The container package widgets-nothing of acme was not found, or the account octo-tester cannot see it (it may have been deleted, renamed or made private). Check imagePublisher.imageName, or ask the owner for access.',
    todo: /\b(Check|Sign in|Set|Grant)\b/,
  },
  {
    name: '422: a SHA sent as the ref',
    act: (world) => dispatchMessage(world, { ref: SHA }),
    says: `'${SHA}' is not a branch or tag of the repository. Set imagePublisher.dispatchRef to a branch (the default branch if empty), and push it first.`,
    todo: /Set imagePublisher\.dispatchRef to a branch/,
    also: (outcome) => {
      sentOnce(outcome);
      nothingDispatched(outcome);
    },
  },
  {
    name: '422: an input the workflow does not declare',
    act: (world) => dispatchMessage(world, { inputs: { image: 'api', commit: SHA, service: 'api' } }),
    says: `${PUBLISH_FILE} at 'main' does not declare the input 'service'. Check imagePublisher.serviceInput and imagePublisher.commitInput, or the workflow file on that ref.`,
    todo: /Check imagePublisher\.serviceInput and imagePublisher\.commitInput/,
    also: (outcome) => {
      sentOnce(outcome);
      nothingDispatched(outcome);
    },
  },
  {
    name: '422: a required input left out',
    act: (world) => dispatchMessage(world, { inputs: { image: 'api' } }),
    says: `${PUBLISH_FILE} at 'main' requires the input 'commit', which was not sent. Publish again and fill it in.`,
    todo: /Publish again and fill it in/,
    also: (outcome) => {
      sentOnce(outcome);
      nothingDispatched(outcome);
    },
  },
  {
    name: '422: a choice outside the options',
    act: (world) => dispatchMessage(world, { inputs: { image: 'web', commit: SHA } }),
    says: `'web' is not an allowed value of the input 'image' of ${PUBLISH_FILE} at 'main'. Pick one of the workflow's options.`,
    todo: /Pick one of the workflow's options/,
    also: (outcome) => {
      sentOnce(outcome);
      nothingDispatched(outcome);
    },
  },
  {
    name: '422: a workflow without workflow_dispatch',
    act: (world) => dispatchMessage(world, { workflowFile: 'ci_cd.yml' }),
    says: "ci_cd.yml at 'main' has no workflow_dispatch trigger, so it cannot be started from here. Check imagePublisher.publishWorkflow or the ref.",
    todo: /Check imagePublisher\.publishWorkflow or the ref/,
    also: (outcome) => {
      sentOnce(outcome);
      nothingDispatched(outcome);
    },
  },
  serverErrorRow(500, 'server-error'),
  serverErrorRow(502, 'bad-gateway'),
  serverErrorRow(503, 'service-unavailable'),
  {
    name: '500 on the dispatch: sent once, never retried, and not said to be',
    act: (world) => {
      world.server.state.faults.add({ method: 'POST', path: DISPATCH_ROUTE, preset: 'server-error' });
      return dispatchMessage(world, {});
    },
    says: /^GitHub answered with an error \(500\)/,
    todo: /check on GitHub before trying again\.$/,
    also: (outcome) => {
      sentOnce(outcome);
      assert.doesNotMatch(outcome.message, /after retries/, 'the dispatch was sent once, not retried');
    },
  },
  {
    name: 'a dropped connection on the runs list: retried, then cannot reach',
    act: (world) => {
      world.server.state.faults.add({ method: 'GET', path: RUNS_ROUTE, action: 'drop' });
      return ciLoadMessage(world);
    },
    says: /^Cannot reach 127\.0\.0\.1:\d+ \(.+\)\. /,
    todo: /Check your connection or proxy, then refresh\.$/,
    also: (outcome) => assert.equal(requestsTo(outcome, RUNS_ROUTE).length, 3),
  },
  {
    name: 'a dropped connection on the dispatch: sent once, never retried',
    act: (world) => {
      world.server.state.faults.add({ method: 'POST', path: DISPATCH_ROUTE, action: 'drop' });
      return dispatchMessage(world, {});
    },
    says: /^Cannot reach 127\.0\.0\.1:\d+ \(.+\)\. /,
    todo: /Check your connection or proxy, then refresh\.$/,
    also: sentOnce,
  },
  {
    name: 'a request that never answers: timed out once, not repeated (the next refresh tries again)',
    act: (world) => {
      world.server.state.faults.add({ method: 'GET', path: RUNS_ROUTE, action: 'hang' });
      return ciLoadMessage(world, { client: world.client({ timeoutMs: SHORT_TIMEOUT_MS }) });
    },
    says: /^127\.0\.0\.1:\d+ did not answer in time\. /,
    todo: /Check your connection, then refresh\.$/,
    also: (outcome) => {
      assert.equal(requestsTo(outcome, RUNS_ROUTE).length, 1);
      // Retried, it would take two more timeouts and Octokit's backoff of 1 s and 4 s.
      assert.ok(outcome.ms < 4_000, `gave up after ${outcome.ms} ms`);
    },
  },
  {
    name: 'a dispatch that never answers: timed out and sent once',
    act: (world) => {
      world.server.state.faults.add({ method: 'POST', path: DISPATCH_ROUTE, action: 'hang' });
      return dispatchMessage(world, {}, world.client({ timeoutMs: SHORT_TIMEOUT_MS }));
    },
    says: /^127\.0\.0\.1:\d+ did not answer in time\. /,
    todo: /Check your connection, then refresh\.$/,
    also: sentOnce,
  },
  {
    name: 'a runs list that is not JSON',
    act: (world) => {
      world.server.state.faults.add({ method: 'GET', path: RUNS_ROUTE, preset: 'not-json' });
      return ciLoadMessage(world);
    },
    says: /^127\.0\.0\.1:\d+ sent a response that is not valid JSON\. /,
    todo: /Refresh to try again\.$/,
  },
  {
    name: 'an empty body where a runs list was expected',
    act: (world) => {
      world.server.state.faults.add({
        method: 'GET',
        path: RUNS_ROUTE,
        status: 200,
        body: '',
        headers: { 'content-type': 'application/json; charset=utf-8' },
      });
      return ciLoadMessage(world);
    },
    says: /^127\.0\.0\.1:\d+ sent a response that is not valid JSON\. /,
    todo: /Refresh to try again\.$/,
  },
  {
    name: 'a redirect to another host: refused, nothing sent there',
    act: async (world) => {
      const elsewhere = await startListener();
      try {
        world.server.state.faults.add({
          method: 'GET',
          path: RUNS_ROUTE,
          status: 302,
          body: '',
          headers: { location: `http://127.0.0.1:${elsewhere.port}/api/v3/repos/acme/widgets/actions/runs` },
        });
        const message = await ciLoadMessage(world);
        world.notes.push(`connections elsewhere: ${elsewhere.connections()}`);
        return message.replace(`:${elsewhere.port}`, ':<other port>');
      } finally {
        await elsewhere.close();
      }
    },
    says: /^Refused to send a GitHub request to 127\.0\.0\.1:<other port>: it is not the repository's API host\. Nothing was sent there\./,
    todo: /\b(Check|Report|Set)\b/,
    also: (outcome) => assert.deepEqual(outcome.notes, ['connections elsewhere: 0']),
  },
  {
    name: 'a runs page far larger than asked for: the same CI state, from one request',
    act: async (world) => {
      await ciLoadMessage(world);
      const page = (await (
        await fetch(`${world.server.apiUrl}/repos/${OWNER}/${REPO}/actions/runs?branch=main&per_page=100`, {
          headers: { authorization: `Bearer ${DEFAULT_TOKEN}` },
        })
      ).json()) as { total_count: number; workflow_runs: Array<Record<string, unknown>> };
      const filler = Array.from({ length: 3_000 }, (_, index) => ({
        ...page.workflow_runs[page.workflow_runs.length - 1],
        id: 900_000 + index,
        head_sha: (900_000 + index).toString(16).padStart(40, 'f'),
      }));
      world.server.state.faults.add({
        method: 'GET',
        path: RUNS_ROUTE,
        status: 200,
        body: { total_count: page.total_count, workflow_runs: [...page.workflow_runs, ...filler] },
      });
      world.server.requests.length = 0;

      return ciLoadMessage(world);
    },
    says: NOTHING,
    also: (outcome) => {
      const [before, after] = outcome.snapshots.map((snapshot) =>
        snapshot.statuses.map((status) => status.ci?.state.word ?? 'not loaded'),
      );
      assert.deepEqual(after, before);
      assert.equal(requestsTo(outcome, RUNS_ROUTE).length, 1);
      assert.ok(outcome.ms < 10_000, `took ${outcome.ms} ms`);
    },
  },
];

suite('Failure table: what the user is told when GitHub fails', function () {
  this.timeout(60_000);

  const outcomes = new Map<string, Outcome>();
  const servers: TestServer[] = [];

  suiteSetup(async () => {
    await Promise.all(
      ROWS.map(async (row) => {
        const server = await startTestServer({ scenario: packagesScenario() });
        servers.push(server);
        outcomes.set(row.name, await observe(row, server));
      }),
    );
  });

  suiteTeardown(async () => {
    await Promise.all(servers.map((server) => server.close()));
  });

  for (const row of ROWS) {
    test(row.name, () => {
      const outcome = outcomes.get(row.name);
      assert.ok(outcome, 'the row did not run');

      if (typeof row.says === 'string') {
        assert.equal(outcome.message, row.says);
      } else {
        assert.match(outcome.message, row.says);
      }
      if (row.todo) {
        assert.match(outcome.message, row.todo, `says what to do: ${outcome.message}`);
      }

      assert.ok(!outcome.message.includes(DEFAULT_TOKEN), 'the token is in the message');
      assert.ok(
        outcome.logLines.every((line) => !line.includes(DEFAULT_TOKEN)),
        'the token is in the log',
      );

      row.also?.(outcome);
    });
  }
});

function worldOf(server: TestServer, logLines: string[]): World {
  const host = server.url.replace('http://', '');
  const push = (level: string) => (message: string) => void logLines.push(`${level} ${message}`);
  const log: Log = {
    trace: push('trace'),
    debug: push('debug'),
    info: push('info'),
    warn: push('warn'),
    error: push('error'),
  };

  return {
    server,
    context: { repositoryLabel: `${OWNER}/${REPO} on ${host}`, apiHost: host, account: DEFAULT_LOGIN },
    log,
    snapshots: [],
    notes: [],
    client: (options = {}) =>
      createGitHubClient({
        apiBaseUrl: server.apiUrl,
        token: options.token ?? DEFAULT_TOKEN,
        log,
        userAgent: 'image-publisher-failure-table',
        timeoutMs: options.timeoutMs,
      }),
  };
}

async function observe(row: Row, server: TestServer): Promise<Outcome> {
  const logLines: string[] = [];
  const world = worldOf(server, logLines);
  const started = Date.now();

  const message = await row
    .act(world)
    .catch((error: Error) => `(the row threw ${error.name}: ${error.message})`);

  return {
    message,
    requests: server.requests,
    dispatched: server.state.dispatches.length,
    ms: Date.now() - started,
    logLines,
    snapshots: world.snapshots,
    notes: world.notes,
  };
}

/** A loopback listener standing for "another host": counts connections, answers none. */
async function startListener(): Promise<{ port: number; connections(): number; close(): Promise<void> }> {
  let connections = 0;
  const listener = createServer((socket) => {
    connections++;
    socket.destroy();
  });
  await new Promise<void>((resolve) => listener.listen(0, '127.0.0.1', resolve));

  return {
    port: (listener.address() as AddressInfo).port,
    connections: () => connections,
    close: () => new Promise<void>((resolve) => listener.close(() => resolve())),
  };
}
