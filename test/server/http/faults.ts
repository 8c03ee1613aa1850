/**
 * Injected faults. A fault matches on the method and a regular expression tested against the path
 * with its query (`/api/v3/repos/o/r/actions/runs?per_page=100`), and then:
 * - `respond`: answers `status` with `body` (JSON, or a string sent as is) and `headers`;
 * - `drop`: destroys the connection without an answer;
 * - `hang`: never answers (until the server closes);
 * - `delay`: waits `delayMs`, then answers normally.
 * `delayMs` also delays the other actions. `times` is how many requests it hits (omitted: all of
 * them, until cleared). A `preset` fills in GitHub's own status, body and headers for a fault.
 */

import { gitHubError, primaryRateLimitExceeded, secondaryRateLimitExceeded, serverError } from './errors';

export type FaultAction = 'respond' | 'drop' | 'hang' | 'delay';

export type FaultPreset =
  | 'secondary-rate-limit'
  | 'rate-limit-exhausted'
  | 'server-error'
  | 'bad-gateway'
  | 'service-unavailable'
  | 'not-json';

export interface FaultSpec {
  /** Any method when omitted. */
  method?: string;

  /** A regular expression, tested against the path and query. */
  path: string;
  action?: FaultAction;
  preset?: FaultPreset;
  status?: number;
  body?: unknown;
  headers?: Record<string, string>;
  delayMs?: number;
  times?: number;
}

export interface Fault extends FaultSpec {
  action: FaultAction;

  /** How many requests it has hit so far. */
  hits: number;
}

export interface FaultResponse {
  status: number;
  body: unknown;
  headers: Record<string, string>;
}

export const FAULT_PRESETS: readonly FaultPreset[] = [
  'secondary-rate-limit',
  'rate-limit-exhausted',
  'server-error',
  'bad-gateway',
  'service-unavailable',
  'not-json',
];

export class FaultList {
  private faults: Fault[] = [];

  add(spec: FaultSpec): Fault {
    validateFault(spec);

    const fault: Fault = { ...spec, action: spec.action ?? inferAction(spec), hits: 0 };

    this.faults.push(fault);

    return fault;
  }

  /** The first live fault matching the request, counted as hit. */
  take(method: string, pathWithQuery: string): Fault | null {
    const fault = this.faults.find(
      (candidate) =>
        (candidate.times === undefined || candidate.hits < candidate.times) &&
        (!candidate.method || candidate.method.toUpperCase() === method) &&
        new RegExp(candidate.path).test(pathWithQuery),
    );

    if (fault) {
      fault.hits++;
    }

    return fault ?? null;
  }

  list(): readonly Fault[] {
    return this.faults;
  }

  clear(): void {
    this.faults = [];
  }
}

/** The answer a `respond` fault gives, presets filled in and overridden by what the fault says. */
export function faultResponse(fault: Fault, requestId: string): FaultResponse {
  const preset = fault.preset ? presetResponse(fault.preset, requestId) : null;

  return {
    status: fault.status ?? preset?.status ?? 500,
    body: fault.body ?? preset?.body ?? serverError(),
    headers: { ...preset?.headers, ...fault.headers },
  };
}

function presetResponse(preset: FaultPreset, requestId: string): FaultResponse {
  switch (preset) {
    case 'secondary-rate-limit':
      return { status: 403, body: secondaryRateLimitExceeded(requestId), headers: { 'retry-after': '60' } };

    case 'rate-limit-exhausted':
      return {
        status: 403,
        body: primaryRateLimitExceeded('user ID 1'),
        headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-used': '5000' },
      };

    case 'server-error':
      return { status: 500, body: serverError(), headers: {} };

    case 'bad-gateway':
      return {
        status: 502,
        body: '<html><body><h1>502 Bad Gateway</h1></body></html>',
        headers: { 'content-type': 'text/html' },
      };

    case 'service-unavailable':
      return { status: 503, body: gitHubError(503, 'Service Unavailable'), headers: {} };

    case 'not-json':
      return {
        status: 200,
        body: '<!DOCTYPE html><html><body>Unicorn! This page is taking too long to load.</body></html>',
        headers: { 'content-type': 'text/html; charset=utf-8' },
      };
  }
}

function inferAction(spec: FaultSpec): FaultAction {
  return spec.status !== undefined || spec.preset !== undefined || spec.body !== undefined
    ? 'respond'
    : 'delay';
}

function validateFault(spec: FaultSpec): void {
  if (typeof spec.path !== 'string') {
    throw new Error('A fault needs a path regular expression');
  }

  new RegExp(spec.path);

  if (spec.preset !== undefined && !FAULT_PRESETS.includes(spec.preset)) {
    throw new Error(`Unknown fault preset ${spec.preset}; known: ${FAULT_PRESETS.join(', ')}`);
  }
}
