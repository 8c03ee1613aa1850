/**
 * imagePublisher.publish: publish a commit's image for the chosen services. Pick the services
 * (those that cannot be published show why), check everything that can be checked, ask once in a
 * modal, send one dispatch per service, and follow each run to its end.
 */
import * as vscode from 'vscode';

import type { CommitsModel } from '../commits/commitsModel';
import { readSettings, type Settings } from '../config/settings';
import type { CommitStatus } from '../domain/commitStatus';
import { buildDispatchInputs, type DispatchInputs } from '../domain/dispatchInputs';
import { checkArtifact, type PreflightProblem } from '../domain/preflight';
import type { WorkflowInput } from '../domain/workflowFile';
import type { GitHubConnection } from '../github/connection';
import { describeGitHubFailure } from '../github/errors';
import type { Log } from '../log/log';
import { commitFor } from '../commands/pickCommit';
import { dispatchAndFindRun } from './dispatcher';
import type { Prompter, ServiceChoice } from './prompter';
import { ghCommand, imageFor, resolvePublishTarget, type PublishTarget } from './publishPlan';
import type { PublishRecord, PublishRecords } from './publishRecords';
import { repositoryKey } from './repositoryKey';
import type { RunFollower } from './runFollower';

export interface PublishDependencies {
  readonly model: CommitsModel;
  readonly records: PublishRecords;
  readonly follower: RunFollower;
  readonly prompter: () => Prompter;
  readonly log: Log;
}

interface PlannedDispatch {
  readonly service: string;
  readonly image: string;
  readonly inputs: DispatchInputs;
  readonly summary: string;
}

export function registerPublish(dependencies: PublishDependencies): vscode.Disposable {
  let preparing = false;

  return vscode.commands.registerCommand('imagePublisher.publish', async (argument?: unknown) => {
    if (preparing) {
      void vscode.window.showInformationMessage(
        'A publish is already being prepared. Finish or cancel it first.',
      );
      return;
    }

    preparing = true;
    try {
      await publish(dependencies, argument);
    } catch (error) {
      dependencies.log.error(`Publish failed unexpectedly: ${(error as Error).message}`);
      void vscode.window.showErrorMessage(`The publish could not be prepared: ${(error as Error).message}`);
    } finally {
      preparing = false;
    }
  });
}

async function publish(dependencies: PublishDependencies, argument: unknown): Promise<void> {
  const { model, records, log } = dependencies;

  if (!vscode.workspace.isTrusted) {
    void vscode.window.showWarningMessage(
      'Publishing is disabled in an untrusted workspace: its settings could change what gets dispatched. Trust the workspace to publish.',
    );
    return;
  }

  const status = await commitFor(
    model,
    argument,
    'Publish the image of which commit?',
    (each) => !!each.ci?.run,
  );
  if (!status) {
    return;
  }

  const connection = model.connection;
  const state = model.state;
  if (!connection || state.kind !== 'commits') {
    void vscode.window.showWarningMessage(
      'Open a GitHub repository and sign in to GitHub before publishing.',
    );
    return;
  }

  const settings = readSettings(vscode.Uri.file(state.repositoryRoot));
  const repository = repositoryKey(connection.repository);
  const choices = serviceChoices(status, state.services, records, repository);

  if (choices.length === 0) {
    void vscode.window.showWarningMessage(
      'No services are known for this repository. Set imagePublisher.services.',
    );
    return;
  }

  if (choices.every((choice) => choice.refusal)) {
    await explainRefusal(status, firstProblem(status, state.services));
    return;
  }

  const picked = await dependencies
    .prompter()
    .pickServices(`Publish ${status.commit.sha.slice(0, 7)}: ${status.commit.subject}`, choices);
  if (!picked || picked.length === 0) {
    return;
  }

  const resolution = await resolveTarget(connection, settings, log);
  if (!resolution) {
    return;
  }

  const plans = await planDispatches(
    dependencies.prompter(),
    connection,
    settings,
    resolution,
    status,
    picked,
  );
  if (!plans) {
    return;
  }

  const answer = await dependencies.prompter().confirm(confirmation(connection, resolution, status, plans));
  if (answer === 'copy-command') {
    await copyCommands(connection, resolution, plans);
    return;
  }

  if (answer !== 'publish') {
    return;
  }

  await Promise.all(
    plans.map((plan) => sendAndFollow(dependencies, connection, resolution, status, plan, repository)),
  );
}

