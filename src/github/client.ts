/**
 * Builds the Octokit instance for one repository's GitHub: fixed API base URL, the retry and
 * throttling plugins, and the guarded fetch that keeps the token on that host.
 */
import { Octokit } from '@octokit/core';
import { paginateRest } from '@octokit/plugin-paginate-rest';
import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';
import Bottleneck from 'bottleneck/light';

import type { Log } from '../log/log';
import type { ConditionalCache } from './conditionalCache';
import type { RateLimitState } from './rateLimit';
import { createGuardedFetch, PAUSED_STATUS, REFUSED_STATUS, TIMED_OUT_STATUS } from './guardedFetch';

/**
 * Octokit's core with pagination, retries and throttling. Routes are called by name
 * (`client.request('GET /repos/{owner}/{repo}')`): @octokit/rest's generated method table would
 * add 80 KB to the bundle for names we do not need.
 */
const ClientWithPlugins = Octokit.plugin(paginateRest, retry, throttling);

export type GitHubClient = InstanceType<typeof ClientWithPlugins>;

export interface ClientOptions {
  readonly apiBaseUrl: string;
  readonly token: string;
  readonly log: Log;
  readonly userAgent: string;
  readonly timeoutMs?: number;
  readonly fetch?: typeof fetch;
  readonly onResponse?: (response: Response) => void;
  /** Conditional-request cache; none when omitted. */
  readonly cache?: ConditionalCache;
  readonly rateLimit?: RateLimitState;
}

const MAX_AUTOMATIC_WAIT_SECONDS = 60;

/**
 * Requests in flight at once, across every client of the extension. Octokit's default is 10;
 * GitHub allows 100 concurrent requests per user. 20 lets the pages of "Load more" to 500 commits
 * (3 lists × 6 pages) go out in one wave, and is still far from the limit.
 */
const MAX_CONCURRENT_REQUESTS = 20;

const requestsInFlight = new Bottleneck.Group({
  id: 'image-publisher-requests',
  maxConcurrent: MAX_CONCURRENT_REQUESTS,
  timeout: 120_000,
});

/** GitHub gives up on a request itself after 10 s; past 15 s without an answer, nothing is coming. */
export const REQUEST_TIMEOUT_MS = 15_000;

export function createGitHubClient(options: ClientOptions): GitHubClient {
  const guardedFetch = createGuardedFetch({
    allowedOrigin: options.apiBaseUrl,
    timeoutMs: options.timeoutMs ?? REQUEST_TIMEOUT_MS,
    log: options.log,
    fetch: options.cache ? options.cache.wrap(options.fetch ?? globalThis.fetch) : options.fetch,
    onResponse: options.onResponse,
    rateLimit: options.rateLimit,
  });

  const client = new ClientWithPlugins({
    baseUrl: options.apiBaseUrl,
    auth: options.token,
    userAgent: options.userAgent,
    request: { fetch: guardedFetch },
    log: {
      debug: () => undefined,
      info: () => undefined,
      warn: (message: string) => options.log.warn(`[octokit] ${message}`),
      error: (message: string) => options.log.error(`[octokit] ${message}`),
    },
    // Octokit's defaults, plus the local answers (a refused foreign host, a timeout, a call held back
    // by a rate-limit pause): none is worth repeating.
    retry: {
      retries: 2,
      doNotRetry: [400, 401, 403, 404, TIMED_OUT_STATUS, 410, REFUSED_STATUS, 422, PAUSED_STATUS, 451],
    },
    throttle: {
      // The throttling plugin takes its concurrency limiter from here when given (see its State).
      ...({ global: requestsInFlight } as object),
      onRateLimit: (
        retryAfter: number,
        requestOptions: { method: string; url: string },
        _octokit: unknown,
        retryCount: number,
      ) => {
        options.log.warn(
          `Rate limit reached for ${requestOptions.method} ${requestOptions.url}; resets in ${retryAfter} s.`,
        );
        return isRead(requestOptions.method) && retryCount === 0 && retryAfter <= MAX_AUTOMATIC_WAIT_SECONDS;
      },
      onSecondaryRateLimit: (
        retryAfter: number,
        requestOptions: { method: string; url: string },
        _octokit: unknown,
        retryCount: number,
      ) => {
        options.log.warn(
          `Secondary rate limit for ${requestOptions.method} ${requestOptions.url}; GitHub asks to wait ${retryAfter} s.`,
        );
        return isRead(requestOptions.method) && retryCount === 0 && retryAfter <= MAX_AUTOMATIC_WAIT_SECONDS;
      },
    },
  });

  // The retry plugin counts retries in `options.request.retryCount`, and every request starts from the
  // client's one default `request` object: each request gets its own copy, or a request that used up
  // its retries would make the next failure wait 16 s instead of 1 s before its first retry. Registered
  // last, so it runs before the plugins' hooks.
  client.hook.before('request', (requestOptions) => {
    requestOptions.request = { ...requestOptions.request };
  });

  return client;
}

/** Only reads are repeated after a rate limit: a dispatch or re-run is left to the user. */
function isRead(method: string): boolean {
  return method.toUpperCase() === 'GET';
}
