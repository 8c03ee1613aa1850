/** Typed builders for image fixtures: versions, digests and commits, each test naming only what it needs. */
import type { CommitRef, ImageVersion } from '../../../src/domain/imageVersions';
import { NOW, sha } from './domainBuilders';

const MINUTE = 60 * 1000;

/** A distinct, valid digest per seed. */
export function digest(seed: number): string {
  return `sha256:${seed.toString(16).padStart(64, '0')}`;
}

let nextVersionId = 400_000_001;

/** A version created `minutesAgo` before NOW (default: in creation order, each newer than the last). */
export function aVersion(
  tags: readonly string[],
  overrides: Partial<ImageVersion> & { minutesAgo?: number } = {},
): ImageVersion {
  const { minutesAgo, ...rest } = overrides;
  const id = rest.id ?? nextVersionId++;
  const createdAt = new Date(NOW.getTime() - (minutesAgo ?? 0) * MINUTE);

  return {
    id,
    digest: digest(id ?? 0),
    tags: [...tags],
    createdAt,
    updatedAt: createdAt,
    ...rest,
  };
}

export function aCommitRef(seed: number, subject = `Commit ${seed}`): CommitRef {
  return { sha: sha(seed), subject };
}
