/**
 * `GET /repos/{o}/{r}/contents/{path}?ref=`: a file (base64, wrapped at 60 characters as GitHub
 * does) or a folder listing; the raw text when `Accept` asks for `application/vnd.github.raw`.
 * 404 `No commit found for the ref …` for an unknown ref, `Not Found` for a missing path.
 */

import { gitHubError, notFound } from '../http/errors';
import { json, Links, Route } from '../http/router';
import { gitBlobSha, sha256Hex } from '../hashing';
import { filesAtRef, ResolvedRef, resolveRef } from './gitRefs';

const RAW_MEDIA_TYPE = /application\/vnd\.github(?:\.v3)?\.raw/;

function entryLinks(path: string, type: 'file' | 'dir', sha: string, ref: ResolvedRef, links: Links) {
  const url = `${links.repoApi}/contents/${path}?ref=${encodeURIComponent(ref.name)}`;

  const gitUrl = `${links.repoApi}/git/${type === 'file' ? 'blobs' : 'trees'}/${sha}`;

  const htmlUrl = `${links.repoHtml}/${type === 'file' ? 'blob' : 'tree'}/${ref.name}/${path}`;

  return {
    url,
    git_url: gitUrl,
    html_url: htmlUrl,
    download_url: type === 'file' ? `${links.origin}/raw/${links.repoPath}/${ref.name}/${path}` : null,
    _links: { self: url, git: gitUrl, html: htmlUrl },
  };
}

function fileEntry(path: string, text: string, ref: ResolvedRef, links: Links) {
  const sha = gitBlobSha(text);

  return {
    type: 'file',
    name: path.split('/').pop() ?? path,
    path,
    sha,
    size: Buffer.byteLength(text),
    ...entryLinks(path, 'file', sha, ref, links),
  };
}

function folderEntry(path: string, ref: ResolvedRef, links: Links) {
  const sha = sha256Hex(`tree:${path}`).slice(0, 40);

  return {
    type: 'dir',
    name: path.split('/').pop() ?? path,
    path,
    sha,
    size: 0,
    ...entryLinks(path, 'dir', sha, ref, links),
  };
}

function base64Wrapped(text: string): string {
  return (
    (
      Buffer.from(text)
        .toString('base64')
        .match(/.{1,60}/g) ?? []
    ).join('\n') + '\n'
  );
}

/** The immediate children of `folder` among the file paths, folders first, by name. */
function folderChildren(folder: string, paths: Iterable<string>): { files: string[]; folders: string[] } {
  const files = new Set<string>();

  const folders = new Set<string>();

  for (const path of paths) {
    if (!path.startsWith(`${folder}/`)) {
      continue;
    }

    const rest = path.slice(folder.length + 1);

    const slash = rest.indexOf('/');

    if (slash === -1) {
      files.add(path);
    } else {
      folders.add(`${folder}/${rest.slice(0, slash)}`);
    }
  }

  return { files: [...files].sort(), folders: [...folders].sort() };
}

export const contentRoutes: Route[] = [
  {
    method: 'GET',
    template: '/repos/{owner}/{repo}/contents/{path}',
    access: 'repository',
    handle: ({ scenario, links, params, url, headers }) => {
      const ref = resolveRef(scenario, url.searchParams.get('ref'));

      if (!ref) {
        return json(gitHubError(404, `No commit found for the ref ${url.searchParams.get('ref')}`), 404);
      }

      const path = params.path.replace(/^\/+|\/+$/g, '');

      const files = filesAtRef(scenario, ref);

      const text = files.get(path);

      if (text !== undefined && RAW_MEDIA_TYPE.test(String(headers.accept ?? ''))) {
        return { status: 200, body: text, contentType: 'application/vnd.github.raw; charset=utf-8' };
      }

      if (text !== undefined) {
        return json({
          ...fileEntry(path, text, ref, links),
          content: base64Wrapped(text),
          encoding: 'base64',
        });
      }

      const children = folderChildren(path, files.keys());

      if (children.files.length === 0 && children.folders.length === 0) {
        return json(notFound(), 404);
      }

      return json([
        ...children.folders.map((folder) => folderEntry(folder, ref, links)),
        ...children.files.map((file) => fileEntry(file, files.get(file) ?? '', ref, links)),
      ]);
    },
  },
];
