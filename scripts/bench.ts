// `npm run bench`: how much the commits view costs GitHub, against the test server with 100 ms of
// latency per request, ours beside a naive strategy (one runs request and one artifacts request per
// commit, 10 at a time) measured in the same run. Prints one table; not a test, nothing is asserted.
// With --vscode it also runs the UI test in code-server to read the extension's activation time.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

import { CiLoader, type CiSettings } from '../src/ci/ciLoader';
import type { Commit } from '../src/domain/model';
import { ActionsApi } from '../src/github/actionsApi';
import { createGitHubClient, type GitHubClient } from '../src/github/client';
import { ConditionalCache } from '../src/github/conditionalCache';
import { silentLog } from '../src/log/log';
import { buildScenario, DEFAULT_TOKEN, type ScenarioCommit } from '../test/server/scenario';
import { startTestServer, type TestServer } from '../test/server/testServer';

const LATENCY_MS = 100;
const NAIVE_CONCURRENCY = 10;
const SERVICES = ['api', 'ingestion_server'];
const DISCOVERED: CiSettings = {
  ciWorkflow: 'ci_cd.yml',
  publishWorkflow: '',
  services: SERVICES,
  serviceInput: '',
  commitInput: '',
  warningDays: 7,
};

interface Measurement {
  requests: number;
  units: number;
  ms: number;
}

interface Row {
  what: string;
  target: string;
  ours: string;
  naive: string;
  ratio: string;
}

function history(count: number): ScenarioCommit[] {
  return Array.from({ length: count }, (_, index) => ({
    sha: (index + 1).toString(16).padStart(40, 'c'),
    subject: `Change ${index}`,
    authorName: 'Ada',
    authorEmail: 'ada@example.com',
    date: new Date(Date.UTC(2026, 5, 1) - index * 3_600_000).toISOString(),
  }));
}

function asCommits(commits: readonly ScenarioCommit[]): Commit[] {
  return commits.map((commit) => ({ ...commit, message: commit.subject }));
}

async function measure(server: TestServer, work: () => Promise<unknown>): Promise<Measurement> {
  server.requests.length = 0;
  const started = performance.now();

  await work();

  const ms = performance.now() - started;
  const requests = server.requests.length;
  const units = server.requests.filter((request) => request.status !== 304).length;
  return { requests, units, ms };
}

function client(server: TestServer, cache?: ConditionalCache): GitHubClient {
  return createGitHubClient({
    apiBaseUrl: server.apiUrl,
    token: DEFAULT_TOKEN,
    log: silentLog,
    userAgent: 'bench',
    cache,
  });
}

/** What a straightforward extension does: per commit, its runs, then the chosen run's artifacts. */
async function naiveLoad(github: GitHubClient, commits: readonly Commit[]): Promise<void> {
  const queue = [...commits];
  const workers = Array.from({ length: NAIVE_CONCURRENCY }, async () => {
    for (let commit = queue.shift(); commit; commit = queue.shift()) {
      const runs = await github.request('GET /repos/{owner}/{repo}/actions/workflows/{workflow_id}/runs', {
        owner: 'acme',
        repo: 'widgets',
        workflow_id: 'ci_cd.yml',
        head_sha: commit.sha,
      });
      const run = runs.data.workflow_runs[0];
      if (run) {
        await github.request('GET /repos/{owner}/{repo}/actions/runs/{run_id}/artifacts', {
          owner: 'acme',
          repo: 'widgets',
          run_id: Number(run.id),
        });
      }
    }
  });

  await Promise.all(workers);
}

async function compare(server: TestServer, shown: number): Promise<Row[]> {
  const commits = asCommits(server.state.scenario.branches.main.slice(0, shown));

  const cache = new ConditionalCache();
  const loader = new CiLoader(
    new ActionsApi(client(server, cache), { owner: 'acme', repo: 'widgets' }),
    DISCOVERED,
    silentLog,
  );
  const firstLoader = new CiLoader(
    new ActionsApi(client(server), { owner: 'acme', repo: 'widgets' }),
    { ...DISCOVERED, ciWorkflow: '', services: [] },
    silentLog,
  );
  const now = new Date();

  const first = await measure(server, () => firstLoader.load({ branch: 'main', commits, now }));
  const cold = await measure(server, () => loader.load({ branch: 'main', commits, now }));
  const warm = await measure(server, () => loader.load({ branch: 'main', commits, now }));

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
      ours: `${warm.units} (${warm.requests} requests, all 304)`,
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

function bundleRow(): Row {
  const build = spawnSync(process.execPath, ['esbuild.js', '--production'], { encoding: 'utf8' });
  const bytes = build.status === 0 ? fs.statSync('dist/extension.js').size : NaN;
  const yamlBytes = build.status === 0 ? fs.statSync('dist/yaml.js').size : NaN;

  return {
    what: 'production bundle dist/extension.js',
    target: '< 250 KB',
    ours: `${(bytes / 1024).toFixed(1)} KB (+ dist/yaml.js ${(yamlBytes / 1024).toFixed(1)} KB, loaded on first workflow read)`,
    naive: '—',
    ratio: '—',
  };
}

function activationRow(): Row {
  const file = path.join('test-results', 'ui-measurements.json');

  if (process.argv.includes('--vscode')) {
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'test/ui/commitsView.ui.ts'], {
      stdio: 'inherit',
    });
    if (run.status !== 0) {
      return {
        what: 'activation in code-server',
        target: '< 50 ms',
        ours: 'UI run failed',
        naive: '—',
        ratio: '—',
      };
    }
  }

  const measured = fs.existsSync(file)
    ? (JSON.parse(fs.readFileSync(file, 'utf8')) as { activationMs: number; at: string })
    : undefined;
  return {
    what: 'activation in code-server (activate() to return)',
    target: '< 50 ms',
    ours: measured
      ? `${measured.activationMs} ms (measured ${measured.at.slice(0, 16)})`
      : 'not measured: run with --vscode',
    naive: '—',
    ratio: '—',
  };
}

function printTable(rows: readonly Row[]): void {
  const header: Row = {
    what: 'measure',
    target: 'target',
    ours: 'ours',
    naive: 'naive',
    ratio: 'ours:naive',
  };
  const all = [header, ...rows];
  const widths = (Object.keys(header) as (keyof Row)[]).map((key) =>
    Math.max(...all.map((row) => row[key].length)),
  );
  const line = (row: Row) =>
    `| ${(Object.keys(header) as (keyof Row)[]).map((key, index) => row[key].padEnd(widths[index])).join(' | ')} |`;

  console.log(line(header));
  console.log(`|${widths.map((width) => '-'.repeat(width + 2)).join('|')}|`);
  rows.forEach((row) => console.log(line(row)));
}

async function main(): Promise<void> {
  const scenario = buildScenario({
    owner: 'acme',
    repo: 'widgets',
    defaultBranch: 'main',
    branches: { main: history(500) },
  });
  const server = await startTestServer({ scenario, latencyMs: LATENCY_MS });

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
    await server.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
