/**
 * Loads the CI/CD state of the commits on screen: discovers the services and the CI workflow
 * (once per repository and settings), fetches the branch's runs in one paginated request and each
 * service's artifacts repo-wide, and joins them. Request count grows with what is shown, not with
 * the branch.
 */
import { detectCiWorkflow } from '../domain/ciWorkflowDetection';
import { joinCommitStatuses, type CommitStatus } from '../domain/commitStatus';
import type { Artifact, Commit, WorkflowRun } from '../domain/model';
import { workflowFileName } from '../domain/model';
import { isArtifactOf, resolveServices } from '../domain/services';
import { coversShas, expectedPages, pagesToCover, type ActionsApi } from '../github/actionsApi';
import type { Pager } from '../github/pager';
import type { Log } from '../log/log';
import {
  artifactListNames,
  artifactLists,
  artifactsOf,
  completeArtifacts,
  pagesToGo,
  type ArtifactSource,
} from './artifactLists';
import { ArtifactNames } from './artifactNames';
import { configuredCiWorkflow, discoverCi, type Discovery } from './ciDiscovery';
import { chooseRuns, filterWorkflow, hasCandidates, imageArtifacts, isNotFound } from './runSelection';

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

export class CiLoader {
  private discovery?: Promise<Discovery>;
  private discovered?: Discovery;
  private readonly names: ArtifactNames;

  constructor(
    private readonly api: ActionsApi,
    private readonly settings: CiSettings,
    private readonly log: Log,
  ) {
    this.names = new ArtifactNames(api);
  }

  /**
   * The next load discovers the workflows and services again (they may have changed). What was
   * found before still shapes its requests, so a manual refresh costs no extra round trip.
   */
  rediscover(): void {
    this.discovery = undefined;
  }

  /**
   * One load: the runs and the artifacts are asked for while the repository is still being
   * discovered, so even the first load takes the round trips of its pages plus one file read.
   */
  async load(request: CiRequest, retried = false): Promise<CiSnapshot> {
    const known = this.discovered;
    const discovering = this.discover();
    if (known && !configuredCiWorkflow(this.settings) && !hasCandidates(known)) {
      // Nothing could be the CI workflow last time: only look again at the workflows.
      const discovery = await discovering;
      if (!hasCandidates(discovery)) {
        return this.withoutCiWorkflow(request, discovery.services);
      }
      return this.load(request, retried);
    }

    const wantedShas = new Set(request.commits.map((commit) => commit.sha.toLowerCase()));
    const expected = expectedPages(request.commits.length);

    const listedWorkflow = known ? known.ciWorkflow : configuredCiWorkflow(this.settings);
    const runPager = this.api.runPager({
      workflow: listedWorkflow,
      branch: request.branch,
      maxPages: listedWorkflow ? expected * 2 + 1 : expected * 4 + 1,
    });
    const source = artifactLists(
      this.api,
      this.names.listNames(known ? artifactListNames(known) : this.settings.services),
      request.commits.length,
    );

    let discovery: Discovery;
    try {
      [discovery] = await Promise.all([
        discovering,
        runPager.fetchBatch(expected),
        ...source.pagers.map((pager) => pager.fetchBatch(source.firstBatch)),
      ]);
    } catch (error) {
      if (retried || !isNotFound(error) || !known?.ciWorkflow || configuredCiWorkflow(this.settings)) {
        throw error;
      }

      // The CI workflow detected earlier is gone (renamed or deleted): detect it again.
      this.log.info(`The CI workflow ${known.ciWorkflow} no longer answers: looking for it again.`);
      this.forget();
      return this.load(request, true);
    }

    if (known && discovery !== known && !this.sameShape(known, discovery)) {
      this.log.info('The workflows or services changed since the last refresh: loading again.');
      return this.load(request, retried);
    }

    await this.names.withImageFileNames(source);
    const ciWorkflow = await this.pickCiWorkflow(discovery, request, runPager, artifactsOf(source));
    if (!ciWorkflow) {
      return this.withoutCiWorkflow(request, discovery.services);
    }

    const ofCi = (runs: readonly WorkflowRun[]) =>
      listedWorkflow || ciWorkflow.id === undefined ? [...runs] : filterWorkflow(runs, ciWorkflow.id);
    await runPager.continueUntil(
      (runs) => coversShas(ofCi(runs), wantedShas),
      (runs, pages) => pagesToCover(ofCi(runs), pages, wantedShas),
    );

    const branchRuns = ofCi(runPager.items);
    const runs = [
      ...branchRuns,
      ...(await this.runsBuiltElsewhere(request, ciWorkflow.file, branchRuns, wantedShas)),
    ];
    const lists = await this.completeLists(source, discovery, chooseRuns(runs, wantedShas), request);

    const services =
      discovery.services.length > 0
        ? discovery.services
        : await this.servicesFromRuns(runs, artifactsOf(lists));
    const artifacts = artifactsOf(lists).filter((artifact) =>
      services.some((service) => isArtifactOf(service, artifact.name)),
    );

    return this.join(request, services, ciWorkflow.file, runs, artifacts);
  }

