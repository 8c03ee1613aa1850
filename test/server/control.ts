/**
 * The control API, for tests in another process (the extension-host tests talk to the server over
 * HTTP). JSON in and out, under `/_control/`, never under `/api/v3`; not delayed, faulted or logged.
 *
 * | route                               | body                                              | answer            |
 * |-------------------------------------|---------------------------------------------------|-------------------|
 * | GET  /_control/health               |                                                   | `{ok}`            |
 * | GET  /_control/state                |                                                   | the scenario      |
 * | GET  /_control/requests             |                                                   | `{requests}`      |
 * | POST /_control/requests/clear       |                                                   | `{}`              |
 * | GET  /_control/faults               |                                                   | `{faults}`        |
 * | POST /_control/faults               | `{faults: FaultSpec[]}` (added after the others)  | `{faults}`        |
 * | POST /_control/faults/clear         |                                                   | `{}`              |
 * | POST /_control/latency              | `{ms}`                                            | `{ms}`            |
 * | POST /_control/runs                 | `RunChange` (with `id`: update; without: add)     | `{run}`           |
 * | POST /_control/artifacts            | `ArtifactChange`                                  | `{artifact}`      |
 * | POST /_control/branch-commits       | `{branch, commits (newest first), runs?}`         | `{runs}`          |
 * | POST /_control/tokens               | `{add?: ScenarioToken[], remove?: string[]}`      | `{logins}`        |
 * | POST /_control/rate-limit           | `{token?: string, remaining, reset?}`             | the bucket        |
 * | POST /_control/repository           | `{private?, defaultBranch?}`                      | the repository    |
 * | POST /_control/files                | `{path, text: string or null, ref?}`              | `{}`              |
 * | POST /_control/tags                 | `{name, sha: string or null}`                     | `{tags}`          |
 * | GET  /_control/dispatches           |                                                   | `{dispatches}`    |
 * | POST /_control/dispatches/clear     |                                                   | `{}`              |
 * | POST /_control/dispatch-timing      | `{stepMs?, conclusion?, nextConclusion?}`         | the timing        |
 * | POST /_control/mode                 | `{enterpriseRejectsRunDetails?}`                  | the mode          |
 * | POST /_control/packages             | `PackageChange`                                   | `{package}`       |
 * | POST /_control/reset                |                                                   | `{}`              |
 *
 * A body the server cannot use (bad JSON, a missing field, an unknown run) answers 400 `{error}`.
 */

import type { Credentials } from './http/credentials';
import type { FaultSpec } from './http/faults';
import type { PackageChange } from './packageChanges';
import type { ScenarioCommit, ScenarioToken } from './scenario';
import type { ArtifactChange, PushOptions, RunChange } from './scenarioChanges';
import { RUN_CONCLUSIONS, RunConclusion } from './scenarioRules';
import type { ServerState } from './serverState';

export const CONTROL_PREFIX = '/_control/';

export interface ControlAnswer {
  status: number;
  body: unknown;
}

type ControlBody = Record<string, unknown>;

interface ControlRoute {
  method: 'GET' | 'POST';
  path: string;
  handle(state: ServerState, body: ControlBody): unknown;
}

