/**
 * Loads the CI/CD state of the commits on screen: discovers the services and the CI workflow
 * (once per repository and settings), fetches the branch's runs in one paginated request and each
 * service's artifacts repo-wide, and joins them. Request count grows with what is shown, not with
 * the branch.
 */
import { detectCiWorkflow } from '../domain/ciWorkflowDetection';
import { joinCommitStatuses, pickRun, groupRunsBySha, type CommitStatus } from '../domain/commitStatus';
import type { Artifact, Commit, Workflow, WorkflowRun } from '../domain/model';
import { workflowFileName } from '../domain/model';
import { resolveServices } from '../domain/services';
import { coversRuns, coversShas, expectedPages, type ActionsApi } from '../github/actionsApi';
import type { Pager } from '../github/pager';
import type { Log } from '../log/log';
import { discoverPublishWorkflow } from './publishWorkflowDiscovery';

export interface CiSettings {
  readonly ciWorkflow: string;
  readonly publishWorkflow: string;
  readonly services: readonly string[];
  readonly serviceInput: string;
  readonly commitInput: string;
  readonly warningDays: number;
}

export interface CiRequest {
  /** Undefined for a detached HEAD. */
  readonly branch?: string;
  readonly commits: readonly Commit[];
  readonly now: Date;
}

export interface CiSnapshot {
  readonly services: readonly string[];
  readonly ciWorkflowPath?: string;
  readonly statuses: readonly CommitStatus[];
  /** Set when CI state could not be shown, e.g. no CI workflow found. */
  readonly problem?: string;
  readonly runs: readonly WorkflowRun[];
  /** The artifacts of the runs shown: kept to restore the state in a new window. */
  readonly artifacts: readonly Artifact[];
}

interface Discovery {
  readonly services: readonly string[];
  readonly publishWorkflowPath?: string;
  readonly workflows: readonly Workflow[];
  ciWorkflow?: string;
}

export class CiLoader {
  private discovery?: Promise<Discovery>;

  constructor(
    private readonly api: ActionsApi,
    private readonly settings: CiSettings,
    private readonly log: Log,
  ) {}

  async load(request: CiRequest): Promise<CiSnapshot> {
    const discovery = await this.discover();
    const wantedShas = new Set(request.commits.map((commit) => commit.sha.toLowerCase()));
    const expected = expectedPages(request.commits.length);
    const maxPages = discovery.ciWorkflow ? expected * 2 + 1 : expected * 4 + 1;

    // Runs and each service's artifacts are asked for at the same time: one round trip when the
    // expected pages cover what is shown.
    const runPager = this.api.runPager({ workflow: discovery.ciWorkflow, branch: request.branch, maxPages });
    const artifactPagers = discovery.services.map((name) => this.api.artifactPager(name, maxPages));
    await Promise.all([runPager, ...artifactPagers].map((pager) => pager.fetchBatch(expected)));
    await runPager.continueUntil((runs) => coversShas(runs, wantedShas));

    const runs = [
      ...runPager.items,
      ...(await this.runsBuiltElsewhere(request, discovery, runPager.items, wantedShas)),
    ];
    const chosenRuns = chooseRuns(runs, wantedShas);
    const services = discovery.services.length > 0 ? discovery.services : await this.servicesFromRuns(runs);
    const artifacts =
      discovery.services.length > 0
        ? await this.completeArtifacts(artifactPagers, chosenRuns)
        : await this.loadArtifacts(services, chosenRuns);

    if (!discovery.ciWorkflow) {
      const detection = detectCiWorkflow(
        discovery.workflows,
        runs,
        artifacts,
        discovery.publishWorkflowPath ? [discovery.publishWorkflowPath] : [],
      );

      if (!detection.workflow) {
        this.log.warn(`No CI workflow found: ${detection.why}.`);
        return {
          services,
          statuses: request.commits.map((commit) => ({ commit })),
          runs: [],
          artifacts: [],
          problem:
            'No CI workflow found in this repository. Set imagePublisher.ciWorkflow to the workflow file that builds the images (for example ci_cd.yml).',
        };
      }

      discovery.ciWorkflow = workflowFileName(detection.workflow.path);
      this.log.info(`CI workflow: ${detection.workflow.path} (${detection.why}).`);
      return this.join(
        request,
        services,
        discovery.ciWorkflow,
        filterWorkflow(runs, detection.workflow.id),
        artifacts,
      );
    }

    return this.join(request, services, discovery.ciWorkflow, runs, artifacts);
  }

  private join(
    request: CiRequest,
    services: readonly string[],
    ciWorkflow: string,
    runs: readonly WorkflowRun[],
    artifacts: readonly Artifact[],
  ): CiSnapshot {
    const statuses = joinCommitStatuses(request.commits, runs, artifacts, {
      services,
      now: request.now,
      warningDays: this.settings.warningDays,
    });

    const shownRunIds = new Set(statuses.map((status) => status.ci?.run?.id));
    const shownArtifacts = artifacts.filter((artifact) => shownRunIds.has(artifact.runId ?? undefined));
    const shownRuns = runs.filter((run) => shownRunIds.has(run.id));

    return { services, ciWorkflowPath: ciWorkflow, statuses, runs: shownRuns, artifacts: shownArtifacts };
  }

