/**
 * The failures that can hit a refresh of the commits view, as faults on the loopback test server
 * that hold until cleared (no `times`), and the stable words of what the view then says (from
 * src/github/errors.ts): what is wrong, and what to do.
 */
import * as assert from 'node:assert/strict';

import { SCRATCH_OWNER, SCRATCH_REPOSITORY } from '../../scratchRepository';
import { RUNS_LIST_ROUTE, type FaultSpec } from './faults';
import { serverUrl } from './testServer';

/** Where the failure happened, as the messages name it. */
export interface Where {
  /** The API host: `127.0.0.1:<port>`. */
  readonly host: string;
  /** `acme/widgets on 127.0.0.1:<port>`. */
  readonly repository: string;
  readonly login: string;
}

export interface RefreshFailure {
  readonly name: string;
  /** Settings the row needs, set before the good state is read and cleared after the row. */
  readonly settings?: Readonly<Record<string, unknown>>;
  readonly faults: () => Promise<FaultSpec[]>;
  /** The faulted route, to find its answers in the request log. */
  readonly route: string;
  /** How the faulted route answered (null: no answer, the connection dropped). */
  readonly answeredWith: number | null;
  /** How many times in a row one refresh asked before giving up (Octokit's retries). */
  readonly attempts?: number;
  /** What is wrong; undefined when nothing is (the view then shows no message). */
  readonly says?: (where: Where) => RegExp;
  /** What to do. */
  readonly todo?: RegExp;
}

const REPOSITORY_ROUTE = `^/api/v3/repos/${SCRATCH_OWNER}/${SCRATCH_REPOSITORY}/`;
const CI_WORKFLOW = 'ci_cd.yml';
const CI_WORKFLOW_RUNS_ROUTE = '/actions/workflows/ci_cd\\.yml/runs\\?';
/** Octokit's retry plugin: the first try and two retries, 1 s then 4 s apart. */
const RETRIED_ATTEMPTS = 3;

const NOT_FOUND = { message: 'Not Found', documentation_url: 'https://docs.github.com/rest' };

export function whereOf(): Where {
  const host = new URL(serverUrl()).host;
  const login = process.env.IMAGE_PUBLISHER_TEST_LOGIN ?? 'octocat';

  return { host, repository: `${SCRATCH_OWNER}/${SCRATCH_REPOSITORY} on ${host}`, login };
}

