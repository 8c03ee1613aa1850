/**
 * How the server answers one request under `/api/v3`, in GitHub's order: global latency, injected
 * fault, credentials (401), rate limit (403 when spent), route (404), access (404 / 401), the
 * handler, then `ETag` / `If-None-Match` (304, not counted against the rate limit).
 */

import type { ServerState } from '../serverState';
import { API_ROUTES } from '../routes';
import { matchesIfNoneMatch, weakEtag } from './conditionalRequests';
import { Credentials, identify } from './credentials';
import {
  badCredentials,
  gitHubError,
  notFound,
  primaryRateLimitExceeded,
  requiresAuthentication,
} from './errors';
import { Fault, faultResponse } from './faults';
import { rateLimitHeaders, RateLimitBucket, spend } from './rateLimits';
import { ApiResponse, Links, matchRoute } from './router';

export const API_PREFIX = '/api/v3';

export interface ApiRequest {
  method: string;

  /** Absolute, built from the request's own `Host`. */
  url: URL;
  headers: Record<string, string | string[] | undefined>;
  bodyText: string;
  requestId: string;
}

export interface ApiAnswer {
  status: number;
  headers: Record<string, string>;

  /** Null for a 304. */
  bodyText: string | null;
}

export interface ApiOutcome {
  credentials: Credentials;
  fault: Fault | null;

  /** Null when a fault drops the connection or leaves it hanging. */
  answer: ApiAnswer | null;
}

export async function answerApiRequest(state: ServerState, request: ApiRequest): Promise<ApiOutcome> {
  await sleep(state.latencyMs);

  const credentials = identify(header(request, 'authorization'), state.scenario.tokens);

  const fault = state.faults.take(request.method, request.url.pathname + request.url.search);

  if (fault) {
    await sleep(fault.delayMs ?? 0);
  }

  if (fault && (fault.action === 'drop' || fault.action === 'hang')) {
    return { credentials, fault, answer: null };
  }

  const bucket = state.rateLimits.bucketFor(credentials);

  if (fault?.action === 'respond') {
    const response = faultResponse(fault, request.requestId);

    return { credentials, fault, answer: finish(request, credentials, bucket, response) };
  }

  const response = await routeResponse(state, request, credentials, bucket);
  const serialized = serialize(response);

  const etag = request.method === 'GET' && response.status === 200 ? weakEtag(serialized.text) : null;

  if (etag && matchesIfNoneMatch(header(request, 'if-none-match'), etag)) {
    return {
      credentials,
      fault,
      answer: {
        status: 304,
        headers: { ...standardHeaders(request, credentials, bucket), etag },
        bodyText: null,
      },
    };
  }

  spend(bucket);

  const answer = finish(request, credentials, bucket, response, serialized);

  return { credentials, fault, answer: etag ? { ...answer, headers: { ...answer.headers, etag } } : answer };
}

async function routeResponse(
  state: ServerState,
  request: ApiRequest,
  credentials: Credentials,
  bucket: RateLimitBucket,
): Promise<ApiResponse> {
  if (credentials.kind === 'invalid') {
    return { status: 401, body: badCredentials() };
  }

  if (bucket.remaining === 0) {
    const subject =
      credentials.kind === 'valid' ? `user ID ${state.accountOf(credentials.token).id}` : '127.0.0.1';

    return { status: 403, body: primaryRateLimitExceeded(subject) };
  }

  const path = request.url.pathname.startsWith(`${API_PREFIX}/`)
    ? request.url.pathname.slice(API_PREFIX.length)
    : null;

  const match = path === null ? null : matchRoute(API_ROUTES, request.method, path);

  if (!match) {
    return { status: 404, body: notFound() };
  }

  const scenario = state.scenario;

  const viewer = credentials.kind === 'valid' ? state.accountOf(credentials.token) : null;

  if (match.route.access === 'user' && !viewer) {
    return { status: 401, body: requiresAuthentication() };
  }

  if (match.route.access === 'repository' && !canSeeRepository(state, match.params, viewer !== null)) {
    return { status: 404, body: notFound() };
  }

  const body = parseBody(request.bodyText);

  if (body instanceof Error) {
    return { status: 400, body: gitHubError(400, 'Problems parsing JSON') };
  }

  return match.route.handle({
    state,
    scenario,
    params: match.params,
    url: request.url,
    links: new Links(request.url.origin, scenario),
    viewer,
    token: credentials.kind === 'valid' ? credentials.token : null,
    headers: request.headers,
    body,
  });
}

function canSeeRepository(state: ServerState, params: Record<string, string>, signedIn: boolean): boolean {
  const { owner, repository } = state.scenario;

  const sameRepository =
    params.owner?.toLowerCase() === owner.login.toLowerCase() &&
    params.repo?.toLowerCase() === repository.name.toLowerCase();

  return sameRepository && (signedIn || !repository.private);
}

function finish(
  request: ApiRequest,
  credentials: Credentials,
  bucket: RateLimitBucket,
  response: ApiResponse,
  serialized = serialize(response),
): ApiAnswer {
  const { text, contentType } = serialized;

  return {
    status: response.status,
    headers: {
      ...standardHeaders(request, credentials, bucket),
      ...(response.status === 204 ? {} : { 'content-type': contentType }),
      ...response.headers,
    },
    bodyText: text,
  };
}

function standardHeaders(
  request: ApiRequest,
  credentials: Credentials,
  bucket: RateLimitBucket,
): Record<string, string> {
  return {
    'x-github-request-id': request.requestId,
    'x-github-media-type': 'github.v3; format=json',
    'x-github-api-version-selected': '2022-11-28',
    ...rateLimitHeaders(bucket),
    ...(credentials.kind === 'valid' ? { 'x-oauth-scopes': credentials.token.scopes.join(', ') } : {}),
    'cache-control':
      credentials.kind === 'valid' ? 'private, max-age=60, s-maxage=60' : 'public, max-age=60, s-maxage=60',
    vary: 'Accept, Authorization, Cookie, X-GitHub-OTP',
  };
}

function serialize(response: ApiResponse): { text: string; contentType: string } {
  if (typeof response.body === 'string') {
    return { text: response.body, contentType: response.contentType ?? 'text/plain; charset=utf-8' };
  }

  return {
    text: response.body === undefined ? '' : JSON.stringify(response.body),
    contentType: response.contentType ?? 'application/json; charset=utf-8',
  };
}

function parseBody(text: string): unknown {
  if (text.trim() === '') {
    return undefined;
  }

  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    return error instanceof Error ? error : new Error(String(error));
  }
}

function header(request: ApiRequest, name: string): string | undefined {
  const value = request.headers[name];

  return Array.isArray(value) ? value.join(', ') : value;
}

export function sleep(ms: number): Promise<void> {
  return ms > 0 ? new Promise((resolve) => setTimeout(resolve, ms)) : Promise.resolve();
}
