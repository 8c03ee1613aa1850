/** Fault injection and the request log of the test server, through its control API. */
import { control } from './testServer';

/** As test/server/http/faults.ts takes it. */
export interface FaultSpec {
  readonly method?: string;
  /** Regular expression on the request path (with query). */
  readonly path: string;
  readonly action?: 'respond' | 'drop' | 'hang' | 'delay';
  readonly preset?: string;
  readonly status?: number;
  readonly body?: unknown;
  readonly headers?: Record<string, string>;
  readonly delayMs?: number;
  readonly times?: number;
}

export interface LoggedRequest {
  readonly method: string;
  readonly path: string;
  readonly status: number | null;
  readonly ifNoneMatch: string | null;
  /** When the request arrived (ISO), and how long the server took to answer it. */
  readonly at: string;
  readonly ms: number;
}

/**
 * The branch's runs list, as a refresh asks for it: of every workflow on a first load, of the CI
 * workflow afterwards (`/actions/workflows/<file>/runs?`), manual refreshes included.
 */
export const RUNS_LIST_ROUTE = '/actions/(workflows/[^/]+/)?runs\\?';

export async function injectFault(fault: FaultSpec): Promise<void> {
  await control('faults', { faults: [fault] });
}

export async function clearFaults(): Promise<void> {
  await control('faults/clear', {});
}

export async function requestLog(): Promise<LoggedRequest[]> {
  return (await control<{ requests: LoggedRequest[] }>('requests')).requests;
}

export async function clearRequestLog(): Promise<void> {
  await control('requests/clear', {});
}
