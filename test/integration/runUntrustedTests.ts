// `npx tsx test/integration/runUntrustedTests.ts`: the suites in test/integration/untrusted, in a real VS
// Code (code-server) that opens the scratch repository in Restricted Mode: workspace trust on, the folder
// not trusted, no startup prompt. The repository carries a `.vscode/settings.json` that points the
// restricted settings elsewhere, and a second remote, `elsewhere`, on the same test server.
import * as fs from 'node:fs';
import * as path from 'node:path';

import { buildExtension } from '../harness/buildExtension';
import { git } from '../harness/git';
import { testAuthExtensionDirectory } from '../harness/paths';
import { WORKSPACE_TRUST_VARIABLE } from '../harness/extensionTestRun';
import { bundleSeparateSuites } from './bundleIntegrationTests';
import { runScratchTests } from './scratchTestRun';
import { ELSEWHERE_REMOTE, untrustedWorkspaceSettings } from './untrusted/workspace';

/**
 * The test authentication extension, declaring what the built-in GitHub authentication it stands in
 * for declares (`untrustedWorkspaces: limited`): without it, VS Code would not run it in Restricted Mode.
 */
function testAuthForRestrictedMode(into: string): string {
  const directory = path.join(into, 'test-auth');
  fs.cpSync(testAuthExtensionDirectory, directory, { recursive: true });

  const manifestFile = path.join(directory, 'package.json');
  const manifest = JSON.parse(fs.readFileSync(manifestFile, 'utf8')) as Record<string, unknown>;
  manifest.capabilities = {
    untrustedWorkspaces: { supported: 'limited', restrictedConfigurations: ['github-enterprise.uri'] },
  };
  fs.writeFileSync(manifestFile, JSON.stringify(manifest, undefined, 2));

  return directory;
}

async function main(): Promise<number> {
  process.on('SIGINT', () => console.log('Interrupted: stopping the test run…'));

  const [runner] = await Promise.all([bundleSeparateSuites('untrusted', 'untrusted'), buildExtension()]);

  return runScratchTests({
    name: 'Untrusted-workspace',
    runner,
    extensions: (profile) => [testAuthForRestrictedMode(profile)],
    environment: { [WORKSPACE_TRUST_VARIABLE]: '1' },
    settings: {
      'security.workspace.trust.enabled': true,
      'security.workspace.trust.startupPrompt': 'never',
      'security.workspace.trust.banner': 'never',
      'security.workspace.trust.untrustedFiles': 'open',
    },
    prepare: async (repository, github) => {
      await git(repository, ['remote', 'add', ELSEWHERE_REMOTE, `${github.server.url}/evil/gadgets.git`]);
      fs.mkdirSync(path.join(repository, '.vscode'));
      fs.writeFileSync(
        path.join(repository, '.vscode', 'settings.json'),
        JSON.stringify(untrustedWorkspaceSettings, undefined, 2),
      );
    },
  });
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
