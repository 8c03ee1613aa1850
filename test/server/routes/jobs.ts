/**
 * `GET /repos/{o}/{r}/actions/runs/{run_id}/jobs`: the jobs of the run's latest attempt, or of every
 * attempt with `filter=all`, paginated (see `runJobs.ts` for how they follow the run).
 */

import { notFound } from '../http/errors';
import { pagedList } from '../http/pagination';
import { json, Links, Route } from '../http/router';
import { RunJob, runJobs } from '../runJobs';
import type { Scenario, ScenarioRun } from '../scenario';

function jobObject(job: RunJob, run: ScenarioRun, scenario: Scenario, links: Links) {
  const workflow = scenario.workflows.find((candidate) => candidate.id === run.workflowId);

  const started = job.status === 'in_progress' || job.status === 'completed';

  return {
    id: job.id,
    run_id: run.id,
    workflow_name: workflow?.name ?? null,
    head_branch: run.headBranch,
    run_url: `${links.repoApi}/actions/runs/${run.id}`,
    run_attempt: job.runAttempt,
    node_id: Buffer.from(`08:CheckRun${job.id}`).toString('base64'),
    head_sha: run.headSha,
    url: `${links.repoApi}/actions/jobs/${job.id}`,
    html_url: `${links.repoHtml}/actions/runs/${run.id}/job/${job.id}`,
    status: job.status,
    conclusion: job.conclusion,
    created_at: job.createdAt,
    started_at: job.startedAt,
    completed_at: job.completedAt,
    name: job.name,
    steps: job.steps.map((step) => ({
      name: step.name,
      status: step.status,
      conclusion: step.conclusion,
      number: step.number,
      started_at: step.startedAt,
      completed_at: step.completedAt,
    })),
    check_run_url: `${links.repoApi}/check-runs/${job.id}`,
    labels: [job.label],
    runner_id: started ? 1_000 + (job.id % 100) : null,
    runner_name: started ? `GitHub Actions ${1_000 + (job.id % 100)}` : null,
    runner_group_id: started ? 2 : null,
    runner_group_name: started ? 'GitHub Actions' : null,
  };
}

export const jobRoutes: Route[] = [
  {
    method: 'GET',
    template: '/repos/{owner}/{repo}/actions/runs/{run_id}/jobs',
    access: 'repository',
    handle: ({ scenario, links, params, url }) => {
      const run = scenario.runs.find((candidate) => String(candidate.id) === params.run_id);

      if (!run) {
        return json(notFound(), 404);
      }

      const jobs = runJobs(run, scenario, url.searchParams.get('filter') === 'all');

      return pagedList(url, jobs, 'jobs', (job) => jobObject(job, run, scenario, links));
    },
  },
];
