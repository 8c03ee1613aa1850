/**
 * Turns a failed GitHub call into a sentence for the user: what is wrong and what to do. The
 * sentence never contains a token (GitHub's own messages do not, and URLs are reduced to hosts).
 */
import { ForeignHostError } from './guardedFetch';
import { RateLimitPause } from './rateLimit';

export type FailureKind =
  | 'unauthorized'
  | 'forbidden'
  | 'rate-limited'
  | 'not-found'
  | 'server-error'
  | 'unreachable'
  | 'timeout'
  | 'invalid-response'
  | 'refused-host'
  | 'unknown';

export interface GitHubFailure {
  readonly kind: FailureKind;
  readonly status?: number;
  readonly message: string;
}

export interface FailureContext {
  /** e.g. "acme/widgets on github.com". */
  readonly repositoryLabel: string;
  /** e.g. "api.github.com". */
  readonly apiHost: string;
  readonly account?: string;
}

interface ErrorShape {
  name?: string;
  message?: string;
  status?: number;
  request?: { method?: string; url?: string };
  response?: { headers?: Record<string, string | undefined>; data?: unknown };
  cause?: unknown;
}

/** A GitHub answer that is not what GitHub sends (not JSON, empty, the wrong shape). */
export class InvalidResponseError extends Error {
  constructor(readonly what: string) {
    super(`GitHub's answer to ${what} is not what GitHub sends`);
    this.name = 'InvalidResponseError';
  }
}

export function describeGitHubFailure(error: unknown, context: FailureContext): GitHubFailure {
  const shape = (error ?? {}) as ErrorShape;
  const refused =
    error instanceof ForeignHostError
      ? error
      : shape.cause instanceof ForeignHostError
        ? shape.cause
        : undefined;
  if (refused || shape.response?.headers?.['x-image-publisher-refused'] === 'foreign-host') {
    return {
      kind: 'refused-host',
      message: `${refused?.message ?? messageFrom(shape.response?.data) ?? 'A GitHub answer pointed to another host, and the request was refused.'} Nothing was sent there. Check the remote and github-enterprise.uri if this repeats.`,
    };
  }

  if (error instanceof InvalidResponseError) {
    return {
      kind: 'invalid-response',
      message: `${context.apiHost} sent a response that is not valid JSON. Refresh to try again.`,
    };
  }

  const pause =
    error instanceof RateLimitPause ? error : shape.cause instanceof RateLimitPause ? shape.cause : undefined;
  const pausedLocally = shape.response?.headers?.['x-image-publisher-paused'] !== undefined;
  if (pause || pausedLocally) {
    const why = pause?.message ?? messageFrom(shape.response?.data) ?? 'GitHub asked to pause calls.';
    return { kind: 'rate-limited', message: `${why} The view refreshes after that.` };
  }

  const status = typeof shape.status === 'number' ? shape.status : undefined;

  if (isTimeout(shape)) {
    return {
      kind: 'timeout',
      message: `${context.apiHost} did not answer in time. Check your connection, then refresh.`,
    };
  }

  if (!shape.response) {
    if (status === undefined || status === 500) {
      return {
        kind: 'unreachable',
        message: `Cannot reach ${context.apiHost} (${networkReason(shape)}). Check your connection or proxy, then refresh.`,
      };
    }
  }

  const headers = shape.response?.headers ?? {};
  const githubMessage = messageFrom(shape.response?.data) ?? '';

  switch (status) {
    case 401:
      return {
        kind: 'unauthorized',
        status,
        message: `GitHub rejected the saved sign-in (401${githubMessage ? `: ${githubMessage}` : ''}). Sign in to GitHub again.`,
      };
    case 403:
    case 429:
      return describeForbidden(status, headers, githubMessage, context);
    case 404:
      return describeNotFound(shape, context);
    default:
      break;
  }

  if (status !== undefined && status >= 500) {
    const post = (shape.request?.method ?? 'GET').toUpperCase() !== 'GET';
    return {
      kind: 'server-error',
      status,
      message: post
        ? `GitHub answered with an error (${status}). The request was not repeated, so it may or may not have taken effect: check on GitHub before trying again.`
        : `GitHub answered with an error (${status}) after retries. It is probably temporary: refresh in a minute.`,
    };
  }

  if (shape.name === 'SyntaxError' || /JSON/.test(shape.message ?? '')) {
    return {
      kind: 'invalid-response',
      message: `${context.apiHost} sent a response that is not valid JSON. Refresh to try again.`,
    };
  }

  return {
    kind: 'unknown',
    status,
    message: `A GitHub request failed${status ? ` (${status})` : ''}${githubMessage ? `: ${githubMessage}` : ''}. See the Image Publisher log for details.`,
  };
}

