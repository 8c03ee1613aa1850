/**
 * The image a publish pushes: `<registry>/<owner>/<package>:<sha>`, lower-cased as registries
 * require. The package name comes from the `imagePublisher.imageName` template
 * (`${owner}`, `${repo}`, `${service}`), by default `<repo>-<service>` as in the reference layout.
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
  const withRegistry =
    chosen.includes('${registry}') || /^[^/]+\.[^/]+\//.test(chosen) ? chosen : `\${registry}/${chosen}`;

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