  /**
   * Pages the artifact lists until the chosen runs are covered. An unfiltered first list that is
   * still far from the oldest run (a repository with many other artifacts) gives way to the
   * services' own lists, now that their names are known, when those cost fewer pages.
   */
  private async completeLists(
    source: ArtifactSource,
    discovery: Discovery,
    chosen: readonly WorkflowRun[],
    request: CiRequest,
  ): Promise<ArtifactSource> {
    const names = this.names.listNames(artifactListNames(discovery));
    if (!source.unfiltered || names.length === 0) {
      await completeArtifacts(source, chosen);
      return source;
    }

    const byName = artifactLists(this.api, names, request.commits.length);
    if (pagesToGo(source, chosen) <= byName.firstBatch * names.length) {
      await completeArtifacts(source, chosen);
      if (pagesToGo(source, chosen) === 0) {
        this.names.learn(artifactListNames(discovery), artifactsOf(source));
        return source;
      }
    }

    // The unfiltered list is long with other artifacts (or ended at its page bound first).
    this.log.debug('The first artifact pages hold other artifacts mostly: listing each service by name.');
    await this.names.fetchFirstPages(byName);
    await completeArtifacts(byName, chosen);
    return byName;
  }

  /** Forgets the discovery and what it found, e.g. after the CI workflow it found disappeared. */
  private forget(): void {
    this.discovery = undefined;
    this.discovered = undefined;
  }

  /**
   * Whether a fresh discovery asks for the same lists as the one it replaces. A CI workflow that
   * was detected before is kept while it still exists.
   */
  private sameShape(before: Discovery, after: Discovery): boolean {
    const stillThere = after.workflows.some(
      (workflow) => workflow.state === 'active' && workflowFileName(workflow.path) === before.ciWorkflow,
    );
    if (!after.ciWorkflow && stillThere) {
      after.ciWorkflow = before.ciWorkflow;
    }

    const names = (discovery: Discovery) => JSON.stringify(artifactListNames(discovery));
    return after.ciWorkflow === before.ciWorkflow && names(after) === names(before);
  }

