/** The rows of the Release Tags view: services → image versions (one per digest) → tags. */
import * as vscode from 'vscode';

import { describeAge } from '../../domain/age';
import { digestReference, imageReference, pullCommand } from '../../domain/imageReference';
import { isFullShaTag } from '../../domain/imageTags';
import { groupByDigest, matchShaTags, type CommitRef, type DigestGroup } from '../../domain/imageVersions';
import type { ServiceImage } from '../../tags/serviceImages';
import { untrustedMarkdown } from '../commits/commitTooltip';

export type TagsNode = ServiceNode | VersionNode | UntaggedNode | TagNode | ProblemNode;

export interface ServiceNode {
  readonly type: 'service';
  readonly image: ServiceImage;
}

export interface VersionNode {
  readonly type: 'version';
  readonly image: ServiceImage;
  readonly group: DigestGroup;
}

export interface UntaggedNode {
  readonly type: 'untagged';
  readonly image: ServiceImage;
  readonly count: number;
}

export interface TagNode {
  readonly type: 'tag';
  readonly image: ServiceImage;
  readonly group: DigestGroup;
  readonly tag: string;
}

export interface ProblemNode {
  readonly type: 'problem';
  readonly image: ServiceImage;
  readonly message: string;
}

export function serviceChildren(node: ServiceNode): TagsNode[] {
  if (node.image.problem) {
    return [{ type: 'problem', image: node.image, message: node.image.problem }];
  }

  const groups = groupByDigest(node.image.versions);
  const rows: TagsNode[] = groups.tagged.map((group) => ({ type: 'version', image: node.image, group }));

  if (groups.untagged) {
    rows.push({ type: 'untagged', image: node.image, count: groups.untagged.versions.length });
  }

  return rows;
}

export function versionChildren(node: VersionNode): TagsNode[] {
  return node.group.tags.map((tag) => ({ type: 'tag', image: node.image, group: node.group, tag }));
}

export function toTagsTreeItem(node: TagsNode, commits: readonly CommitRef[], now: Date): vscode.TreeItem {
  switch (node.type) {
    case 'service':
      return serviceItem(node);
    case 'version':
      return versionItem(node, commits, now);
    case 'untagged':
      return untaggedItem(node);
    case 'tag':
      return tagItem(node, commits);
    case 'problem':
      return problemItem(node);
  }
}

/** The reference a copy command puts on the clipboard for a tag or a version row. */
export function referenceOf(node: TagNode | VersionNode): string {
  return node.type === 'tag'
    ? imageReference(node.image.image, node.tag)
    : digestReference(node.image.image, node.group.digest);
}

export function pullCommandOf(node: TagNode | VersionNode): string {
  return pullCommand(referenceOf(node));
}

/** A 40-hex tag shows as its short SHA; others as they are. */
export function displayTag(tag: string): string {
  return isFullShaTag(tag) ? tag.slice(0, 7) : tag;
}

function serviceItem(node: ServiceNode): vscode.TreeItem {
  const item = new vscode.TreeItem(node.image.service, vscode.TreeItemCollapsibleState.Expanded);
  const source = node.image.source === 'packages' ? 'GitHub Packages' : 'the registry (public tags)';

  item.id = `service:${node.image.service}`;
  item.description = node.image.image;
  item.tooltip = `${node.image.image}\nRead from ${source}.`;
  item.iconPath = new vscode.ThemeIcon(node.image.problem ? 'warning' : 'package');
  item.contextValue = 'image-service';

  return item;
}

function versionItem(node: VersionNode, commits: readonly CommitRef[], now: Date): vscode.TreeItem {
  const group = node.group;
  const item = new vscode.TreeItem(displayTag(group.label), vscode.TreeItemCollapsibleState.Collapsed);
  const shortDigest = group.digest.replace(/^sha256:/, '').slice(0, 12);
  const age = group.createdAt ? describeAge(group.createdAt, now) : undefined;
  const commit = matchShaTags(group.tags, commits)[0];

  item.id = `version:${node.image.service}:${group.digest}`;
  item.description = [age, shortDigest, commit ? commit.subject : undefined].filter(Boolean).join(' · ');
  item.iconPath = new vscode.ThemeIcon(
    group.labelKind === 'release' ? 'tag' : group.labelKind === 'latest' ? 'star-full' : 'git-commit',
  );
  item.contextValue = `version${group.versions.some((version) => version.htmlUrl) ? ' has-page' : ''}`;

  const tooltip = untrustedMarkdown();
  tooltip.appendText(`${node.image.image}@${group.digest}`);
  tooltip.appendMarkdown('  \n');
  tooltip.appendText(`Tags: ${group.tags.join(', ')}`);
  if (commit) {
    tooltip.appendMarkdown('  \n');
    tooltip.appendText(`Commit ${commit.sha.slice(0, 7)}: ${commit.subject}`);
  }
  item.tooltip = tooltip;

  return item;
}

function untaggedItem(node: UntaggedNode): vscode.TreeItem {
  const item = new vscode.TreeItem('untagged', vscode.TreeItemCollapsibleState.None);

  item.id = `untagged:${node.image.service}`;
  item.description = `${node.count} version${node.count === 1 ? '' : 's'} without tags`;
  item.iconPath = new vscode.ThemeIcon('circle-slash');
  item.contextValue = 'untagged';

  return item;
}

function tagItem(node: TagNode, commits: readonly CommitRef[]): vscode.TreeItem {
  const item = new vscode.TreeItem(node.tag, vscode.TreeItemCollapsibleState.None);
  const commit = matchShaTags([node.tag], commits)[0];

  item.id = `tag:${node.image.service}:${node.group.digest}:${node.tag}`;
  item.description = commit ? commit.subject : undefined;
  item.iconPath = new vscode.ThemeIcon('tag');
  item.tooltip = imageReference(node.image.image, node.tag);
  item.contextValue = 'tag';

  return item;
}

function problemItem(node: ProblemNode): vscode.TreeItem {
  const item = new vscode.TreeItem(node.message, vscode.TreeItemCollapsibleState.None);

  item.id = `problem:${node.image.service}`;
  item.iconPath = new vscode.ThemeIcon('warning', new vscode.ThemeColor('list.warningForeground'));
  item.tooltip = node.message;
  item.contextValue = 'tags-problem';

  return item;
}
