/** ETags and `If-None-Match`, as GitHub answers them: a matching tag gives 304 with no body. */

import { quickDigestHex } from '../hashing';

export function weakEtag(bodyText: string): string {
  return `W/"${quickDigestHex(bodyText).slice(0, 32)}"`;
}

/** Whether an `If-None-Match` header names `etag` (weak comparison, lists and `*` allowed). */
export function matchesIfNoneMatch(header: string | undefined, etag: string): boolean {
  if (!header) {
    return false;
  }

  const wanted = opaqueTag(etag);

  return header
    .split(',')
    .map((tag) => tag.trim())
    .some((tag) => tag === '*' || opaqueTag(tag) === wanted);
}

function opaqueTag(tag: string): string {
  return tag.replace(/^W\//, '');
}
