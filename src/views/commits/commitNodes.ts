/** The rows of the commits view and how each is drawn. */
import * as vscode from 'vscode';

import { commitContextTokens, type CommitStatus, type ServiceArtifact } from '../../domain/commitStatus';
import type { WorkflowRun } from '../../domain/model';
import { NOT_LOADED, type RunStatePresentation } from '../../domain/runState';
import { noBidi } from '../plainText';
import { commitTooltip } from './commitTooltip';

export type CommitsNode = CommitNode | RunNode | ArtifactNode | LoadMoreNode;

export interface CommitNode {
  readonly type: 'commit';
  readonly status: CommitStatus;
}

export interface RunNode {
  readonly type: 'run';
  readonly commit: CommitStatus;
  readonly run: WorkflowRun;
  readonly state: RunStatePresentation;
}

export interface ArtifactNode {
  readonly type: 'artifact';
  readonly commit: CommitStatus;
  readonly artifact: ServiceArtifact;
}

export interface LoadMoreNode {
  readonly type: 'load-more';
}

export function commitChildren(node: CommitNode): CommitsNode[] {
  const ci = node.status.ci;
  if (!ci) {
    return [];
  }

  const children: CommitsNode[] = [];
  if (ci.run) {
    children.push({ type: 'run', commit: node.status, run: ci.run, state: ci.state });
  }

  for (const artifact of ci.artifacts) {
    children.push({ type: 'artifact', commit: node.status, artifact });
  }

  return children;
}

/** The extension's own publishes of a commit, as the row shows them. */
export interface PublishMark {
  readonly service: string;
  readonly phase: 'dispatching' | 'running' | 'succeeded' | 'failed' | 'unfollowed';
}

/** Services whose image of the commit is on the registry, with the other tags on that image. */
export interface RegistryMark {
  readonly service: string;
  readonly otherTags: readonly string[];
}

export function toTreeItem(
  node: CommitsNode,
  publishes: readonly PublishMark[] = [],
  onRegistry: readonly RegistryMark[] = [],
): vscode.TreeItem {
  switch (node.type) {
    case 'commit':
      return commitItem(node.status, publishes, onRegistry);
    case 'run':
      return runItem(node);
    case 'artifact':
      return artifactItem(node);
    case 'load-more':
      return loadMoreItem();
  }
}

export function commitDescription(status: CommitStatus, publishes: readonly PublishMark[] = []): string {
  const parts = [status.commit.sha.slice(0, 7)];
  const ci = status.ci;

  parts.push(...publishes.map(describePublish).filter((text): text is string => !!text));

  if (!ci) {
    return parts.join(' · ');
  }

  parts.push(ci.state.word);

  if (ci.youngestUsable?.ageText) {
    parts.push(ci.youngestUsable.ageText);
  } else if (ci.artifacts.some((artifact) => artifact.kind === 'expired')) {
    parts.push('artifacts expired');
  }

  return parts.join(' · ');
}

function describePublish(mark: PublishMark): string | undefined {
  switch (mark.phase) {
    case 'dispatching':
    case 'running':
      return `publishing ${mark.service}…`;
    case 'succeeded':
      return `published ${mark.service}`;
    case 'failed':
      return `publish of ${mark.service} failed`;
    default:
      return undefined;
  }
}

function commitItem(
  status: CommitStatus,
  publishes: readonly PublishMark[],
  onRegistry: readonly RegistryMark[],
): vscode.TreeItem {
  const item = new vscode.TreeItem(noBidi(status.commit.subject));
  const state = status.ci?.state ?? NOT_LOADED;
  const hasChildren = status.ci && (status.ci.run || status.ci.artifacts.length > 0);

  item.id = `commit:${status.commit.sha}`;
  const registryText =
    onRegistry.length > 0 ? `on registry: ${onRegistry.map((mark) => mark.service).join(', ')}` : undefined;
  item.description = [commitDescription(status, publishes), registryText].filter(Boolean).join(' · ');
  item.iconPath = new vscode.ThemeIcon(state.icon, new vscode.ThemeColor(state.color));
  item.tooltip = commitTooltip(status, onRegistry);
  item.contextValue = [
    ...commitContextTokens(status),
    ...(publishes.some((mark) => mark.phase === 'running' || mark.phase === 'dispatching')
      ? ['publishing']
      : []),
  ].join(' ');
  item.collapsibleState = hasChildren
    ? vscode.TreeItemCollapsibleState.Collapsed
    : vscode.TreeItemCollapsibleState.None;
  item.accessibilityInformation = { label: `${status.commit.subject}, ${item.description}` };

  return item;
}

function runItem(node: RunNode): vscode.TreeItem {
  const item = new vscode.TreeItem(`${node.run.name} #${node.run.runNumber}`);

  item.id = `run:${node.commit.commit.sha}:${node.run.id}`;
  item.description = `${node.state.word} · ${node.run.event}`;
  item.iconPath = new vscode.ThemeIcon(node.state.icon, new vscode.ThemeColor(node.state.color));
  item.tooltip = `Open run #${node.run.runNumber} in the browser`;
  item.contextValue = `run ci-${node.state.token}`;
  item.command = { command: 'imagePublisher.openRun', title: 'Open Run', arguments: [node] };

  return item;
}

const ARTIFACT_ICONS: Record<ServiceArtifact['kind'], { icon: string; color: string }> = {
  valid: { icon: 'package', color: 'testing.iconPassed' },
  expiring: { icon: 'warning', color: 'list.warningForeground' },
  expired: { icon: 'history', color: 'disabledForeground' },
  missing: { icon: 'circle-slash', color: 'disabledForeground' },
};

function artifactItem(node: ArtifactNode): vscode.TreeItem {
  const item = new vscode.TreeItem(node.artifact.service);
  const look = ARTIFACT_ICONS[node.artifact.kind];

  item.id = `artifact:${node.commit.commit.sha}:${node.artifact.service}`;
  item.description = node.artifact.summary;
  item.iconPath = new vscode.ThemeIcon(look.icon, new vscode.ThemeColor(look.color));
  item.tooltip = `${node.artifact.service}: ${node.artifact.summary}`;
  item.contextValue = `artifact artifact-${node.artifact.kind}`;

  return item;
}

function loadMoreItem(): vscode.TreeItem {
  const item = new vscode.TreeItem('Load more…');

  item.id = 'load-more';
  item.iconPath = new vscode.ThemeIcon('more');
  item.contextValue = 'load-more';
  item.command = { command: 'imagePublisher.loadMore', title: 'Load More Commits' };

  return item;
}
