// One extension-host test run against the scratch repository on the test server: what
// runTests.ts, runUntrustedTests.ts and runNoRepositoryTests.ts share. Each caller says how to prepare
// the repository and the user settings, which extensions to develop, which runner to load, and which
// folder VS Code opens. The extension host learns where the scratch repository is from
// IMAGE_PUBLISHER_TEST_SCRATCH_REPOSITORY (the opened folder, unless the run opens a plain folder).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { runTests } from '@vscode/test-electron';

import { projectRoot } from '../harness/paths';
import { createTemporaryDirectory, type TemporaryDirectory } from '../harness/temporaryDirectory';
import {
  startTestGitHub,
  testGitHubEnvironment,
  testGitHubRemoteUrl,
  testGitHubSettings,
  type TestGitHub,
} from '../harness/testGitHub';
import type { UserSettings } from '../harness/userSettings';
import { writeUserSettings } from '../harness/userSettings';
import {
  createScratchRepository,
  SCRATCH_OWNER,
  SCRATCH_REPOSITORY,
  SCRATCH_REPOSITORY_VARIABLE,
} from './scratchRepository';

const launcherExecutable = path.join(projectRoot, 'test', 'harness', 'launcher.js');

export interface ScratchTestRun {
  /** For messages: "Integration", "Untrusted-workspace". */
  readonly name: string;
  readonly runner: string;
  /** Extension folders besides the project, given the run's private profile folder. */
  readonly extensions: (profile: string) => string[];
  readonly settings?: UserSettings;
  readonly environment?: Record<string, string>;
  readonly prepare?: (repository: string, github: TestGitHub) => Promise<void>;
  /** Desktop VS Code instead of code-server, when someone has it. */
  readonly desktop?: boolean;
  /**
   * What VS Code opens: the scratch repository (the default), or a plain folder with one file and
   * no git repository in it or above it; the test server serves the scratch repository either way.
   */
  readonly opens?: 'scratch-repository' | 'plain-folder';
}

export async function runScratchTests(run: ScratchTestRun): Promise<number> {
  const started = Date.now();
  const now = new Date();
  const repository = await createScratchRepository(now);
  const profile = createTemporaryDirectory('profile');
  const plainFolder = run.opens === 'plain-folder' ? createPlainFolder() : undefined;

  try {
    const github = await startTestGitHub({
      path: repository.path,
      owner: SCRATCH_OWNER,
      repo: SCRATCH_REPOSITORY,
      now,
    });

    try {
      await repository.connectTo(testGitHubRemoteUrl(github));
      await run.prepare?.(repository.path, github);

      const userDataDirectory = path.join(profile.path, 'user-data');
      writeUserSettings(userDataDirectory, testGitHubSettings(github, run.settings));

      // The launcher's temp folders go inside the profile too, so they are removed below even when
      // @vscode/test-electron kills the launcher (a second Ctrl-C) before it has cleaned up.
      const launcherTemporaryDirectory = path.join(profile.path, 'tmp');
      fs.mkdirSync(launcherTemporaryDirectory);

      await runTests({
        vscodeExecutablePath: run.desktop ? undefined : launcherExecutable,
        extensionDevelopmentPath: [projectRoot, ...run.extensions(profile.path)],
        extensionTestsPath: run.runner,
        extensionTestsEnv: {
          ...testGitHubEnvironment(github),
          ...run.environment,
          [SCRATCH_REPOSITORY_VARIABLE]: repository.path,
          TMPDIR: launcherTemporaryDirectory,
        },
        launchArgs: [
          plainFolder?.path ?? repository.path,
          `--user-data-dir=${userDataDirectory}`,
          `--extensions-dir=${path.join(profile.path, 'extensions')}`,
        ],
      });

      console.log(`${run.name} tests passed in ${((Date.now() - started) / 1000).toFixed(1)} s`);
      return 0;
    } finally {
      await github.close();
    }
  } catch (error) {
    console.error(`${run.name} tests failed: ${(error as Error).message}`);
    return 1;
  } finally {
    plainFolder?.remove();
    profile.remove();
    repository.remove();
  }
}

/** A folder outside any git repository (the system temp folder is not in one), holding one file. */
function createPlainFolder(): TemporaryDirectory {
  const folder = createTemporaryDirectory('plain-folder');
  fs.writeFileSync(path.join(folder.path, 'notes.txt'), 'A folder that is not a git repository.\n');

  return folder;
}
