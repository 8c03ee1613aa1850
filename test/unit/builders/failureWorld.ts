/**
 * The failure table's world: one test server per row, the clients and log a row acts with, what a
 * row observed, and the helpers rows share (test/unit/failureTable.test.ts).
 */
import * as assert from 'node:assert/strict';
import { createServer, type AddressInfo } from 'node:net';

import { CiLoader, type CiSettings, type CiSnapshot } from '../../../src/ci/ciLoader';
import type { Commit } from '../../../src/domain/model';
import { ActionsApi } from '../../../src/github/actionsApi';
import { createGitHubClient, type GitHubClient } from '../../../src/github/client';
import type { GitHubConnection } from '../../../src/github/connection';
import { describeGitHubFailure, type FailureContext } from '../../../src/github/errors';
import { PublishApi } from '../../../src/github/publishApi';
import type { Log } from '../../../src/log/log';
import { dispatchAndFindRun, type DispatchRequest } from '../../../src/publish/dispatcher';
import type { FaultPreset } from '../../server/http/faults';
import type { RequestLogEntry } from '../../server/http/requestLog';
import { DEFAULT_LOGIN, DEFAULT_TOKEN } from '../../server/scenario';
import type { TestServer } from '../../server/testServer';
import { branchCommits, OWNER, REPO, UNCONFIGURED_CI } from './serverFixtures';

/** What one row observed. */
export interface Outcome {
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

export interface World {
  readonly server: TestServer;
  readonly context: FailureContext;
  readonly log: Log;
  readonly snapshots: CiSnapshot[];
  readonly notes: string[];
  client(options?: { token?: string; timeoutMs?: number }): GitHubClient;
}

export interface Row {
  readonly name: string;
  readonly act: (world: World) => Promise<string>;
  /** The whole sentence, or its stable part. */
  readonly says: string | RegExp;
  /** The part that tells the user what to do; every row that reports a failure has one. */
  readonly todo?: RegExp;
  readonly also?: (outcome: Outcome) => void;
}

export const COMMITS = branchCommits(12);
export const SHA = COMMITS[2].sha;
export const PUBLISH_FILE = 'push_docker_image.yml';
export const REVOKED_TOKEN = 'ghp_revokedtoken0000000000000000000000009';
export const NO_REPO_TOKEN = 'ghp_packagesonly000000000000000000000000008';
export const SHORT_TIMEOUT_MS = 300;

/** What a row "says" when the product shows no message at all. */
export const NOTHING = '(nothing: the CI state loaded without a message)';

export const SETTINGS: CiSettings = UNCONFIGURED_CI;

/** The CI loader's `GET …/actions/runs` (the runs of every workflow: none is configured). */
export const RUNS_ROUTE = '/actions/runs\\?';
export const DISPATCH_ROUTE = '/dispatches$';

export function asCommits(): Commit[] {
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
export async function ciLoadMessage(
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
export async function dispatchMessage(
  world: World,
  request: Partial<DispatchRequest>,
  client?: GitHubClient,
) {
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

export function labelOf(world: World, repo = REPO): string {
  return `${OWNER}/${repo} on ${world.server.url.replace('http://', '')}`;
}

export const requestsTo = (outcome: Outcome, route: string) =>
  outcome.requests.filter((request) => new RegExp(route).test(request.path));

/** Three attempts (one and Octokit's two retries), the second after ~1 s and the third ~4 s later. */
export function retriedTwiceWithBackoff(outcome: Outcome): void {
  const attempts = requestsTo(outcome, RUNS_ROUTE);
  const times = attempts.map((request) => Date.parse(request.at));

  assert.equal(attempts.length, 3, attempts.map((request) => request.path).join('\n'));
  assert.ok(times[1] - times[0] >= 900, `first retry after ${times[1] - times[0]} ms`);
  assert.ok(times[2] - times[1] >= 3900, `second retry after ${times[2] - times[1]} ms`);
}

export function sentOnce(outcome: Outcome): void {
  assert.equal(requestsTo(outcome, DISPATCH_ROUTE).length, 1, 'the dispatch was sent more than once');
}

export function nothingDispatched(outcome: Outcome): void {
  assert.equal(outcome.dispatched, 0);
}

export function serverErrorRow(status: 500 | 502 | 503, preset: FaultPreset): Row {
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

export function worldOf(server: TestServer, logLines: string[]): World {
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

export async function observe(row: Row, server: TestServer): Promise<Outcome> {
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
export async function startListener(): Promise<{
  port: number;
  connections(): number;
  close(): Promise<void>;
}> {
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
