/**
 * Everything the test server holds while it runs: the scenario (mutable: change it directly or
 * through the methods), the injected faults, the global latency, the rate-limit buckets and the
 * request log. `reset()` brings back the scenario the server started with and clears the rest.
 */

import { account } from './accounts';
import type { Credentials } from './http/credentials';
import { FaultList } from './http/faults';
import { RateLimitBucket, RateLimits } from './http/rateLimits';
import type { RequestLogEntry } from './http/requestLog';
import type {
  Scenario,
  ScenarioAccount,
  ScenarioArtifact,
  ScenarioCommit,
  ScenarioRun,
  ScenarioToken,
} from './scenario';
import {
  ArtifactChange,
  changeArtifact,
  changeRun,
  pushCommits,
  PushOptions,
  RunChange,
} from './scenarioChanges';

export class ServerState {
  scenario: Scenario;

  latencyMs: number;

  readonly faults = new FaultList();

  readonly rateLimits = new RateLimits();

  /** The API requests so far, oldest first. Cleared in place, so a reference stays valid. */
  readonly requests: RequestLogEntry[] = [];

  private readonly initialScenario: Scenario;

  private readonly initialLatencyMs: number;

  private startedAtMs = Date.now();

  constructor(scenario: Scenario, latencyMs = 0) {
    this.initialScenario = structuredClone(scenario);

    this.initialLatencyMs = latencyMs;

    this.scenario = scenario;

    this.latencyMs = latencyMs;
  }

  /** The scenario's `now` moved on by the time the server has been running. */
  now(): Date {
    return new Date(Date.parse(this.scenario.now) + Date.now() - this.startedAtMs);
  }

  tokenFor(value: string): ScenarioToken | undefined {
    return this.scenario.tokens.find((token) => token.value === value);
  }

  /** The account of a token's login: the scenario's viewer, or a plain user. */
  accountOf(token: ScenarioToken): ScenarioAccount {
    return token.login === this.scenario.viewer.login ? this.scenario.viewer : account(token.login, 'User');
  }

  addToken(token: ScenarioToken): void {
    this.removeToken(token.value);

    this.scenario.tokens.push(token);
  }

  removeToken(value: string): void {
    this.scenario.tokens = this.scenario.tokens.filter((token) => token.value !== value);
  }

  setRateLimit(credentials: Credentials, remaining: number, reset?: number): RateLimitBucket {
    return this.rateLimits.set(credentials, remaining, reset);
  }

  changeRun(change: RunChange): ScenarioRun {
    return changeRun(this.scenario, change, this.now());
  }

  changeArtifact(change: ArtifactChange): ScenarioArtifact {
    return changeArtifact(this.scenario, change);
  }

  pushCommits(branch: string, commits: ScenarioCommit[], options?: PushOptions): ScenarioRun[] {
    return pushCommits(this.scenario, branch, commits, this.now(), options);
  }

  /** Sets a file's text at a ref (branch name or commit SHA), or removes it there with `null`. */
  setFile(path: string, text: string | null, ref?: string): void {
    if (ref === undefined) {
      if (text === null) {
        delete this.scenario.files[path];
      } else {
        this.scenario.files[path] = text;
      }

      return;
    }

    this.scenario.fileOverrides[ref] = { ...this.scenario.fileOverrides[ref], [path]: text };
  }

  reset(): void {
    this.scenario = structuredClone(this.initialScenario);

    this.latencyMs = this.initialLatencyMs;

    this.faults.clear();

    this.rateLimits.clear();

    this.requests.length = 0;

    this.startedAtMs = Date.now();
  }
}
