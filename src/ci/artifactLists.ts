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

export interface ArtifactSource {
  readonly pagers: readonly Pager<Artifact>[];
  readonly firstBatch: number;
  /** One list of every artifact name, rather than one list per service. */
  readonly unfiltered: boolean;
}

/** Per service when the names are known and exact; else every artifact, sorted out after. */
export function artifactLists(
  api: ActionsApi,
  names: readonly string[],
  commitCount: number,
): ArtifactSource {
  const expected = expectedPages(commitCount);

  if (names.length > 0) {
    const maxPages = expected * 2 + 1;
    return {
      pagers: names.map((name) => api.artifactPager(name, maxPages)),
      firstBatch: expected,
      unfiltered: false,
    };
  }

  const guessed = expectedPages(commitCount * ASSUMED_ARTIFACTS_PER_RUN);
  return {
    pagers: [api.artifactPager(undefined, guessed * 4 + 1)],
    firstBatch: guessed,
    unfiltered: true,
  };
}

export /** The names to list artifacts by; none (one unfiltered list) when names are not exact artifact names. */
function artifactListNames(discovery: Discovery): readonly string[] {
  return discovery.servicesSource === 'artifact-names' ? [] : discovery.services;
}

export /**
 * Continues the artifact pages until the chosen runs are covered: per service, until each run has
 * its artifact; for the unfiltered list, until it reaches artifacts older than the oldest run (a
 * run's artifacts can straddle two pages, so "one artifact each" is not enough there).
 */
async function completeArtifacts(source: ArtifactSource, runs: readonly WorkflowRun[]): Promise<void> {
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
