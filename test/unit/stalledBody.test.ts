/**
 * the local timeout: a response whose headers arrive but whose body stalls.
 */
import * as assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import { ActionsApi } from '../../src/github/actionsApi';
import { createGitHubClient } from '../../src/github/client';
import { ConditionalCache } from '../../src/github/conditionalCache';
import { describeGitHubFailure } from '../../src/github/errors';
import { Pager } from '../../src/github/pager';
import { silentLog } from '../../src/log/log';

const CONTEXT = { repositoryLabel: 'acme/widgets on test', apiHost: '127.0.0.1' };

/** Sends the headers and half a page of runs, then nothing more (the connection stays open). */
async function stallingServer(headers: Record<string, string>): Promise<{ server: Server; url: string }> {
  const server = createServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'application/json; charset=utf-8', ...headers });
    response.write('{"total_count": 1, "workflow_runs": [');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

async function failureOfRunsPage(url: string, cache?: ConditionalCache): Promise<string> {
  const client = createGitHubClient({
    apiBaseUrl: url,
    token: 't',
    log: silentLog,
    userAgent: 'test',
    timeoutMs: 300,
    cache,
  });
  const api = new ActionsApi(client, { owner: 'acme', repo: 'widgets' });
  try {
    await api.runPager({ workflow: 'ci_cd.yml', branch: 'main', maxPages: 1 }).fetchBatch(1);
    return 'no failure';
  } catch (error) {
    const failure = describeGitHubFailure(error, CONTEXT);
    return `${failure.kind}: ${failure.message}`;
  }
}

suite('a body that stalls after the headers', function () {
  this.timeout(10_000);

  const failureWith = async (headers: Record<string, string>): Promise<string> => {
    const { server, url } = await stallingServer(headers);
    try {
      return await failureOfRunsPage(url, new ConditionalCache());
    } finally {
      server.closeAllConnections();
      server.close();
    }
  };

  test('without an ETag (so the cache does not read it), it is reported as a timeout, not as invalid JSON', async () => {
    assert.match(await failureWith({}), /^timeout/);
  });

  test('with an ETag (the cache reads the body inside the guard): reported as a timeout', async () => {
    assert.match(await failureWith({ etag: 'W/"x"' }), /^timeout/);
  });
});

suite('Pager.continueUntil with an estimate that is not a number', function () {
  test('a NaN estimate still fetches a page (it does not spin without fetching)', async () => {
    let calls = 0;
    const client = {
      request: async () => ({
        data: JSON.stringify({ total_count: 1000, workflow_runs: Array.from({ length: 100 }, () => ({})) }),
      }),
    };
    const pager = new Pager(client as never, {
      route: 'GET /x',
      parameters: {},
      itemsKey: 'workflow_runs',
      map: (raw) => raw,
      maxPages: 5,
    });
    await pager.fetchBatch(1);

    await pager.continueUntil(
      () => false,
      () => {
        calls++;
        if (calls > 1000) {
          throw new Error(
            `estimate asked ${calls} times while ${pager.fetchedPages} page(s) were fetched: the loop makes no progress`,
          );
        }
        return Number.NaN;
      },
    );

    assert.equal(pager.fetchedPages, 5);
  });
});
