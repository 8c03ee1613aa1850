// The extension-host side of the integration tests: a mocha run() module (tdd ui: suite/test), loaded by
// VS Code from `extensionTestsPath`. Bundled to out/test/integration/index.js next to the bundled suites.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { format } from 'node:util';
import Mocha from 'mocha';

import { TEST_OUTPUT_FILE_VARIABLE } from '../harness/testOutput';

export async function run(): Promise<void> {
  const writeLine = reportWriter();
  Mocha.reporters.Base.consoleLog = (...args: unknown[]) => writeLine(format(...args));
  routeConsoleTo(writeLine);

  const mocha = new Mocha({
    ui: 'tdd',
    reporter: 'spec',
    color: false,
    timeout: Number(process.env.IMAGE_PUBLISHER_TEST_MOCHA_TIMEOUT_MS ?? 30_000),
    grep: process.env.IMAGE_PUBLISHER_TEST_GREP,
  });

  for (const file of suiteFiles(path.join(__dirname, 'suite'))) {
    mocha.addFile(file);
  }

  const failures = await new Promise<number>((resolve) => mocha.run(resolve));
  if (failures > 0) {
    throw new Error(`${failures} integration test(s) failed`);
  }
}

function suiteFiles(directory: string): string[] {
  return fs
    .readdirSync(directory, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.test.js'))
    .sort()
    .map((file) => path.join(directory, file));
}

/** Appends to the launcher's output file when there is one (code-server), else writes to stdout (desktop). */
function reportWriter(): (line: string) => void {
  const file = process.env[TEST_OUTPUT_FILE_VARIABLE];
  if (!file) {
    return (line) => process.stdout.write(`${line}\n`);
  }

  return (line) => fs.appendFileSync(file, `${line}\n`);
}

/**
 * Tests' own console output goes to the same report, in order with mocha's. The extension host makes
 * `console.log` and the others accessors that relay to the workbench's log (an assignment does not
 * replace them), so each is redefined as a plain value.
 */
function routeConsoleTo(writeLine: (line: string) => void): void {
  for (const method of ['log', 'info', 'warn', 'error'] as const) {
    Object.defineProperty(console, method, {
      value: (...args: unknown[]) => writeLine(format(...args)),
      configurable: true,
      enumerable: true,
      writable: true,
    });
  }
}
