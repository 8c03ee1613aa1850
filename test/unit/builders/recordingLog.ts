/** A `Log` that keeps every line as "<level> <message>", for assertions on what was logged. */
import type { Log } from '../../../src/log/log';

export function recordingLog(lines: string[]): Log {
  const push = (level: string) => (message: string) => lines.push(`${level} ${message}`);

  return {
    trace: push('trace'),
    debug: push('debug'),
    info: push('info'),
    warn: push('warn'),
    error: push('error'),
  };
}
