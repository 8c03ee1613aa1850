/**
 * Reads what the container registry holds for each service: through the GitHub Packages API when
 * the account granted `read:packages`, else (or when that scope turns out missing) anonymously
 * through the registry API, which serves public images. Which image belongs to which service
 * comes from `imagePublisher.imageName`, else from the packages linked to the repository.
 */
import { imageName, parseImageName } from '../domain/imageReference';
import type { CommitRef, ImageVersion } from '../domain/imageVersions';
import type { GitHubRepository } from '../domain/remoteChoice';
import { describePackagesFailure, type PackagesFailureContext } from '../github/packageFailures';
import type { PackagesApi } from '../github/packagesApi';
import type { Log } from '../log/log';
import type { RegistryClient } from '../registry/registryClient';

export type ImageSource = 'packages' | 'registry';

export interface ServiceImage {
  readonly service: string;
  /** `registry/owner/package`, lower case. */
  readonly image: string;
  readonly source: ImageSource;
  readonly versions: readonly ImageVersion[];
  /** What went wrong for this service, as a sentence; the versions are then empty. */
  readonly problem?: string;
  /** Set when a packages URL exists for the version rows. */
  readonly packageName?: string;
}

export interface ServiceImagesResult {
  readonly images: readonly ServiceImage[];
  /** True when the packages API refused for lack of `read:packages` (or it was not granted). */
  readonly scopeMissing: boolean;
}

export interface ServiceImagesInput {
  readonly repository: GitHubRepository;
  readonly services: readonly string[];
  readonly imageTemplate: string;
  readonly commits: readonly CommitRef[];
  /** Undefined when no session with `read:packages` exists. */
  readonly packages?: PackagesApi;
  readonly registry: RegistryClient;
  readonly failureContext: PackagesFailureContext;
  readonly log: Log;
}

export async function loadServiceImages(input: ServiceImagesInput): Promise<ServiceImagesResult> {
  const names = await packageNames(input);
  let scopeMissing = !input.packages;

  const images = await Promise.all(
    input.services.map(async (service): Promise<ServiceImage> => {
      const image = names.get(service) ?? defaultImage(input, service);
      const location = parseImageName(image);
      if (!location) {
        return {
          service,
          image,
          source: 'registry',
          versions: [],
          problem: `'${image}' is not a valid image name. Check imagePublisher.imageName.`,
        };
      }

      if (input.packages && !scopeMissing) {
        const fromPackages = await readPackages(input, input.packages, service, image, location.packageName);
        if (fromPackages !== 'missing-scope') {
          return fromPackages;
        }
        scopeMissing = true;
      }

      return readRegistry(input, service, image, location.repository);
    }),
  );

  return { images, scopeMissing };
}

async function packageNames(input: ServiceImagesInput): Promise<Map<string, string>> {
  const names = new Map<string, string>();

  if (input.imageTemplate.trim() || !input.packages) {
    return names;
  }

  try {
    const found = await input.packages.findServicePackages(input.services);
    const registry = input.repository.server.registryHost;
    const owner = input.repository.owner.toLowerCase();

    for (const match of found.matching.matched) {
      names.set(match.service, `${registry}/${owner}/${match.packageName}`.toLowerCase());
    }
  } catch (error) {
    input.log.warn(
      `[tags] Could not list the owner's packages: ${describePackagesFailure(error, input.failureContext).message}`,
    );
  }

  return names;
}

function defaultImage(input: ServiceImagesInput, service: string): string {
  return imageName(input.imageTemplate, {
    registry: input.repository.server.registryHost,
    owner: input.repository.owner,
    repo: input.repository.repo,
    service,
  });
}

async function readPackages(
  input: ServiceImagesInput,
  packages: PackagesApi,
  service: string,
  image: string,
  packageName: string,
): Promise<ServiceImage | 'missing-scope'> {
  try {
    const { versions, complete } = await packages.listVersions(packageName);
    if (!complete) {
      input.log.warn(`[tags] ${image} has more versions than are read; the oldest are not shown.`);
    }
    return { service, image, source: 'packages', versions, packageName };
  } catch (error) {
    const failure = describePackagesFailure(error, input.failureContext);

    if (failure.kind === 'missing-scope') {
      input.log.info(`[tags] The token lacks read:packages; reading ${image} from the registry instead.`);
      return 'missing-scope';
    }

    const problem =
      failure.kind === 'package-not-found'
        ? `${image}: package not found or not visible to this account.`
        : `${image}: ${failure.message}`;
    return { service, image, source: 'packages', versions: [], problem, packageName };
  }
}

async function readRegistry(
  input: ServiceImagesInput,
  service: string,
  image: string,
  repository: string,
): Promise<ServiceImage> {
  try {
    const read = await input.registry.readImage(repository, input.commits);
    if (read.unresolvedTags.length > 0) {
      input.log.info(
        `[tags] ${image}: ${read.unresolvedTags.length} of ${read.tagCount} tags not resolved to digests.`,
      );
    }
    return { service, image, source: 'registry', versions: read.versions };
  } catch (error) {
    const kind = (error as { kind?: string }).kind;
    const problem =
      kind === 'not-found' || kind === 'denied'
        ? `${image}: package not found or not visible to this account (the registry answered ${kind === 'denied' ? 'denied' : 'not found'}).`
        : `${image}: the registry could not be read (${(error as Error).message}).`;
    return { service, image, source: 'registry', versions: [], problem };
  }
}
