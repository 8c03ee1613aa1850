/**
 * The server against GitHub's own OpenAPI descriptions (github.com and GHES 3.17): every route it
 * serves must be an operation there, every route is exercised, and every answer's status must be
 * documented and its body valid against the documented schema (required fields present, types).
 */

import * as assert from 'node:assert/strict';
import { matchRoute } from '../http/router';
import { API_ROUTES } from '../routes';
import { NO_PACKAGES_TOKEN, Scenario } from '../scenario';
import type { TestServer } from '../testServer';
import { DescriptionName, DESCRIPTIONS, OpenApiDescription } from './openApiDescription';
import { get, OWNER, REPO_PATH, request, sampleScenario, useTestServer } from './support';

interface Sample {
  path: string;
  status: number;
  method?: 'GET' | 'POST';
  body?: unknown;
  token?: null | string;
  headers?: Record<string, string>;

  /** The descriptions that document this answer; all by default. */
  descriptions?: DescriptionName[];

  /** Sent to the second server, whose owner is a user. */
  userOwned?: boolean;
}

const DISPATCH = `${REPO_PATH}/actions/workflows/push_docker_image.yml/dispatches`;

const PACKAGES = `/orgs/${OWNER}/packages`;

const USER_PACKAGES = `/users/${OWNER}/packages`;

function samples(scenario: Scenario, etagOfUser: string): Sample[] {
  const finished = scenario.runs.find((run) => run.artifacts.length === 3);

  const retried = scenario.runs.find((run) => run.runAttempt > 1);

  const artifact = finished?.artifacts[0];

  const [head, failed, recent] = scenario.branches.main
    .slice(0, 3)
    .map((commit) => scenario.runs.find((run) => run.headSha === commit.sha && run.event === 'push'));

  const inputs = { image: 'api', commit: scenario.branches.main[2].sha };

  return [
    { path: '/user', status: 200 },
    { path: '/user', status: 304, headers: { 'if-none-match': etagOfUser } },
    { path: '/user', status: 401, token: null },
    { path: '/user', status: 401, token: 'ghp_wrong' },
    { path: REPO_PATH, status: 200 },
    { path: REPO_PATH, status: 200, token: null },
    { path: '/repos/WordPress/elsewhere', status: 404 },
    { path: `${REPO_PATH}/branches/main`, status: 200 },
    { path: `${REPO_PATH}/branches/feature/search`, status: 200 },
    { path: `${REPO_PATH}/branches/nowhere`, status: 404 },
    { path: `${REPO_PATH}/actions/workflows`, status: 200 },
    { path: `${REPO_PATH}/actions/workflows/push_docker_image.yml`, status: 200 },
    { path: `${REPO_PATH}/actions/workflows/ci_cd.yml/runs?per_page=100`, status: 200 },
    { path: `${REPO_PATH}/actions/workflows/ci_cd.yml/runs?exclude_pull_requests=true`, status: 200 },
    { path: `${REPO_PATH}/actions/runs?per_page=100&page=1`, status: 200 },
    { path: `${REPO_PATH}/actions/runs/${finished?.id}`, status: 200 },
    { path: `${REPO_PATH}/actions/runs/${retried?.id}`, status: 200 },
    { path: `${REPO_PATH}/actions/runs/${finished?.id}/artifacts`, status: 200 },
    { path: `${REPO_PATH}/actions/artifacts?per_page=100`, status: 200 },
    { path: `${REPO_PATH}/actions/artifacts/${artifact?.id}`, status: 200 },
    { path: `${REPO_PATH}/contents/.github/workflows/ci_cd.yml`, status: 200 },
    { path: `${REPO_PATH}/contents/.github/workflows`, status: 200 },
    { path: `${REPO_PATH}/contents/.github/workflows/ci_cd.yml?ref=nowhere`, status: 404 },
    { path: `${REPO_PATH}/contents/README.md`, status: 404 },
    { path: DISPATCH, method: 'POST', body: { ref: 'main', inputs }, status: 204 },
    {
      path: DISPATCH,
      method: 'POST',
      body: { ref: 'main', inputs, return_run_details: true },
      status: 200,
      descriptions: ['api.github.com.json'],
    },
    { path: `${REPO_PATH}/actions/runs/${recent?.id}/rerun`, method: 'POST', status: 201 },
    { path: `${REPO_PATH}/actions/runs/${recent?.id}/jobs?filter=all`, status: 200 },
    { path: `${REPO_PATH}/actions/runs/${head?.id}/jobs`, status: 200 },
    { path: `${REPO_PATH}/actions/runs/${failed?.id}/jobs`, status: 200 },
    { path: `${REPO_PATH}/actions/runs/${finished?.id}/jobs?per_page=1`, status: 200 },
    { path: `${PACKAGES}?package_type=container`, status: 200 },
    { path: `${PACKAGES}?package_type=container`, status: 401, token: null },
    { path: `${PACKAGES}?package_type=container`, status: 403, token: NO_PACKAGES_TOKEN },
    { path: `${PACKAGES}/container/openverse-api`, status: 200 },
    { path: `${PACKAGES}/container/openverse%2Fapi`, status: 200 },
    { path: `${PACKAGES}/container/openverse-api/versions?per_page=2&page=2`, status: 200 },
    { path: `${PACKAGES}/container/openverse-api/versions`, status: 401, token: null },
    { path: `${PACKAGES}/container/openverse-api/versions`, status: 403, token: NO_PACKAGES_TOKEN },
    { path: `${PACKAGES}/container/nowhere/versions`, status: 404 },
    { path: `${USER_PACKAGES}/container/openverse-api/versions`, status: 404 },
    { path: `${USER_PACKAGES}?package_type=container`, status: 200, userOwned: true },
    { path: `${USER_PACKAGES}/container/openverse-ingestion_server`, status: 200, userOwned: true },
    { path: `${USER_PACKAGES}/container/openverse-ingestion_server/versions`, status: 200, userOwned: true },
  ];
}

