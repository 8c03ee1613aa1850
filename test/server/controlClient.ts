/**
 * A typed client of the control API, for tests that drive the server from another process (the
 * extension-host tests). Each method is one `/_control/` route; see `control.ts`.
 */

import type { FaultSpec } from './http/faults';
import type { RequestLogEntry } from './http/requestLog';
import type { PackageChange } from './packageChanges';
import type { RunTiming } from './runLifecycle';
import type {
  Scenario,
  ScenarioArtifact,
  ScenarioCommit,
  ScenarioPackage,
  ScenarioRun,
  ScenarioToken,
} from './scenario';
import type { ArtifactChange, PushOptions, RunChange } from './scenarioChanges';
import type { ServerMode } from './serverState';
import type { DispatchRecord } from './workflowDispatch';

export class ControlClient {
  /** @param serverUrl `http://127.0.0.1:PORT`, the server's `url` (not `apiUrl`). */
  constructor(private readonly serverUrl: string) {}

  state(): Promise<Scenario> {
    return this.call('GET', 'state');
  }

  async requests(): Promise<RequestLogEntry[]> {
    return (await this.call<{ requests: RequestLogEntry[] }>('GET', 'requests')).requests;
  }

  async clearRequests(): Promise<void> {
    await this.call('POST', 'requests/clear');
  }

  async addFaults(faults: FaultSpec[]): Promise<void> {
    await this.call('POST', 'faults', { faults });
  }

  async clearFaults(): Promise<void> {
    await this.call('POST', 'faults/clear');
  }

  async setLatency(ms: number): Promise<void> {
    await this.call('POST', 'latency', { ms });
  }

  async changeRun(change: RunChange): Promise<ScenarioRun> {
    return (await this.call<{ run: ScenarioRun }>('POST', 'runs', change)).run;
  }

  async changeArtifact(change: ArtifactChange): Promise<ScenarioArtifact> {
    return (await this.call<{ artifact: ScenarioArtifact }>('POST', 'artifacts', change)).artifact;
  }

  async pushCommits(
    branch: string,
    commits: ScenarioCommit[],
    runs?: PushOptions['runs'],
  ): Promise<ScenarioRun[]> {
    return (await this.call<{ runs: ScenarioRun[] }>('POST', 'branch-commits', { branch, commits, runs }))
      .runs;
  }

  async changeTokens(change: { add?: ScenarioToken[]; remove?: string[] }): Promise<void> {
    await this.call('POST', 'tokens', change);
  }

  async setRateLimit(limit: { token?: string; remaining: number; reset?: number }): Promise<void> {
    await this.call('POST', 'rate-limit', limit);
  }

  async changeRepository(change: { private?: boolean; defaultBranch?: string }): Promise<void> {
    await this.call('POST', 'repository', change);
  }

  async setFile(file: { path: string; text: string | null; ref?: string }): Promise<void> {
    await this.call('POST', 'files', file);
  }

  async setTag(name: string, sha: string | null): Promise<Record<string, string>> {
    return (await this.call<{ tags: Record<string, string> }>('POST', 'tags', { name, sha })).tags;
  }

  async dispatches(): Promise<DispatchRecord[]> {
    return (await this.call<{ dispatches: DispatchRecord[] }>('GET', 'dispatches')).dispatches;
  }

  async clearDispatches(): Promise<void> {
    await this.call('POST', 'dispatches/clear');
  }

  /** How dispatched and re-run runs move: step time, conclusion, the next run's conclusion. */
  setDispatchTiming(timing: Partial<RunTiming>): Promise<RunTiming> {
    return this.call('POST', 'dispatch-timing', timing);
  }

  setMode(mode: Partial<ServerMode>): Promise<ServerMode> {
    return this.call('POST', 'mode', mode);
  }

  /** The package after the change; null when it was removed. */
  async changePackage(change: PackageChange): Promise<ScenarioPackage | null> {
    return (await this.call<{ package: ScenarioPackage | null }>('POST', 'packages', change)).package;
  }

  async reset(): Promise<void> {
    await this.call('POST', 'reset');
  }

  private async call<T>(method: 'GET' | 'POST', route: string, body?: unknown): Promise<T> {
    const response = await fetch(`${this.serverUrl}/_control/${route}`, {
      method,
      headers: body === undefined ? undefined : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });

    const answer = (await response.json()) as T & { error?: string };

    if (!response.ok) {
      throw new Error(`Control ${method} ${route} answered ${response.status}: ${answer.error ?? ''}`);
    }

    return answer;
  }
}
