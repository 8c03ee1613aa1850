/**
 * The one place the product's GitHub traffic goes through. It refuses any URL outside the API
 * origin (so a `Link` header or a redirect cannot carry the token elsewhere), follows only
 * same-origin redirects, answers a request that never answers with a local 408, and logs each exchange at debug
 * without headers.
 */
import type { Log } from '../log/log';
import { RateLimitPause, type RateLimitState } from './rateLimit';

export interface GuardedFetchOptions {
  /** The only origin requests may go to, e.g. `https://api.github.com`. */
  readonly allowedOrigin: string;
  readonly timeoutMs: number;
  readonly log: Log;
  readonly fetch?: typeof fetch;
  /** Called with every response's headers, e.g. to track the rate limit. */
  readonly onResponse?: (response: Response) => void;
  /** Holds calls back while GitHub asked to pause; fed with every response. */
  readonly rateLimit?: RateLimitState;
}

const MAX_REDIRECTS = 3;

export class ForeignHostError extends Error {
  constructor(readonly url: string) {
    super(`Refused to send a GitHub request to ${safeOrigin(url)}: it is not the repository's API host.`);
    this.name = 'ForeignHostError';
  }
}

export function createGuardedFetch(options: GuardedFetchOptions): typeof fetch {
  const baseFetch = options.fetch ?? globalThis.fetch;

  return async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    let url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const method = (init?.method ?? 'GET').toUpperCase();

    for (let redirects = 0; ; redirects++) {
      if (!isAllowed(url, options.allowedOrigin)) {
        const refusal = new ForeignHostError(url);
        options.log.warn(refusal.message);
        return refusedResponse(refusal);
      }

      try {
        await options.rateLimit?.beforeRequest();
      } catch (error) {
        if (error instanceof RateLimitPause) {
          return pausedResponse(error);
        }
        throw error;
      }

      const started = Date.now();
      const deadline = AbortSignal.timeout(options.timeoutMs);
      const signal = combineSignals(init?.signal ?? undefined, deadline);
      let response: Response;

      try {
        response = await baseFetch(url, { ...init, redirect: 'manual', signal });
      } catch (error) {
        options.log.debug(
          `${method} ${displayPath(url)} failed after ${Date.now() - started} ms: ${describeCause(error)}`,
        );
        if (deadline.aborted && !init?.signal?.aborted) {
          return timedOutResponse(options.timeoutMs);
        }
        throw error;
      }

      logResponse(options.log, method, url, response, Date.now() - started);
      options.rateLimit?.observe(response.status, response.headers);
      options.onResponse?.(response);

      const location = response.headers.get('location');
      if (!isRedirect(response.status) || !location) {
        return response;
      }

      if (redirects >= MAX_REDIRECTS) {
        throw new Error(`GitHub redirected ${displayPath(url)} more than ${MAX_REDIRECTS} times.`);
      }

      url = new URL(location, url).href;
    }
  };
}

function isAllowed(url: string, allowedOrigin: string): boolean {
  try {
    return new URL(url).origin === new URL(allowedOrigin).origin;
  } catch {
    return false;
  }
}

/** The status of a refused request: final, never retried (the client's `doNotRetry` lists it). */
export const REFUSED_STATUS = 421;

/**
 * A refusal answered locally, without any traffic, as an HTTP error Octokit passes through
 * unretried, marked so the error wording recognises it.
 */
function refusedResponse(refusal: ForeignHostError): Response {
  return new Response(JSON.stringify({ message: refusal.message }), {
    status: REFUSED_STATUS,
    headers: { 'content-type': 'application/json', 'x-image-publisher-refused': 'foreign-host' },
  });
}

/** The status of a call held back while GitHub asked to pause: final, never retried. */
export const PAUSED_STATUS = 425;

/**
 * A call not sent because GitHub asked to pause, answered locally. As a thrown error Octokit would
 * report it as a 500 and retry it twice after 1 s and 4 s, only to hit the same pause.
 */
function pausedResponse(pause: RateLimitPause): Response {
  return new Response(JSON.stringify({ message: pause.message }), {
    status: PAUSED_STATUS,
    headers: { 'content-type': 'application/json', 'x-image-publisher-paused': pause.until.toISOString() },
  });
}

/** The status of a request that did not answer in time: final, never retried (see `doNotRetry`). */
export const TIMED_OUT_STATUS = 408;

/**
 * A request that never answered, reported locally. Repeating it would keep the user waiting the
 * whole timeout again, usually for the same silence; the next refresh tries again anyway.
 */
function timedOutResponse(timeoutMs: number): Response {
  return new Response(JSON.stringify({ message: `No answer within ${timeoutMs / 1000} s.` }), {
    status: TIMED_OUT_STATUS,
    headers: { 'content-type': 'application/json', 'x-image-publisher-timeout': `${timeoutMs} ms` },
  });
}

function isRedirect(status: number): boolean {
  return status === 301 || status === 302 || status === 303 || status === 307 || status === 308;
}

function logResponse(log: Log, method: string, url: string, response: Response, ms: number): void {
  const remaining = response.headers.get('x-ratelimit-remaining');
  const budget = remaining === null ? '' : `, rate limit left ${remaining}`;
  const status =
    response.headers.get('x-image-publisher-cache') === 'revalidated' ? '304 (cached body)' : response.status;
  log.debug(`${method} ${displayPath(url)} → ${status} in ${ms} ms${budget}`);
}

/** Path and query of a URL, without userinfo or origin: safe to log. */
export function displayPath(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.pathname}${parsed.search}`;
  } catch {
    return '(unparseable URL)';
  }
}

function safeOrigin(url: string): string {
  try {
    return new URL(url).host || 'an unknown host';
  } catch {
    return 'an unparseable address';
  }
}

function describeCause(error: unknown): string {
  if (error instanceof Error) {
    const cause = (error as { cause?: unknown }).cause;
    const causeText = cause instanceof Error ? `: ${cause.message}` : '';
    return `${error.name} ${error.message}${causeText}`;
  }

  return String(error);
}

function combineSignals(first: AbortSignal | undefined, second: AbortSignal): AbortSignal {
  return first ? AbortSignal.any([first, second]) : second;
}
