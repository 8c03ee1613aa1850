/**
 * Follows a dispatched run to its end: a cancellable progress notification (cancelling stops
 * following, not the run), the status bar, polling that backs off, and a notification with the
 * outcome: the image reference on success, the failed job on failure.
 */
import * as vscode from 'vscode';

import { describeDuration } from '../domain/age';
import { presentRunState } from '../domain/runState';
import type { GitHubConnection } from '../github/connection';
import type { Log } from '../log/log';
import { noLinks } from '../views/plainText';
import type { PublishRecord, PublishRecords } from './publishRecords';
import type { PublishStatusBar } from './publishStatusBar';

export interface FollowTiming {
  readonly firstDelayMs: number;
  readonly maxDelayMs: number;
  readonly giveUpAfterMs: number;
  readonly maxConsecutiveErrors: number;
}

export const DEFAULT_FOLLOW_TIMING: FollowTiming = {
  firstDelayMs: 2_000,
  maxDelayMs: 30_000,
  giveUpAfterMs: 90 * 60_000,
  maxConsecutiveErrors: 5,
};

export class RunFollower {
  private readonly following = new Set<string>();

  constructor(
    private readonly records: PublishRecords,
    private readonly statusBar: PublishStatusBar,
    private readonly log: Log,
    /** False once the connection's session is gone (sign-out): its token is not used again. */
    private readonly stillSignedIn: (connection: GitHubConnection) => boolean = () => true,
    private readonly timing: FollowTiming = DEFAULT_FOLLOW_TIMING,
  ) {}

  get followingAny(): boolean {
    return this.following.size > 0;
  }

  isFollowing(record: PublishRecord): boolean {
    return this.following.has(keyOf(record));
  }

  follow(connection: GitHubConnection, record: PublishRecord): Promise<PublishRecord> {
    const key = keyOf(record);
    this.following.add(key);

    const title = `Publishing ${record.service} ${record.sha.slice(0, 7)}`;
    return Promise.resolve(
      vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title, cancellable: true },
        (progress, token) => this.poll(connection, record, progress, token),
      ),
    ).finally(() => this.following.delete(key));
  }

  private async poll(
    connection: GitHubConnection,
    record: PublishRecord,
    progress: vscode.Progress<{ message?: string }>,
    cancellation: vscode.CancellationToken,
  ): Promise<PublishRecord> {
    const runId = record.runId;
    if (runId === undefined) {
      return record;
    }

    const key = keyOf(record);
    const started = Date.now();
    let delay = this.timing.firstDelayMs;
    let errors = 0;

    while (!cancellation.isCancellationRequested) {
      if (!this.stillSignedIn(connection)) {
        this.log.info(`Stopped following run ${runId}: signed out. It is followed again after signing in.`);
        this.statusBar.finish(key, `$(eye-closed) ${record.service}: not followed (signed out)`);
        return record;
      }

      try {
        const run = await connection.publish.getRun(runId);
        const state = presentRunState(run.status, run.conclusion);
        errors = 0;

        progress.report({ message: `run #${run.runNumber} ${state.word}` });
        this.statusBar.show(key, `$(${state.icon}) ${record.service}: ${state.word}`);

        if (run.status === 'completed') {
          return this.finish(
            connection,
            { ...record, runUrl: run.htmlUrl || record.runUrl },
            run.conclusion ?? 'unknown',
          );
        }
      } catch (error) {
        errors++;
        this.log.warn(`Following run ${runId} failed (${errors} in a row): ${(error as Error).message}`);
        if (errors >= this.timing.maxConsecutiveErrors) {
          return this.stop(
            record,
            `Lost track of the publish of ${record.service}: GitHub did not answer. Open the run to see how it ends.`,
          );
        }
      }

      if (Date.now() - started > this.timing.giveUpAfterMs) {
        return this.stop(
          record,
          `Stopped following the publish of ${record.service} after ${describeDuration(Date.now() - started)}.`,
        );
      }

      await sleep(delay, cancellation);
      delay = Math.min(this.timing.maxDelayMs, Math.round(delay * 1.5));
    }

    this.log.info(`Stopped following run ${runId} at the user's request; the run goes on.`);
    const stopped = { ...record, phase: 'unfollowed' as const };
    this.records.update(stopped);
    this.statusBar.finish(key, `$(eye-closed) ${record.service}: not followed`);
    return stopped;
  }

  private async finish(
    connection: GitHubConnection,
    record: PublishRecord,
    conclusion: string,
  ): Promise<PublishRecord> {
    const succeeded = conclusion === 'success';
    const done: PublishRecord = { ...record, phase: succeeded ? 'succeeded' : 'failed', conclusion };
    const state = presentRunState('completed', conclusion);

    this.records.update(done);
    this.statusBar.finish(
      keyOf(record),
      `$(${state.icon}) ${record.service}: ${succeeded ? 'published' : state.word}`,
    );
    this.log.info(
      `Publish of ${record.service} ${record.sha.slice(0, 7)}: run ${record.runId} ${conclusion}.`,
    );

    if (succeeded) {
      void this.announceSuccess(done);
    } else {
      void this.announceFailure(connection, done, state.word);
    }

    return done;
  }

  private async announceSuccess(record: PublishRecord): Promise<void> {
    const copy = 'Copy Image Reference';
    const open = 'Open Run';
    const answer = await vscode.window.showInformationMessage(
      noLinks(`Published ${record.image}`),
      open,
      copy,
    );

    if (answer === copy) {
      await vscode.env.clipboard.writeText(record.image);
    } else if (answer === open && record.runUrl) {
      await vscode.env.openExternal(vscode.Uri.parse(record.runUrl));
    }
  }

  private async announceFailure(
    connection: GitHubConnection,
    record: PublishRecord,
    word: string,
  ): Promise<void> {
    const open = 'Open Run';
    const answer = await vscode.window.showErrorMessage(
      noLinks(
        `The publish of ${record.service} ${record.sha.slice(0, 7)} ${word}. Nothing was pushed unless the run says otherwise.`,
      ),
      open,
    );

    if (answer !== open || record.runId === undefined) {
      return;
    }

    const jobUrl = await connection.publish.failedJobUrl(record.runId).catch(() => undefined);
    const url = jobUrl ?? record.runUrl;
    if (url) {
      await vscode.env.openExternal(vscode.Uri.parse(url));
    }
  }

  private stop(record: PublishRecord, message: string): PublishRecord {
    const stopped = { ...record, phase: 'unfollowed' as const };
    this.records.update(stopped);
    this.statusBar.finish(keyOf(record), `$(question) ${record.service}: not followed`);

    void vscode.window.showWarningMessage(noLinks(message), 'Open Run').then((answer) => {
      if (answer && record.runUrl) {
        void vscode.env.openExternal(vscode.Uri.parse(record.runUrl));
      }
    });
    return stopped;
  }
}

function keyOf(record: PublishRecord): string {
  return `${record.repository}|${record.sha}|${record.service}`;
}

function sleep(ms: number, cancellation: vscode.CancellationToken): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    const subscription = cancellation.onCancellationRequested(done);

    function done(): void {
      clearTimeout(timer);
      subscription.dispose();
      resolve();
    }
  });
}
