/**
 * Commands of the release tags: inspect what the registry holds for a commit, copy references and
 * pull commands, open a package version on GitHub, refresh, and grant `read:packages`.
 */
import * as vscode from 'vscode';

import type { CommitsModel } from '../commits/commitsModel';
import { rankTags } from '../domain/imageTags';
import type { ReleaseTagsModel } from '../tags/releaseTagsModel';
import { displayTag, pullCommandOf, referenceOf, type TagsNode } from '../views/tags/tagNodes';
import { noIcons, noLinks } from '../views/plainText';
import { safeWebUrl } from './openRun';
import { commitFor } from './pickCommit';

export interface CommitInspection {
  readonly service: string;
  readonly image: string;
  readonly published: boolean;
  readonly digest?: string;
  readonly otherTags: readonly string[];
  readonly problem?: string;
}

export function registerTagCommands(commits: CommitsModel, tags: ReleaseTagsModel): vscode.Disposable[] {
  return [
    vscode.commands.registerCommand('imagePublisher.inspectTags', (argument?: unknown) =>
      inspect(commits, tags, argument),
    ),
    vscode.commands.registerCommand('imagePublisher.refreshTags', () => tags.refresh()),
    vscode.commands.registerCommand('imagePublisher.grantPackagesScope', () => tags.grantScope()),
    vscode.commands.registerCommand('imagePublisher.copyImageReference', async (node?: TagsNode) => {
      if (node?.type === 'tag' || node?.type === 'version') {
        await copy(referenceOf(node));
      }
    }),
    vscode.commands.registerCommand('imagePublisher.copyPullCommand', async (node?: TagsNode) => {
      if (node?.type === 'tag' || node?.type === 'version') {
        await copy(pullCommandOf(node));
      }
    }),
    vscode.commands.registerCommand('imagePublisher.openPackageVersion', async (node?: TagsNode) => {
      // Node-only, like the copy commands: without a tag or version row there is nothing to open.
      if (node?.type !== 'tag' && node?.type !== 'version') {
        return;
      }

      const url = node.group.versions.find((version) => version.htmlUrl)?.htmlUrl;
      const uri = url ? safeWebUrl(url) : undefined;

      if (!uri) {
        void vscode.window.showInformationMessage(
          'This version has no page on GitHub (it was read from the registry).',
        );
        return;
      }
      await vscode.env.openExternal(uri);
    }),
  ];
}

/** Shows, per service, whether the commit's SHA is on the registry and what else tags that image. */
async function inspect(
  commits: CommitsModel,
  tags: ReleaseTagsModel,
  argument: unknown,
): Promise<CommitInspection[] | undefined> {
  const status = await commitFor(commits, argument, 'Inspect the release tags of which commit?');
  if (!status) {
    return undefined;
  }

  await tags.ensureLoaded();
  const state = tags.state;
  if (state.kind !== 'loaded') {
    void vscode.window.showWarningMessage(
      noLinks(state.kind === 'unavailable' ? state.message : 'The release tags could not be read.'),
    );
    return undefined;
  }

  const publications = tags.publications(status.commit.sha);
  const inspections = state.result.images.map((image): CommitInspection => {
    const publication = publications.get(image.service);
    return publication?.published
      ? {
          service: image.service,
          image: image.image,
          published: true,
          digest: publication.digest,
          otherTags: rankTags(publication.otherTags),
        }
      : {
          service: image.service,
          image: image.image,
          published: false,
          otherTags: [],
          problem: image.problem,
        };
  });

  const pick = vscode.window.createQuickPick();
  pick.title = noIcons(`Release tags of ${status.commit.sha.slice(0, 7)}: ${status.commit.subject}`);
  pick.items = inspections.map((entry) => ({
    label: noIcons(entry.service),
    description: noIcons(
      entry.problem ?? (entry.published ? `published · ${entry.digest?.slice(0, 19)}…` : 'not published'),
    ),
    detail: entry.published
      ? entry.otherTags.length > 0
        ? noIcons(`also ${entry.otherTags.map(displayTag).join(', ')}`)
        : 'no other tags on this image'
      : undefined,
  }));
  pick.onDidHide(() => pick.dispose());
  pick.show();

  return inspections;
}

async function copy(text: string): Promise<void> {
  await vscode.env.clipboard.writeText(text);
  vscode.window.setStatusBarMessage(`Copied ${text}`, 3000);
}
