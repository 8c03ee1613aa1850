/**
 * What the user is told when GitHub fails, one row per failure: the real CI loader, dispatcher and
 * API classes against the real test server, its faults injected, and the sentence the product shows
 * (`describeGitHubFailure` for the commits view and the dispatch, the dispatch rejection for a 422,
 * the packages failure for a package). Each row also holds what must not happen: no more requests
 * than the retry bound, no dispatch sent twice or by accident, no token in a message or the log.
 *
 * The rows run at once in `suiteSetup`, each on its own server, and each test reads its row's
 * outcome. The suite takes about 10 s: the retried rows wait out Octokit's backoff (1 s, then 4 s),
 * and Octokit's throttling sends POSTs one per second across all clients of the process. The world
 * each row acts in, and the helpers rows share, are in builders/failureWorld.ts.
 */
import * as assert from 'node:assert/strict';

import { describeGitHubFailure } from '../../src/github/errors';
import { describePackagesFailure } from '../../src/github/packageFailures';
import { PackagesApi } from '../../src/github/packagesApi';
import { PublishApi } from '../../src/github/publishApi';
import { DEFAULT_LOGIN, DEFAULT_TOKEN } from '../server/scenario';
import { startTestServer, type TestServer } from '../server/testServer';
import { OWNER, packagesScenario, REPO } from './builders/serverFixtures';
import {
  SHA,
  PUBLISH_FILE,
  REVOKED_TOKEN,
  NO_REPO_TOKEN,
  SHORT_TIMEOUT_MS,
  NOTHING,
  RUNS_ROUTE,
  DISPATCH_ROUTE,
  ciLoadMessage,
  dispatchMessage,
  requestsTo,
  sentOnce,
  nothingDispatched,
  serverErrorRow,
  observe,
  startListener,
  type Outcome,
  type Row,
} from './builders/failureWorld';

