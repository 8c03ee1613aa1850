// The packaged extensions a UI test or demo workbench installs: the extension under test, freshly built,
// and the test authentication extension.
import * as path from 'node:path';

import { buildExtension, packageExtension } from './buildExtension';
import { projectRoot, testAuthExtensionDirectory } from './paths';

export async function buildExtensionPackages(outputDirectory: string): Promise<string[]> {
  await buildExtension();

  return Promise.all([
    packageExtension(projectRoot, path.join(outputDirectory, 'image-publisher.vsix')),
    packageExtension(testAuthExtensionDirectory, path.join(outputDirectory, 'test-auth.vsix')),
  ]);
}
