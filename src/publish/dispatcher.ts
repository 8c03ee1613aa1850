/**
 * Sends one workflow dispatch and finds the run it started. Asks for the run id in the answer
 * (`return_run_details`); where the server rejects that field, sends once more without it and
 * finds the run by listing the workflow's dispatch runs before and after. Any other refusal is
 * final and never retried.
 */
import type { DispatchInputs } from '../domain/dispatchInputs';
import { describeDispatchRejection, type DispatchRejection } from '../domain/dispatchErrors';
import type { WorkflowRun } from '../domain/model';
import { findDispatchedRun } from '../domain/runSearch';
import type { GitHubConnection } from '../github/connection';
import type { Log } from '../log/log';

export interface DispatchRequest {
  readonly workflowFile: string;
  readonly ref: string;
  readonly inputs: DispatchInputs;
}

export type DispatchOutcome =
  | { readonly kind: 'run'; readonly runId: number; readonly runUrl?: string }
  | { readonly kind: 'run-not-found'; readonly message: string }
  | { readonly kind: 'ambiguous'; readonly runs: readonly WorkflowRun[] }
  | { readonly kind: 'rejected'; readonly rejection: DispatchRejection }
  | { readonly kind: 'failed'; readonly error: unknown };

export interface RunSearchTiming {
  readonly delaysMs: readonly number[];
}

export const DEFAULT_SEARCH_TIMING: RunSearchTiming = {
  delaysMs: [2_000, 3_000, 5_000, 8_000, 13_000, 21_000],
};

/**
 * `claimed`: runs already matched to other dispatches of the same publish, never offered again.
 * Dispatches of one publish are sent one after another, so each search sees only its own run.
 */
export async function dispatchAndFindRun(
  connection: GitHubConnection,
  request: DispatchRequest,
  log: Log,
  timing: RunSearchTiming = DEFAULT_SEARCH_TIMING,
  claimed: ReadonlySet<number> = new Set(),
): Promise<DispatchOutcome> {
  const first = await send(connection, request, true, log);
  if (first.kind !== 'rejected' || first.rejection.kind !== 'run-details-unsupported') {
    return first.kind === 'accepted' ? searchAfterward(connection, request, log, timing, [], claimed) : first;
  }

  log.info('This GitHub rejects return_run_details; sending the dispatch once more without it.');
  const seenBefore = await connection.publish
    .listDispatchRuns(request.workflowFile, request.ref)
    .catch(() => []);
  const second = await send(connection, request, false, log);

  return second.kind === 'accepted'
    ? searchAfterward(connection, request, log, timing, seenBefore, claimed)
    : second;
}

type SendResult = DispatchOutcome | { readonly kind: 'accepted'; readonly sentAt: Date };

async function send(
  connection: GitHubConnection,
  request: DispatchRequest,
  returnRunDetails: boolean,
  log: Log,
): Promise<SendResult> {
  const sentAt = new Date();

  try {
    const answer = await connection.publish.dispatch(
      request.workflowFile,
      request.ref,
      request.inputs,
      returnRunDetails,
    );
    log.info(
      `Dispatched ${request.workflowFile} on '${request.ref}' with ${JSON.stringify(request.inputs)}.`,
    );

    return answer.kind === 'run'
      ? { kind: 'run', runId: answer.runId, runUrl: answer.htmlUrl }
      : { kind: 'accepted', sentAt };
  } catch (error) {
    const status = (error as { status?: number }).status;
    const message = githubMessage(error);

    if ((status === 422 || status === 400) && message) {
      const rejection = describeDispatchRejection(message, {
        workflow: request.workflowFile,
        ref: request.ref,
      });
      if (status === 422 || rejection.kind === 'run-details-unsupported') {
        return { kind: 'rejected', rejection };
      }
    }

    return { kind: 'failed', error };
  }
}

async function searchAfterward(
  connection: GitHubConnection,
  request: DispatchRequest,
  log: Log,
  timing: RunSearchTiming,
  seenBeforeRuns: readonly WorkflowRun[],
  claimed: ReadonlySet<number>,
): Promise<DispatchOutcome> {
  const dispatchedAt = new Date();
  const seenBefore = new Set([...seenBeforeRuns.map((run) => run.id), ...claimed]);

  for (const delay of timing.delaysMs) {
    await new Promise((resolve) => setTimeout(resolve, delay));

    const listed = await connection.publish
      .listDispatchRuns(request.workflowFile, request.ref)
      .catch((error: Error) => {
        log.warn(`Listing the dispatched runs failed: ${error.message}`);
        return [];
      });
    const result = findDispatchedRun(listed, { seenBefore, dispatchedAt, actor: connection.account });

    if (result.kind === 'found') {
      log.info(`Found the dispatched run ${result.run.id}.`);
      return { kind: 'run', runId: result.run.id, runUrl: result.run.htmlUrl };
    }

    if (result.kind === 'ambiguous') {
      return { kind: 'ambiguous', runs: result.runs };
    }
  }

  return {
    kind: 'run-not-found',
    message: `The dispatch of ${request.workflowFile} was accepted, but its run did not appear. Check the workflow's runs on GitHub.`,
  };
}

function githubMessage(error: unknown): string | undefined {
  const data = (error as { response?: { data?: unknown } }).response?.data;

  if (data && typeof data === 'object' && typeof (data as { message?: unknown }).message === 'string') {
    return (data as { message: string }).message;
  }

  return typeof data === 'string' ? data : undefined;
}