function templateOf(sample: Pick<Sample, 'path' | 'method'>): string {
  const match = matchRoute(API_ROUTES, sample.method ?? 'GET', new URL(sample.path, 'http://x').pathname);

  assert.ok(match, `no route serves ${sample.method ?? 'GET'} ${sample.path}`);

  return match.route.template;
}

suite('contract with GitHub’s OpenAPI descriptions', function () {
  this.timeout(30_000);

  const context = useTestServer();

  const userContext = useTestServer(() => sampleScenario({ ownerType: 'User' }));

  const descriptions: OpenApiDescription[] = [];

  let cases: Sample[] = [];

  const serverOf = (sample: Sample): TestServer => (sample.userOwned ? userContext : context).server;

  suiteSetup(async () => {
    descriptions.push(...DESCRIPTIONS.map((name) => OpenApiDescription.load(name)));

    const head = context.server.state.scenario.branches.main[0];

    context.server.state.changeRun({ sha: head.sha, status: 'queued', runAttempt: 2 });

    context.server.state.changePackage({ name: 'openverse/api', push: { tags: ['v1'] } });

    const user = await get(context.server, '/user');

    cases = samples(context.server.state.scenario, user.headers.get('etag') ?? '');
  });

  test('every route the server serves is an operation of each description', () => {
    for (const description of descriptions) {
      const missing = API_ROUTES.filter((route) => !description.operation(route.template, route.method));

      assert.deepEqual(
        missing.map((route) => `${route.method} ${route.template}`),
        [],
        `not in ${description.name}`,
      );
    }
  });

  test('the samples exercise every route', () => {
    const exercised = new Set(cases.map((sample) => `${sample.method ?? 'GET'} ${templateOf(sample)}`));

    assert.deepEqual(
      API_ROUTES.map((route) => `${route.method} ${route.template}`).filter((route) => !exercised.has(route)),
      [],
    );
  });

  test('every answer has its sample’s status, documented, and a body valid against the schema', async () => {
    const failures: string[] = [];

    for (const sample of cases) {
      const method = sample.method ?? 'GET';

      const answer = await request(serverOf(sample), sample.path, {
        method,
        body: sample.body,
        token: sample.token,
        headers: sample.headers,
      });

      const template = templateOf(sample);

      assert.equal(answer.status, sample.status, `${method} ${sample.path} answered ${answer.status}`);

      for (const description of descriptions) {
        if (sample.descriptions && !sample.descriptions.includes(description.name)) {
          continue;
        }

        const validate = description.bodyValidator(template, method, answer.status);

        if (validate && !validate(answer.json)) {
          failures.push(
            `${description.name} ${method} ${sample.path}: ${JSON.stringify(validate.errors?.slice(0, 5))}`,
          );
        }

        if (!validate && answer.text !== '') {
          failures.push(`${description.name} ${method} ${sample.path}: no JSON schema for ${answer.status}`);
        }
      }
    }

    assert.deepEqual(failures, []);
  });

  test('GitHub Enterprise Server 3.17 documents only 204 for a dispatch: no run details there', () => {
    const documented = descriptions[1].documentedStatuses(
      '/repos/{owner}/{repo}/actions/workflows/{workflow_id}/dispatches',
      'POST',
    );

    assert.deepEqual(documented, ['204']);
  });

  test('a body missing a required field fails validation', async () => {
    const answer = await get(context.server, `${REPO_PATH}/actions/runs?per_page=1`);

    const body = answer.json as { workflow_runs: Record<string, unknown>[] };

    delete body.workflow_runs[0].head_sha;

    const validate = descriptions[0].bodyValidator('/repos/{owner}/{repo}/actions/runs', 'GET', 200);

    assert.equal(validate?.(body), false);
  });

  test('a body with a wrong type fails validation', async () => {
    const answer = await get(context.server, `${REPO_PATH}/actions/artifacts?per_page=1`);

    const body = answer.json as { artifacts: Record<string, unknown>[] };

    body.artifacts[0].expired = 'no';

    const validate = descriptions[1].bodyValidator('/repos/{owner}/{repo}/actions/artifacts', 'GET', 200);

    assert.equal(validate?.(body), false);
  });

  test('null is accepted only where the description says nullable', async () => {
    const validate = descriptions[0].bodyValidator('/repos/{owner}/{repo}/actions/runs/{run_id}', 'GET', 200);

    const run = (await get(context.server, `${REPO_PATH}/actions/runs?per_page=1`)).json as {
      workflow_runs: Record<string, unknown>[];
    };

    const withNullConclusion = { ...run.workflow_runs[0], conclusion: null };

    const withNullSha = { ...run.workflow_runs[0], head_sha: null };

    assert.deepEqual([validate?.(withNullConclusion), validate?.(withNullSha)], [true, false]);
  });
});
