/**
 * What the registry serves of a package, to a bearer of a token for its name:
 * - `GET /v2/<name>/tags/list[?n=<k>&last=<tag>]`: `{name, tags}`, tags in lexical order; with `n`,
 *   `k` tags after `last` and, while more are left, `Link: </v2/<name>/tags/list?last=<tag>&n=<k>>;
 *   rel="next"` (the request's other query parameters kept);
 * - `GET|HEAD /v2/<name>/manifests/<tag or digest>`: a manifest whose `Docker-Content-Digest` is the
 *   version's digest, when `Accept` names a manifest type (OCI or Docker, image or index) or `*` / `*`;
 *   Docker's image manifest type when accepted, else OCI's. The body is a plausible image manifest
 *   made from the digest; its bytes do not hash to it.
 * A name without a package: 404 `NAME_UNKNOWN`; a private package to an anonymous token: 403 `DENIED`;
 * an unknown tag, or no manifest type accepted: 404 `MANIFEST_UNKNOWN`.
 */

import { sha256Hex, stableNumber } from '../hashing';
import type { ScenarioPackage, ScenarioPackageVersion } from '../scenario';
import type { ServerState } from '../serverState';
import { findRegistryPackage, registryError, RegistryResponse } from './registryResponses';
import type { RegistryGrant } from './registryTokens';

export const DOCKER_MANIFEST = 'application/vnd.docker.distribution.manifest.v2+json';

export const OCI_MANIFEST = 'application/vnd.oci.image.manifest.v1+json';

const ACCEPTED_MANIFEST_TYPES = [
  DOCKER_MANIFEST,
  OCI_MANIFEST,
  'application/vnd.docker.distribution.manifest.list.v2+json',
  'application/vnd.oci.image.index.v1+json',
  '*/*',
];

/** The package the grant may read, or the refusal. */
export function readablePackage(
  state: ServerState,
  name: string,
  grant: RegistryGrant,
): { target: ScenarioPackage } | { refusal: RegistryResponse } {
  const target = findRegistryPackage(state.scenario, name);

  if (!target) {
    return { refusal: registryError(404, 'NAME_UNKNOWN', 'repository name not known to registry') };
  }

  if (target.visibility === 'private' && !grant.canReadPrivate) {
    return { refusal: registryError(403, 'DENIED', 'requested access to the resource is denied') };
  }

  return { target };
}

export function tagList(target: ScenarioPackage, name: string, url: URL): RegistryResponse {
  const all = target.versions.flatMap((version) => version.tags).sort();

  const last = url.searchParams.get('last');

  const after = last === null ? all : all.filter((tag) => tag > last);

  const n = Number(url.searchParams.get('n'));

  if (!Number.isInteger(n) || n < 1 || after.length <= n) {
    return { status: 200, body: { name, tags: n >= 1 ? after.slice(0, n) : after } };
  }

  const page = after.slice(0, n);

  const next = new URLSearchParams({ last: page[page.length - 1] });

  url.searchParams.forEach((value, key) => key !== 'last' && next.append(key, value));

  return {
    status: 200,
    body: { name, tags: page },
    headers: { link: `</v2/${name}/tags/list?${next.toString()}>; rel="next"` },
  };
}

export function manifest(
  target: ScenarioPackage,
  reference: string,
  accept: string,
  method: 'GET' | 'HEAD',
): RegistryResponse {
  const version = target.versions.find(
    (candidate) => candidate.digest === reference || candidate.tags.includes(reference),
  );

  const accepted = accept.split(',').map((type) => type.split(';')[0].trim());

  if (!version || !ACCEPTED_MANIFEST_TYPES.some((type) => accepted.includes(type))) {
    return registryError(404, 'MANIFEST_UNKNOWN', 'manifest unknown');
  }

  const mediaType =
    accepted.includes(DOCKER_MANIFEST) || accepted.includes('*/*') ? DOCKER_MANIFEST : OCI_MANIFEST;

  const text = JSON.stringify(manifestBody(version, mediaType));

  return {
    status: 200,
    body: method === 'HEAD' ? undefined : text,
    headers: {
      'content-type': mediaType,
      'content-length': String(Buffer.byteLength(text)),
      'docker-content-digest': version.digest,
      etag: `"${version.digest}"`,
    },
  };
}

function manifestBody(version: ScenarioPackageVersion, mediaType: string) {
  const docker = mediaType === DOCKER_MANIFEST;

  const blob = (kind: string, type: string) => ({
    mediaType: type,
    size: 1_000 + stableNumber(`${version.digest}:${kind}`, 50_000_000),
    digest: `sha256:${sha256Hex(`${version.digest}:${kind}`)}`,
  });

  const layerType = docker
    ? 'application/vnd.docker.image.rootfs.diff.tar.gzip'
    : 'application/vnd.oci.image.layer.v1.tar+gzip';

  return {
    schemaVersion: 2,
    mediaType,
    config: blob(
      'config',
      docker ? 'application/vnd.docker.container.image.v1+json' : 'application/vnd.oci.image.config.v1+json',
    ),
    layers: ['base', 'dependencies', 'application'].map((kind) => blob(kind, layerType)),
  };
}
