/**
 * Where workflow runs, artifacts and workflow files are fetched: bulk, paginated requests
 * (`per_page=100`, following `Link: rel="next"`) that stop as soon as what is shown is covered.
 */
import type { Artifact, Workflow, WorkflowRun } from '../domain/model';
import type { GitHubClient } from './client';
import { toArtifact, toWorkflow, toWorkflowRun } from './mappers';

export interface RepositoryCoordinates {
  readonly owner: string;
  readonly repo: string;
}

export interface RunQuery {
  /** Workflow file name or id; omitted for the runs of every workflow. */
  readonly workflow?: string;
  /** Branch filter; omitted for a detached HEAD. */
  readonly branch?: string;
  /** Stop paging once every one of these SHAs has at least one run. */
  readonly wantedShas: ReadonlySet<string>;
  readonly maxPages: number;
}

export interface ArtifactQuery {
  readonly name: string;
  /** Stop paging once every one of these run ids has its artifact, or artifacts get older than `notBefore`. */
  readonly wantedRunIds: ReadonlySet<number>;
  readonly notBefore?: Date;
  readonly maxPages: number;
}

const PAGE_SIZE = 100;

export class ActionsApi {
  constructor(
    private readonly client: GitHubClient,
    private readonly repository: RepositoryCoordinates,
  ) {}

  async listWorkflows(): Promise<Workflow[]> {
    const workflows = await this.client.paginate(this.client.rest.actions.listRepoWorkflows, {
      ...this.repository,
      per_page: PAGE_SIZE,
    });

    return workflows.map((workflow) => toWorkflow(workflow as unknown as Record<string, unknown>));
  }

  async listRuns(query: RunQuery): Promise<WorkflowRun[]> {
    const missing = new Set(query.wantedShas);
    let pages = 0;
    const parameters = {
      ...this.repository,
      per_page: PAGE_SIZE,
      ...(query.branch ? { branch: query.branch } : {}),
    };

    const collect = (response: { data: unknown }, done: () => void): WorkflowRun[] => {
      const runs = pageItems(response.data, 'workflow_runs').map(toWorkflowRun);
      pages++;

      for (const run of runs) {
        missing.delete(run.headSha.toLowerCase());
      }

      if (missing.size === 0 || pages >= query.maxPages) {
        done();
      }

      return runs;
    };

    if (query.workflow) {
      return this.client.paginate(
        'GET /repos/{owner}/{repo}/actions/workflows/{workflow_id}/runs',
        { ...parameters, workflow_id: query.workflow },
        collect,
      );
    }

    return this.client.paginate('GET /repos/{owner}/{repo}/actions/runs', parameters, collect);
  }

  async listArtifactsNamed(query: ArtifactQuery): Promise<Artifact[]> {
    const missing = new Set(query.wantedRunIds);
    let pages = 0;

    return this.client.paginate(
      'GET /repos/{owner}/{repo}/actions/artifacts',
      { ...this.repository, name: query.name, per_page: PAGE_SIZE },
      (response, done) => {
        const artifacts = pageItems(response.data, 'artifacts').map(toArtifact);
        pages++;

        for (const artifact of artifacts) {
          if (artifact.runId !== null) {
            missing.delete(artifact.runId);
          }
        }

        const oldest = artifacts[artifacts.length - 1]?.createdAt;
        const pastWindow = query.notBefore && oldest && oldest.getTime() < query.notBefore.getTime();
        if (missing.size === 0 || pastWindow || pages >= query.maxPages) {
          done();
        }

        return artifacts;
      },
    );
  }

  /** Names of the artifacts one run uploaded. */
  async listRunArtifactNames(runId: number): Promise<string[]> {
    const artifacts = await this.client.paginate(this.client.rest.actions.listWorkflowRunArtifacts, {
      ...this.repository,
      run_id: runId,
      per_page: PAGE_SIZE,
    });

    return artifacts.map((artifact) => artifact.name);
  }

  /** The text of a file at a ref, or undefined when the file or ref does not exist. */
  async readFile(path: string, ref?: string): Promise<string | undefined> {
    try {
      const response = await this.client.rest.repos.getContent({
        ...this.repository,
        path,
        ...(ref ? { ref } : {}),
      });
      const data = response.data as { type?: string; content?: string; encoding?: string };

      if (data.type !== 'file' || typeof data.content !== 'string') {
        return undefined;
      }

      return data.encoding === 'base64' ? Buffer.from(data.content, 'base64').toString('utf8') : data.content;
    } catch (error) {
      if ((error as { status?: number }).status === 404) {
        return undefined;
      }
      throw error;
    }
  }
}

/**
 * Items of one page. Octokit's paginate normalises list responses to an array for known routes;
 * raw objects are handled too.
 */
function pageItems(data: unknown, key: string): Record<string, unknown>[] {
  if (Array.isArray(data)) {
    return data as Record<string, unknown>[];
  }

  const items = (data as Record<string, unknown> | null)?.[key];
  return Array.isArray(items) ? (items as Record<string, unknown>[]) : [];
}
