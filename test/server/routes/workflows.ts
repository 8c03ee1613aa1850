/** Workflows: `GET .../actions/workflows` and `GET .../actions/workflows/{workflow_id}`. */

import { notFound } from '../http/errors';
import { pagedList } from '../http/pagination';
import { json, Links, Route } from '../http/router';
import type { Scenario, ScenarioWorkflow } from '../scenario';

export function workflowObject(workflow: ScenarioWorkflow, scenario: Scenario, links: Links) {
  return {
    id: workflow.id,
    node_id: Buffer.from(`08:Workflow${workflow.id}`).toString('base64'),
    name: workflow.name,
    path: workflow.path,
    state: workflow.state,
    created_at: workflow.createdAt,
    updated_at: workflow.updatedAt,
    url: `${links.repoApi}/actions/workflows/${workflow.id}`,
    html_url: `${links.repoHtml}/blob/${scenario.repository.defaultBranch}/${workflow.path}`,
    badge_url: `${links.repoHtml}/workflows/${encodeURIComponent(workflow.name)}/badge.svg`,
  };
}

/** A workflow by numeric id or by file name (`ci_cd.yml`), as GitHub accepts either. */
export function findWorkflow(scenario: Scenario, idOrFileName: string): ScenarioWorkflow | undefined {
  return scenario.workflows.find(
    (workflow) => String(workflow.id) === idOrFileName || workflow.path.split('/').pop() === idOrFileName,
  );
}

export const workflowRoutes: Route[] = [
  {
    method: 'GET',
    template: '/repos/{owner}/{repo}/actions/workflows',
    access: 'repository',
    handle: ({ scenario, links, url }) =>
      pagedList(url, scenario.workflows, 'workflows', (workflow) =>
        workflowObject(workflow, scenario, links),
      ),
  },
  {
    method: 'GET',
    template: '/repos/{owner}/{repo}/actions/workflows/{workflow_id}',
    access: 'repository',
    handle: ({ scenario, links, params }) => {
      const workflow = findWorkflow(scenario, params.workflow_id);

      return workflow ? json(workflowObject(workflow, scenario, links)) : json(notFound(), 404);
    },
  },
];
