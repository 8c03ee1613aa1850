// The channel the extension-host test runner reports through. Output written in the extension host is
// relayed to the browser's log, mixed with the workbench's own messages; instead the runner
// (test/integration/index.ts) appends its report to the file named by this variable, and the launcher
// prints that file as it grows.
import * as fs from 'node:fs';

import { delay } from './processes';

export const TEST_OUTPUT_FILE_VARIABLE = 'IMAGE_PUBLISHER_TEST_OUTPUT_FILE';

export interface OutputFollower {
  /** Prints what is left and stops. */
  stop(): Promise<void>;
}

export function followOutputFile(file: string, write: (text: string) => void): OutputFollower {
  fs.writeFileSync(file, '');
  let offset = 0;
  let running = true;

  const printNewText = (): void => {
    const size = fs.statSync(file).size;
    if (size <= offset) {
      return;
    }

    const buffer = Buffer.alloc(size - offset);
    const descriptor = fs.openSync(file, 'r');
    try {
      fs.readSync(descriptor, buffer, 0, buffer.length, offset);
    } finally {
      fs.closeSync(descriptor);
    }

    offset = size;
    write(buffer.toString('utf8'));
  };

  const loop = (async () => {
    while (running) {
      printNewText();
      await delay(200);
    }
  })();

  return {
    stop: async () => {
      running = false;
      await loop;
      printNewText();
    },
  };
}