function serviceChoices(
  status: CommitStatus,
  services: readonly string[],
  records: PublishRecords,
  repository: string,
): ServiceChoice[] {
  return services.map((service) => {
    const artifact = status.ci?.artifacts.find((entry) => entry.service === service);
    const problem = checkArtifact({
      sha: status.commit.sha,
      service,
      knownServices: services,
      ci: status.ci,
    });
    const running = records.active(repository, status.commit.sha, service);

    return {
      service,
      summary: artifact?.summary ?? 'no artifact',
      refusal:
        problem?.message ?? (running ? 'a publish of this commit and service is already running' : undefined),
    };
  });
}

function firstProblem(status: CommitStatus, services: readonly string[]): PreflightProblem | undefined {
  for (const service of services) {
    const problem = checkArtifact({
      sha: status.commit.sha,
      service,
      knownServices: services,
      ci: status.ci,
    });
    if (problem) {
      return problem;
    }
  }

  return undefined;
}

async function explainRefusal(status: CommitStatus, problem: PreflightProblem | undefined): Promise<void> {
  if (!problem) {
    void vscode.window.showWarningMessage('Every service of this commit is already being published.');
    return;
  }

  const rerun = 'Re-run CI';
  const openRun = 'Open Run';
  const actions = problem.remedy === 'rerun-ci' ? [rerun] : problem.remedy === 'open-run' ? [openRun] : [];
  const answer = await vscode.window.showWarningMessage(problem.message, ...actions);

  if (answer === rerun) {
    await vscode.commands.executeCommand('imagePublisher.rerunCi', { type: 'commit', status });
  } else if (answer === openRun) {
    await vscode.commands.executeCommand('imagePublisher.openRun', { type: 'commit', status });
  }
}

async function resolveTarget(
  connection: GitHubConnection,
  settings: Settings,
  log: Log,
): Promise<PublishTarget | undefined> {
  try {
    const resolution = await resolvePublishTarget(connection, settings, log);
    if (resolution.ok) {
      return resolution.target;
    }

    const open = 'Open Settings';
    const answer = await vscode.window.showErrorMessage(resolution.problem.message, open);
    if (answer === open) {
      await vscode.commands.executeCommand('workbench.action.openSettings', 'imagePublisher');
    }
  } catch (error) {
    const failure = describeGitHubFailure(error, {
      repositoryLabel: connection.label,
      apiHost: connection.apiHost,
      account: connection.account,
    });
    void vscode.window.showErrorMessage(`The publish workflow could not be read: ${failure.message}`);
  }

  return undefined;
}

async function planDispatches(
  prompter: Prompter,
  connection: GitHubConnection,
  settings: Settings,
  target: PublishTarget,
  status: CommitStatus,
  services: readonly string[],
): Promise<PlannedDispatch[] | undefined> {
  const declared = target.workflow.definition.dispatchInputs ?? [];
  const serviceInput = target.workflow.inputs.service.name;
  const commitInput = target.workflow.inputs.commit.name;
  const extra: Record<string, string> = {};

  for (const input of declared) {
    if (input.name === serviceInput || input.name === commitInput || !needsAnswer(input)) {
      continue;
    }

    const value = await prompter.askInput(input);
    if (value === undefined) {
      return undefined;
    }
    extra[input.name] = value;
  }

  const plans: PlannedDispatch[] = [];
  for (const service of services) {
    const check = buildDispatchInputs(declared, {
      ...extra,
      [serviceInput]: service,
      [commitInput]: status.commit.sha,
    });

    if (!check.ok) {
      void vscode.window.showErrorMessage(
        `Not sent: ${target.workflow.file} on '${target.ref}' would refuse these inputs: ${check.problems.join('; ')}.`,
      );
      return undefined;
    }

    const artifact = status.ci?.artifacts.find((entry) => entry.service === service);
    plans.push({
      service,
      image: imageFor(connection, settings, service),
      inputs: check.inputs,
      summary: artifact?.summary ?? '',
    });
  }

  return plans;
}