export function escaped(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

const held =
  (...faults: FaultSpec[]) =>
  async () =>
    faults;

function serverError(status: 500 | 502 | 503, preset: string): RefreshFailure {
  return {
    name: `${status} on the runs list, persisting beyond the retries`,
    faults: held({ method: 'GET', path: RUNS_LIST_ROUTE, preset }),
    route: RUNS_LIST_ROUTE,
    answeredWith: status,
    attempts: RETRIED_ATTEMPTS,
    says: () => new RegExp(`^GitHub answered with an error \\(${status}\\) after retries\\.`),
    todo: /refresh in a minute\.$/,
  };
}

const notJson = (where: Where) =>
  new RegExp(`^${escaped(where.host)} sent a response that is not valid JSON\\.`);

export const REFRESH_FAILURES: readonly RefreshFailure[] = [
  {
    name: "403 with GitHub's message on every request of the repository",
    faults: held({
      path: REPOSITORY_ROUTE,
      status: 403,
      body: {
        message: 'Resource not accessible by personal access token',
        documentation_url: 'https://docs.github.com/rest/actions/workflows#list-repository-workflows',
      },
    }),
    route: REPOSITORY_ROUTE,
    answeredWith: 403,
    says: (where) =>
      new RegExp(
        `^GitHub refused access to ${escaped(where.repository)}: Resource not accessible by personal access token\\.`,
      ),
    todo: /Check that the account has access and the token's permissions\.$/,
  },
  {
    name: '404 for the repository',
    faults: held({ path: REPOSITORY_ROUTE, status: 404, body: NOT_FOUND }),
    route: REPOSITORY_ROUTE,
    answeredWith: 404,
    says: (where) =>
      new RegExp(
        `^${escaped(where.repository)} was not found, or the account ${escaped(where.login)} cannot see it\\.`,
      ),
    todo: /Check the remote, or sign in with an account that has access\.$/,
  },
  {
    name: '404 for the CI workflow set in imagePublisher.ciWorkflow',
    settings: { ciWorkflow: CI_WORKFLOW },
    faults: held({ method: 'GET', path: CI_WORKFLOW_RUNS_ROUTE, status: 404, body: NOT_FOUND }),
    route: CI_WORKFLOW_RUNS_ROUTE,
    answeredWith: 404,
    says: (where) =>
      new RegExp(`^The workflow ${escaped(CI_WORKFLOW)} was not found in ${escaped(where.repository)}\\.`),
    todo: /Check imagePublisher\.ciWorkflow\b/,
  },
  serverError(500, 'server-error'),
  serverError(502, 'bad-gateway'),
  serverError(503, 'service-unavailable'),
  {
    name: 'a dropped connection on the runs list',
    faults: held({ method: 'GET', path: RUNS_LIST_ROUTE, action: 'drop' }),
    route: RUNS_LIST_ROUTE,
    answeredWith: null,
    attempts: RETRIED_ATTEMPTS,
    says: (where) => new RegExp(`^Cannot reach ${escaped(where.host)} \\(.+\\)\\.`),
    todo: /Check your connection or proxy, then refresh\.$/,
  },
  {
    name: 'a runs list that is not JSON',
    faults: held({ method: 'GET', path: RUNS_LIST_ROUTE, preset: 'not-json' }),
    route: RUNS_LIST_ROUTE,
    answeredWith: 200,
    says: notJson,
    todo: /Refresh to try again\.$/,
  },
  {
    name: 'an empty body where the runs list was expected',
    faults: held({
      method: 'GET',
      path: RUNS_LIST_ROUTE,
      status: 200,
      body: '',
      headers: { 'content-type': 'application/json; charset=utf-8' },
    }),
    route: RUNS_LIST_ROUTE,
    answeredWith: 200,
    says: notJson,
    todo: /Refresh to try again\.$/,
  },
  {
    name: 'a runs list that never answers (reported after the 15 s timeout, not repeated)',
    faults: held({ method: 'GET', path: RUNS_LIST_ROUTE, action: 'hang' }),
    route: RUNS_LIST_ROUTE,
    answeredWith: null,
    attempts: 1,
    says: (where) => new RegExp(`^${escaped(where.host)} did not answer in time\\.`),
    todo: /Check your connection, then refresh\.$/,
  },
  {
    name: 'a runs page far larger than asked for (the same state, no message)',
    faults: async () => [
      { method: 'GET', path: RUNS_LIST_ROUTE, status: 200, body: await oversizedRunsPage() },
    ],
    route: RUNS_LIST_ROUTE,
    answeredWith: 200,
  },
];

/**
 * The branch's real runs page (its `total_count` kept), with 3,000 runs of commits nobody asked about
 * after them: far more than the `per_page` asked for.
 */
async function oversizedRunsPage(): Promise<unknown> {
  const response = await fetch(
    `${serverUrl()}/api/v3/repos/${SCRATCH_OWNER}/${SCRATCH_REPOSITORY}/actions/workflows/${CI_WORKFLOW}/runs?branch=main&per_page=100`,
    { headers: { authorization: `Bearer ${process.env.IMAGE_PUBLISHER_TEST_TOKEN ?? ''}` } },
  );
  assert.ok(response.ok, `the runs page answered ${response.status}`);
  const page = (await response.json()) as {
    total_count: number;
    workflow_runs: Array<Record<string, unknown>>;
  };
  const last = page.workflow_runs[page.workflow_runs.length - 1];
  const filler = Array.from({ length: 3_000 }, (_, index) => ({
    ...last,
    id: 8_000_000_000 + index,
    head_sha: (8_000_000_000 + index).toString(16).padStart(40, 'f'),
  }));

  return { total_count: page.total_count, workflow_runs: [...page.workflow_runs, ...filler] };
}
