/**
 * Where the extension host writes the extensions' logs, found from inside it: the host keeps its own
 * log files open, so `/proc/self/fd` names the `exthost<N>` folder (`<user-data>/logs/<time>/exthost<N>`).
 * Linux only, like the harness.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

export interface LogLocations {
  /** `<user-data>/logs/<time>/exthost<N>`. */
  readonly extensionHostLogs: string;
  /** The user data folder code-server runs with. */
  readonly userData: string;
}

export function logLocations(): LogLocations {
  const open = fs
    .readdirSync('/proc/self/fd')
    .map((fd) => {
      try {
        return fs.readlinkSync(path.join('/proc/self/fd', fd));
      } catch {
        return '';
      }
    })
    .map((target) => /^(.*\/logs\/[^/]+\/exthost\d+)\//.exec(target)?.[1])
    .filter((folder): folder is string => !!folder);

  assert.ok(
    open.length > 0,
    'the extension host has no log file open under <user-data>/logs/<time>/exthost<N>',
  );

  const extensionHostLogs = open[0];
  return { extensionHostLogs, userData: path.resolve(extensionHostLogs, '..', '..', '..') };
}

/** The "Image Publisher" LogOutputChannel's file. */
export function extensionLogFile(locations: LogLocations, extensionId: string, channel: string): string {
  return path.join(locations.extensionHostLogs, extensionId, `${channel}.log`);
}

/** Every file under `folder` (none when it does not exist). */
export function filesUnder(folder: string): string[] {
  if (!fs.existsSync(folder)) {
    return [];
  }

  return fs
    .readdirSync(folder, { recursive: true, encoding: 'utf8' })
    .map((entry) => path.join(folder, entry))
    .filter((file) => fs.statSync(file).isFile());
}

/** Waits until the file has stopped growing for `quietMs` (log writers flush on their own schedule). */
export async function settledText(file: string, quietMs = 1_500, timeoutMs = 15_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  let last = -1;
  let stableSince = Date.now();

  while (Date.now() < deadline) {
    const size = fs.existsSync(file) ? fs.statSync(file).size : -1;
    if (size !== last) {
      last = size;
      stableSince = Date.now();
    } else if (size >= 0 && Date.now() - stableSince >= quietMs) {
      break;
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }

  assert.ok(fs.existsSync(file), `${file} was never written`);
  return fs.readFileSync(file, 'utf8');
}