  private discover(): Promise<Discovery> {
    if (!this.discovery) {
      this.discovery = this.runDiscovery();
      this.discovery.catch(() => (this.discovery = undefined));
    }

    return this.discovery;
  }

  private async runDiscovery(): Promise<Discovery> {
    const configuredCi = this.settings.ciWorkflow.trim();
    const configuredServices = this.settings.services;
    const workflows = configuredCi ? [] : await this.api.listWorkflows();

    if (configuredCi) {
      this.log.info(`CI workflow: ${configuredCi} (from the setting imagePublisher.ciWorkflow).`);
    }

    const publish =
      configuredServices.length > 0
        ? undefined
        : await discoverPublishWorkflow(this.api, workflows, this.settings, this.log);
    const services = resolveServices({
      setting: configuredServices,
      publishWorkflowOptions: publish?.inputs.service.options,
      publishWorkflowPath: publish?.path,
    });

    if (services.services.length > 0) {
      this.log.info(`Services ${services.services.join(', ')} (${services.why}).`);
    }

    return {
      services: services.services,
      publishWorkflowPath: publish?.path,
      workflows,
      ciWorkflow: configuredCi || undefined,
    };
  }

  private async servicesFromRuns(runs: readonly WorkflowRun[]): Promise<readonly string[]> {
    const newestSuccess = runs.find((run) => run.conclusion === 'success');
    if (!newestSuccess) {
      return [];
    }

    const names = await this.api.listRunArtifactNames(newestSuccess.id);
    const services = resolveServices({ artifactNames: names });
    this.log.info(
      services.services.length > 0
        ? `Services ${services.services.join(', ')} (${services.why} of run #${newestSuccess.runNumber}).`
        : `No services found: ${services.why}. Set imagePublisher.services.`,
    );

    return services.services;
  }

  /**
   * Commits the branch shares with its base were built when pushed there: their runs carry the
   * base branch's name, so the branch filter misses them. Only when some shown commits have no
   * run: the workflow's runs on every branch, for as many pages as the missing commits need.
   */
  private async runsBuiltElsewhere(
    request: CiRequest,
    discovery: Discovery,
    found: readonly WorkflowRun[],
    wantedShas: ReadonlySet<string>,
  ): Promise<WorkflowRun[]> {
    const covered = new Set(found.map((run) => run.headSha.toLowerCase()));
    const missing = new Set([...wantedShas].filter((sha) => !covered.has(sha)));
    if (!request.branch || missing.size === 0) {
      return [];
    }

    const expected = expectedPages(missing.size);
    const pager = this.api.runPager({ workflow: discovery.ciWorkflow, maxPages: expected * 2 + 1 });
    await pager.fetchBatch(expected);
    await pager.continueUntil((runs) => coversShas(runs, missing));

    const known = new Set(found.map((run) => run.id));
    const extra = pager.items.filter((run) => missing.has(run.headSha.toLowerCase()) && !known.has(run.id));
    this.log.debug(
      `${extra.length} runs of ${missing.size} commits not built on '${request.branch}' found on other branches.`,
    );
    return extra;
  }

  /** Continues each service's artifact pages until the chosen runs are covered. */
  private async completeArtifacts(
    pagers: readonly Pager<Artifact>[],
    runs: readonly WorkflowRun[],
  ): Promise<Artifact[]> {
    const { wantedRunIds, notBefore } = artifactWindow(runs);

    await Promise.all(
      pagers.map((pager) => pager.continueUntil((items) => coversRuns(items, wantedRunIds, notBefore))),
    );

    return pagers.flatMap((pager) => pager.items);
  }

  private async loadArtifacts(
    services: readonly string[],
    runs: readonly WorkflowRun[],
  ): Promise<Artifact[]> {
    const { wantedRunIds, notBefore } = artifactWindow(runs);
    const maxPages = Math.ceil(Math.max(runs.length, 1) / 100) + 1;

    const perService = await Promise.all(
      services.map((name) => this.api.listArtifactsNamed({ name, wantedRunIds, notBefore, maxPages })),
    );

    return perService.flat();
  }
}

/** The runs whose artifacts are wanted, and the date before which no artifact can belong to them. */
function artifactWindow(runs: readonly WorkflowRun[]): { wantedRunIds: Set<number>; notBefore?: Date } {
  const wantedRunIds = new Set(runs.filter((run) => run.conclusion === 'success').map((run) => run.id));
  const notBefore = runs.reduce<Date | undefined>(
    (oldest, run) => (!oldest || run.createdAt < oldest ? run.createdAt : oldest),
    undefined,
  );

  return { wantedRunIds, notBefore };
}

function chooseRuns(runs: readonly WorkflowRun[], wantedShas: ReadonlySet<string>): WorkflowRun[] {
  const chosen: WorkflowRun[] = [];

  for (const [sha, shaRuns] of groupRunsBySha(runs)) {
    const run = wantedShas.has(sha) ? pickRun(shaRuns) : undefined;
    if (run) {
      chosen.push(run);
    }
  }

  return chosen;
}

function filterWorkflow(runs: readonly WorkflowRun[], workflowId: number): WorkflowRun[] {
  return runs.filter((run) => run.workflowId === workflowId);
}
