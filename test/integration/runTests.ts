// `npm run test:integration`: runs the extension-host suites (test/integration/suite) in a real VS Code.
// Here that is code-server driven by headless Chromium (test/harness/launcher.js stands in for the VS Code
// executable); with IMAGE_PUBLISHER_TEST_VSCODE=desktop, @vscode/test-electron downloads desktop VS Code.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { runTests } from '@vscode/test-electron';

import { buildExtension } from '../harness/buildExtension';
import { projectRoot, testAuthExtensionDirectory } from '../harness/paths';
import { createTemporaryDirectory } from '../harness/temporaryDirectory';
import {
  startTestGitHub,
  testGitHubEnvironment,
  testGitHubRemoteUrl,
  testGitHubSettings,
} from '../harness/testGitHub';
import { writeUserSettings } from '../harness/userSettings';
import { bundleIntegrationTests, testRunnerBundle } from './bundleIntegrationTests';
import { createScratchRepository, SCRATCH_OWNER, SCRATCH_REPOSITORY } from './scratchRepository';

const launcherExecutable = path.join(projectRoot, 'test', 'harness', 'launcher.js');

async function main(): Promise<number> {
  const started = Date.now();

  // On Ctrl-C, runTests() stops the launcher and, unless someone else listens, exits at once: listen, so
  // that the cleanup below still runs.
  process.on('SIGINT', () => console.log('Interrupted: stopping the test run…'));

  await Promise.all([bundleIntegrationTests(), buildExtension()]);

  const now = new Date();
  const repository = await createScratchRepository(now);
  const profile = createTemporaryDirectory('profile');

  try {
    const github = await startTestGitHub({
      path: repository.path,
      owner: SCRATCH_OWNER,
      repo: SCRATCH_REPOSITORY,
      now,
    });

    try {
      await repository.connectTo(testGitHubRemoteUrl(github));

      const userDataDirectory = path.join(profile.path, 'user-data');
      writeUserSettings(userDataDirectory, testGitHubSettings(github));

      // The launcher's temp folders go inside the profile too, so they are removed below even when
      // @vscode/test-electron kills the launcher (a second Ctrl-C) before it has cleaned up.
      const launcherTemporaryDirectory = path.join(profile.path, 'tmp');
      fs.mkdirSync(launcherTemporaryDirectory);

      await runTests({
        vscodeExecutablePath:
          process.env.IMAGE_PUBLISHER_TEST_VSCODE === 'desktop' ? undefined : launcherExecutable,
        extensionDevelopmentPath: [projectRoot, testAuthExtensionDirectory],
        extensionTestsPath: testRunnerBundle,
        extensionTestsEnv: { ...testGitHubEnvironment(github), TMPDIR: launcherTemporaryDirectory },
        launchArgs: [
          repository.path,
          `--user-data-dir=${userDataDirectory}`,
          `--extensions-dir=${path.join(profile.path, 'extensions')}`,
        ],
      });

      console.log(`Integration tests passed in ${((Date.now() - started) / 1000).toFixed(1)} s`);
      return 0;
    } finally {
      await github.close();
    }
  } catch (error) {
    console.error(`Integration tests failed: ${(error as Error).message}`);
    return 1;
  } finally {
    profile.remove();
    repository.remove();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
