/**
 * The route table of the API. A route is a method and a path template written as in GitHub's
 * OpenAPI description (`/repos/{owner}/{repo}/actions/runs/{run_id}`, without the `/api/v3`
 * prefix), so the contract test can find each route's operation. `{path}` and `{branch}` may span
 * several segments, as GitHub lets them.
 */

import type { Scenario, ScenarioAccount, ScenarioToken } from '../scenario';
import type { ServerState } from '../serverState';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/**
 * - `repository`: `{owner}/{repo}` must name the scenario's repository, and a private one needs a
 *   token; otherwise 404, as GitHub answers.
 * - `user`: needs a token (401 otherwise).
 * - `public`: anyone.
 */
export type RouteAccess = 'repository' | 'user' | 'public';

export interface RouteContext {
  state: ServerState;
  scenario: Scenario;
  params: Record<string, string>;

  /** The request's absolute URL, built from its own `Host`. */
  url: URL;
  links: Links;

  /** The user of the request's token, if it has a valid one. */
  viewer: ScenarioAccount | null;

  /** The request's valid token (for its scopes). */
  token: ScenarioToken | null;
  headers: Record<string, string | string[] | undefined>;
  body: unknown;
}

export interface ApiResponse {
  status: number;

  /** JSON, or a string sent as is (with `contentType`). */
  body?: unknown;
  contentType?: string;
  headers?: Record<string, string>;
}

export interface Route {
  method: HttpMethod;
  template: string;
  access: RouteAccess;
  handle(context: RouteContext): ApiResponse | Promise<ApiResponse>;
}

export interface RouteMatch {
  route: Route;
  params: Record<string, string>;
}

/** The URLs of the server and of the scenario's repository, seen from one request's host. */
export class Links {
  readonly api: string;

  /** `owner/repo`. */
  readonly repoPath: string;

  readonly repoApi: string;

  readonly repoHtml: string;

  constructor(
    readonly origin: string,
    scenario: Scenario,
  ) {
    this.api = `${origin}/api/v3`;

    this.repoPath = `${scenario.owner.login}/${scenario.repository.name}`;

    this.repoApi = `${this.api}/repos/${this.repoPath}`;

    this.repoHtml = `${origin}/${this.repoPath}`;
  }
}

const MULTI_SEGMENT_PARAMETERS = ['path', 'branch'];

export function matchRoute(routes: readonly Route[], method: string, path: string): RouteMatch | null {
  for (const route of routes) {
    if (route.method !== method) {
      continue;
    }

    const params = matchTemplate(route.template, path);

    if (params) {
      return { route, params };
    }
  }

  return null;
}

/** The parameters of `path` under `template`, decoded, or null when it does not match. */
export function matchTemplate(template: string, path: string): Record<string, string> | null {
  const names: string[] = [];

  const pattern = template
    .replace(/[.*+?^$()|[\]\\]/g, '\\$&')
    .replace(/\{(\w+)\}/g, (_whole, name: string) => {
      names.push(name);

      return MULTI_SEGMENT_PARAMETERS.includes(name) ? '(.+)' : '([^/]+)';
    });

  const match = new RegExp(`^${pattern}$`).exec(path);

  if (!match) {
    return null;
  }

  try {
    return Object.fromEntries(names.map((name, index) => [name, decodeURIComponent(match[index + 1])]));
  } catch {
    return null;
  }
}

export function json(body: unknown, status = 200, headers?: Record<string, string>): ApiResponse {
  return { status, body, headers };
}
