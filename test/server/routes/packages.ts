/**
 * GitHub Packages (container packages only) in GitHub's two families: `/orgs/{org}/…` for an
 * organization owner, `/users/{username}/…` for a user. The family that does not fit the scenario's
 * owner answers 404, as does any other owner. Every route needs a token with `read:packages`: 401
 * without a token, 403 `You need at least read:packages scope to …` without the scope.
 * `{package_name}` is matched decoded (`openverse%2Fapi` names `openverse/api`).
 *
 * - `GET …/packages?package_type=container[&visibility=public|private]`: the owner's packages, with
 *   their `repository`; another package type has none; no `package_type` is a 400;
 * - `GET …/packages/{package_type}/{package_name}`: one package; 404 when unknown;
 * - `GET …/packages/{package_type}/{package_name}/versions[?state=active|deleted]`: newest first,
 *   paginated (`per_page`, `page`, `Link`); no version is ever deleted.
 */

import { gitHubError, notFound } from '../http/errors';
import { paginate } from '../http/pagination';
import { ApiResponse, json, Route, RouteContext } from '../http/router';
import { packagesReadRefusal } from '../http/scopes';
import type { ScenarioPackage } from '../scenario';
import { ownerFamily, packageObject, packageVersionObject } from './packageObjects';

interface Family {
  path: 'orgs' | 'users';
  param: 'org' | 'username';

  /** The documentation of the list, get and versions operations. */
  docs: [string, string, string];
}

const DOCS = 'https://docs.github.com/rest/packages/packages';

const FAMILIES: readonly Family[] = [
  {
    path: 'orgs',
    param: 'org',
    docs: [
      `${DOCS}#list-packages-for-an-organization`,
      `${DOCS}#get-a-package-for-an-organization`,
      `${DOCS}#list-package-versions-for-a-package-owned-by-an-organization`,
    ],
  },
  {
    path: 'users',
    param: 'username',
    docs: [
      `${DOCS}#list-packages-for-a-user`,
      `${DOCS}#get-a-package-for-a-user`,
      `${DOCS}#list-package-versions-for-a-package-owned-by-a-user`,
    ],
  },
];

/** The refusal of a request for the owner's packages, or null when it may go on. */
function ownerRefusal(
  context: RouteContext,
  family: Family,
  action: string,
  docs: string,
): ApiResponse | null {
  const scopeRefusal = packagesReadRefusal(context, action, docs);

  if (scopeRefusal) {
    return scopeRefusal;
  }

  const { scenario, params } = context;

  const sameOwner = params[family.param]?.toLowerCase() === scenario.owner.login.toLowerCase();

  return sameOwner && ownerFamily(scenario) === family.path ? null : json(notFound(), 404);
}

/** The package the route names, or the 404 (another type, or no such package). */
function namedPackage(context: RouteContext): ScenarioPackage | ApiResponse {
  const { scenario, params } = context;

  const target = scenario.packages.find((candidate) => candidate.name === params.package_name);

  return params.package_type === 'container' && target ? target : json(notFound(), 404);
}

function isPackage(value: ScenarioPackage | ApiResponse): value is ScenarioPackage {
  return 'versions' in value;
}

function withLink(body: unknown, link: string | null): ApiResponse {
  return json(body, 200, link ? { link } : undefined);
}

function familyRoutes(family: Family): Route[] {
  const base = `/${family.path}/{${family.param}}/packages`;

  const [listDocs, getDocs, versionsDocs] = family.docs;

  return [
    {
      method: 'GET',
      template: base,
      access: 'user',
      handle: (context) => {
        const refusal = ownerRefusal(context, family, 'list packages', listDocs);

        if (refusal) {
          return refusal;
        }

        const { url, scenario, links } = context;

        const type = url.searchParams.get('package_type');

        if (!type) {
          return json(gitHubError(400, 'package_type is required', listDocs), 400);
        }

        const visibility = url.searchParams.get('visibility');

        const matching = scenario.packages.filter(
          (candidate) => type === 'container' && (!visibility || candidate.visibility === visibility),
        );

        const page = paginate(matching, url);

        return withLink(
          page.items.map((item) => packageObject(item, scenario, links)),
          page.link,
        );
      },
    },
    {
      method: 'GET',
      template: `${base}/{package_type}/{package_name}`,
      access: 'user',
      handle: (context) => {
        const refusal = ownerRefusal(context, family, 'get a package', getDocs);

        const target = refusal ?? namedPackage(context);

        return isPackage(target) ? json(packageObject(target, context.scenario, context.links)) : target;
      },
    },
    {
      method: 'GET',
      template: `${base}/{package_type}/{package_name}/versions`,
      access: 'user',
      handle: (context) => {
        const refusal = ownerRefusal(context, family, "get a package's versions", versionsDocs);

        const target = refusal ?? namedPackage(context);

        if (!isPackage(target)) {
          return target;
        }

        const { url, scenario, links } = context;

        const versions = url.searchParams.get('state') === 'deleted' ? [] : target.versions;

        const page = paginate(versions, url);

        return withLink(
          page.items.map((version) => packageVersionObject(version, target, scenario, links)),
          page.link,
        );
      },
    },
  ];
}

export const packageRoutes: Route[] = FAMILIES.flatMap(familyRoutes);
