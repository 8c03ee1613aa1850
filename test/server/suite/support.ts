/** Shared fixtures of the server's own tests: commits, a scenario, a server per suite, requests. */

import { buildScenario, Scenario, ScenarioCommit, ScenarioInput } from '../scenario';
import { startTestServer, TestServer } from '../testServer';

export const NOW = new Date('2026-03-01T12:00:00Z');

export const OWNER = 'WordPress';

export const REPO = 'openverse';

export const REPO_PATH = `/repos/${OWNER}/${REPO}`;

/** `count` commits, newest first, one a day back from `NOW`; SHAs are `<prefix>` + index in hex. */
export function sampleCommits(count: number, prefix = 'c0'): ScenarioCommit[] {
  return Array.from({ length: count }, (_, index) => ({
    sha: `${prefix}${index.toString(16).padStart(6, '0')}`.padEnd(40, '0'),
    subject: `Change number ${index}`,
    authorName: index % 2 === 0 ? 'Jane Doe' : 'Ray Smith',
    authorEmail: index % 2 === 0 ? 'jane@example.com' : 'ray@example.com',
    date: new Date(NOW.getTime() - (index + 1) * 86_400_000).toISOString(),
  }));
}

/** `main` with 50 commits, and `feature/search` with 3 commits of its own on top of main's 10th. */
export function sampleScenario(overrides: Partial<ScenarioInput> = {}): Scenario {
  const main = sampleCommits(50);

  return buildScenario({
    owner: OWNER,
    repo: REPO,
    defaultBranch: 'main',
    branches: { main, 'feature/search': [...sampleCommits(3, 'fe'), ...main.slice(10)] },
    now: NOW,
    ...overrides,
  });
}

/** Starts a server before the suite and closes it after; `reset()` it between tests as needed. */
export function useTestServer(makeScenario: () => Scenario = sampleScenario): {
  readonly server: TestServer;
} {
  const holder: { server?: TestServer } = {};

  suiteSetup(async () => {
    holder.server = await startTestServer({ scenario: makeScenario() });
  });

  suiteTeardown(async () => {
    await holder.server?.close();
  });

  return {
    get server(): TestServer {
      if (!holder.server) {
        throw new Error('The test server has not started');
      }

      return holder.server;
    },
  };
}

export interface Answer {
  status: number;
  headers: Headers;
  text: string;

  /** The body parsed as JSON; undefined when it is not JSON. */
  json: unknown;
}

export interface GetOptions {
  token?: string | null;
  headers?: Record<string, string>;
}

export interface RequestOptions extends GetOptions {
  method?: string;

  /** Sent as JSON. */
  body?: unknown;
}

/** GET an API path (without `/api/v3`) with the scenario's default token unless told otherwise. */
export function get(server: TestServer, path: string, options: GetOptions = {}): Promise<Answer> {
  return request(server, path, options);
}

/** POST an API path, the body as JSON, with the scenario's default token unless told otherwise. */
export function post(
  server: TestServer,
  path: string,
  body?: unknown,
  options: GetOptions = {},
): Promise<Answer> {
  return request(server, path, { ...options, method: 'POST', body });
}

export async function request(
  server: TestServer,
  path: string,
  options: RequestOptions = {},
): Promise<Answer> {
  const token = options.token === undefined ? server.state.scenario.tokens[0].value : options.token;

  const response = await fetch(`${server.apiUrl}${path}`, {
    method: options.method ?? 'GET',
    headers: {
      ...(token ? { authorization: `token ${token}` } : {}),
      ...(options.body === undefined ? {} : { 'content-type': 'application/json' }),
      ...options.headers,
    },
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });

  return answerOf(response);
}

/** GET or HEAD a path outside the API (the registry), with only the headers given. */
export async function fetchFrom(
  server: TestServer,
  path: string,
  headers: Record<string, string> = {},
  method = 'GET',
): Promise<Answer> {
  return answerOf(await fetch(`${server.url}${path}`, { method, headers }));
}

async function answerOf(response: Response): Promise<Answer> {
  const text = await response.text();

  return { status: response.status, headers: response.headers, text, json: parseJson(text) };
}

/** Waits `ms` of real time (the server's clock runs with it). */
export function pause(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** A typed view of list bodies, for tests. */
export interface RunList {
  total_count: number;
  workflow_runs: {
    id: number;
    head_sha: string;
    head_branch: string | null;
    event: string;
    status: string;
    conclusion: string | null;
    created_at: string;
    run_number: number;
    actor: { login: string };
  }[];
}

export interface ArtifactList {
  total_count: number;
  artifacts: {
    id: number;
    name: string;
    expired: boolean;
    created_at: string;
    expires_at: string;
    workflow_run: { id: number; head_sha: string; head_branch: string };
  }[];
}
