/**
 * The GitHub calls of a publish: the repository's default branch, the workflow dispatch (never
 * retried: a repeated POST could publish twice), the dispatched run, its jobs, and a CI re-run.
 */
import type { WorkflowRun } from '../domain/model';
import type { DispatchInputs } from '../domain/dispatchInputs';
import type { RepositoryCoordinates } from './actionsApi';
import type { GitHubClient } from './client';
import { InvalidResponseError } from './errors';
import { toWorkflowRun } from './mappers';

export type DispatchAnswer =
  { readonly kind: 'run'; readonly runId: number; readonly htmlUrl?: string } | { readonly kind: 'accepted' };

const NO_RETRY = { retries: 0 };

export class PublishApi {
  constructor(
    private readonly client: GitHubClient,
    private readonly repository: RepositoryCoordinates,
  ) {}

  async defaultBranch(): Promise<string> {
    const response = await this.client.request('GET /repos/{owner}/{repo}', { ...this.repository });
    const branch = (response.data as { default_branch?: unknown } | null)?.default_branch;
    if (typeof branch !== 'string' || branch.length === 0) {
      throw new InvalidResponseError('the repository (no default branch)');
    }
    return branch;
  }

  /**
   * Sends one dispatch. With `returnRunDetails`, GitHub (since 2026-02-19) answers 200 with the run
   * id; otherwise, or on an older server that ignores the field, 204.
   */
  async dispatch(
    workflowFile: string,
    ref: string,
    inputs: DispatchInputs,
    returnRunDetails: boolean,
  ): Promise<DispatchAnswer> {
    const response = await this.client.request(
      'POST /repos/{owner}/{repo}/actions/workflows/{workflow_id}/dispatches',
      {
        ...this.repository,
        workflow_id: workflowFile,
        ref,
        inputs,
        ...(returnRunDetails ? { return_run_details: true } : {}),
        request: NO_RETRY,
      },
    );

    const data = response.data as unknown as { workflow_run_id?: unknown; html_url?: unknown } | undefined;
    if ((response.status as number) === 200 && typeof data?.workflow_run_id === 'number') {
      return {
        kind: 'run',
        runId: data.workflow_run_id,
        htmlUrl: typeof data.html_url === 'string' ? data.html_url : undefined,
      };
    }

    return { kind: 'accepted' };
  }

  async getRun(runId: number): Promise<WorkflowRun> {
    const response = await this.client.request('GET /repos/{owner}/{repo}/actions/runs/{run_id}', {
      ...this.repository,
      run_id: runId,
    });
    return toWorkflowRun(response.data as unknown as Record<string, unknown>);
  }

  /** The newest `workflow_dispatch` runs of a workflow on a branch (one page). */
  async listDispatchRuns(workflowFile: string, branch: string): Promise<WorkflowRun[]> {
    const response = await this.client.request(
      'GET /repos/{owner}/{repo}/actions/workflows/{workflow_id}/runs',
      {
        ...this.repository,
        workflow_id: workflowFile,
        branch,
        event: 'workflow_dispatch',
        per_page: 30,
      },
    );
    return response.data.workflow_runs.map((run) => toWorkflowRun(run as unknown as Record<string, unknown>));
  }

  /** The web address of the run's first failed job, if any. */
  async failedJobUrl(runId: number): Promise<string | undefined> {
    const response = await this.client.request('GET /repos/{owner}/{repo}/actions/runs/{run_id}/jobs', {
      ...this.repository,
      run_id: runId,
      per_page: 100,
    });
    const failed = response.data.jobs.find(
      (job) => job.conclusion === 'failure' || job.conclusion === 'timed_out',
    );
    return failed?.html_url ?? undefined;
  }

  async rerun(runId: number): Promise<void> {
    await this.client.request('POST /repos/{owner}/{repo}/actions/runs/{run_id}/rerun', {
      ...this.repository,
      run_id: runId,
      request: NO_RETRY,
    });
  }
}
