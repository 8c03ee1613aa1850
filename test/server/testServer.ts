/**
 * A stateful GitHub-compatible test server on 127.0.0.1. The REST API lives under `/api/v3`
 * (Enterprise-style: the product's base URL is `apiUrl`), the control API under `/_control/`, and a
 * container registry under `/v2/` with its token realm `/token` (see `registry/`). Anything else
 * answers GitHub's 404 (and is logged, so a request missing the prefix shows). Before any request is
 * answered, dispatched and re-run runs move on to where the server's clock says they are.
 */

import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { answerControlRequest, CONTROL_PREFIX } from './control';
import { answerApiRequest, API_PREFIX, ApiOutcome } from './http/apiRequests';
import type { CredentialsKind } from './http/credentials';
import type { RequestLogEntry } from './http/requestLog';
import { answerRegistryRequest, isRegistryPath } from './registry/registryRequests';
import type { Scenario } from './scenario';
import { ServerState } from './serverState';
import { answerWebPage, isWebPagePath } from './webPages';

export interface TestServerOptions {
  scenario: Scenario;

  /** 0 or omitted: a free port. */
  port?: number;

  /** A delay before every API request is answered. */
  latencyMs?: number;

  /** How long a dispatched or re-run run stays queued, then in progress (`DEFAULT_STEP_MS`). */
  dispatchStepMs?: number;
}

export interface TestServer {
  /** `http://127.0.0.1:PORT`. */
  url: string;

  /** `url` + `/api/v3`. */
  apiUrl: string;
  port: number;
  state: ServerState;

  /** The API request log (the same array as `state.requests`). */
  requests: RequestLogEntry[];
  close(): Promise<void>;
}

const HOST = '127.0.0.1';

export async function startTestServer(options: TestServerOptions): Promise<TestServer> {
  const state = new ServerState(options.scenario, options.latencyMs ?? 0, options.dispatchStepMs);

  const sockets = new Set<Socket>();

  let requestCount = 0;

  const server = createServer((request, response) => {
    requestCount++;

    handleRequest(state, request, response, requestCount).catch((error: unknown) => {
      if (!response.headersSent && !response.destroyed) {
        sendJson(response, 500, { message: 'Server Error', test_server_error: String(error) });
      }
    });
  });

  server.on('connection', (socket) => {
    sockets.add(socket);

    socket.on('close', () => sockets.delete(socket));
  });

  const port = await listen(server, options.port ?? 0);

  const url = `http://${HOST}:${port}`;

  return {
    url,
    apiUrl: `${url}${API_PREFIX}`,
    port,
    state,
    requests: state.requests,
    close: () => close(server, sockets),
  };
}

async function handleRequest(
  state: ServerState,
  request: IncomingMessage,
  response: ServerResponse,
  requestNumber: number,
): Promise<void> {
  const startedAt = performance.now();

  const arrivedAt = new Date().toISOString();

  const url = new URL(request.url ?? '/', `http://${request.headers.host ?? HOST}`);

  const method = request.method ?? 'GET';

  const bodyText = await readBody(request);

  state.advanceRuns();

  if (url.pathname.startsWith(CONTROL_PREFIX)) {
    const answer = answerControlRequest(state, method, url.pathname, bodyText);

    sendJson(response, answer.status, answer.body);

    return;
  }

  if (method === 'GET' && isWebPagePath(url.pathname)) {
    const page = answerWebPage(state, url.pathname);

    response.writeHead(page.status, { 'content-type': 'text/html; charset=utf-8' });
    response.end(page.html);

    return;
  }

  const requestId = `7E57:${requestNumber.toString(16).toUpperCase().padStart(6, '0')}`;

  const apiRequest = { method, url, headers: request.headers, bodyText, requestId };

  const outcome = isRegistryPath(url.pathname)
    ? await answerRegistryRequest(state, apiRequest)
    : identified(await answerApiRequest(state, apiRequest));

  state.requests.push(logEntry(method, url, request, outcome, performance.now() - startedAt, arrivedAt));

  if (!outcome.answer) {
    if (outcome.fault?.action === 'drop') {
      request.socket.destroy();
    }

    return;
  }

  if (response.destroyed) {
    return;
  }

  response.writeHead(outcome.answer.status, outcome.answer.headers);

  response.end(outcome.answer.bodyText ?? undefined);
}

interface Outcome extends Omit<ApiOutcome, 'credentials'> {
  tokenKind: CredentialsKind;
  login: string | null;
}

function identified(outcome: ApiOutcome): Outcome {
  const credentials = outcome.credentials;

  return {
    ...outcome,
    tokenKind: credentials.kind,
    login: credentials.kind === 'valid' ? credentials.token.login : null,
  };
}

function logEntry(
  method: string,
  url: URL,
  request: IncomingMessage,
  outcome: Outcome,
  ms: number,
  at: string,
): RequestLogEntry {
  const ifNoneMatch = request.headers['if-none-match'];

  return {
    method,
    path: url.pathname + url.search,
    status: outcome.answer?.status ?? null,
    ms: Math.round(ms * 10) / 10,
    ifNoneMatch: ifNoneMatch ?? null,
    token: outcome.tokenKind,
    login: outcome.login,
    fault: outcome.fault?.action ?? null,
    at,
  };
}

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });

  response.end(JSON.stringify(body));
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];

    request.on('data', (chunk: Buffer) => chunks.push(chunk));

    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));

    request.on('error', reject);
  });
}

function listen(server: Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);

    server.listen(port, HOST, () => resolve((server.address() as AddressInfo).port));
  });
}

/** Stops listening and ends every connection, hanging ones included. */
function close(server: Server, sockets: Set<Socket>): Promise<void> {
  return new Promise((resolve, reject) => {
    server.close((error) => (error ? reject(error) : resolve()));

    for (const socket of sockets) {
      socket.destroy();
    }
  });
}
