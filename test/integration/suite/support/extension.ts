/** Reaches the extension under test and reads its commits tree the way VS Code does. */
import * as assert from 'node:assert/strict';

import * as vscode from 'vscode';

import type { ImagePublisherApi } from '../../../../src/extension';
import type { CommitsNode } from '../../../../src/views/commits/commitNodes';

export const EXTENSION_ID = 'image-publisher.image-publisher';

export interface Row {
  readonly label: string;
  readonly description: string;
  readonly contextValue: string;
  readonly tooltip: string;
  readonly icon: string;
  readonly node: CommitsNode;
}

export async function extensionApi(): Promise<ImagePublisherApi> {
  const extension = vscode.extensions.getExtension<ImagePublisherApi>(EXTENSION_ID);
  assert.ok(extension, `${EXTENSION_ID} is not installed in the test host`);

  return extension.isActive ? extension.exports : await extension.activate();
}

export async function rows(parent?: CommitsNode): Promise<Row[]> {
  const api = await extensionApi();
  await api.model.whenIdle();

  const nodes = api.commitsTree.getChildren(parent);
  return nodes.map((node) => toRow(api, node));
}

export function toRow(api: ImagePublisherApi, node: CommitsNode): Row {
  const item = api.commitsTree.getTreeItem(node);
  const tooltip =
    item.tooltip instanceof vscode.MarkdownString ? item.tooltip.value : String(item.tooltip ?? '');
  const label = typeof item.label === 'string' ? item.label : (item.label?.label ?? '');
  const icon = item.iconPath instanceof vscode.ThemeIcon ? item.iconPath.id : '';

  return {
    label,
    description: String(item.description ?? ''),
    contextValue: item.contextValue ?? '',
    tooltip,
    icon,
    node,
  };
}

/** Polls until `read` returns a value that `accept` takes, or fails with the last value seen. */
export async function waitFor<T>(
  read: () => Promise<T>,
  accept: (value: T) => boolean,
  what: string,
  timeoutMs = 20_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: T = await read();

  while (!accept(last)) {
    if (Date.now() > deadline) {
      assert.fail(
        `Timed out waiting for ${what}; last seen: ${JSON.stringify(last, replacer, 2).slice(0, 2000)}`,
      );
    }

    await new Promise((resolve) => setTimeout(resolve, 200));
    last = await read();
  }

  return last;
}

/** Rows in a readable form for failure messages (without the node objects). */
function replacer(key: string, value: unknown): unknown {
  return key === 'node' ? undefined : value;
}

export async function viewMessage(): Promise<string | undefined> {
  const api = await extensionApi();
  await api.model.whenIdle();
  const state = api.model.state;

  switch (state.kind) {
    case 'commits':
      return state.message;
    case 'no-commits':
    case 'git-unavailable':
      return state.message;
    default:
      return undefined;
  }
}

export async function refreshAndWait(): Promise<void> {
  await vscode.commands.executeCommand('imagePublisher.refresh');
  await (await extensionApi()).model.whenIdle();
}

/** A tooltip's text with markdown escapes and non-breaking spaces removed. */
export function plain(markdown: string): string {
  return markdown.replace(/\\([\\`*_{}[\]()#+\-.!<>|~:])/g, '$1').replace(/&nbsp;/g, ' ');
}
