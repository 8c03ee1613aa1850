// Private scratch folders under the system temp dir, removed by their owner when done.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

export interface TemporaryDirectory {
  readonly path: string;
  remove(): void;
}

export function createTemporaryDirectory(purpose: string): TemporaryDirectory {
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), `image-publisher-${purpose}-`));

  return {
    path: directory,
    remove: () => fs.rmSync(directory, { recursive: true, force: true, maxRetries: 3 }),
  };
}
