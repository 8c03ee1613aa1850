// Builds the extension under test the way the project does (`node esbuild.js`), and packages it.
import * as path from 'node:path';

import { projectRoot } from './paths';
import { runCommand } from './processes';

const BUILD_TIMEOUT_MS = 120_000;

export async function buildExtension(): Promise<void> {
  const output = await runCommand(process.execPath, ['esbuild.js'], {
    cwd: projectRoot,
    timeoutMs: BUILD_TIMEOUT_MS,
  });
  process.stdout.write(output);
}

/** `vsce package` for an extension folder; returns the .vsix path. */
export async function packageExtension(extensionDirectory: string, vsixFile: string): Promise<string> {
  const vsce = path.join(projectRoot, 'node_modules', '@vscode', 'vsce', 'vsce');

  await runCommand(
    process.execPath,
    [vsce, 'package', '--no-dependencies', '--skip-license', '--allow-missing-repository', '--out', vsixFile],
    { cwd: extensionDirectory, timeoutMs: BUILD_TIMEOUT_MS },
  );

  return vsixFile;
}
