/**
 * A container registry beside the API, on the same server and outside `/api/v3`: the Docker Registry
 * HTTP API v2 with token auth, as ghcr.io serves it (`/v2/…` and its token realm `/token`), over the
 * scenario's packages. Global latency and injected faults apply as to the API; requests are logged
 * (`token`: `valid` for a bearer the server issued, with the GitHub login it was obtained with).
 * These routes are not in GitHub's OpenAPI description: behaviour tests cover them.
 */

import { ApiAnswer, ApiRequest, sleep } from '../http/apiRequests';
import type { CredentialsKind } from '../http/credentials';
import { Fault, faultResponse } from '../http/faults';
import type { ServerState } from '../serverState';
import { manifest, readablePackage, tagList } from './registryContent';
import { registryError, RegistryResponse } from './registryResponses';
import { authorize, issueToken } from './registryTokens';

export interface RegistryOutcome {
  tokenKind: CredentialsKind;
  login: string | null;
  fault: Fault | null;

  /** Null when a fault drops the connection or leaves it hanging. */
  answer: ApiAnswer | null;
}

const REGISTRY_PATH = /^\/(?:v2(?:\/.*)?|token)$/;

const TAGS_PATH = /^\/v2\/(.+)\/tags\/list$/;

const MANIFEST_PATH = /^\/v2\/(.+)\/manifests\/([^/]+)$/;

export function isRegistryPath(pathname: string): boolean {
  return REGISTRY_PATH.test(pathname);
}

export async function answerRegistryRequest(
  state: ServerState,
  request: ApiRequest,
): Promise<RegistryOutcome> {
  await sleep(state.latencyMs);

  const fault = state.faults.take(request.method, request.url.pathname + request.url.search);

  await sleep(fault?.delayMs ?? 0);

  const identity = identityOf(state, header(request, 'authorization'));

  if (fault && (fault.action === 'drop' || fault.action === 'hang')) {
    return { ...identity, fault, answer: null };
  }

  const response =
    fault?.action === 'respond' ? faultResponse(fault, request.requestId) : route(state, request);

  return { ...identity, fault, answer: serialize(response) };
}

function route(state: ServerState, request: ApiRequest): RegistryResponse {
  const { url, method } = request;

  const authorization = header(request, 'authorization');

  if (url.pathname === '/token' && method === 'GET') {
    return issueToken(state, url, authorization);
  }

  if ((url.pathname === '/v2' || url.pathname === '/v2/') && method === 'GET') {
    const ping = authorize(state, url, authorization, null);

    return 'refusal' in ping ? ping.refusal : { status: 200, body: {} };
  }

  const tags = method === 'GET' ? TAGS_PATH.exec(url.pathname) : null;

  const manifestPath = method === 'GET' || method === 'HEAD' ? MANIFEST_PATH.exec(url.pathname) : null;

  const name = tags?.[1] ?? manifestPath?.[1];

  if (name === undefined) {
    return registryError(404, 'UNSUPPORTED', 'The operation is unsupported.');
  }

  const access = authorize(state, url, authorization, name);

  const readable = 'refusal' in access ? access : readablePackage(state, name, access.grant);

  if ('refusal' in readable) {
    return readable.refusal;
  }

  return manifestPath
    ? manifest(
        readable.target,
        decodeURIComponent(manifestPath[2]),
        header(request, 'accept') ?? '',
        method as 'GET' | 'HEAD',
      )
    : tagList(readable.target, name, url);
}

function identityOf(
  state: ServerState,
  authorization: string | undefined,
): Pick<RegistryOutcome, 'tokenKind' | 'login'> {
  const bearer = /^Bearer\s+(\S+)$/i.exec(authorization ?? '')?.[1];

  if (bearer === undefined) {
    return { tokenKind: 'none', login: null };
  }

  const grant = state.registryGrants.get(bearer);

  return grant ? { tokenKind: 'valid', login: grant.login } : { tokenKind: 'invalid', login: null };
}

function serialize(response: RegistryResponse): ApiAnswer {
  const text =
    response.body === undefined
      ? null
      : typeof response.body === 'string'
        ? response.body
        : JSON.stringify(response.body);

  return {
    status: response.status,
    headers: {
      'content-type': 'application/json',
      'docker-distribution-api-version': 'registry/2.0',
      ...response.headers,
    },
    bodyText: text,
  };
}

function header(request: ApiRequest, name: string): string | undefined {
  const value = request.headers[name];

  return Array.isArray(value) ? value.join(', ') : value;
}
