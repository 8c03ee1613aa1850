// Bundles the extension into dist/extension.js. `--production` minifies; `--watch` rebuilds on change.
const esbuild = require('esbuild');

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

/** The extension requires `yaml` lazily; it is built as dist/yaml.js beside it. */
const yamlBesideExtension = {
  name: 'yaml-beside-extension',
  setup(build) {
    build.onResolve({ filter: /^yaml$/ }, () => ({ path: './yaml.js', external: true }));
  },
};

function buildYaml() {
  return esbuild.build({
    entryPoints: [require.resolve('yaml')],
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    outfile: 'dist/yaml.js',
    minify: production,
    logLevel: 'warning',
  });
}

async function main() {
  await buildYaml();

  const context = await esbuild.context({
    entryPoints: ['src/extension.ts'],
    plugins: [yamlBesideExtension],
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    outfile: 'dist/extension.js',
    external: ['vscode'],
    minify: production,
    sourcemap: !production,
    sourcesContent: false,
    metafile: true,
    logLevel: 'warning',
  });

  if (watch) {
    await context.watch();
    return;
  }

  const result = await context.rebuild();
  await context.dispose();

  const bytes = Object.values(result.metafile.outputs)
    .filter((output) => output.entryPoint)
    .reduce((sum, output) => sum + output.bytes, 0);
  const yamlBytes = require('fs').statSync('dist/yaml.js').size;
  console.log(
    `dist/extension.js: ${(bytes / 1024).toFixed(1)} KB, dist/yaml.js (loaded on the first workflow file): ${(yamlBytes / 1024).toFixed(1)} KB${production ? ' (production)' : ''}`,
  );
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
