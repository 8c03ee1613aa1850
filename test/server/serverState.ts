/**
 * Everything the test server holds while it runs: the scenario (mutable: change it directly or
 * through the methods), the injected faults, the global latency, the rate-limit buckets, the request
 * log, the dispatches received, how dispatched runs move (`timing`), what kind of GitHub it plays
 * (`mode`) and the registry tokens handed out. `reset()` brings back the scenario and the settings
 * the server started with and clears the rest.
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
  ScenarioPackage,
  ScenarioRun,
  ScenarioToken,
} from './scenario';
import { changePackage, PackageChange } from './packageChanges';
import type { RegistryGrant } from './registry/registryTokens';
import { advanceRuns, DEFAULT_STEP_MS, RunTiming } from './runLifecycle';
import {
  ArtifactChange,
  changeArtifact,
  changeRun,
  pushCommits,
  PushOptions,
  RunChange,
  setTag,
} from './scenarioChanges';
import type { DispatchRecord } from './workflowDispatch';

/** The kind of GitHub the server plays. */
export interface ServerMode {
  /** Refuse `return_run_details` in a dispatch as GitHub Enterprise Server before 2026 does (422). */
  enterpriseRejectsRunDetails: boolean;
}

export class ServerState {
  scenario: Scenario;

  latencyMs: number;

  readonly faults = new FaultList();

  readonly rateLimits = new RateLimits();

  /** The API and registry requests so far, oldest first. Cleared in place, so a reference stays valid. */
  readonly requests: RequestLogEntry[] = [];

  /** The accepted workflow dispatches, oldest first. Cleared in place. */
  readonly dispatches: DispatchRecord[] = [];

  /** Registry token → what it may pull. */
  readonly registryGrants = new Map<string, RegistryGrant>();

  timing: RunTiming;

  mode: ServerMode = { enterpriseRejectsRunDetails: false };

  private readonly initialScenario: Scenario;

  private readonly initialLatencyMs: number;

  private readonly initialStepMs: number;

  private startedAtMs = Date.now();

  constructor(scenario: Scenario, latencyMs = 0, stepMs = DEFAULT_STEP_MS) {
    this.initialScenario = structuredClone(scenario);

    this.initialLatencyMs = latencyMs;

    this.initialStepMs = stepMs;

    this.scenario = scenario;

    this.latencyMs = latencyMs;

    this.timing = { stepMs, conclusion: 'success', nextConclusion: null };
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

  /** Sets a tag on a commit of a branch, or removes it with `null`. */
  setTag(name: string, sha: string | null): Record<string, string> {
    return setTag(this.scenario, name, sha);
  }

  /** The package after the change; null when it was removed. */
  changePackage(change: PackageChange): ScenarioPackage | null {
    return changePackage(this.scenario, change, this.now());
  }

  /** Moves dispatched and re-run runs up to the server's clock (done before every request). */
  advanceRuns(): void {
    advanceRuns(this.scenario, this.now());
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

    this.dispatches.length = 0;

    this.registryGrants.clear();

    this.timing = { stepMs: this.initialStepMs, conclusion: 'success', nextConclusion: null };

    this.mode = { enterpriseRejectsRunDetails: false };

    this.startedAtMs = Date.now();
  }
}