function needsAnswer(input: WorkflowInput): boolean {
  return input.required && input.default === undefined;
}

function confirmation(
  connection: GitHubConnection,
  target: PublishTarget,
  status: CommitStatus,
  plans: readonly PlannedDispatch[],
) {
  const sha = status.commit.sha;
  const images = plans.map((plan) => `${plan.image}:${sha}  (artifact ${plan.summary})`);
  const inputs = plans.map((plan) =>
    Object.entries(plan.inputs)
      .map(([name, value]) => `${name}=${value}`)
      .join(', '),
  );

  return {
    message: `Publish ${plans.length === 1 ? `the ${plans[0].service} image` : `${plans.length} images`} of ${sha.slice(0, 7)}?`,
    detail: [
      `Pushes:\n${images.join('\n')}`,
      `Workflow: ${target.workflow.file} on '${target.ref}' (${target.refSource}) in ${connection.repository.owner}/${connection.repository.repo}`,
      `Inputs:\n${inputs.join('\n')}`,
      `${plans.length === 1 ? 'One dispatch' : `${plans.length} dispatches, one per service`} will be sent.`,
    ].join('\n\n'),
  };
}

async function copyCommands(
  connection: GitHubConnection,
  target: PublishTarget,
  plans: readonly PlannedDispatch[],
): Promise<void> {
  const host = connection.repository.server.host;
  const repo = `${host === 'github.com' ? '' : `${host}/`}${connection.repository.owner}/${connection.repository.repo}`;
  const commands = plans.map((plan) => ghCommand(repo, target.workflow.file, target.ref, plan.inputs));

  await vscode.env.clipboard.writeText(commands.join('\n'));
  void vscode.window.showInformationMessage(
    `Copied ${commands.length === 1 ? 'the gh command' : `${commands.length} gh commands`}; nothing was sent.`,
  );
}

async function sendAndFollow(
  dependencies: PublishDependencies,
  connection: GitHubConnection,
  target: PublishTarget,
  status: CommitStatus,
  plan: PlannedDispatch,
  repository: string,
): Promise<void> {
  const { records, follower, log, model } = dependencies;
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

  if (!records.claim(record)) {
    void vscode.window.showWarningMessage(
      `${plan.service} of ${sha.slice(0, 7)} is already being published; not sent again.`,
    );
    return;
  }

  const outcome = await dispatchAndFindRun(
    connection,
    { workflowFile: target.workflow.file, ref: target.ref, inputs: plan.inputs },
    log,
  );

  switch (outcome.kind) {
    case 'rejected':
      records.release(record);
      void vscode.window.showErrorMessage(`Not published: ${outcome.rejection.message}`);
      return;
    case 'failed': {
      const failure = describeGitHubFailure(outcome.error, {
        repositoryLabel: connection.label,
        apiHost: connection.apiHost,
        account: connection.account,
      });
      records.update({ ...record, phase: 'unfollowed' });
      void vscode.window.showErrorMessage(
        `The dispatch of ${plan.service} may not have been sent: ${failure.message} Check the workflow's runs before publishing again.`,
      );
      return;
    }
    case 'run-not-found':
      records.update({ ...record, phase: 'unfollowed' });
      void vscode.window.showWarningMessage(outcome.message);
      return;
    case 'ambiguous': {
      const chosen = await vscode.window.showQuickPick(
        outcome.runs.map((run) => ({
          label: `#${run.runNumber}`,
          description: `${run.actorLogin ?? ''} ${run.createdAt.toLocaleTimeString()}`,
          run,
        })),
        { placeHolder: 'Several runs started just now. Which one is this publish?' },
      );
      if (!chosen) {
        records.update({ ...record, phase: 'unfollowed' });
        return;
      }
      await followAndRefresh({
        ...record,
        phase: 'running',
        runId: chosen.run.id,
        runUrl: chosen.run.htmlUrl,
      });
      return;
    }
    case 'run':
      await followAndRefresh({ ...record, phase: 'running', runId: outcome.runId, runUrl: outcome.runUrl });
      return;
  }

  async function followAndRefresh(running: PublishRecord): Promise<void> {
    records.update(running);
    await follower.follow(connection, running);
    void model.refresh();
  }
}
