/** The built-in git extension's API, as the tests use it to switch branches. */
import * as assert from 'node:assert/strict';

import * as vscode from 'vscode';

import type { GitExtension, Repository } from '../../../../src/git/gitApi';

export interface TestRepository extends Repository {
  checkout(treeish: string): Promise<void>;
  addRemote(name: string, url: string): Promise<void>;
  removeRemote(name: string): Promise<void>;
}

export async function scratchRepository(): Promise<TestRepository> {
  const extension = vscode.extensions.getExtension<GitExtension>('vscode.git');
  assert.ok(extension, 'vscode.git is missing');
  const api = (extension.isActive ? extension.exports : await extension.activate()).getAPI(1);

  const deadline = Date.now() + 20_000;
  while (api.repositories.length === 0 && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 200));
  }

  assert.ok(api.repositories.length > 0, 'the git extension found no repository in the workspace');
  return api.repositories[0] as TestRepository;
}
