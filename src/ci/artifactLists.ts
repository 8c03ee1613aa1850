/**
 * The artifact lists a load pages through: one per service when the services' names are exact
 * artifact names, else one list of every artifact, sorted out after the services are known.
 */
import type { Artifact, WorkflowRun } from '../domain/model';
import {
  coversRuns,
  expectedPages,
  pagesToReach,
  reachesBefore,
  type ActionsApi,
} from '../github/actionsApi';
import type { Pager } from '../github/pager';
import type { Discovery } from './ciDiscovery';

/** For a first guess at how many pages of unfiltered artifacts a list of commits needs. */
const ASSUMED_ARTIFACTS_PER_RUN = 2;

/**
 * How far past the first guess a list may go: pull-request runs that upload the same artifacts,
 * or many reports per run, make lists longer than the commits suggest. Paging stops as soon as the
 * oldest run shown is reached; this only bounds a list that never gets there.
 */
const PAGE_ALLOWANCE = 8;

export interface ArtifactSource {
  readonly pagers: Pager<Artifact>[];
  /** The name each pager lists, or undefined for the unfiltered list. */
  readonly names: (string | undefined)[];
  readonly firstBatch: number;
  readonly maxPages: number;
  /** One list of every artifact name, rather than one list per service. */
  readonly unfiltered: boolean;
}

/** Per service when the names are known and exact; else every artifact, sorted out after. */
export function artifactLists(
  api: ActionsApi,
  names: readonly string[],
  commitCount: number,
): ArtifactSource {
  if (names.length > 0) {
    const expected = expectedPages(commitCount);
    const maxPages = expected * PAGE_ALLOWANCE + 2;
    return {
      pagers: names.map((name) => api.artifactPager(name, maxPages)),
      names: [...names],
      firstBatch: expected,
      maxPages,
      unfiltered: false,
    };
  }

  const guessed = expectedPages(commitCount * ASSUMED_ARTIFACTS_PER_RUN);
  const maxPages = guessed * PAGE_ALLOWANCE + 2;
  return {
    pagers: [api.artifactPager(undefined, maxPages)],
    names: [undefined],
    firstBatch: guessed,
    maxPages,
    unfiltered: true,
  };
}

/** Every artifact the lists have fetched so far. */
export function artifactsOf(source: ArtifactSource): Artifact[] {
  return source.pagers.flatMap((pager) => pager.items);
}

/** The names to list artifacts by; none (one unfiltered list) when names are not exact artifact names. */
export function artifactListNames(discovery: Discovery): readonly string[] {
  return discovery.servicesSource === 'artifact-names' ? [] : discovery.services;
}

/**
 * How many more pages the lists are estimated to need to reach back past the oldest of these runs:
 * 0 when they already do (or the list has ended), Infinity when a list stopped at its page bound.
 */
export function pagesToGo(source: ArtifactSource, runs: readonly WorkflowRun[]): number {
  const { notBefore } = artifactWindow(runs);
  const perList = source.pagers.map((pager) => {
    if (pager.ended || reachesBefore(pager.items, notBefore)) {
      return 0;
    }
    // Stopped at its page bound short of the oldest run: this list cannot get there.
    return pager.exhausted
      ? Infinity
      : Math.max(1, Math.ceil(pagesToReach(pager.items, pager.fetchedPages, notBefore)));
  });
  return perList.reduce((sum, pages) => sum + (Number.isFinite(pages) ? pages : Infinity), 0);
}

/**
 * Continues the artifact pages until the chosen runs are covered: per service, until each run has
 * its artifact; for the unfiltered list, until it reaches artifacts older than the oldest run (a
 * run's artifacts can straddle two pages, so "one artifact each" is not enough there).
 */
export async function completeArtifacts(source: ArtifactSource, runs: readonly WorkflowRun[]): Promise<void> {
  const { wantedRunIds, notBefore } = artifactWindow(runs);
  const isComplete = (items: readonly Artifact[]) =>
    source.unfiltered ? reachesBefore(items, notBefore) : coversRuns(items, wantedRunIds, notBefore);

  const estimate = (items: readonly Artifact[], pages: number) => pagesToReach(items, pages, notBefore);

  await Promise.all(source.pagers.map((pager) => pager.continueUntil(isComplete, estimate)));
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