/** A 404 names what was not found: the workflow, the run, or the repository itself. */
function describeNotFound(shape: ErrorShape, context: FailureContext): GitHubFailure {
  const path = pathOf(shape.request?.url);
  const workflow = /\/actions\/workflows\/([^/?]+)/.exec(path);
  const run = /\/actions\/runs\/(\d+)/.exec(path);
  const who = context.account ? `the account ${context.account}` : 'this account';

  if (workflow && !/^\d+$/.test(workflow[1])) {
    const file = decodeURIComponent(workflow[1]);
    return {
      kind: 'not-found',
      status: 404,
      message: `The workflow ${file} was not found in ${context.repositoryLabel}. Check imagePublisher.ciWorkflow or imagePublisher.publishWorkflow (clear them to detect the workflows).`,
    };
  }

  if (run) {
    return {
      kind: 'not-found',
      status: 404,
      message: `Run ${run[1]} no longer exists in ${context.repositoryLabel} (it may have been deleted). Refresh to see the current runs.`,
    };
  }

  return {
    kind: 'not-found',
    status: 404,
    message: `${context.repositoryLabel} was not found, or ${who} cannot see it. Check the remote, or sign in with an account that has access.`,
  };
}

function pathOf(url: string | undefined): string {
  try {
    return url ? new URL(url, 'http://placeholder').pathname : '';
  } catch {
    return '';
  }
}

function describeForbidden(
  status: number,
  headers: Record<string, string | undefined>,
  githubMessage: string,
  context: FailureContext,
): GitHubFailure {
  const remaining = headers['x-ratelimit-remaining'];
  const reset = Number(headers['x-ratelimit-reset']);
  const retryAfter = headers['retry-after'];

  if (remaining === '0') {
    const at = Number.isFinite(reset) ? ` until ${new Date(reset * 1000).toLocaleTimeString()}` : '';
    return {
      kind: 'rate-limited',
      status,
      message: `GitHub's API rate limit for this account is used up${at}. The view refreshes after that.`,
    };
  }

  if (retryAfter !== undefined || status === 429 || /secondary rate limit/i.test(githubMessage)) {
    const wait = retryAfter ? ` for ${retryAfter} s` : '';
    return {
      kind: 'rate-limited',
      status,
      message: `GitHub asked to slow down (secondary rate limit)${wait}. Refresh after that.`,
    };
  }

  return {
    kind: 'forbidden',
    status,
    message: `GitHub refused access to ${context.repositoryLabel}${githubMessage ? `: ${githubMessage}` : ''}. Check that the account has access and the token's permissions.`,
  };
}

function isTimeout(shape: ErrorShape): boolean {
  const headers = shape.response?.headers as Record<string, string | undefined> | undefined;
  if (headers?.['x-image-publisher-timeout'] !== undefined) {
    return true;
  }

  const names = [shape.name, (shape.cause as ErrorShape | undefined)?.name];
  return names.includes('TimeoutError') || /aborted due to timeout/i.test(shape.message ?? '');
}

function networkReason(shape: ErrorShape): string {
  const cause = shape.cause as ErrorShape | undefined;
  const code = (cause as { code?: string } | undefined)?.code ?? (cause?.cause as { code?: string })?.code;
  return code ?? shape.message ?? 'network error';
}

function messageFrom(data: unknown): string | undefined {
  if (data && typeof data === 'object' && typeof (data as { message?: unknown }).message === 'string') {
    return (data as { message: string }).message.slice(0, 300);
  }

  return undefined;
}