const CONTROL_ROUTES: readonly ControlRoute[] = [
  { method: 'GET', path: 'health', handle: () => ({ ok: true }) },
  { method: 'GET', path: 'state', handle: (state) => state.scenario },
  { method: 'GET', path: 'requests', handle: (state) => ({ requests: state.requests }) },
  { method: 'POST', path: 'requests/clear', handle: (state) => void (state.requests.length = 0) },
  { method: 'GET', path: 'faults', handle: (state) => ({ faults: state.faults.list() }) },
  {
    method: 'POST',
    path: 'faults',
    handle: (state, body) => {
      const faults = list<FaultSpec>(body.faults, 'faults');

      faults.forEach((fault) => state.faults.add(fault));

      return { faults: state.faults.list() };
    },
  },
  { method: 'POST', path: 'faults/clear', handle: (state) => state.faults.clear() },
  {
    method: 'POST',
    path: 'latency',
    handle: (state, body) => ({ ms: (state.latencyMs = number(body.ms, 'ms')) }),
  },
  { method: 'POST', path: 'runs', handle: (state, body) => ({ run: state.changeRun(body as RunChange) }) },
  {
    method: 'POST',
    path: 'artifacts',
    handle: (state, body) => ({
      artifact: state.changeArtifact({ ...body, id: number(body.id, 'id') } as ArtifactChange),
    }),
  },
  {
    method: 'POST',
    path: 'branch-commits',
    handle: (state, body) => {
      const branch = text(body.branch, 'branch');

      const commits = list<ScenarioCommit>(body.commits, 'commits');

      return { runs: state.pushCommits(branch, commits, { runs: body.runs as PushOptions['runs'] }) };
    },
  },
  {
    method: 'POST',
    path: 'tokens',
    handle: (state, body) => {
      list<ScenarioToken>(body.add ?? [], 'add').forEach((token) => state.addToken(token));

      list<string>(body.remove ?? [], 'remove').forEach((value) => state.removeToken(value));

      return { logins: state.scenario.tokens.map((token) => token.login) };
    },
  },
  {
    method: 'POST',
    path: 'rate-limit',
    handle: (state, body) => {
      const token = typeof body.token === 'string' ? state.tokenFor(body.token) : undefined;

      if (typeof body.token === 'string' && !token) {
        throw new Error('Unknown token');
      }

      const credentials: Credentials = token ? { kind: 'valid', token } : { kind: 'none' };

      const reset = body.reset === undefined ? undefined : number(body.reset, 'reset');

      return state.setRateLimit(credentials, number(body.remaining, 'remaining'), reset);
    },
  },
  {
    method: 'POST',
    path: 'repository',
    handle: (state, body) => {
      const repository = state.scenario.repository;

      if (typeof body.private === 'boolean') {
        repository.private = body.private;
      }

      if (typeof body.defaultBranch === 'string') {
        repository.defaultBranch = body.defaultBranch;
      }

      return repository;
    },
  },
  {
    method: 'POST',
    path: 'files',
    handle: (state, body) => {
      const content = body.text === null ? null : text(body.text, 'text');

      state.setFile(
        text(body.path, 'path'),
        content,
        body.ref === undefined ? undefined : text(body.ref, 'ref'),
      );
    },
  },
  {
    method: 'POST',
    path: 'tags',
    handle: (state, body) => ({
      tags: state.setTag(text(body.name, 'name'), body.sha === null ? null : text(body.sha, 'sha')),
    }),
  },
  { method: 'GET', path: 'dispatches', handle: (state) => ({ dispatches: state.dispatches }) },
  { method: 'POST', path: 'dispatches/clear', handle: (state) => void (state.dispatches.length = 0) },
  {
    method: 'POST',
    path: 'dispatch-timing',
    handle: (state, body) => {
      const timing = state.timing;

      if (body.stepMs !== undefined) {
        timing.stepMs = number(body.stepMs, 'stepMs');
      }

      if (body.conclusion !== undefined) {
        timing.conclusion = conclusion(body.conclusion, 'conclusion');
      }

      if (body.nextConclusion !== undefined) {
        timing.nextConclusion =
          body.nextConclusion === null ? null : conclusion(body.nextConclusion, 'nextConclusion');
      }

      return timing;
    },
  },
  {
    method: 'POST',
    path: 'mode',
    handle: (state, body) => {
      if (body.enterpriseRejectsRunDetails !== undefined) {
        state.mode.enterpriseRejectsRunDetails = body.enterpriseRejectsRunDetails === true;
      }

      return state.mode;
    },
  },
  {
    method: 'POST',
    path: 'packages',
    handle: (state, body) => ({ package: state.changePackage(body as unknown as PackageChange) }),
  },
  { method: 'POST', path: 'reset', handle: (state) => state.reset() },
];

export function answerControlRequest(
  state: ServerState,
  method: string,
  path: string,
  bodyText: string,
): ControlAnswer {
  const route = CONTROL_ROUTES.find(
    (candidate) => candidate.method === method && `${CONTROL_PREFIX}${candidate.path}` === path,
  );

  if (!route) {
    return { status: 404, body: { error: `No control route ${method} ${path}` } };
  }

  try {
    return { status: 200, body: route.handle(state, parseBody(bodyText)) ?? {} };
  } catch (error) {
    return { status: 400, body: { error: error instanceof Error ? error.message : String(error) } };
  }
}

function parseBody(bodyText: string): ControlBody {
  const body: unknown = bodyText.trim() === '' ? {} : JSON.parse(bodyText);

  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new Error('The body must be a JSON object');
  }

  return body as ControlBody;
}

function number(value: unknown, name: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new Error(`${name} must be a number`);
  }

  return value;
}

function text(value: unknown, name: string): string {
  if (typeof value !== 'string') {
    throw new Error(`${name} must be a string`);
  }

  return value;
}

function conclusion(value: unknown, name: string): RunConclusion {
  if (!RUN_CONCLUSIONS.includes(value as RunConclusion)) {
    throw new Error(`${name} must be one of ${RUN_CONCLUSIONS.join(', ')}`);
  }

  return value as RunConclusion;
}

function list<T>(value: unknown, name: string): T[] {
  if (!Array.isArray(value)) {
    throw new Error(`${name} must be a list`);
  }

  return value as T[];
}
