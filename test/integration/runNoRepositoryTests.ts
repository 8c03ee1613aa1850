// `npx tsx test/integration/runNoRepositoryTests.ts`: the suites in test/integration/noRepository, in a
// real VS Code (code-server) that opens a plain folder with no git repository in it. The test server
// still serves the scratch repository, so the suites can turn the folder into a clone of it and see the
// view leave the no-repository state.
import { buildExtension } from '../harness/buildExtension';
import { testAuthExtensionDirectory } from '../harness/paths';
import { bundleSeparateSuites } from './bundleIntegrationTests';
import { runScratchTests } from './scratchTestRun';

async function main(): Promise<number> {
  process.on('SIGINT', () => console.log('Interrupted: stopping the test run…'));

  const [runner] = await Promise.all([
    bundleSeparateSuites('noRepository', 'no-repository'),
    buildExtension(),
  ]);

  return runScratchTests({
    name: 'No-repository',
    runner,
    extensions: () => [testAuthExtensionDirectory],
    opens: 'plain-folder',
  });
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
