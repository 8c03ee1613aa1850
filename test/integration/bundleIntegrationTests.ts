// Bundles the extension-host side of the integration tests (the mocha runner and every
// suite/**/*.test.ts) into out/test/integration/. `vscode` comes from the extension host and mocha from
// node_modules, so both stay external.
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as esbuild from 'esbuild';

import { projectRoot } from '../harness/paths';

const integrationDirectory = path.join(projectRoot, 'test', 'integration');

export const integrationOutputDirectory = path.join(projectRoot, 'out', 'test', 'integration');

export const testRunnerBundle = path.join(integrationOutputDirectory, 'index.js');

export async function bundleIntegrationTests(): Promise<void> {
  fs.rmSync(integrationOutputDirectory, { recursive: true, force: true });

  await esbuild.build({
    entryPoints: [path.join(integrationDirectory, 'index.ts'), ...suiteSources()],
    outbase: integrationDirectory,
    outdir: integrationOutputDirectory,
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    external: ['vscode', 'mocha'],
    sourcemap: 'inline',
    logLevel: 'warning',
  });
}

function suiteSources(): string[] {
  const suiteDirectory = path.join(integrationDirectory, 'suite');

  return fs
    .readdirSync(suiteDirectory, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.test.ts'))
    .map((file) => path.join(suiteDirectory, file));
}
