// Reads the extension's own "Activated in N ms" line from the server-side logs of a code-server run.
import * as fs from 'node:fs';
import * as path from 'node:path';

import type { CodeServer } from '../harness/codeServer';
import { createTemporaryDirectory } from '../harness/temporaryDirectory';

export function readActivationMs(codeServer: CodeServer): number | undefined {
  const copy = createTemporaryDirectory('ui-logs');

  try {
    codeServer.keepLogs(copy.path);
    for (const file of listFiles(copy.path)) {
      if (path.basename(file) === 'Image Publisher.log') {
        const match = /Activated in (\d+) ms/.exec(fs.readFileSync(file, 'utf8'));
        if (match) {
          return Number(match[1]);
        }
      }
    }
    return undefined;
  } finally {
    copy.remove();
  }
}

function listFiles(directory: string): string[] {
  return fs.readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(directory, entry.name);
    return entry.isDirectory() ? listFiles(full) : [full];
  });
}
