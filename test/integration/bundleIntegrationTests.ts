// Bundles the extension-host side of the integration tests into out/test/: the mocha runner and the
// suites of one folder. `vscode` comes from the extension host and mocha from node_modules, so both
// stay external. The main run takes every suite/**/*.test.ts; the separate runs (untrusted/,
// noRepository/) take their own folder's *.test.ts, bundled under `suite/` next to their runner.
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as esbuild from 'esbuild';

import { projectRoot } from '../harness/paths';

const integrationDirectory = path.join(projectRoot, 'test', 'integration');

export const integrationOutputDirectory = path.join(projectRoot, 'out', 'test', 'integration');

export const testRunnerBundle = path.join(integrationOutputDirectory, 'index.js');

const bundleOptions: esbuild.BuildOptions = {
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  external: ['vscode', 'mocha'],
  sourcemap: 'inline',
  logLevel: 'warning',
};

export async function bundleIntegrationTests(): Promise<void> {
  fs.rmSync(integrationOutputDirectory, { recursive: true, force: true });

  await esbuild.build({
    ...bundleOptions,
    entryPoints: [path.join(integrationDirectory, 'index.ts'), ...suiteSources()],
    outbase: integrationDirectory,
    outdir: integrationOutputDirectory,
  });
}

/**
 * Bundles the suites of `test/integration/<folder>` with their own runner into
 * `out/test/integration-<name>/`; returns the runner's path.
 */
export async function bundleSeparateSuites(folder: string, name: string): Promise<string> {
  const outputDirectory = path.join(projectRoot, 'out', 'test', `integration-${name}`);
  fs.rmSync(outputDirectory, { recursive: true, force: true });

  const suites = fs
    .readdirSync(path.join(integrationDirectory, folder))
    .filter((file) => file.endsWith('.test.ts'))
    .map((file) => ({
      in: path.join(integrationDirectory, folder, file),
      out: path.join('suite', file.replace(/\.ts$/, '')),
    }));

  await esbuild.build({
    ...bundleOptions,
    entryPoints: [{ in: path.join(integrationDirectory, 'index.ts'), out: 'index' }, ...suites],
    outdir: outputDirectory,
  });

  return path.join(outputDirectory, 'index.js');
}

function suiteSources(): string[] {
  const suiteDirectory = path.join(integrationDirectory, 'suite');

  return fs
    .readdirSync(suiteDirectory, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.test.ts'))
    .map((file) => path.join(suiteDirectory, file));
}
