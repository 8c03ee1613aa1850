/**
 * The test server as a program, for the offline demo and for tests in other processes:
 *
 *   npx tsx test/server/main.ts --port 0 --repo <path-to-git-repo> [--owner o --name r] [--latency ms]
 *     [--step-ms ms]
 *
 * Builds the scenario from the repository's history, starts the server on 127.0.0.1, prints one
 * JSON line `{"url", "apiUrl", "token"}` to stdout, and runs until SIGINT or SIGTERM.
 */

import { parseArgs } from 'node:util';
import { originOwnerAndRepo, scenarioFromGitRepository } from './gitHistory';
import { startTestServer } from './testServer';

export { scenarioFromGitRepository } from './gitHistory';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '0' },
      repo: { type: 'string', default: '.' },
      owner: { type: 'string' },
      name: { type: 'string' },
      latency: { type: 'string', default: '0' },
      'step-ms': { type: 'string' },
    },
  });

  const origin = await originOwnerAndRepo(values.repo);

  const scenario = await scenarioFromGitRepository(values.repo, {
    owner: values.owner ?? origin?.owner ?? 'image-publisher',
    repo: values.name ?? origin?.repo ?? 'demo',
  });

  const server = await startTestServer({
    scenario,
    port: Number(values.port),
    latencyMs: Number(values.latency),
    dispatchStepMs: values['step-ms'] === undefined ? undefined : Number(values['step-ms']),
  });

  const stop = () => void server.close().then(() => process.exit(0));

  process.once('SIGINT', stop);

  process.once('SIGTERM', stop);

  console.log(JSON.stringify({ url: server.url, apiUrl: server.apiUrl, token: scenario.tokens[0].value }));
}

if (require.main === module) {
  main().catch((error: unknown) => {
    process.stderr.write(`test server: ${error instanceof Error ? error.message : String(error)}\n`);

    process.exit(1);
  });
}
