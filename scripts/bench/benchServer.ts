// The bench's GitHub: the test server in a process of its own, so the time it spends building and
// serialising pages is not counted as the extension's. Prints one JSON line `{url, apiUrl, token}`
// and runs until SIGTERM.
import { buildScenario, DEFAULT_TOKEN } from '../../test/server/scenario';
import { startTestServer } from '../../test/server/testServer';
import { branchCommits } from '../../test/unit/builders/serverFixtures';
import { BENCH_OWNER, BENCH_REPO, HISTORY_LENGTH, LATENCY_MS } from './benchSetup';

async function main(): Promise<void> {
  const scenario = buildScenario({
    owner: BENCH_OWNER,
    repo: BENCH_REPO,
    defaultBranch: 'main',
    branches: { main: branchCommits(HISTORY_LENGTH) },
  });
  const server = await startTestServer({ scenario, latencyMs: LATENCY_MS });

  process.once('SIGTERM', () => void server.close().then(() => process.exit(0)));

  console.log(JSON.stringify({ url: server.url, apiUrl: server.apiUrl, token: DEFAULT_TOKEN }));
}

main().catch((error: unknown) => {
  process.stderr.write(`bench server: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
