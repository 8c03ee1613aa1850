// The rows that need no server: the production bundle's size and the activation time measured by
// the UI test in code-server (re-measured with --vscode).
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

import type { Row } from './table';

export function bundleRow(): Row {
  const build = spawnSync(process.execPath, ['esbuild.js', '--production'], { encoding: 'utf8' });
  const bytes = build.status === 0 ? fs.statSync('dist/extension.js').size : NaN;
  const yamlBytes = build.status === 0 ? fs.statSync('dist/yaml.js').size : NaN;

  return {
    what: 'production bundle dist/extension.js',
    target: '< 250 KB',
    ours: `${(bytes / 1024).toFixed(1)} KB (+ dist/yaml.js ${(yamlBytes / 1024).toFixed(1)} KB, loaded on first workflow read)`,
    naive: '—',
    ratio: '—',
  };
}

export function activationRow(): Row {
  const file = path.join('test-results', 'ui-measurements.json');

  if (process.argv.includes('--vscode')) {
    // code-server and Chromium first, as `npm run test:ui` does (skipped when present).
    const install = spawnSync('bash', ['test/harness/installCodeServer.sh'], { stdio: 'inherit' });
    const run =
      install.status === 0
        ? spawnSync(process.execPath, ['--import', 'tsx', 'test/ui/commitsView.ui.ts'], { stdio: 'inherit' })
        : install;
    if (run.status !== 0) {
      return {
        what: 'activation in code-server',
        target: '< 50 ms',
        ours: 'UI run failed',
        naive: '—',
        ratio: '—',
      };
    }
  }

  const measured = fs.existsSync(file)
    ? (JSON.parse(fs.readFileSync(file, 'utf8')) as { activationMs: number; at: string })
    : undefined;
  return {
    what: 'activation in code-server (activate() to return)',
    target: '< 50 ms',
    ours: measured
      ? `${measured.activationMs} ms (measured ${measured.at.slice(0, 16)})`
      : 'not measured: run with --vscode',
    naive: '—',
    ratio: '—',
  };
}