const ROWS: readonly Row[] = [
  {
    name: '401: a token GitHub no longer accepts',
    act: (world) => ciLoadMessage(world, { client: world.client({ token: REVOKED_TOKEN }) }),
    says: 'GitHub rejected the saved sign-in (401: Bad credentials). Sign in to GitHub again.',
    todo: /Sign in to GitHub again/,
    also: (outcome) => {
      // The first load asks for the workflows, the runs and the artifacts at once: each once, none again.
      const paths = outcome.requests.map((request) => request.path);
      assert.deepEqual(new Set(paths).size, paths.length, `a 401 is not retried:\n${paths.join('\n')}`);
      assert.ok(paths.length <= 3, `one first wave only:\n${paths.join('\n')}`);
      assert.ok(outcome.requests.every((request) => request.status === 401));
    },
  },
  {
    name: "403 with GitHub's message: dispatching with a token that lacks the repo scope",
    act: (world) => {
      world.server.state.addToken({ value: NO_REPO_TOKEN, login: DEFAULT_LOGIN, scopes: ['read:packages'] });
      return dispatchMessage(world, {}, world.client({ token: NO_REPO_TOKEN }));
    },
    says: /^GitHub refused access to acme\/widgets on 127\.0\.0\.1:\d+: Resource not accessible by personal access token\. /,
    todo: /Check that the account has access and the token's permissions\.$/,
    also: (outcome) => {
      sentOnce(outcome);
      nothingDispatched(outcome);
    },
  },
  {
    name: '404: the repository does not exist, or the account cannot see it',
    act: (world) => ciLoadMessage(world, { repo: 'gizmos' }),
    says: /^acme\/gizmos on 127\.0\.0\.1:\d+ was not found, or the account octo-tester cannot see it\. /,
    todo: /Check the remote, or sign in with an account that has access\.$/,
  },
  {
    name: '404: the CI workflow set in imagePublisher.ciWorkflow does not exist',
    act: (world) => ciLoadMessage(world, { settings: { ciWorkflow: 'build.yml' } }),
    says: /build\.yml/,
    todo: /imagePublisher\.ciWorkflow/,
  },
  {
    name: '404: the run to re-run no longer exists',
    act: async (world) => {
      try {
        await new PublishApi(world.client(), { owner: OWNER, repo: REPO }).rerun(987654321);
        return '(nothing: the re-run was accepted)';
      } catch (error) {
        return describeGitHubFailure(error, world.context).message;
      }
    },
    says: /\brun\b.*(not found|no longer exists|was deleted)/i,
    todo: /\b(Refresh|Open|Check)\b/,
  },
  {
    name: '404: the container package does not exist, or the account cannot see it',
    act: async (world) => {
      const context = { ...world.context, owner: OWNER };
      const api = new PackagesApi(
        world.client(),
        { owner: OWNER, repo: REPO },
        {
          log: world.log,
          failureContext: context,
        },
      );
      try {
        await api.listVersions('widgets-nothing');
        return '(nothing: the versions were listed)';
      } catch (error) {
        return describePackagesFailure(error, context).message;
      }
    },
    says: 'The container package widgets-nothing of acme was not found, or the account octo-tester cannot see it (it may have been deleted, renamed or made private). Check imagePublisher.imageName, or ask the owner for access.',
    todo: /\b(Check|Sign in|Set|Grant)\b/,
  },
  {
    name: '422: a SHA sent as the ref',
    act: (world) => dispatchMessage(world, { ref: SHA }),
    says: `'${SHA}' is not a branch or tag of the repository. Set imagePublisher.dispatchRef to a branch (the default branch if empty), and push it first.`,
    todo: /Set imagePublisher\.dispatchRef to a branch/,
    also: (outcome) => {
      sentOnce(outcome);
      nothingDispatched(outcome);
    },
  },
  {
    name: '422: an input the workflow does not declare',
    act: (world) => dispatchMessage(world, { inputs: { image: 'api', commit: SHA, service: 'api' } }),
    says: `${PUBLISH_FILE} at 'main' does not declare the input 'service'. Check imagePublisher.serviceInput and imagePublisher.commitInput, or the workflow file on that ref.`,
    todo: /Check imagePublisher\.serviceInput and imagePublisher\.commitInput/,
    also: (outcome) => {
      sentOnce(outcome);
      nothingDispatched(outcome);
    },
  },
  {
    name: '422: a required input left out',
    act: (world) => dispatchMessage(world, { inputs: { image: 'api' } }),
    says: `${PUBLISH_FILE} at 'main' requires the input 'commit', which was not sent. Publish again and fill it in.`,
    todo: /Publish again and fill it in/,
    also: (outcome) => {
      sentOnce(outcome);
      nothingDispatched(outcome);
    },
  },
  {
    name: '422: a choice outside the options',
    act: (world) => dispatchMessage(world, { inputs: { image: 'web', commit: SHA } }),
    says: `'web' is not an allowed value of the input 'image' of ${PUBLISH_FILE} at 'main'. Pick one of the workflow's options.`,
    todo: /Pick one of the workflow's options/,
    also: (outcome) => {
      sentOnce(outcome);
      nothingDispatched(outcome);
    },
  },
  {
    name: '422: a workflow without workflow_dispatch',
    act: (world) => dispatchMessage(world, { workflowFile: 'ci_cd.yml' }),
    says: "ci_cd.yml at 'main' has no workflow_dispatch trigger, so it cannot be started from here. Check imagePublisher.publishWorkflow or the ref.",
    todo: /Check imagePublisher\.publishWorkflow or the ref/,
    also: (outcome) => {
      sentOnce(outcome);
      nothingDispatched(outcome);
    },
  },
  serverErrorRow(500, 'server-error'),
  serverErrorRow(502, 'bad-gateway'),
  serverErrorRow(503, 'service-unavailable'),
  {
    name: '500 on the dispatch: sent once, never retried, and not said to be',
    act: (world) => {
      world.server.state.faults.add({ method: 'POST', path: DISPATCH_ROUTE, preset: 'server-error' });
      return dispatchMessage(world, {});
    },
    says: /^GitHub answered with an error \(500\)/,
    todo: /check on GitHub before trying again\.$/,
    also: (outcome) => {
      sentOnce(outcome);
      assert.doesNotMatch(outcome.message, /after retries/, 'the dispatch was sent once, not retried');
    },
  },
  {
    name: 'a dropped connection on the runs list: retried, then cannot reach',
    act: (world) => {
      world.server.state.faults.add({ method: 'GET', path: RUNS_ROUTE, action: 'drop' });
      return ciLoadMessage(world);
    },
    says: /^Cannot reach 127\.0\.0\.1:\d+ \(.+\)\. /,
    todo: /Check your connection or proxy, then refresh\.$/,
    also: (outcome) => assert.equal(requestsTo(outcome, RUNS_ROUTE).length, 3),
  },
  {
    name: 'a dropped connection on the dispatch: sent once, never retried',
    act: (world) => {
      world.server.state.faults.add({ method: 'POST', path: DISPATCH_ROUTE, action: 'drop' });
      return dispatchMessage(world, {});
    },
    says: /^Cannot reach 127\.0\.0\.1:\d+ \(.+\)\. /,
    todo: /Check your connection or proxy, then refresh\.$/,
    also: sentOnce,
  },
  {
    name: 'a request that never answers: timed out once, not repeated (the next refresh tries again)',
    act: (world) => {
      world.server.state.faults.add({ method: 'GET', path: RUNS_ROUTE, action: 'hang' });
      return ciLoadMessage(world, { client: world.client({ timeoutMs: SHORT_TIMEOUT_MS }) });
    },
    says: /^127\.0\.0\.1:\d+ did not answer in time\. /,
    todo: /Check your connection, then refresh\.$/,
    also: (outcome) => {
      assert.equal(requestsTo(outcome, RUNS_ROUTE).length, 1);
      // Retried, it would take two more timeouts and Octokit's backoff of 1 s and 4 s.
      assert.ok(outcome.ms < 4_000, `gave up after ${outcome.ms} ms`);
    },
  },
  {
    name: 'a dispatch that never answers: timed out and sent once',
    act: (world) => {
      world.server.state.faults.add({ method: 'POST', path: DISPATCH_ROUTE, action: 'hang' });
      return dispatchMessage(world, {}, world.client({ timeoutMs: SHORT_TIMEOUT_MS }));
    },
    says: /^127\.0\.0\.1:\d+ did not answer in time\. /,
    todo: /Check your connection, then refresh\.$/,
    also: sentOnce,
  },
  {
    name: 'a runs list that is not JSON',
    act: (world) => {
      world.server.state.faults.add({ method: 'GET', path: RUNS_ROUTE, preset: 'not-json' });
      return ciLoadMessage(world);
    },
    says: /^127\.0\.0\.1:\d+ sent a response that is not valid JSON\. /,
    todo: /Refresh to try again\.$/,
  },
  {
    name: 'an empty body where a runs list was expected',
    act: (world) => {
      world.server.state.faults.add({
        method: 'GET',
        path: RUNS_ROUTE,
        status: 200,
        body: '',
        headers: { 'content-type': 'application/json; charset=utf-8' },
      });
      return ciLoadMessage(world);
    },
    says: /^127\.0\.0\.1:\d+ sent a response that is not valid JSON\. /,
    todo: /Refresh to try again\.$/,
  },
  {
    name: 'a redirect to another host: refused, nothing sent there',
    act: async (world) => {
      const elsewhere = await startListener();
      try {
        world.server.state.faults.add({
          method: 'GET',
          path: RUNS_ROUTE,
          status: 302,
          body: '',
          headers: { location: `http://127.0.0.1:${elsewhere.port}/api/v3/repos/acme/widgets/actions/runs` },
        });
        const message = await ciLoadMessage(world);
        world.notes.push(`connections elsewhere: ${elsewhere.connections()}`);
        return message.replace(`:${elsewhere.port}`, ':<other port>');
      } finally {
        await elsewhere.close();
      }
    },
    says: /^Refused to send a GitHub request to 127\.0\.0\.1:<other port>: it is not the repository's API host\. Nothing was sent there\./,
    todo: /\b(Check|Report|Set)\b/,
    also: (outcome) => assert.deepEqual(outcome.notes, ['connections elsewhere: 0']),
  },
  {
    name: 'a runs page far larger than asked for: the same CI state, from one request',
    act: async (world) => {
      await ciLoadMessage(world);
      const page = (await (
        await fetch(`${world.server.apiUrl}/repos/${OWNER}/${REPO}/actions/runs?branch=main&per_page=100`, {
          headers: { authorization: `Bearer ${DEFAULT_TOKEN}` },
        })
      ).json()) as { total_count: number; workflow_runs: Array<Record<string, unknown>> };
      const filler = Array.from({ length: 3_000 }, (_, index) => ({
        ...page.workflow_runs[page.workflow_runs.length - 1],
        id: 900_000 + index,
        head_sha: (900_000 + index).toString(16).padStart(40, 'f'),
      }));
      world.server.state.faults.add({
        method: 'GET',
        path: RUNS_ROUTE,
        status: 200,
        body: { total_count: page.total_count, workflow_runs: [...page.workflow_runs, ...filler] },
      });
      world.server.requests.length = 0;

      return ciLoadMessage(world);
    },
    says: NOTHING,
    also: (outcome) => {
      const [before, after] = outcome.snapshots.map((snapshot) =>
        snapshot.statuses.map((status) => status.ci?.state.word ?? 'not loaded'),
      );
      assert.deepEqual(after, before);
      assert.equal(requestsTo(outcome, RUNS_ROUTE).length, 1);
      assert.ok(outcome.ms < 10_000, `took ${outcome.ms} ms`);
    },
  },
];

suite('Failure table: what the user is told when GitHub fails', function () {
  this.timeout(60_000);

  const outcomes = new Map<string, Outcome>();
  const servers: TestServer[] = [];

  suiteSetup(async () => {
    await Promise.all(
      ROWS.map(async (row) => {
        const server = await startTestServer({ scenario: packagesScenario() });
        servers.push(server);
        outcomes.set(row.name, await observe(row, server));
      }),
    );
  });

  suiteTeardown(async () => {
    await Promise.all(servers.map((server) => server.close()));
  });

  for (const row of ROWS) {
    test(row.name, () => {
      const outcome = outcomes.get(row.name);
      assert.ok(outcome, 'the row did not run');

      if (typeof row.says === 'string') {
        assert.equal(outcome.message, row.says);
      } else {
        assert.match(outcome.message, row.says);
      }
      if (row.todo) {
        assert.match(outcome.message, row.todo, `says what to do: ${outcome.message}`);
      }

      assert.ok(!outcome.message.includes(DEFAULT_TOKEN), 'the token is in the message');
      assert.ok(
        outcome.logLines.every((line) => !line.includes(DEFAULT_TOKEN)),
        'the token is in the log',
      );

      row.also?.(outcome);
    });
  }
});
