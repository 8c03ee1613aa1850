/** Who a request says it is: no token, a token the scenario knows, or an unknown token. */

import type { ScenarioToken } from '../scenario';

export type Credentials = { kind: 'none' } | { kind: 'valid'; token: ScenarioToken } | { kind: 'invalid' };

export type CredentialsKind = Credentials['kind'];

/** Reads `Authorization: token X` or `Authorization: Bearer X`. */
export function identify(authorization: string | undefined, tokens: readonly ScenarioToken[]): Credentials {
  if (!authorization) {
    return { kind: 'none' };
  }

  const match = /^(?:token|bearer)\s+(\S+)\s*$/i.exec(authorization);

  const token = match ? tokens.find((candidate) => candidate.value === match[1]) : undefined;

  return token ? { kind: 'valid', token } : { kind: 'invalid' };
}
