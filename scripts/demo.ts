// `npm run demo [-- <path-to-a-clone>] [--port <n>]` (also `npm start`): the product, offline and with no
// account. Clones this repository (or the given one) into a temp folder, points its `origin` at the
// GitHub-compatible test server seeded with the clone's real history, and opens the clone in code-server
// with the extension and a signed-in test GitHub account. Prints the address; runs until Ctrl-C.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';

import { CleanupStack } from '../test/harness/cleanupStack';
import { startCodeServer } from '../test/harness/codeServer';
import { buildExtensionPackages } from '../test/harness/extensionPackages';
import { currentBranch, git, trackRemoteBranch } from '../test/harness/git';
import { projectRoot } from '../test/harness/paths';
import { createTemporaryDirectory } from '../test/harness/temporaryDirectory';
import {
  startTestGitHub,
  testGitHubEnvironment,
  testGitHubRemoteUrl,
  testGitHubSettings,
} from '../test/harness/testGitHub';
import { workbenchUrl } from '../test/harness/workbenchUrl';
import { originOwnerAndRepo } from '../test/server/gitHistory';

const DEFAULT_OWNER_AND_REPO = { owner: 'image-publisher', repo: 'image-publisher' };
const MAX_LIFETIME_MS = 12 * 60 * 60_000;

function readOptions(): { source: string; port?: number } {
  const { values, positionals } = parseArgs({
    options: { port: { type: 'string' } },
    allowPositionals: true,
  });

  return {
    source: path.resolve(positionals[0] ?? projectRoot),
    port: Number(values.port) || undefined,
  };
}

/** Stops early, with what to do, when the path given is not a git repository with commits. */
async function checkSource(source: string): Promise<void> {
  if (!fs.existsSync(source)) {
    throw new DemoInputError(
      `${source} does not exist. Pass the path of a git clone, or nothing for this repository.`,
    );
  }

  const head = await git(source, ['rev-parse', '--verify', '--quiet', 'HEAD']).catch(() => '');
  if (!head.trim()) {
    throw new DemoInputError(
      `${source} is not a git repository with commits. Pass the path of a git clone, or nothing for this repository.`,
    );
  }
}

class DemoInputError extends Error {}

async function startDemo(cleanup: CleanupStack): Promise<string> {
  const options = readOptions();
  await checkSource(options.source);

  console.log('Building and packaging the extension…');
  const packages = createTemporaryDirectory('demo-packages');
  cleanup.add(() => packages.remove());
  const vsixFiles = await buildExtensionPackages(packages.path);

  console.log(`Cloning ${options.source}…`);
  const workspace = createTemporaryDirectory('demo');
  cleanup.add(() => workspace.remove());
  const { owner, repo } = (await originOwnerAndRepo(options.source)) ?? DEFAULT_OWNER_AND_REPO;
  const clone = path.join(workspace.path, repo);
  await git(workspace.path, ['clone', '--quiet', '--no-local', options.source, clone]);

  const github = await startTestGitHub({ path: clone, owner, repo });
  cleanup.add(() => github.close());
  await trackRemoteBranch(clone, testGitHubRemoteUrl(github), await currentBranch(clone));

  console.log('Starting code-server…');
  const codeServer = await startCodeServer({
    folder: clone,
    port: options.port,
    settings: testGitHubSettings(github),
    vsixFiles,
    environment: testGitHubEnvironment(github),
  });
  cleanup.add(() => codeServer.close());

  console.log(`
Test GitHub:   ${github.server.url} (${owner}/${repo}, signed in as ${github.login})
Clone:         ${clone}
Open in a browser:

  ${workbenchUrl(codeServer.url, { folder: clone })}

Click the Image Publisher icon in the activity bar. Press Ctrl-C to stop.`);

  return codeServer.url;
}

async function main(): Promise<void> {
  const cleanup = new CleanupStack();

  const stopped = new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
    process.once('SIGHUP', resolve);
    setTimeout(resolve, MAX_LIFETIME_MS).unref();

    // `npm run demo` ended by a signal to npm alone leaves this process behind: stop with it.
    const parent = process.ppid;
    setInterval(() => {
      if (process.ppid !== parent) {
        resolve();
      }
    }, 1000).unref();
  });

  try {
    await startDemo(cleanup);
    await stopped;
    console.log('\nStopping…');
  } finally {
    await cleanup.run();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error instanceof DemoInputError ? error.message : error);
    process.exit(1);
  },
);
