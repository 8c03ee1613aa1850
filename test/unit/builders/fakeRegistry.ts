/**
 * A scripted registry for the registry client's unit tests: answers by a handler, records every
 * request (URL, method, headers) so tests can check where the client went and what it sent.
 */
export interface SeenRequest {
  readonly url: string;
  readonly method: string;
  readonly headers: Readonly<Record<string, string>>;
}

export type RegistryHandler = (request: SeenRequest) => Response | Promise<Response>;

export interface FakeRegistry {
  readonly fetch: typeof fetch;
  readonly seen: SeenRequest[];
}

export function fakeRegistry(handler: RegistryHandler): FakeRegistry {
  const seen: SeenRequest[] = [];

  const fake = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const request: SeenRequest = {
      url: String(input),
      method: (init?.method ?? 'GET').toUpperCase(),
      headers: Object.fromEntries(new Headers(init?.headers).entries()),
    };
    seen.push(request);

    return handler(request);
  };

  return { fetch: fake as typeof fetch, seen };
}

export const CHALLENGE_TOKEN = 'anonymous-pull-token';

/** 401 with a Bearer challenge unless the request carries the realm's token. */
export function challengeUnlessAuthorized(
  request: SeenRequest,
  realm: string,
  answer: () => Response,
): Response {
  if (request.headers.authorization === `Bearer ${CHALLENGE_TOKEN}`) {
    return answer();
  }

  const scope = /\/v2\/(.+)\/(?:tags|manifests)\//.exec(new URL(request.url).pathname)?.[1] ?? '';

  return new Response('{"errors":[{"code":"UNAUTHORIZED"}]}', {
    status: 401,
    headers: {
      'www-authenticate': `Bearer realm="${realm}",service="registry.test",scope="repository:${scope}:pull"`,
    },
  });
}

export function json(body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status: 200,
    headers: { 'content-type': 'application/json', ...headers },
  });
}
