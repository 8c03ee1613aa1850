/** Fault injection and the request log of the test server, through its control API. */
import { control } from './testServer';

export interface FaultSpec {
  readonly method?: string;
  /** Regular expression on the request path (with query). */
  readonly path: string;
  readonly status?: number;
  readonly body?: unknown;
  readonly headers?: Record<string, string>;
  readonly drop?: boolean;
  readonly times?: number;
}

export interface LoggedRequest {
  readonly method: string;
  readonly path: string;
  readonly status: number;
}

export async function injectFault(fault: FaultSpec): Promise<void> {
  await control('faults', [fault]);
}

export async function clearFaults(): Promise<void> {
  await control('faults', []);
}

export async function requestLog(): Promise<LoggedRequest[]> {
  return control<LoggedRequest[]>('requests');
}

export async function clearRequestLog(): Promise<void> {
  await control('requests/clear', {});
}
