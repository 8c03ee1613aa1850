/** The built-in git extension's API, as the tests use it to switch branches and find the scratch repository. */
import * as assert from 'node:assert/strict';

import * as vscode from 'vscode';

import type { GitExtension, Repository } from '../../../../src/git/gitApi';

export interface TestRepository extends Repository {
  checkout(treeish: string): Promise<void>;
  addRemote(name: string, url: string): Promise<void>;
  removeRemote(name: string): Promise<void>;
}

/**
 * The scratch repository: the one at the opened folder. Other suites open more repositories (an empty
 * one, a reopened one), and the git API's order of repositories changes as it opens and closes them.
 */
export async function scratchRepository(): Promise<TestRepository> {
  const extension = vscode.extensions.getExtension<GitExtension>('vscode.git');
  assert.ok(extension, 'vscode.git is missing');
  const api = (extension.isActive ? extension.exports : await extension.activate()).getAPI(1);
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri.toString();
  const find = () => api.repositories.find((repository) => repository.rootUri.toString() === folder);

  const deadline = Date.now() + 20_000;
  while (!find() && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 200));
  }

  const found = find();
  assert.ok(found, `the git extension found no repository at the opened folder ${folder}`);
  return found as TestRepository;
}
