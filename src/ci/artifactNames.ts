/**
 * Which names a loader lists each service's artifacts by: the service's own, its image file's
 * (`<service>.tar`), or both when the naming changed along the way; learned once, not per refresh.
 */
import type { Artifact } from '../domain/model';
import { isArtifactOf } from '../domain/services';
import type { ActionsApi } from '../github/actionsApi';
import type { ArtifactSource } from './artifactLists';

export class ArtifactNames {
  /** The names a service's artifacts were seen under (`api`, `api.tar` or both), once known. */
  private readonly nameVariants = new Map<string, string[]>();
  /** Names already looked up as `<name>.tar`. */
  private readonly probedNames = new Set<string>();

  constructor(private readonly api: ActionsApi) {}

  async fetchFirstPages(source: ArtifactSource): Promise<void> {
    await Promise.all(source.pagers.map((pager) => pager.fetchBatch(source.firstBatch)));
    await this.withImageFileNames(source);
  }

  /**
   * A service whose list by name is empty may upload its image as `<service>.tar` (GitHub's `name`
   * filter is exact): its list is replaced by one of that name. Each name is tried once, so a
   * service that was never built costs the extra request once, not on every refresh.
   */
  async withImageFileNames(source: ArtifactSource): Promise<void> {
    const retried = source.pagers.flatMap((pager, index) => {
      const name = source.names[index];
      const tried = name === undefined || name.endsWith('.tar') || this.probedNames.has(name);
      if (tried || !pager.exhausted || pager.items.length > 0) {
        return [];
      }

      this.probedNames.add(name);
      const fileName = `${name}.tar`;
      const fileNamed = this.api.artifactPager(fileName, source.maxPages);
      source.pagers[index] = fileNamed;
      source.names[index] = fileName;
      const remember = () => fileNamed.items.length > 0 && this.nameVariants.set(name, [fileName]);
      return [fileNamed.fetchBatch(source.firstBatch).then(remember)];
    });

    await Promise.all(retried);
  }

  /**
   * Learns from a complete unfiltered list which names each service's artifacts carry, so later
   * per-service lists ask for exactly those (both, when the naming changed along the way).
   */
  learn(services: readonly string[], artifacts: readonly Artifact[]): void {
    for (const service of services) {
      const seen = [...new Set(artifacts.map((artifact) => artifact.name))].filter((name) =>
        isArtifactOf(service, name),
      );
      this.nameVariants.set(service, seen.length > 0 ? seen.sort() : [service]);
      this.probedNames.add(service);
    }
  }

  /** The names to list each service's artifacts by: its own, its image file's, or both. */
  listNames(services: readonly string[]): string[] {
    return services.flatMap((service) => this.nameVariants.get(service) ?? [service]);
  }
}
