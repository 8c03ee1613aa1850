/**
 * The registry's token auth, as ghcr.io does it. A request without a bearer token answers 401 with a
 * `WWW-Authenticate: Bearer realm="<server>/token",service="<host:port>",scope="repository:<name>:pull"`
 * challenge; `GET /token?service=…&scope=repository:<name>:pull` hands out an opaque token for that
 * name, anonymously for a public package, or with `Authorization: Basic <user:GitHub token>` where the
 * GitHub token has `read:packages` (private packages too). Anonymous for a private package: 403
 * `DENIED`; a GitHub token without `read:packages`: 403 `DENIED`; an unknown one: 401.
 */

import { randomBytes } from 'node:crypto';
import type { ScenarioPackage } from '../scenario';
import type { ServerState } from '../serverState';
import { findRegistryPackage, registryError, RegistryResponse } from './registryResponses';

export interface RegistryGrant {
  /** The repository name it may pull (`acme/widgets-api`); empty for a token without scope. */
  name: string;
  canReadPrivate: boolean;

  /** The login of the GitHub token it was obtained with, if any. */
  login: string | null;
}

export type Authorization = { grant: RegistryGrant } | { refusal: RegistryResponse };

const PACKAGES_SCOPES = ['read:packages', 'write:packages'];

/** The `WWW-Authenticate` challenge for `name` (none for the `/v2/` ping). */
export function challenge(url: URL, name: string | null, error?: string): string {
  const scope = name === null ? '' : `,scope="repository:${name}:pull"`;

  return `Bearer realm="${url.origin}/token",service="${url.host}"${scope}${error ? `,error="${error}"` : ''}`;
}

/** The grant of the request's bearer token for `name`, or the 401 that asks for one. */
export function authorize(
  state: ServerState,
  url: URL,
  authorization: string | undefined,
  name: string | null,
): Authorization {
  const token = /^Bearer\s+(\S+)$/i.exec(authorization ?? '')?.[1];

  const grant = token === undefined ? undefined : state.registryGrants.get(token);

  if (grant && (name === null || grant.name === name)) {
    return { grant };
  }

  const error = token === undefined ? undefined : grant ? 'insufficient_scope' : 'invalid_token';

  return {
    refusal: registryError(401, 'UNAUTHORIZED', 'authentication required', {
      'www-authenticate': challenge(url, name, error),
    }),
  };
}

/** `GET /token?service=…&scope=repository:<name>:pull`. */
export function issueToken(
  state: ServerState,
  url: URL,
  authorization: string | undefined,
): RegistryResponse {
  const name = /^repository:(.+):[a-z,*]+$/.exec(url.searchParams.get('scope') ?? '')?.[1] ?? '';

  const identity = basicIdentity(state, authorization);

  if ('refusal' in identity) {
    return identity.refusal;
  }

  const target: ScenarioPackage | undefined = name ? findRegistryPackage(state.scenario, name) : undefined;

  if (target?.visibility === 'private' && !identity.canReadPrivate) {
    return registryError(403, 'DENIED', 'requested access to the resource is denied');
  }

  const token = Buffer.from(`v1:${randomBytes(24).toString('hex')}`).toString('base64');

  state.registryGrants.set(token, { name, canReadPrivate: identity.canReadPrivate, login: identity.login });

  return { status: 200, body: { token } };
}

function basicIdentity(
  state: ServerState,
  authorization: string | undefined,
): { canReadPrivate: boolean; login: string | null } | { refusal: RegistryResponse } {
  const encoded = /^Basic\s+(\S+)$/i.exec(authorization ?? '')?.[1];

  if (encoded === undefined) {
    return { canReadPrivate: false, login: null };
  }

  const password = Buffer.from(encoded, 'base64').toString('utf8').split(':').slice(1).join(':');

  const token = state.tokenFor(password);

  if (!token) {
    return { refusal: registryError(401, 'UNAUTHORIZED', 'authentication required') };
  }

  if (!token.scopes.some((scope) => PACKAGES_SCOPES.includes(scope))) {
    return {
      refusal: registryError(
        403,
        'DENIED',
        'permission_denied: The token provided does not match expected scopes.',
      ),
    };
  }

  return { canReadPrivate: true, login: token.login };
}
