/** Artifacts: of one run, of the whole repository (both filterable by `name`), and one by id. */

import { notFound } from '../http/errors';
import { pagedList } from '../http/pagination';
import { json, Links, Route, RouteContext } from '../http/router';
import type { Scenario, ScenarioArtifact, ScenarioRun } from '../scenario';
import { newestFirst } from './runFilters';

export interface RunArtifact {
  run: ScenarioRun;
  artifact: ScenarioArtifact;
}

export function artifactObject({ run, artifact }: RunArtifact, scenario: Scenario, links: Links) {
  const url = `${links.repoApi}/actions/artifacts/${artifact.id}`;

  return {
    id: artifact.id,
    node_id: Buffer.from(`08:Artifact${artifact.id}`).toString('base64'),
    name: artifact.name,
    size_in_bytes: artifact.sizeInBytes,
    url,
    archive_download_url: `${url}/zip`,
    expired: artifact.expired,
    created_at: artifact.createdAt,
    updated_at: artifact.updatedAt,
    expires_at: artifact.expiresAt,
    digest: artifact.digest,
    workflow_run: {
      id: run.id,
      repository_id: scenario.repository.id,
      head_repository_id: scenario.repository.id,
      head_branch: run.headBranch,
      head_sha: run.headSha,
    },
  };
}

export function allArtifacts(scenario: Scenario): RunArtifact[] {
  return scenario.runs.flatMap((run) => run.artifacts.map((artifact) => ({ run, artifact })));
}

function listArtifacts(context: RouteContext, artifacts: RunArtifact[]) {
  const name = context.url.searchParams.get('name');

  const matching = artifacts
    .filter(({ artifact }) => !name || artifact.name === name)
    .sort((a, b) => newestFirst(a.artifact, b.artifact));

  return pagedList(context.url, matching, 'artifacts', (entry) =>
    artifactObject(entry, context.scenario, context.links),
  );
}

export const artifactRoutes: Route[] = [
  {
    method: 'GET',
    template: '/repos/{owner}/{repo}/actions/runs/{run_id}/artifacts',
    access: 'repository',
    handle: (context) => {
      const run = context.scenario.runs.find((candidate) => String(candidate.id) === context.params.run_id);

      if (!run) {
        return json(notFound(), 404);
      }

      return listArtifacts(
        context,
        run.artifacts.map((artifact) => ({ run, artifact })),
      );
    },
  },
  {
    method: 'GET',
    template: '/repos/{owner}/{repo}/actions/artifacts',
    access: 'repository',
    handle: (context) => listArtifacts(context, allArtifacts(context.scenario)),
  },
  {
    method: 'GET',
    template: '/repos/{owner}/{repo}/actions/artifacts/{artifact_id}',
    access: 'repository',
    handle: ({ scenario, links, params }) => {
      const entry = allArtifacts(scenario).find(({ artifact }) => String(artifact.id) === params.artifact_id);

      return entry ? json(artifactObject(entry, scenario, links)) : json(notFound(), 404);
    },
  },
];
