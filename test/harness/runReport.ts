// What the launcher prints and keeps from a test run besides the test report itself: VS Code's error
// log lines, stray extension-host output, and on failure VS Code's log files.
import * as fs from 'node:fs';
import * as path from 'node:path';

import { extensionHostOutputFilter } from './extensionHostOutput';
import { testResultsDirectory } from './paths';

export interface AutomationLogFile {
  relativePath: string;
  contents: string;
}

export const integrationLogsDirectory = path.join(testResultsDirectory, 'integration-logs');

const verbose = process.env.IMAGE_PUBLISHER_TEST_VERBOSE === '1';

/**
 * code-server's web client still knows the skipped built-in GitHub authentication's declarations, so the
 * test authentication extension's identical declarations are reported as conflicts; its providers work.
 */
const EXPECTED_ERRORS = [
  /^\[image-publisher-tests\.test-auth\]: This authentication id '[\w-]+' has already been registered$/,
];

/** `codeAutomationLog`: the workbench's log. Errors are printed; everything with IMAGE_PUBLISHER_TEST_VERBOSE=1. */
export function printAutomationLog(level: string, message: string): void {
  const expected = EXPECTED_ERRORS.some((pattern) => pattern.test(message));

  if (verbose || (level === 'error' && !expected)) {
    console.log(`[vscode ${level}] ${message}`);
  }
}

/** code-server's own output: all of it when verbose, else only what the extension host writes (crashes, stray output). */
export function codeServerOutputPrinter(): (line: string) => void {
  if (verbose) {
    return (line) => console.log(`[code-server] ${line}`);
  }

  return extensionHostOutputFilter((text, stream) =>
    (stream === 'stderr' ? process.stderr : process.stdout).write(`[extension host] ${text}\n`),
  );
}

/** VS Code hands over the workbench's log files with the exit code; keep them when the run failed. */
export function keepAutomationLogs(logs: AutomationLogFile[] | undefined): void {
  for (const log of logs ?? []) {
    const file = path.join(integrationLogsDirectory, 'client', log.relativePath);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, log.contents);
  }
}
