// Runs extension-host tests in code-server the way @vscode/test-electron runs them in desktop VS Code:
// start code-server with the smoke-test driver, open the workbench in headless Chromium with the
// extension-development and extension-tests locations in the page's `payload`, print the test report,
// and exit with the tests' exit code. launcher.js is the executable.
import * as fs from 'node:fs';
import * as path from 'node:path';

import {
  extensionIdentity,
  grantAuthenticationAccess,
  TEST_AUTH_PROVIDER_IDS,
  TEST_RUNNER_EXTENSION,
  testAccountLabel,
} from './authenticationAccess';
import { answerAuthenticationPrompts } from './authenticationPrompt';
import { packageExtension } from './buildExtension';
import { launchChromium, type ChromiumSession } from './chromium';
import { CleanupStack } from './cleanupStack';
import { startCodeServer, type CodeServer } from './codeServer';
import { parseLaunchArguments, type LaunchArguments } from './launchArguments';
import {
  codeServerOutputPrinter,
  integrationLogsDirectory,
  keepAutomationLogs,
  printAutomationLog,
  type AutomationLogFile,
} from './runReport';
import { saveScreenshot } from './screenshot';
import { createTemporaryDirectory } from './temporaryDirectory';
import { followOutputFile, TEST_OUTPUT_FILE_VARIABLE } from './testOutput';
import { workbenchUrl } from './workbenchUrl';

interface TestWorkbench {
  codeServer: CodeServer;
  chromium: ChromiumSession;
  /** Settles with the code VS Code reports through `codeAutomationExit`. */
  exitCode: Promise<number>;
}

/** `1`: code-server runs with workspace trust as the user settings say (test/integration/runUntrustedTests.ts). */
export const WORKSPACE_TRUST_VARIABLE = 'IMAGE_PUBLISHER_TEST_WORKSPACE_TRUST';

const DEFAULT_TIMEOUT_MS = 10 * 60_000;
const EXIT_TIMED_OUT = 124;
const EXIT_INTERRUPTED = 130;

export async function runExtensionTests(argv: readonly string[]): Promise<number> {
  const launch = resolvePaths(parseLaunchArguments(argv));
  const timeoutMs = Number(process.env.IMAGE_PUBLISHER_TEST_TIMEOUT_MS ?? DEFAULT_TIMEOUT_MS);
  const cleanup = new CleanupStack();
  fs.rmSync(integrationLogsDirectory, { recursive: true, force: true });

  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<number>((resolve) => {
    timer = setTimeout(() => {
      console.error(`[launcher] the test run did not finish within ${timeoutMs / 1000} s`);
      resolve(EXIT_TIMED_OUT);
    }, timeoutMs);
  });

  const interrupted = new Promise<number>((resolve) => {
    process.once('SIGINT', () => resolve(EXIT_INTERRUPTED));
    process.once('SIGTERM', () => resolve(EXIT_INTERRUPTED));
  });

  const opening = openTestWorkbench(launch, cleanup);

  let code: number;
  try {
    code = await Promise.race([opening.then((workbench) => workbench.exitCode), timedOut, interrupted]);
  } catch (error) {
    console.error(`[launcher] ${(error as Error).stack ?? error}`);
    code = 1;
  } finally {
    clearTimeout(timer);
  }

  // Every step of opening has its own deadline: wait for it so nothing it started outlives the run.
  const workbench = await opening.catch(() => undefined);

  if (code !== 0 && workbench) {
    await keepFailureEvidence(workbench);
  }

  await cleanup.run();
  return code;
}

async function openTestWorkbench(launch: LaunchArguments, cleanup: CleanupStack): Promise<TestWorkbench> {
  const scratch = createTemporaryDirectory('launcher');
  cleanup.add(() => scratch.remove());

  const outputFile = path.join(scratch.path, 'test-output.log');
  const testOutput = followOutputFile(outputFile, (text) => process.stdout.write(text));
  cleanup.add(() => testOutput.stop());

  // code-server's web workbench loads one extension under development (the first); the others are
  // packaged and installed like any extension.
  const [developedExtension, ...installedExtensions] = launch.extensionDevelopmentPaths;
  const vsixFiles = await Promise.all(
    installedExtensions.map((directory, index) =>
      packageExtension(directory, path.join(scratch.path, `extension-${index}.vsix`)),
    ),
  );

  const codeServer = await startCodeServer({
    folder: launch.folder,
    userDataDirectory: launch.userDataDirectory,
    extensionsDirectory: launch.extensionsDirectory,
    vsixFiles,
    smokeTestDriver: true,
    workspaceTrust: process.env[WORKSPACE_TRUST_VARIABLE] === '1',
    environment: { [TEST_OUTPUT_FILE_VARIABLE]: outputFile },
    log: codeServerOutputPrinter(),
  });
  cleanup.add(() => codeServer.close());

  const chromium = await launchChromium();
  cleanup.add(() => chromium.close());
  const { page } = chromium;

  let reportExit: (code: number) => void = () => undefined;
  const exitCode = new Promise<number>((resolve) => (reportExit = resolve));

  await page.exposeFunction('codeAutomationExit', (code: number, logs?: AutomationLogFile[]) => {
    if (code !== 0) {
      keepAutomationLogs(logs);
    }
    reportExit(code);
  });
  await page.exposeFunction('codeAutomationLog', printAutomationLog);

  // While tests run, VS Code refuses to show the "Allow" prompt, so record the consent up front for the
  // extensions under development and the test runner; and still click "Allow" should a prompt appear.
  await grantAuthenticationAccess(page, codeServer.url, {
    providerIds: TEST_AUTH_PROVIDER_IDS,
    accountLabel: testAccountLabel(),
    extensions: [...launch.extensionDevelopmentPaths.map(extensionIdentity), TEST_RUNNER_EXTENSION],
  });
  const prompts = answerAuthenticationPrompts(page, (message) => console.log(`[launcher] ${message}`));
  cleanup.add(() => prompts.stop());

  await page.goto(
    workbenchUrl(codeServer.url, {
      folder: launch.folder,
      extensionDevelopmentPath: developedExtension,
      extensionTestsPath: launch.extensionTestsPath,
    }),
  );

  return { codeServer, chromium, exitCode };
}

async function keepFailureEvidence(workbench: TestWorkbench): Promise<void> {
  workbench.codeServer.keepLogs(path.join(integrationLogsDirectory, 'server'));
  console.error(`[launcher] VS Code logs: ${integrationLogsDirectory}`);

  const screenshot = await saveScreenshot(workbench.chromium.page, 'integration-failure');
  if (screenshot) {
    console.error(`[launcher] screenshot: ${screenshot}`);
  }
}

function resolvePaths(launch: LaunchArguments): LaunchArguments {
  const absolute = (value: string | undefined): string | undefined => (value ? path.resolve(value) : value);

  return {
    folder: path.resolve(launch.folder),
    extensionDevelopmentPaths: launch.extensionDevelopmentPaths.map((value) => path.resolve(value)),
    extensionTestsPath: path.resolve(launch.extensionTestsPath),
    userDataDirectory: absolute(launch.userDataDirectory),
    extensionsDirectory: absolute(launch.extensionsDirectory),
  };
}
