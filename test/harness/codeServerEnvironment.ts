// The environment and command line code-server runs with: Node 24 first on PATH (for code-server only),
// private temp and config folders, no extension gallery, and the built-in GitHub authentication skipped so
// the test authentication extension owns the `github` and `github-enterprise` providers.
import * as fs from 'node:fs';
import * as path from 'node:path';

import { codeServerEntry, installScript, node24BinDirectory } from './paths';

export const node24Executable = path.join(node24BinDirectory, 'node');

export function assertCodeServerInstalled(): void {
  for (const required of [node24Executable, codeServerEntry]) {
    if (!fs.existsSync(required)) {
      throw new Error(`${required} is missing: run ${path.relative(process.cwd(), installScript)} first`);
    }
  }
}

/**
 * Everything code-server passes on to the extension host comes from here, so `passThrough` is how
 * settings like IMAGE_PUBLISHER_TEST_SERVER reach the extension under test.
 */
export function codeServerEnvironment(
  privateDirectory: string,
  passThrough: Record<string, string> = {},
): NodeJS.ProcessEnv {
  const temporary = path.join(privateDirectory, 'tmp');
  const xdg = path.join(privateDirectory, 'xdg');
  fs.mkdirSync(temporary, { recursive: true });
  fs.mkdirSync(xdg, { recursive: true });

  const environment: NodeJS.ProcessEnv = {
    ...process.env,
    ...passThrough,
    PATH: `${node24BinDirectory}${path.delimiter}${process.env.PATH ?? ''}`,
    TMPDIR: temporary,
    XDG_CONFIG_HOME: path.join(xdg, 'config'),
    XDG_DATA_HOME: path.join(xdg, 'data'),
    EXTENSIONS_GALLERY: '{}',
    VSCODE_SKIP_BUILTIN_EXTENSIONS: 'vscode.github-authentication',
  };

  // tsx and friends register themselves through NODE_OPTIONS; the extension host must not inherit that.
  delete environment.NODE_OPTIONS;

  return environment;
}