  /** The CI workflow: from the setting or an earlier load, else detected from what was fetched. */
  private async pickCiWorkflow(
    discovery: Discovery,
    request: CiRequest,
    runPager: Pager<WorkflowRun>,
    artifacts: readonly Artifact[],
  ): Promise<{ file: string; id?: number } | undefined> {
    if (discovery.ciWorkflow) {
      const file = discovery.ciWorkflow;
      return {
        file,
        id: discovery.workflows.find((workflow) => workflowFileName(workflow.path) === file)?.id,
      };
    }

    let serviceArtifacts = imageArtifacts(discovery.services, artifacts);
    const names = this.names.listNames(artifactListNames(discovery));
    if (serviceArtifacts.length === 0 && names.length > 0 && artifacts.length > 0) {
      // The first pages hold other artifacts only: the services' own lists say which workflow
      // uploads them, rather than a guess from file names.
      const byName = artifactLists(this.api, names, request.commits.length);
      await this.names.fetchFirstPages(byName);
      serviceArtifacts = imageArtifacts(discovery.services, artifactsOf(byName));
    }

    // The runs that uploaded the images may lie past the first pages (other workflows run often).
    const uploaders = new Set(serviceArtifacts.map((artifact) => artifact.runId));
    await runPager.continueUntil((runs) => uploaders.size === 0 || runs.some((run) => uploaders.has(run.id)));
    const runs = runPager.items;

    const excluded = discovery.publishWorkflowPath ? [discovery.publishWorkflowPath] : [];
    const detect = (candidateRuns: readonly WorkflowRun[]) =>
      detectCiWorkflow(discovery.workflows, candidateRuns, serviceArtifacts, excluded);

    let detection = detect(runs);
    if (!detection.workflow && request.branch && hasCandidates(discovery)) {
      // A branch with no runs of its own yet (new, or built only where it came from): the runs of
      // every branch say which workflow uploads the images.
      const everywhere = this.api.runPager({ maxPages: expectedPages(request.commits.length) });
      await everywhere.fetchBatch(expectedPages(request.commits.length));
      detection = detect([...runs, ...everywhere.items]);
    }

    if (!detection.workflow) {
      this.log.warn(`No CI workflow found: ${detection.why}.`);
      return undefined;
    }

    discovery.ciWorkflow = workflowFileName(detection.workflow.path);
    this.log.info(`CI workflow: ${detection.workflow.path} (${detection.why}).`);
    return { file: discovery.ciWorkflow, id: detection.workflow.id };
  }

  private withoutCiWorkflow(request: CiRequest, services: readonly string[]): CiSnapshot {
    return {
      services,
      statuses: request.commits.map((commit) => ({ commit })),
      runs: [],
      artifacts: [],
      problem:
        'No CI workflow found in this repository. Set imagePublisher.ciWorkflow to the workflow file that builds the images (for example ci_cd.yml).',
    };
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
      const discovery = discoverCi(this.api, this.settings, this.log);
      this.discovery = discovery;
      // Only the current discovery may update what is known: an older one can end after it.
      discovery.then(
        (found) => {
          if (this.discovery === discovery) {
            this.discovered = found;
          }
        },
        () => {
          if (this.discovery === discovery) {
            this.discovery = undefined;
          }
        },
      );
    }

    return this.discovery;
  }

  /** Services named by the artifacts of the newest successful run, when nothing else names them. */
  private async servicesFromRuns(
    runs: readonly WorkflowRun[],
    fetched: readonly Artifact[],
  ): Promise<readonly string[]> {
    const newestSuccess = runs.find((run) => run.conclusion === 'success');
    if (!newestSuccess) {
      return [];
    }

    const fetchedNames = fetched.filter((artifact) => artifact.runId === newestSuccess.id).map((a) => a.name);
    const names =
      fetchedNames.length > 0 ? fetchedNames : await this.api.listRunArtifactNames(newestSuccess.id);
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
    ciWorkflow: string,
    found: readonly WorkflowRun[],
    wantedShas: ReadonlySet<string>,
  ): Promise<WorkflowRun[]> {
    const covered = new Set(found.map((run) => run.headSha.toLowerCase()));
    const missing = new Set([...wantedShas].filter((sha) => !covered.has(sha)));
    if (!request.branch || missing.size === 0) {
      return [];
    }

    const expected = expectedPages(missing.size);
    const pager = this.api.runPager({ workflow: ciWorkflow, maxPages: expected * 2 + 1 });
    await pager.fetchBatch(expected);
    await pager.continueUntil(
      (runs) => coversShas(runs, missing),
      (runs, pages) => pagesToCover(runs, pages, missing),
    );

    const known = new Set(found.map((run) => run.id));
    const extra = pager.items.filter((run) => missing.has(run.headSha.toLowerCase()) && !known.has(run.id));
    this.log.debug(
      `${extra.length} runs of ${missing.size} commits not built on '${request.branch}' found on other branches.`,
    );
    return extra;
  }
}
