import type { CredentialsKind } from './credentials';

/**
 * One API or registry request as the server saw it. Tokens are never recorded, only whether one was
 * valid (for the registry: a bearer token the server issued).
 */
export interface RequestLogEntry {
  method: string;

  /** Path with query, e.g. `/api/v3/repos/o/r/actions/runs?branch=main`. */
  path: string;

  /** Null when the connection was dropped or left hanging. */
  status: number | null;
  ms: number;
  ifNoneMatch: string | null;
  token: CredentialsKind;

  /** The login of a valid token. */
  login: string | null;

  /** The action of the injected fault that hit this request, if any. */
  fault: string | null;

  /** When the request arrived (ISO). */
  at: string;
}
