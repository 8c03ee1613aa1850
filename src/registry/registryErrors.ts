/** Failures of the anonymous registry read, each with a sentence for the user (never a token). */
import { ForeignHostError, REFUSED_STATUS } from '../github/guardedFetch';

export type RegistryFailureKind =
  | 'not-found'
  | 'denied'
  | 'refused-realm'
  | 'refused-host'
  | 'rate-limited'
  | 'server-error'
  | 'invalid-response'
  | 'unreachable'
  | 'timeout';

export class RegistryError extends Error {
  constructor(
    readonly kind: RegistryFailureKind,
    message: string,
    readonly status?: number,
  ) {
    super(message);
    this.name = 'RegistryError';
  }
}

/** The failure a registry answer means for `repository`, by its status. */
export function failureForStatus(status: number, host: string, repository: string): RegistryError {
  if (status === REFUSED_STATUS) {
    return new RegistryError('refused-host', `Refused to follow the registry to another host than ${host}.`);
  }

  if (status === 404) {
    return new RegistryError(
      'not-found',
      `${host} has no image ${repository}, or it is private and hidden from anonymous readers.`,
      status,
    );
  }

  if (status === 401 || status === 403) {
    return new RegistryError(
      'denied',
      `${host} refused anonymous access to ${repository}: the image is private. Grant read:packages to read it through GitHub.`,
      status,
    );
  }

  if (status === 429) {
    return new RegistryError(
      'rate-limited',
      `${host} asked to slow down (429). Refresh in a minute.`,
      status,
    );
  }

  return new RegistryError(
    status >= 500 ? 'server-error' : 'invalid-response',
    `${host} answered ${status} while reading ${repository}.`,
    status,
  );
}

/** A fetch that threw: refused by the host guard, timed out, or the network. */
export function failureForNetwork(error: unknown, host: string): RegistryError {
  if (error instanceof RegistryError) {
    return error;
  }

  if (error instanceof ForeignHostError) {
    return new RegistryError('refused-host', `Refused to follow the registry to another host than ${host}.`);
  }

  const name = (error as { name?: string } | null)?.name;
  if (name === 'TimeoutError' || name === 'AbortError') {
    return new RegistryError('timeout', `${host} did not answer in time. Refresh to try again.`);
  }

  return new RegistryError(
    'unreachable',
    `Cannot reach ${host}. Check your connection or proxy, then refresh.`,
  );
}
