/**
 * The publish confirmation: what will be pushed, from which workflow and ref, with which inputs,
 * and the publish runs already in progress on GitHub; or the equivalent gh commands instead.
 */
import * as vscode from 'vscode';

import { describeAge } from '../domain/age';
import type { CommitStatus } from '../domain/commitStatus';
import type { GitHubConnection } from '../github/connection';
import type { Confirmation } from './prompter';
import type { Flow, PlannedDispatch } from './publishFlow';
import { ghCommand, type PublishTarget } from './publishPlan';

/**
 * Publish runs already queued or running on GitHub, started from here, another window or anyone
 * else: shown in the confirmation so a second dispatch is a decision, not an accident.
 */
export async function runningPublishes(
  flow: Flow,
  connection: GitHubConnection,
  target: PublishTarget,
): Promise<string[]> {
  try {
    const runs = await connection.publish.listDispatchRuns(target.workflow.file, target.ref);
    return runs
      .filter((run) => run.status !== 'completed')
      .map(
        (run) =>
          `#${run.runNumber} ${run.status?.replace(/_/g, ' ') ?? ''}, started by ${run.actorLogin ?? 'someone'} ${describeAge(run.createdAt, new Date()).replace(/ old$/, ' ago')}: "${run.name}"`,
      );
  } catch (error) {
    flow.log.warn(`Could not list the publish runs in progress: ${(error as Error).message}`);
    return [];
  }
}

export function confirmation(
  connection: GitHubConnection,
  target: PublishTarget,
  status: CommitStatus,
  plans: readonly PlannedDispatch[],
  running: readonly string[],
): Confirmation {
  const sha = status.commit.sha;
  const images = plans.map((plan) => `${plan.image}:${sha}  (artifact ${plan.summary})`);
  const inputs = plans.map((plan) =>
    Object.entries(plan.inputs)
      .map(([name, value]) => `${name}=${value}`)
      .join(', '),
  );
  const what = plans.length === 1 ? `the ${plans[0].service} image` : `${plans.length} images`;
  const count = plans.length === 1 ? 'One dispatch' : `${plans.length} dispatches, one per service,`;
  const repository = `${connection.repository.owner}/${connection.repository.repo}`;

  return {
    message: `Publish ${what} of ${sha.slice(0, 7)}?`,
    detail: [
      `Pushes:\n${images.join('\n')}`,
      `Workflow: ${target.workflow.file} on '${target.ref}' (${target.refSource}) in ${repository}`,
      `Inputs:\n${inputs.join('\n')}`,
      ...(running.length > 0
        ? [
            `Already running for ${target.workflow.file} (one may be publishing the same image):\n${running.join('\n')}`,
          ]
        : []),
      `${count} will be sent.`,
    ].join('\n\n'),
  };
}

export async function copyCommands(
  flow: Flow,
  connection: GitHubConnection,
  target: PublishTarget,
  plans: readonly PlannedDispatch[],
): Promise<void> {
  const host = connection.repository.server.host;
  const prefix = host === 'github.com' ? '' : `${host}/`;
  const repository = `${prefix}${connection.repository.owner}/${connection.repository.repo}`;
  const commands = plans.map((plan) => ghCommand(repository, target.workflow.file, target.ref, plan.inputs));

  await vscode.env.clipboard.writeText(commands.join('\n'));
  const what = commands.length === 1 ? 'the gh command' : `${commands.length} gh commands`;
  void flow.ask.notify('info', `Copied ${what}; nothing was sent.`);
}
