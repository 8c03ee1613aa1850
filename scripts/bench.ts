// `npm run bench`: how much the commits view costs GitHub, against the test server (in a process of
// its own) with 100 ms of latency per request, ours beside a naive strategy (one runs request and one
// artifacts request per commit, 10 at a time) measured in the same run. Prints one table; not a
// test, nothing is asserted. With --vscode it also runs the UI test in code-server to read the
// extension's activation time.
import * as os from 'node:os';

import { CiLoader, type CiSettings } from '../src/ci/ciLoader';
import type { Commit } from '../src/domain/model';
import { ActionsApi } from '../src/github/actionsApi';
import { createGitHubClient, type GitHubClient } from '../src/github/client';
import { ConditionalCache } from '../src/github/conditionalCache';
import { silentLog } from '../src/log/log';
import {
  BENCH_OWNER,
  BENCH_REPO,
  DISCOVERED,
  HISTORY_LENGTH,
  LATENCY_MS,
  NAIVE_CONCURRENCY,
  SERVICES,
  UNDISCOVERED,
} from './bench/benchSetup';
import { branchCommits } from '../test/unit/builders/serverFixtures';
import { startBenchServer, type BenchServer } from './bench/benchServerProcess';
import { activationRow, bundleRow } from './bench/staticRows';
import { printTable, type Row } from './bench/table';

interface Measurement {
  requests: number;
  units: number;
  ms: number;
}

const repository = { owner: BENCH_OWNER, repo: BENCH_REPO };

async function measure(server: BenchServer, work: () => Promise<unknown>): Promise<Measurement> {
  await server.control.clearRequests();
  const started = performance.now();

  await work();

  const ms = performance.now() - started;
  const log = await server.control.requests();
  const units = log.filter((request) => request.status !== 304).length;
  return { requests: log.length, units, ms };
}

function client(server: BenchServer, cache?: ConditionalCache): GitHubClient {
  return createGitHubClient({
    apiBaseUrl: server.apiUrl,
    token: server.token,
    log: silentLog,
    userAgent: 'bench',
    cache,
  });
}

function loader(server: BenchServer, settings: CiSettings, cache?: ConditionalCache): CiLoader {
  return new CiLoader(new ActionsApi(client(server, cache), repository), settings, silentLog);
}

/** What a straightforward extension does: per commit, its runs, then the chosen run's artifacts. */
async function naiveLoad(github: GitHubClient, commits: readonly Commit[]): Promise<void> {
  const queue = [...commits];
  const workers = Array.from({ length: NAIVE_CONCURRENCY }, async () => {
    for (let commit = queue.shift(); commit; commit = queue.shift()) {
      const runs = await github.request('GET /repos/{owner}/{repo}/actions/workflows/{workflow_id}/runs', {
        ...repository,
        workflow_id: DISCOVERED.ciWorkflow,
        head_sha: commit.sha,
      });
      const run = runs.data.workflow_runs[0];
      if (run) {
        await github.request('GET /repos/{owner}/{repo}/actions/runs/{run_id}/artifacts', {
          ...repository,
          run_id: Number(run.id),
        });
      }
    }
  });

  await Promise.all(workers);
}

async function compare(server: BenchServer, shown: number): Promise<Row[]> {
  const commits: Commit[] = branchCommits(HISTORY_LENGTH)
    .slice(0, shown)
    .map((commit) => ({ ...commit, message: commit.subject }));
  const request = { branch: 'main', commits, now: new Date() };

  const discovered = loader(server, DISCOVERED, new ConditionalCache());
  const first = await measure(server, () => loader(server, UNDISCOVERED).load(request));
  const cold = await measure(server, () => discovered.load(request));
  const warm = await measure(server, () => discovered.load(request));

  const naiveClient = client(server);
  const naiveCold = await measure(server, () => naiveLoad(naiveClient, commits));
  const naiveWarm = await measure(server, () => naiveLoad(naiveClient, commits));

  const label = `${shown} commits × ${SERVICES.length} services`;
  const roundTrips = (value: Measurement) =>
    `${value.ms.toFixed(0)} ms (${(value.ms / LATENCY_MS).toFixed(1)} RT)`;
  const ratio = (ours: number, naive: number) =>
    ours === 0 ? `${naive}:0` : `1:${(naive / ours).toFixed(1)}`;

  return [
    {
      what: `${label}: API requests, cold refresh`,
      target: shown === 50 ? '≤ 4' : '—',
      ours: `${cold.requests} (first load with discovery: ${first.requests})`,
      naive: `${naiveCold.requests}`,
      ratio: ratio(cold.requests, naiveCold.requests),
    },
    {
      what: `${label}: rate-limit units, warm refresh, nothing changed`,
      target: '0',
      ours: `${warm.units} (${warm.requests} requests, ${warm.units === 0 ? 'all 304' : `${warm.requests - warm.units} 304`})`,
      naive: `${naiveWarm.units}`,
      ratio: ratio(warm.units, naiveWarm.units),
    },
    {
      what: `${label}: wall time to the full state, cold`,
      target: '≤ 3 RT',
      ours: `${roundTrips(cold)}; first load ${roundTrips(first)}`,
      naive: roundTrips(naiveCold),
      ratio: `1:${(naiveCold.ms / cold.ms).toFixed(1)}`,
    },
  ];
}

async function main(): Promise<void> {
  const server = await startBenchServer();

  try {
    const rows = [
      ...(await compare(server, 50)),
      ...(await compare(server, 500)),
      bundleRow(),
      activationRow(),
    ];

    console.log(
      `\nImage Publisher benchmark, ${new Date().toISOString().slice(0, 10)}, ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}, Node ${process.version}, ${LATENCY_MS} ms latency per request\n`,
    );
    printTable(rows);
  } finally {
    await server.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
