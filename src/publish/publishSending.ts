/** Sending the confirmed dispatches, one after another, and starting to follow their runs. */
import * as vscode from 'vscode';

import type { CommitStatus } from '../domain/commitStatus';
import type { GitHubConnection } from '../github/connection';
import { noIcons } from '../views/plainText';
import { dispatchAndFindRun } from './dispatcher';
import { describeFailure, type Flow, type PlannedDispatch } from './publishFlow';
import type { PublishTarget } from './publishPlan';
import type { PublishRecord } from './publishRecords';

/** Sends one dispatch and starts following its run; does not wait for the run to finish. */
export async function send(
  flow: Flow,
  connection: GitHubConnection,
  target: PublishTarget,
  status: CommitStatus,
  plan: PlannedDispatch,
  repository: string,
  claimed: Set<number>,
): Promise<void> {
  const sha = status.commit.sha;
  const record: PublishRecord = {
    repository,
    sha,
    service: plan.service,
    image: `${plan.image}:${sha}`,
    workflowFile: target.workflow.file,
    ref: target.ref,
    phase: 'dispatching',
    startedAt: new Date().toISOString(),
  };

  if (!flow.records.claim(record)) {
    void flow.ask.notify(
      'warning',
      `${plan.service} of ${sha.slice(0, 7)} is already being published; not sent again.`,
    );
    return;
  }

  const request = { workflowFile: target.workflow.file, ref: target.ref, inputs: plan.inputs };
  const outcome = await dispatchAndFindRun(connection, request, flow.log, undefined, claimed);
  if (outcome.kind === 'run') {
    claimed.add(outcome.runId);
  }

  switch (outcome.kind) {
    case 'rejected':
      flow.records.release(record);
      void flow.ask.notify('error', `Not published: ${outcome.rejection.message}`);
      return;
    case 'failed':
      flow.records.update({ ...record, phase: 'unfollowed' });
      void flow.ask.notify(
        'error',
        `The dispatch of ${plan.service} may not have been sent: ${describeFailure(connection, outcome.error)} Check the workflow's runs before publishing again.`,
      );
      return;
    case 'run-not-found':
      flow.records.update({ ...record, phase: 'unfollowed' });
      void flow.ask.notify('warning', outcome.message);
      return;
    case 'ambiguous': {
      const chosen = await vscode.window.showQuickPick(
        outcome.runs.map((run) => ({
          label: `#${run.runNumber} ${noIcons(run.name)}`,
          description: `${run.actorLogin ?? ''} ${run.createdAt.toLocaleTimeString()}`,
          run,
        })),
        { placeHolder: 'Several runs started just now. Which one is this publish?' },
      );
      if (!chosen) {
        flow.records.update({ ...record, phase: 'unfollowed' });
        void flow.ask.notify(
          'warning',
          `The run of the ${plan.service} publish was not chosen, so it is not followed. Check the workflow's runs on GitHub.`,
        );
        return;
      }
      claimed.add(chosen.run.id);
      follow(flow, connection, {
        ...record,
        phase: 'running',
        runId: chosen.run.id,
        runUrl: chosen.run.htmlUrl,
      });
      return;
    }
    case 'run':
      follow(flow, connection, { ...record, phase: 'running', runId: outcome.runId, runUrl: outcome.runUrl });
      return;
  }
}

function follow(flow: Flow, connection: GitHubConnection, running: PublishRecord): void {
  flow.records.update(running);
  void flow.follower.follow(connection, running).then(() => flow.model.refresh());
}
