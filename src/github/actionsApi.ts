/**
 * Where workflow runs, artifacts and workflow files are fetched: bulk, paginated requests
 * (`per_page=100`, following `Link: rel="next"`) that stop as soon as what is shown is covered.
 */
import type { Artifact, Workflow, WorkflowRun } from '../domain/model';
import type { GitHubClient } from './client';
import { toArtifact, toWorkflow, toWorkflowRun } from './mappers';
import { PAGE_SIZE, Pager } from './pager';

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

/**
 * Pages a list of this many commits' runs or artifacts is expected to span, with a little room for
 * extra runs (pull requests, re-dispatches) so a full list rarely needs a second round trip.
 */
export function expectedPages(count: number): number {
  return Math.max(1, Math.ceil((count * 1.05 + 5) / PAGE_SIZE));
}

export function coversShas(runs: readonly WorkflowRun[], wanted: ReadonlySet<string>): boolean {
  const seen = new Set(runs.map((run) => run.headSha.toLowerCase()));
  return [...wanted].every((sha) => seen.has(sha));
}

/** True once the list reaches items created before `notBefore` (or there is nothing to reach). */
export function reachesBefore(artifacts: readonly Artifact[], notBefore: Date | undefined): boolean {
  const oldest = artifacts[artifacts.length - 1]?.createdAt;
  return !notBefore || (oldest !== undefined && oldest !== null && oldest.getTime() < notBefore.getTime());
}

/** Pages still needed for a newest-first list to reach `notBefore`, from the time one page spans. */
export function pagesToReach(
  artifacts: readonly Artifact[],
  fetchedPages: number,
  notBefore: Date | undefined,
): number {
  const newest = artifacts[0]?.createdAt?.getTime();
  const oldest = artifacts[artifacts.length - 1]?.createdAt?.getTime();
  if (!notBefore || newest === undefined || oldest === undefined || newest <= oldest) {
    return 1;
  }

  const spanPerPage = (newest - oldest) / fetchedPages;
  return (oldest - notBefore.getTime()) / spanPerPage;
}

/** Pages still needed for every wanted SHA to show up, from how many each page brought so far. */
export function pagesToCover(
  runs: readonly WorkflowRun[],
  fetchedPages: number,
  wanted: ReadonlySet<string>,
): number {
  const found = new Set(runs.map((run) => run.headSha.toLowerCase()).filter((sha) => wanted.has(sha))).size;
  return found === 0 ? 1 : ((wanted.size - found) * fetchedPages) / found;
}

export function coversRuns(
  artifacts: readonly Artifact[],
  wantedRunIds: ReadonlySet<number>,
  notBefore: Date | undefined,
): boolean {
  const seen = new Set(artifacts.map((artifact) => artifact.runId));
  const oldest = artifacts[artifacts.length - 1]?.createdAt;

  if (notBefore && oldest && oldest.getTime() < notBefore.getTime()) {
    return true;
  }

  return [...wantedRunIds].every((id) => seen.has(id));
}

export class ActionsApi {
  constructor(
    private readonly client: GitHubClient,
    private readonly repository: RepositoryCoordinates,
  ) {}

  async listWorkflows(): Promise<Workflow[]> {
    const workflows = await this.client.paginate('GET /repos/{owner}/{repo}/actions/workflows', {
      ...this.repository,
      per_page: PAGE_SIZE,
    });

    return workflows.map((workflow) => toWorkflow(workflow as unknown as Record<string, unknown>));
  }

  /** A pager over the branch's runs (of one workflow, or of all). */
  runPager(query: Pick<RunQuery, 'workflow' | 'branch' | 'maxPages'>): Pager<WorkflowRun> {
    const parameters = { ...this.repository, ...(query.branch ? { branch: query.branch } : {}) };

    return new Pager(this.client, {
      route: query.workflow
        ? 'GET /repos/{owner}/{repo}/actions/workflows/{workflow_id}/runs'
        : 'GET /repos/{owner}/{repo}/actions/runs',
      parameters: query.workflow ? { ...parameters, workflow_id: query.workflow } : parameters,
      itemsKey: 'workflow_runs',
      map: toWorkflowRun,
      maxPages: query.maxPages,
    });
  }

  /** A pager over the repository's artifacts, of one name or of all, newest first. */
  artifactPager(name: string | undefined, maxPages: number): Pager<Artifact> {
    return new Pager(this.client, {
      route: 'GET /repos/{owner}/{repo}/actions/artifacts',
      parameters: { ...this.repository, ...(name ? { name } : {}) },
      itemsKey: 'artifacts',
      map: toArtifact,
      maxPages,
    });
  }

  /** Runs until every wanted SHA has one: the expected pages at once, then one by one. */
  async listRuns(query: RunQuery): Promise<WorkflowRun[]> {
    const pager = this.runPager(query);

    await pager.fetchBatch(expectedPages(query.wantedShas.size));
    await pager.continueUntil((runs) => coversShas(runs, query.wantedShas));

    return pager.items;
  }

  /** Artifacts of one name until every wanted run has one or they get older than `notBefore`. */
  async listArtifactsNamed(query: ArtifactQuery): Promise<Artifact[]> {
    const pager = this.artifactPager(query.name, query.maxPages);

    await pager.fetchBatch(1);
    await pager.continueUntil((artifacts) => coversRuns(artifacts, query.wantedRunIds, query.notBefore));

    return pager.items;
  }

  /** Names of the artifacts one run uploaded. */
  async listRunArtifactNames(runId: number): Promise<string[]> {
    const artifacts = await this.client.paginate(
      'GET /repos/{owner}/{repo}/actions/runs/{run_id}/artifacts',
      {
        ...this.repository,
        run_id: runId,
        per_page: PAGE_SIZE,
      },
    );

    return artifacts.map((artifact) => artifact.name);
  }

  /** The text of a file at a ref, or undefined when the file or ref does not exist. */
  async readFile(path: string, ref?: string): Promise<string | undefined> {
    try {
      const response = await this.client.request('GET /repos/{owner}/{repo}/contents/{path}', {
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
