// Child processes we own: each one runs in its own process group with a deadline, and is ended by its
// pid (the group it leads), never by name.
import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';

export interface CommandOptions {
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  timeoutMs: number;
}

/** Runs a command to completion and returns its stdout; rejects on a non-zero exit or the deadline. */
export function runCommand(
  command: string,
  args: readonly string[],
  options: CommandOptions,
): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawnProcessGroup(command, args, { cwd: options.cwd, env: options.env });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];

    child.stdout?.on('data', (chunk: Buffer) => stdout.push(chunk));
    child.stderr?.on('data', (chunk: Buffer) => stderr.push(chunk));

    const deadline = setTimeout(() => {
      void endProcessGroup(child);
      reject(new Error(`${describe(command, args)} timed out after ${options.timeoutMs} ms`));
    }, options.timeoutMs);

    child.on('error', (error) => {
      clearTimeout(deadline);
      reject(error);
    });

    child.on('close', (code, signal) => {
      clearTimeout(deadline);
      const output = Buffer.concat(stdout).toString('utf8');

      if (code === 0) {
        resolve(output);
        return;
      }

      const errorOutput = Buffer.concat(stderr).toString('utf8').trim();
      reject(new Error(`${describe(command, args)} exited with ${code ?? signal}: ${errorOutput || output}`));
    });
  });
}

/** Starts a long-running process as the leader of its own process group, so it can be ended with its children. */
export function spawnProcessGroup(
  command: string,
  args: readonly string[],
  options: SpawnOptions,
): ChildProcess {
  return spawn(command, args, { ...options, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
}

/** Ends the process group led by `child`: SIGTERM, then SIGKILL if it is still there after the grace period. */
export async function endProcessGroup(child: ChildProcess, graceMs = 3000): Promise<void> {
  const pid = child.pid;
  if (pid === undefined || !isAlive(pid)) {
    return;
  }

  signalGroup(pid, 'SIGTERM');

  const gaveUpAt = Date.now() + graceMs;
  while (isAlive(pid) && Date.now() < gaveUpAt) {
    await delay(100);
  }

  signalGroup(pid, 'SIGKILL');
}

export function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function signalGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // The group is already gone.
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
}

function describe(command: string, args: readonly string[]): string {
  return [command, ...args].join(' ');
}
