/**
 * The image a publish pushes: `<registry>/<owner>/<package>:<sha>`, lower-cased as registries
 * require. The package name comes from the `imagePublisher.imageName` template
 * (`${owner}`, `${repo}`, `${service}`), by default `<repo>-<service>` as in the reference layout.
 * A name taken apart gives the registry host, the registry's repository path and the GitHub package
 * name; references by tag or digest and the `docker pull` line are built from the name.
 */
export const DEFAULT_IMAGE_TEMPLATE = '${registry}/${owner}/${repo}-${service}';

export interface ImageNameParts {
  readonly registry: string;
  readonly owner: string;
  readonly repo: string;
  readonly service: string;
}

export function imageName(template: string, parts: ImageNameParts): string {
  const chosen = template.trim().length > 0 ? template.trim() : DEFAULT_IMAGE_TEMPLATE;
  // A first segment with a dot or a port, or `localhost`, already names a registry host.
  const namesHost = /^(?:[^/]*[.:][^/]*|localhost)\//.test(chosen);
  const withRegistry = chosen.includes('${registry}') || namesHost ? chosen : `\${registry}/${chosen}`;

  return withRegistry
    .replace(/\$\{registry\}/g, parts.registry)
    .replace(/\$\{owner\}/g, parts.owner)
    .replace(/\$\{repo\}/g, parts.repo)
    .replace(/\$\{service\}/g, parts.service)
    .toLowerCase();
}

export function imageReference(name: string, tag: string): string {
  return `${name}:${tag}`;
}

/** An image name taken apart: where it lives and which GitHub package it is. */
export interface ImageLocation {
  /** `ghcr.io`, `containers.ghe.example`, or a loopback `127.0.0.1:PORT`. */
  readonly registry: string;

  /** The name inside the registry: `wordpress/openverse-api`. */
  readonly repository: string;
  readonly owner: string;

  /** The GitHub package's name: the path after the owner (`openverse-api`, `tools/api`). */
  readonly packageName: string;
}

/** A path component as Docker's reference grammar allows it (lowercase). */
const PATH_COMPONENT = /^[a-z0-9]+(?:(?:\.|_|__|-+)[a-z0-9]+)*$/;

const REGISTRY_HOST = /^(?:[a-z0-9-]+(?:\.[a-z0-9-]+)*|\[[0-9a-f:]+\])(?::\d{1,5})?$/;

/**
 * Splits `ghcr.io/wordpress/openverse-api` (a `:tag` or `@sha256:…` suffix is dropped) into its
 * registry host, repository path, owner and package name; undefined when the name has no registry
 * host (a first segment with a `.` or `:`, or `localhost`), no owner and package, or a component
 * Docker would refuse.
 */
export function parseImageName(name: string): ImageLocation | undefined {
  const bare = name
    .trim()
    .toLowerCase()
    .replace(/@[^@/]+$/, '');
  const withoutTag = bare.replace(/:[^:/]+$/, '');
  const [registry, owner, ...rest] = withoutTag.split('/');

  const looksLikeHost = registry.includes('.') || registry.includes(':') || registry === 'localhost';
  if (!looksLikeHost || !REGISTRY_HOST.test(registry) || owner === undefined || rest.length === 0) {
    return undefined;
  }

  if (![owner, ...rest].every((component) => PATH_COMPONENT.test(component))) {
    return undefined;
  }

  const packageName = rest.join('/');

  return { registry, repository: `${owner}/${packageName}`, owner, packageName };
}

/** A registry repository path (`wordpress/openverse-api`, `acme/tools/api`) as Docker allows it. */
export function isRepositoryPath(path: string): boolean {
  const components = path.split('/');
  return components.length >= 2 && components.every((component) => PATH_COMPONENT.test(component));
}

/** The package name as one segment of a GitHub API path: `tools/api` → `tools%2Fapi`. */
export function encodedPackageName(packageName: string): string {
  return encodeURIComponent(packageName);
}

/** `name@sha256:…`: the reference that pulls exactly that content, whatever the tags do later. */
export function digestReference(name: string, digest: string): string {
  return `${name}@${digest}`;
}

export function pullCommand(reference: string): string {
  return `docker pull ${reference}`;
}
