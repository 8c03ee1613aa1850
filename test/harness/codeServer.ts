// Starts code-server (VS Code 1.139 behind a web workbench) on a free loopback port for one test run.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ChildProcess } from 'node:child_process';

import { assertCodeServerInstalled, codeServerEnvironment, node24Executable } from './codeServerEnvironment';
import { findFreePort } from './freePort';
import { codeServerEntry } from './paths';
import { delay, endProcessGroup, runCommand, spawnProcessGroup } from './processes';
import { createTemporaryDirectory } from './temporaryDirectory';
import { writeUserSettings, type UserSettings } from './userSettings';

export interface CodeServerOptions {
  /** The folder the workbench opens. */
  folder: string;
  /** Written to `<user-data-dir>/User/settings.json` when given. */
  settings?: UserSettings;
  /** Defaults to a private temp folder removed on close. */
  userDataDirectory?: string;
  /** Defaults to a private temp folder removed on close. */
  extensionsDirectory?: string;
  /** Packaged extensions (.vsix) installed into the extensions folder before start. */
  vsixFiles?: readonly string[];
  /** Lets the page run extension tests (`payload` with `extensionTestsPath`) and report through `codeAutomationExit`. */
  smokeTestDriver?: boolean;
  /** Leaves workspace trust to the settings (`security.workspace.trust.*`); by default it is off. */
  workspaceTrust?: boolean;
  /** Extra environment variables; code-server hands its environment to the extension host. */
  environment?: Record<string, string>;
  /** Defaults to a free port. */
  port?: number;
  /** Receives code-server's own output, line by line. */
  log?: (line: string) => void;
  startupTimeoutMs?: number;
}

export interface CodeServer {
  readonly url: string;
  readonly port: number;
  readonly pid: number;
  /** Copies the server-side logs (extension host, extensions' output channels) to `destination`. */
  keepLogs(destination: string): void;
  close(): Promise<void>;
}

const INSTALL_TIMEOUT_MS = 120_000;

export async function startCodeServer(options: CodeServerOptions): Promise<CodeServer> {
  assertCodeServerInstalled();

  const privateDirectory = createTemporaryDirectory('code-server');
  const userDataDirectory = options.userDataDirectory ?? path.join(privateDirectory.path, 'user-data');
  const extensionsDirectory = options.extensionsDirectory ?? path.join(privateDirectory.path, 'extensions');
  const environment = codeServerEnvironment(privateDirectory.path, options.environment);

  fs.mkdirSync(userDataDirectory, { recursive: true });
  fs.mkdirSync(extensionsDirectory, { recursive: true });

  if (options.settings) {
    writeUserSettings(userDataDirectory, options.settings);
  }

  for (const vsix of options.vsixFiles ?? []) {
    await installExtension(vsix, extensionsDirectory, environment);
  }

  const port = options.port ?? (await findFreePort());
  const url = `http://127.0.0.1:${port}`;
  const args = [
    codeServerEntry,
    '--auth',
    'none',
    '--bind-addr',
    `127.0.0.1:${port}`,
    '--disable-telemetry',
    '--disable-update-check',
    ...(options.workspaceTrust ? [] : ['--disable-workspace-trust']),
    '--ignore-last-opened',
    '--user-data-dir',
    userDataDirectory,
    '--extensions-dir',
    extensionsDirectory,
    ...(options.smokeTestDriver ? ['--vscode-option', 'enable-smoke-test-driver'] : []),
    options.folder,
  ];

  const child = spawnProcessGroup(node24Executable, args, { env: environment, cwd: options.folder });
  const output = collectOutput(child, options.log);

  const close = async (): Promise<void> => {
    await endProcessGroup(child);
    privateDirectory.remove();
  };

  try {
    await waitUntilAnswering(url, child, options.startupTimeoutMs ?? 60_000);
  } catch (error) {
    await close();
    throw new Error(`code-server did not start: ${(error as Error).message}\n${output.join('\n')}`);
  }

  const keepLogs = (destination: string): void => {
    const logs = path.join(userDataDirectory, 'logs');
    if (fs.existsSync(logs)) {
      fs.cpSync(logs, destination, { recursive: true });
    }
  };

  return { url, port, pid: child.pid ?? -1, keepLogs, close };
}

/** `code-server --install-extension <vsix>`, as a user would install a packaged build. */
export async function installExtension(
  vsixFile: string,
  extensionsDirectory: string,
  environment: NodeJS.ProcessEnv,
): Promise<void> {
  await runCommand(
    node24Executable,
    [codeServerEntry, '--extensions-dir', extensionsDirectory, '--install-extension', vsixFile, '--force'],
    { env: environment, timeoutMs: INSTALL_TIMEOUT_MS },
  );
}

function collectOutput(child: ChildProcess, log: ((line: string) => void) | undefined): string[] {
  const lines: string[] = [];

  const onData = (chunk: Buffer): void => {
    for (const line of chunk.toString('utf8').split('\n')) {
      if (line.trim() === '') {
        continue;
      }
      lines.push(line);
      log?.(line);
    }
  };

  child.stdout?.on('data', onData);
  child.stderr?.on('data', onData);
  return lines;
}

async function waitUntilAnswering(url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const gaveUpAt = Date.now() + timeoutMs;

  while (Date.now() < gaveUpAt) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`it exited with ${child.exitCode ?? child.signalCode}`);
    }

    try {
      const response = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(2000) });
      if (response.ok) {
        return;
      }
    } catch {
      // Not listening yet.
    }

    await delay(200);
  }

  throw new Error(`no answer from ${url} within ${timeoutMs} ms`);
}
