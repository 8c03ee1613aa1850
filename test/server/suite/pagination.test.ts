import * as assert from 'node:assert/strict';
import { request } from 'node:http';
import { ArtifactList, get, REPO_PATH, RunList, useTestServer } from './support';

function links(header: string | null): Record<string, string> {
  const entries = (header ?? '').split(', ').filter(Boolean);

  return Object.fromEntries(
    entries.map((entry) => {
      const [, url, rel] = /^<([^>]+)>; rel="(\w+)"$/.exec(entry) ?? [];

      return [rel, url];
    }),
  );
}

function pageOf(url: string): string | null {
  return new URL(url).searchParams.get('page');
}

suite('pagination', () => {
  const context = useTestServer();

  const runsPath = `${REPO_PATH}/actions/workflows/ci_cd.yml/runs`;

  /** 50 + 3 push runs, and a pull_request run on each branch: 55, spread over 6 pages of 10. */
  const RUN_COUNT = 55;

  suiteSetup(() => assert.equal(context.server.state.scenario.runs.length, RUN_COUNT));

  test('gives 30 items by default with the total count', async () => {
    const answer = await get(context.server, runsPath);

    const body = answer.json as RunList;

    assert.equal(body.workflow_runs.length, 30);

    assert.equal(body.total_count, RUN_COUNT);
  });

  test('caps per_page at 100', async () => {
    const body = (await get(context.server, `${runsPath}?per_page=500`)).json as RunList;

    assert.equal(body.workflow_runs.length, RUN_COUNT);

    const artifacts = (await get(context.server, `${REPO_PATH}/actions/artifacts?per_page=500`))
      .json as ArtifactList;

    assert.equal(artifacts.artifacts.length, 100);

    assert.ok(artifacts.total_count > 100);
  });

  test('links the first page to next and last only', async () => {
    const answer = await get(context.server, `${runsPath}?per_page=10`);

    const rels = links(answer.headers.get('link'));

    assert.deepEqual(Object.keys(rels), ['next', 'last']);

    assert.deepEqual([pageOf(rels.next), pageOf(rels.last)], ['2', '6']);
  });

  test('links a middle page to prev, next, last and first, in GitHub’s order', async () => {
    const answer = await get(context.server, `${runsPath}?per_page=10&page=3`);

    const rels = links(answer.headers.get('link'));

    assert.deepEqual(Object.keys(rels), ['prev', 'next', 'last', 'first']);

    assert.deepEqual(Object.values(rels).map(pageOf), ['2', '4', '6', '1']);
  });

  test('links the last page to prev and first, and gives the remainder', async () => {
    const answer = await get(context.server, `${runsPath}?per_page=10&page=6`);

    assert.deepEqual(Object.keys(links(answer.headers.get('link'))), ['prev', 'first']);

    assert.equal((answer.json as RunList).workflow_runs.length, 5);
  });

  test('sends no Link header when everything fits on one page', async () => {
    const answer = await get(context.server, `${runsPath}?per_page=100`);

    assert.equal(answer.headers.get('link'), null);
  });

  test('keeps every other query parameter in the links', async () => {
    const answer = await get(context.server, `${runsPath}?branch=main&status=success&per_page=5&event=push`);

    const next = new URL(links(answer.headers.get('link')).next);

    assert.deepEqual(Object.fromEntries(next.searchParams), {
      branch: 'main',
      status: 'success',
      per_page: '5',
      event: 'push',
      page: '2',
    });
  });

  test('following next visits every item once, newest first', async () => {
    const seen: RunList['workflow_runs'] = [];

    let url: string | undefined = `${context.server.apiUrl}${runsPath}?per_page=7`;

    while (url) {
      const response = await fetch(url, {
        headers: { authorization: `token ${context.server.state.scenario.tokens[0].value}` },
      });

      seen.push(...((await response.json()) as RunList).workflow_runs);

      url = links(response.headers.get('link')).next;
    }

    assert.equal(new Set(seen.map((run) => run.id)).size, RUN_COUNT);

    assert.equal(seen.length, RUN_COUNT);

    assert.ok(seen.every((run, index) => index === 0 || run.created_at <= seen[index - 1].created_at));
  });

  test('builds absolute link URLs from the request’s own host', async () => {
    const { server } = context;

    const link = await new Promise<string>((resolve, reject) => {
      const outgoing = request(
        {
          host: '127.0.0.1',
          port: server.port,
          path: `/api/v3${runsPath}?per_page=10`,
          headers: {
            host: 'github.example.test:8443',
            authorization: `token ${server.state.scenario.tokens[0].value}`,
          },
        },
        (response) => {
          response.resume();

          resolve(String(response.headers.link));
        },
      );

      outgoing.on('error', reject);

      outgoing.end();
    });

    assert.match(
      link,
      /^<http:\/\/github\.example\.test:8443\/api\/v3\/repos\/WordPress\/openverse\/actions/,
    );
  });

  test('answers an empty page past the last one', async () => {
    const body = (await get(context.server, `${runsPath}?per_page=50&page=9`)).json as RunList;

    assert.deepEqual([body.total_count, body.workflow_runs.length], [RUN_COUNT, 0]);
  });
});
