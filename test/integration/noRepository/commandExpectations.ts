/**
 * What each command of the extension must do when it is run with no git repository open: either
 * say why it cannot act, or act without needing to say anything (the view's welcome already says
 * that no repository is open). Node-only commands, hidden from the palette, must only end quietly.
 */
import * as assert from 'node:assert/strict';

import type { ImagePublisherApi } from '../../../src/extension';

export interface CommandExpectation {
  readonly command: string;
  /** What the user is told; undefined when the command acts and needs no notice. */
  readonly says?: RegExp;
  /** Why no notice is expected, for the test's name. */
  readonly quietBecause?: string;
  /** Run on a tree node only: hidden from the command palette. */
  readonly nodeOnly?: boolean;
  /** What else must hold afterwards. */
  readonly also?: (api: ImagePublisherApi) => void;
}

/** The sentence of the view's welcome (package.json `viewsWelcome`), and of commands that cannot act. */
export const NO_REPOSITORY = /^No git repository is open\. Open a folder that contains\b/i;

const stillNoRepository = (api: ImagePublisherApi) => assert.equal(api.model.state.kind, 'no-repository');

export const COMMAND_EXPECTATIONS: readonly CommandExpectation[] = [
  {
    command: 'imagePublisher.refresh',
    quietBecause: 'the view welcome says no repository is open',
    also: stillNoRepository,
  },
  { command: 'imagePublisher.publish', says: NO_REPOSITORY, also: stillNoRepository },
  { command: 'imagePublisher.rerunCi', says: NO_REPOSITORY },
  { command: 'imagePublisher.openRun', says: NO_REPOSITORY },
  { command: 'imagePublisher.copySha', says: NO_REPOSITORY },
  {
    command: 'imagePublisher.signIn',
    quietBecause: 'signing in to GitHub needs no repository',
    also: stillNoRepository,
  },
  { command: 'imagePublisher.showLog', quietBecause: 'it shows the log' },
  { command: 'imagePublisher.selectRepository', says: NO_REPOSITORY },
  { command: 'imagePublisher.loadMore', nodeOnly: true, also: stillNoRepository },
  { command: 'imagePublisher.inspectTags', says: NO_REPOSITORY },
  {
    command: 'imagePublisher.refreshTags',
    quietBecause: 'the Release Tags view says what to open',
    also: (api) => {
      const state = api.tags.state;
      assert.equal(state.kind, 'unavailable');
      assert.match(state.kind === 'unavailable' ? state.message : '', /^Open a GitHub repository\b/);
      assert.equal(api.tagsTree.treeView.message, state.kind === 'unavailable' ? state.message : '');
    },
  },
  { command: 'imagePublisher.grantPackagesScope', says: /^Open a GitHub repository and sign in first\.$/ },
  { command: 'imagePublisher.copyImageReference', nodeOnly: true },
  { command: 'imagePublisher.copyPullCommand', nodeOnly: true },
  { command: 'imagePublisher.openPackageVersion', nodeOnly: true },
];
