// Starts scripts/bench/benchServer.ts as a child process and talks to it over its control API.
import { spawn, type ChildProcess } from 'node:child_process';
import * as path from 'node:path';
import * as readline from 'node:readline';

import { ControlClient } from '../../test/server/controlClient';

export interface BenchServer {
  readonly apiUrl: string;
  readonly token: string;
  readonly control: ControlClient;
  stop(): Promise<void>;
}

export async function startBenchServer(): Promise<BenchServer> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(__dirname, 'benchServer.ts')], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });

  // Never leave the server behind, whatever ends the bench.
  process.once('exit', () => child.kill('SIGTERM'));

  const address = await firstLine(child);
  const { url, apiUrl, token } = JSON.parse(address) as { url: string; apiUrl: string; token: string };

  return {
    apiUrl,
    token,
    control: new ControlClient(url),
    stop: () => stop(child),
  };
}

function firstLine(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    const lines = readline.createInterface({ input: child.stdout! });
    lines.once('line', (line) => {
      lines.close();
      resolve(line);
    });
    child.once('exit', (code) => reject(new Error(`the bench server exited (${code}) before it started`)));
  });
}

function stop(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) {
      resolve();
      return;
    }
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}
