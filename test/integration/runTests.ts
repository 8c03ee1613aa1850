// `npm run test:integration`: runs the extension-host suites (test/integration/suite) in a real VS Code.
// Here that is code-server driven by headless Chromium (test/harness/launcher.js stands in for the VS Code
// executable); with IMAGE_PUBLISHER_TEST_VSCODE=desktop, @vscode/test-electron downloads desktop VS Code.

import { buildExtension } from '../harness/buildExtension';
import { testAuthExtensionDirectory } from '../harness/paths';
import { bundleIntegrationTests, testRunnerBundle } from './bundleIntegrationTests';
import { runScratchTests } from './scratchTestRun';

async function main(): Promise<number> {
  // On Ctrl-C, runTests() stops the launcher and, unless someone else listens, exits at once: listen, so
  // that the cleanup still runs.
  process.on('SIGINT', () => console.log('Interrupted: stopping the test run…'));

  await Promise.all([bundleIntegrationTests(), buildExtension()]);

  return runScratchTests({
    name: 'Integration',
    runner: testRunnerBundle,
    extensions: () => [testAuthExtensionDirectory],
    desktop: process.env.IMAGE_PUBLISHER_TEST_VSCODE === 'desktop',
  });
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
