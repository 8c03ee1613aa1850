/** Turns GitHub Packages' REST shapes (`package`, `package-version`) into the product's, tolerating missing fields. */
import type { ImageVersion } from '../domain/imageVersions';
import { dateOr, stringOr } from './jsonFields';

type Json = Record<string, unknown>;

export interface ContainerPackage {
  readonly id: number;
  readonly name: string;
  readonly visibility: string;

  /** `owner/repo` of the repository the package is linked to; null when it is linked to none. */
  readonly repositoryFullName: string | null;
  readonly htmlUrl: string;
}

export function toContainerPackage(raw: Json): ContainerPackage {
  const repository = (raw.repository ?? null) as Json | null;

  return {
    id: Number(raw.id),
    name: stringOr(raw.name, ''),
    visibility: stringOr(raw.visibility, 'unknown'),
    repositoryFullName: typeof repository?.full_name === 'string' ? repository.full_name : null,
    htmlUrl: stringOr(raw.html_url, ''),
  };
}

export function toImageVersion(raw: Json): ImageVersion {
  const container = ((raw.metadata as Json | undefined)?.container ?? {}) as Json;
  const tags = Array.isArray(container.tags) ? container.tags.filter(isString) : [];

  return {
    id: Number(raw.id),
    digest: stringOr(raw.name, ''),
    tags,
    createdAt: dateOr(raw.created_at),
    updatedAt: dateOr(raw.updated_at) ?? dateOr(raw.created_at),
    htmlUrl: typeof raw.html_url === 'string' ? raw.html_url : undefined,
  };
}

function isString(value: unknown): value is string {
  return typeof value === 'string';
}
