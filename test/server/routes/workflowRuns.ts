/** Workflow runs: the lists (per workflow and repository-wide, with filters) and one run by id. */

import { notFound, validationFailed } from '../http/errors';
import { pagedList } from '../http/pagination';
import { ApiResponse, json, Links, Route, RouteContext } from '../http/router';
import type { Scenario, ScenarioRun } from '../scenario';
import { minimalRepository } from './repositories';
import { newestFirst, runFilterFrom } from './runFilters';
import { simpleUser } from './users';
import { findWorkflow } from './workflows';

export function runObject(run: ScenarioRun, scenario: Scenario, links: Links, excludePullRequests = false) {
  const workflow = scenario.workflows.find((candidate) => candidate.id === run.workflowId);

  const url = `${links.repoApi}/actions/runs/${run.id}`;

  const repository = minimalRepository(scenario, links);

  const actor = simpleUser(run.actor, links);

  return {
    id: run.id,
    name: workflow?.name ?? null,
    node_id: `WFR_${Buffer.from(String(run.id)).toString('base64url')}`,
    head_branch: run.headBranch,
    head_sha: run.headSha,
    path: workflow?.path ?? '',
    display_title: run.displayTitle,
    run_number: run.runNumber,
    event: run.event,
    status: run.status,
    conclusion: run.conclusion,
    workflow_id: run.workflowId,
    check_suite_id: run.checkSuiteId,
    check_suite_node_id: `CS_${Buffer.from(String(run.checkSuiteId)).toString('base64url')}`,
    url,
    html_url: `${links.repoHtml}/actions/runs/${run.id}`,
    pull_requests: excludePullRequests ? [] : pullRequests(run, scenario, links),
    created_at: run.createdAt,
    updated_at: run.updatedAt,
    actor,
    run_attempt: run.runAttempt,
    referenced_workflows: [],
    run_started_at: run.runStartedAt,
    triggering_actor: actor,
    jobs_url: `${url}/jobs`,
    logs_url: `${url}/logs`,
    check_suite_url: `${links.repoApi}/check-suites/${run.checkSuiteId}`,
    artifacts_url: `${url}/artifacts`,
    cancel_url: `${url}/cancel`,
    rerun_url: `${url}/rerun`,
    previous_attempt_url: run.runAttempt > 1 ? `${url}/attempts/${run.runAttempt - 1}` : null,
    workflow_url: `${links.repoApi}/actions/workflows/${run.workflowId}`,
    head_commit: {
      id: run.headCommit.sha,
      tree_id: treeId(run.headCommit.sha),
      message: run.headCommit.subject,
      timestamp: run.headCommit.date,
      author: { name: run.headCommit.authorName, email: run.headCommit.authorEmail },
      committer: { name: run.headCommit.authorName, email: run.headCommit.authorEmail },
    },
    repository,
    head_repository: repository,
    head_repository_id: scenario.repository.id,
  };
}

function pullRequests(run: ScenarioRun, scenario: Scenario, links: Links) {
  if (run.pullRequestNumber === null) {
    return [];
  }

  const repo = { id: scenario.repository.id, url: links.repoApi, name: scenario.repository.name };

  const baseRef = scenario.repository.defaultBranch;

  return [
    {
      id: 900_000_000 + run.pullRequestNumber,
      number: run.pullRequestNumber,
      url: `${links.repoApi}/pulls/${run.pullRequestNumber}`,
      head: { ref: run.headBranch ?? '', sha: run.headSha, repo },
      base: { ref: baseRef, sha: scenario.branches[baseRef]?.[0]?.sha ?? run.headSha, repo },
    },
  ];
}

function treeId(sha: string): string {
  return [...sha].reverse().join('');
}

function listRuns(context: RouteContext, runs: readonly ScenarioRun[]): ApiResponse {
  const filter = runFilterFrom(context.url.searchParams);

  if (typeof filter !== 'function') {
    return json(validationFailed(filter.error), 422);
  }

  const excludePullRequests = context.url.searchParams.get('exclude_pull_requests') === 'true';

  const matching = runs.filter(filter).sort(newestFirst);

  return pagedList(context.url, matching, 'workflow_runs', (run) =>
    runObject(run, context.scenario, context.links, excludePullRequests),
  );
}

export const workflowRunRoutes: Route[] = [
  {
    method: 'GET',
    template: '/repos/{owner}/{repo}/actions/workflows/{workflow_id}/runs',
    access: 'repository',
    handle: (context) => {
      const workflow = findWorkflow(context.scenario, context.params.workflow_id);

      if (!workflow) {
        return json(notFound(), 404);
      }

      return listRuns(
        context,
        context.scenario.runs.filter((run) => run.workflowId === workflow.id),
      );
    },
  },
  {
    method: 'GET',
    template: '/repos/{owner}/{repo}/actions/runs',
    access: 'repository',
    handle: (context) => listRuns(context, context.scenario.runs),
  },
  {
    method: 'GET',
    template: '/repos/{owner}/{repo}/actions/runs/{run_id}',
    access: 'repository',
    handle: ({ scenario, links, params, url }) => {
      const run = scenario.runs.find((candidate) => String(candidate.id) === params.run_id);

      const excludePullRequests = url.searchParams.get('exclude_pull_requests') === 'true';

      return run ? json(runObject(run, scenario, links, excludePullRequests)) : json(notFound(), 404);
    },
  },
];
