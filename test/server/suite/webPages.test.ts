import * as assert from 'node:assert/strict';

import { buildScenario } from '../scenario';
import { startTestServer, type TestServer } from '../testServer';

suite('web page stand-ins', () => {
  let server: TestServer;

  suiteSetup(async () => {
    const commits = [
      {
        sha: 'a'.repeat(40),
        subject: '<b>x</b>',
        authorName: 'A',
        authorEmail: 'a@b',
        date: new Date().toISOString(),
      },
    ];
    server = await startTestServer({
      scenario: buildScenario({
        owner: 'acme',
        repo: 'widgets',
        defaultBranch: 'main',
        branches: { main: commits },
      }),
    });
  });

  suiteTeardown(() => server.close());

  test('a run page answers HTML naming the run and its state', async () => {
    const run = server.state.scenario.runs[0];

    const response = await fetch(`${server.url}/acme/widgets/actions/runs/${run.id}`);
    const html = await response.text();

    assert.equal(response.status, 200);
    assert.match(response.headers.get('content-type') ?? '', /text\/html/);
    assert.match(html, new RegExp(`Run #${run.runNumber}`));
    assert.match(html, /State: <strong>in_progress<\/strong>/);
  });

  test('an unknown run is a 404 page, and API routes are untouched', async () => {
    const missing = await fetch(`${server.url}/acme/widgets/actions/runs/1`);
    const api = await fetch(`${server.apiUrl}/repos/acme/widgets/actions/runs/1`);

    assert.equal(missing.status, 404);
    assert.match(api.headers.get('content-type') ?? '', /json/);
  });
});
