/**
 * Resolves the commit a node-only command acts on: the row it was invoked on, or, from the command
 * palette, one the user picks from the commits the view holds.
 */
import * as vscode from 'vscode';

import type { CommitsModel } from '../commits/commitsModel';
import type { ViewState } from '../commits/viewState';
import type { CommitStatus } from '../domain/commitStatus';
import type { CommitsNode } from '../views/commits/commitNodes';
import { commitDescription } from '../views/commits/commitNodes';
import { noIcons } from '../views/plainText';

export async function commitFor(
  model: CommitsModel,
  argument: unknown,
  placeHolder: string,
  filter: (status: CommitStatus) => boolean = () => true,
): Promise<CommitStatus | undefined> {
  const fromNode = commitOfNode(argument);
  if (fromNode) {
    return fromNode;
  }

  const state = model.state;
  const candidates = state.kind === 'commits' ? state.commits.filter(filter) : [];
  if (candidates.length === 0) {
    void vscode.window.showInformationMessage(whyNoCandidates(state));
    return undefined;
  }

  const picked = await vscode.window.showQuickPick(
    candidates.map((status) => ({
      label: noIcons(status.commit.subject),
      description: noIcons(commitDescription(status)),
      status,
    })),
    { placeHolder, matchOnDescription: true },
  );

  return picked?.status;
}

function whyNoCandidates(state: ViewState): string {
  switch (state.kind) {
    case 'commits':
      return 'None of the commits shown fits this command. Refresh the Image Publisher view and try again.';
    case 'no-repository':
      return 'No git repository is open. Open a folder that contains a clone of a GitHub repository.';
    default:
      return 'No commits are loaded. Open the Image Publisher view on a GitHub repository first.';
  }
}

function commitOfNode(argument: unknown): CommitStatus | undefined {
  const node = argument as Partial<CommitsNode> | undefined;

  switch (node?.type) {
    case 'commit':
      return node.status;
    case 'run':
    case 'artifact':
      return node.commit;
    default:
      return undefined;
  }
}
