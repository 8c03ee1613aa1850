/**
 * Which container package holds which service's image, found without configuration among the
 * packages linked to the repository: `<repo>-<service>` first, then `<service>`, then a name ending
 * in `-<service>` or `/<service>`. A package serves one service; the stronger rule claims it first.
 */
export type PackageMatchRule = 'repo-service' | 'service' | 'suffix';

export interface ServicePackage {
  readonly service: string;
  readonly packageName: string;
  readonly rule: PackageMatchRule;
}

export interface ServicePackageMatching {
  readonly matched: readonly ServicePackage[];
  readonly unmatchedServices: readonly string[];

  /** Packages of the repository no service claimed. */
  readonly unmatchedPackages: readonly string[];
}

const RULES: readonly PackageMatchRule[] = ['repo-service', 'service', 'suffix'];

export function matchServicePackages(
  repo: string,
  services: readonly string[],
  packageNames: readonly string[],
): ServicePackageMatching {
  const claimed = new Map<string, ServicePackage>();
  const free = new Set(packageNames);

  for (const rule of RULES) {
    for (const service of services) {
      if (claimed.has(service)) {
        continue;
      }

      const candidates = [...free].filter((name) => fits(rule, name, repo, service)).sort(shortestFirst);
      if (candidates.length > 0) {
        claimed.set(service, { service, packageName: candidates[0], rule });
        free.delete(candidates[0]);
      }
    }
  }

  return {
    matched: services.flatMap((service) => claimed.get(service) ?? []),
    unmatchedServices: services.filter((service) => !claimed.has(service)),
    unmatchedPackages: packageNames.filter((name) => free.has(name)),
  };
}

/** One line for the log: what matched by which rule, and what did not. */
export function describeMatching(matching: ServicePackageMatching): string {
  const matched = matching.matched.map((entry) => `${entry.service} → ${entry.packageName} (${entry.rule})`);
  const parts = [matched.length > 0 ? matched.join(', ') : 'no service matched a package'];

  if (matching.unmatchedServices.length > 0) {
    parts.push(`no package for ${matching.unmatchedServices.join(', ')}`);
  }

  if (matching.unmatchedPackages.length > 0) {
    parts.push(`other packages: ${matching.unmatchedPackages.join(', ')}`);
  }

  return parts.join('; ');
}

function fits(rule: PackageMatchRule, packageName: string, repo: string, service: string): boolean {
  const [name, wantedService] = [packageName.toLowerCase(), service.toLowerCase()];

  switch (rule) {
    case 'repo-service':
      return name === `${repo.toLowerCase()}-${wantedService}`;
    case 'service':
      return name === wantedService;
    case 'suffix':
      return name.endsWith(`-${wantedService}`) || name.endsWith(`/${wantedService}`);
  }
}

function shortestFirst(a: string, b: string): number {
  return a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);
}
