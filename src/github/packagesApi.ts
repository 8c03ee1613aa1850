/**
 * Where the repository's container images are read from GitHub Packages: the owner's container
 * packages (org or user routes, by the owner's type), those linked to this repository matched to the
 * services, and each package's versions (`per_page=100`, `state=active`, following `Link` to the
 * end). A 404 and a missing `read:packages` scope are thrown as `PackagesError`.
 *
 * A package name may contain `/`: it is passed to Octokit unencoded, and Octokit's URL template
 * encodes `{package_name}` once (`tools/api` → `tools%2Fapi`). Passing it pre-encoded would send
 * `tools%252Fapi`.
 */
import type { ImageVersion } from '../domain/imageVersions';
import {
  describeMatching,
  matchServicePackages,
  type ServicePackageMatching,
} from '../domain/servicePackages';
import type { Log } from '../log/log';
import type { RepositoryCoordinates } from './actionsApi';
import type { GitHubClient } from './client';
import { packagesFailureOf, type PackagesFailureContext } from './packageFailures';
import { toContainerPackage, toImageVersion, type ContainerPackage } from './packageMappers';

export type OwnerType = 'Organization' | 'User';

export interface RepositoryPackages {
  /** The owner's container packages linked to this repository. */
  readonly packages: readonly ContainerPackage[];
  readonly matching: ServicePackageMatching;
}

export interface PackageVersions {
  /** Newest first, as GitHub lists them. */
  readonly versions: readonly ImageVersion[];

  /** False when paging stopped at `maxPages` with more left. */
  readonly complete: boolean;
}

export interface PackagesApiOptions {
  readonly log: Log;
  readonly failureContext: PackagesFailureContext;

  /** Skips asking GitHub when already known. */
  readonly ownerType?: OwnerType;

  /** Pages of 100 versions read at most per package (default 50). */
  readonly maxVersionPages?: number;
}

const PAGE_SIZE = 100;

const DEFAULT_MAX_VERSION_PAGES = 50;

/**
 * Typed as plain routes: Octokit's types do not list the user family's versions route as paginated
 * (its description has no `page`), though GitHub pages it with `Link` like the org one.
 */
const VERSIONS_ROUTES: Record<OwnerType, string> = {
  Organization: 'GET /orgs/{org}/packages/{package_type}/{package_name}/versions',
  User: 'GET /users/{username}/packages/{package_type}/{package_name}/versions',
};

export class PackagesApi {
  private ownerTypeKnown: OwnerType | undefined;

  constructor(
    private readonly client: GitHubClient,
    private readonly repository: RepositoryCoordinates,
    private readonly options: PackagesApiOptions,
  ) {
    this.ownerTypeKnown = options.ownerType;
  }

  /** Organization or User, from the repository's `owner.type` (asked once per instance). */
  async ownerType(): Promise<OwnerType> {
    if (this.ownerTypeKnown) {
      return this.ownerTypeKnown;
    }

    const response = await this.client.request('GET /repos/{owner}/{repo}', { ...this.repository });
    const type = response.data.owner.type === 'Organization' ? 'Organization' : 'User';

    this.ownerTypeKnown = type;
    return type;
  }

  /** The owner's container packages linked to this repository, matched to the services. */
  async findServicePackages(services: readonly string[]): Promise<RepositoryPackages> {
    const ownerType = await this.ownerType();
    const all = await this.guarded(null, () => this.listOwnerPackages(ownerType));
    const fullName = `${this.repository.owner}/${this.repository.repo}`.toLowerCase();
    const packages = all.filter((candidate) => candidate.repositoryFullName?.toLowerCase() === fullName);

    const matching = matchServicePackages(
      this.repository.repo,
      services,
      packages.map((candidate) => candidate.name),
    );

    this.options.log.info(
      `[packages] ${packages.length} of ${all.length} container packages of ${this.repository.owner} belong to ${fullName}: ${describeMatching(matching)}`,
    );

    return { packages, matching };
  }

  async listVersions(packageName: string): Promise<PackageVersions> {
    const ownerType = await this.ownerType();
    const maxPages = this.options.maxVersionPages ?? DEFAULT_MAX_VERSION_PAGES;
    const [route, ownerParameter] =
      ownerType === 'Organization'
        ? [VERSIONS_ROUTES.Organization, { org: this.repository.owner }]
        : [VERSIONS_ROUTES.User, { username: this.repository.owner }];

    const { versions, complete } = await this.guarded(packageName, async () => {
      const read: ImageVersion[] = [];
      let pages = 0;

      for await (const response of this.client.paginate.iterator<Record<string, unknown>>(route, {
        ...ownerParameter,
        package_type: 'container',
        package_name: packageName,
        per_page: PAGE_SIZE,
        state: 'active',
      })) {
        read.push(...response.data.map(toImageVersion));
        pages++;

        if (pages >= maxPages && /rel="next"/.test(response.headers.link ?? '')) {
          return { versions: read, complete: false };
        }
      }

      return { versions: read, complete: true };
    });

    if (!complete) {
      this.options.log.warn(
        `[packages] ${packageName} has more than ${maxPages * PAGE_SIZE} versions; showing the newest ${versions.length}.`,
      );
    }

    return { versions, complete };
  }

  private async listOwnerPackages(ownerType: OwnerType): Promise<ContainerPackage[]> {
    const parameters = { package_type: 'container' as const, per_page: PAGE_SIZE };

    const raw =
      ownerType === 'Organization'
        ? await this.client.paginate('GET /orgs/{org}/packages', {
            ...parameters,
            org: this.repository.owner,
          })
        : await this.client.paginate('GET /users/{username}/packages', {
            ...parameters,
            username: this.repository.owner,
          });

    return raw.map((item) => toContainerPackage(item as unknown as Record<string, unknown>));
  }

  /** Runs a packages request, turning a 404 or a missing scope into a `PackagesError`. */
  private async guarded<T>(packageName: string | null, request: () => Promise<T>): Promise<T> {
    try {
      return await request();
    } catch (error) {
      throw packagesFailureOf(error, packageName, this.options.failureContext) ?? error;
    }
  }
}
