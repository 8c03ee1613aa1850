/**
 * Finds the run a dispatch started when GitHub did not say (older Enterprise Server rejects
 * `return_run_details`): among the workflow's `workflow_dispatch` runs listed after the dispatch,
 * drop those already listed before it and those created too early, allowing for clocks that differ;
 * prefer runs triggered by the signed-in user. More than one candidate left is ambiguous.
 */
import type { WorkflowRun } from './model';

export const CLOCK_ALLOWANCE_MS = 60_000;

export interface RunSearch {
  /** Run ids listed before the dispatch was sent. */
  readonly seenBefore: ReadonlySet<number>;
  /** When the dispatch was sent, by our clock. */
  readonly dispatchedAt: Date;
  /** Login of the signed-in user. */
  readonly actor?: string;
  readonly clockAllowanceMs?: number;
}

export type RunSearchResult =
  | { readonly kind: 'found'; readonly run: WorkflowRun }
  | { readonly kind: 'none' }
  | { readonly kind: 'ambiguous'; readonly runs: readonly WorkflowRun[] };

export function findDispatchedRun(listedAfter: readonly WorkflowRun[], search: RunSearch): RunSearchResult {
  const earliest = search.dispatchedAt.getTime() - (search.clockAllowanceMs ?? CLOCK_ALLOWANCE_MS);
  const fresh = listedAfter.filter(
    (run) =>
      !search.seenBefore.has(run.id) &&
      run.event === 'workflow_dispatch' &&
      run.createdAt.getTime() >= earliest,
  );

  const own = search.actor ? fresh.filter((run) => run.actorLogin === search.actor) : [];
  const candidates = own.length > 0 ? own : fresh;

  if (candidates.length === 0) {
    return { kind: 'none' };
  }

  if (candidates.length === 1) {
    return { kind: 'found', run: candidates[0] };
  }

  return {
    kind: 'ambiguous',
    runs: [...candidates].sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime()),
  };
}
