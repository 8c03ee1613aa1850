/** The shapes of GitHub Packages: `package` and `package-version`, for a container package. */

import type { Links } from '../http/router';
import type { Scenario, ScenarioPackage, ScenarioPackageVersion } from '../scenario';
import { minimalRepository } from './repositories';
import { simpleUser } from './users';

/** `orgs` or `users`: the family of routes (and of URLs) of the scenario's owner. */
export function ownerFamily(scenario: Scenario): 'orgs' | 'users' {
  return scenario.owner.type === 'Organization' ? 'orgs' : 'users';
}

function packageUrls(target: ScenarioPackage, scenario: Scenario, links: Links) {
  const owner = `${ownerFamily(scenario)}/${scenario.owner.login}`;

  const name = encodeURIComponent(target.name);

  return {
    api: `${links.api}/${owner}/packages/container/${name}`,
    html: `${links.origin}/${owner}/packages/container/package/${name}`,
    versionHtml: `${links.origin}/${owner}/packages/container/${name}`,
  };
}

export function packageObject(target: ScenarioPackage, scenario: Scenario, links: Links) {
  const urls = packageUrls(target, scenario, links);

  return {
    id: target.id,
    name: target.name,
    package_type: 'container',
    owner: simpleUser(scenario.owner, links),
    version_count: target.versions.length,
    visibility: target.visibility,
    url: urls.api,
    created_at: target.createdAt,
    updated_at: target.updatedAt,
    repository: minimalRepository(scenario, links),
    html_url: urls.html,
  };
}

export function packageVersionObject(
  version: ScenarioPackageVersion,
  target: ScenarioPackage,
  scenario: Scenario,
  links: Links,
) {
  const urls = packageUrls(target, scenario, links);

  return {
    id: version.id,
    name: version.digest,
    url: `${urls.api}/versions/${version.id}`,
    package_html_url: urls.html,
    created_at: version.createdAt,
    updated_at: version.updatedAt,
    html_url: `${urls.versionHtml}/${version.id}`,
    metadata: { package_type: 'container', container: { tags: [...version.tags] } },
  };
}
