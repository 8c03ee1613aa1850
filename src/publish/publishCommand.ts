/**
 * imagePublisher.publish: publish a commit's image for the chosen services. Pick the services
 * (those that cannot be published show why), check everything that can be checked, ask once in a
 * modal, send one dispatch per service, and follow each run to its end in the background.
 */
import * as vscode from 'vscode';

import { commitFor } from '../commands/pickCommit';
import { readSettings, type Settings } from '../config/settings';
import type { CommitStatus } from '../domain/commitStatus';
import { buildDispatchInputs } from '../domain/dispatchInputs';
import { parseImageName } from '../domain/imageReference';
import { checkArtifact, type PreflightProblem } from '../domain/preflight';
import type { WorkflowInput } from '../domain/workflowFile';
import type { GitHubConnection } from '../github/connection';
import { noIcons } from '../views/plainText';
import type { ServiceChoice } from './prompter';
import { confirmation, copyCommands, runningPublishes } from './publishConfirmation';
import { describeFailure, type Flow, type PlannedDispatch, type PublishDependencies } from './publishFlow';
import { imageFor, resolvePublishTarget, type LocalBranch, type PublishTarget } from './publishPlan';
import type { PublishRecords } from './publishRecords';
import { send } from './publishSending';
import { repositoryKey } from './repositoryKey';

export type { PublishDependencies } from './publishFlow';

export function registerPublish(dependencies: PublishDependencies): vscode.Disposable {
  let preparing = false;

  return vscode.commands.registerCommand('imagePublisher.publish', async (argument?: unknown) => {
    const flow: Flow = { ...dependencies, ask: dependencies.prompter() };

    if (preparing) {
      void flow.ask.notify('info', 'A publish is already being prepared. Finish or cancel it first.');
      return;
    }

    preparing = true;
    try {
      await publish(flow, argument);
    } catch (error) {
      dependencies.log.error(`Publish failed unexpectedly: ${(error as Error).message}`);
      void flow.ask.notify('error', `The publish could not be prepared: ${(error as Error).message}`);
    } finally {
      preparing = false;
    }
  });
}

/** Prepares, confirms and sends; returns once every dispatch is sent (following goes on). */
async function publish(flow: Flow, argument: unknown): Promise<void> {
  if (!vscode.workspace.isTrusted) {
    void flow.ask.notify(
      'warning',
      'Publishing is disabled in an untrusted workspace: its settings could change what gets dispatched. Trust the workspace to publish.',
    );
    return;
  }

  const status = await commitFor(
    flow.model,
    argument,
    'Publish the image of which commit?',
    (each) => !!each.ci?.run,
  );
  if (!status) {
    return;
  }

  const connection = flow.model.connection;
  const state = flow.model.state;
  if (!connection || state.kind !== 'commits') {
    void flow.ask.notify('warning', 'Open a GitHub repository and sign in to GitHub before publishing.');
    return;
  }

  const settings = readSettings(vscode.Uri.file(state.repositoryRoot));
  const repository = repositoryKey(connection.repository);
  const choices = serviceChoices(status, state.services, flow.records, repository);

  if (choices.length === 0) {
    if (await resolveTarget(flow, connection, settings, { name: state.branch, upstream: state.upstream })) {
      void flow.ask.notify(
        'warning',
        'No services are known for this repository. Set imagePublisher.services.',
      );
    }
    return;
  }

  if (choices.every((choice) => choice.refusal)) {
    explainRefusal(flow, status, firstProblem(status, state.services));
    return;
  }

  const title = noIcons(`Publish ${status.commit.sha.slice(0, 7)}: ${status.commit.subject}`);
  const picked = await flow.ask.pickServices(title, choices);
  const publishable = (picked ?? []).filter((service) =>
    choices.some((choice) => choice.service === service && !choice.refusal),
  );
  if (publishable.length === 0) {
    return;
  }

  const local = { name: state.branch, upstream: state.upstream };
  const target = await flow.ask.working('Image Publisher: reading the publish workflow…', () =>
    resolveTarget(flow, connection, settings, local),
  );
  if (!target) {
    return;
  }

  const plans = await planDispatches(flow, connection, settings, target, status, publishable);
  if (!plans) {
    return;
  }

  const running = await flow.ask.working('Image Publisher: looking for publishes already running…', () =>
    runningPublishes(flow, connection, target),
  );
  const answer = await flow.ask.confirm(confirmation(connection, target, status, plans, running));
  if (answer === 'copy-command') {
    await copyCommands(flow, connection, target, plans);
    return;
  }

  if (answer !== 'publish') {
    return;
  }

  // One after another: on a server that does not return the run id, each search then sees only
  // its own new run, and runs already matched to a service are never offered for the next.
  const claimed = new Set<number>();
  for (const plan of plans) {
    await send(flow, connection, target, status, plan, repository, claimed);
  }
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

/** Says why nothing can be published, offering the remedy; does not wait for an answer. */
function explainRefusal(flow: Flow, status: CommitStatus, problem: PreflightProblem | undefined): void {
  if (!problem) {
    void flow.ask.notify('warning', 'Every service of this commit is already being published.');
    return;
  }

  const rerun = 'Re-run CI';
  const openRun = 'Open Run';
  const actions = problem.remedy === 'rerun-ci' ? [rerun] : problem.remedy === 'open-run' ? [openRun] : [];

  void flow.ask.notify('warning', problem.message, ...actions).then((answer) => {
    if (answer === rerun) {
      void vscode.commands.executeCommand('imagePublisher.rerunCi', { type: 'commit', status });
    } else if (answer === openRun) {
      void vscode.commands.executeCommand('imagePublisher.openRun', { type: 'commit', status });
    }
  });
}

async function resolveTarget(
  flow: Flow,
  connection: GitHubConnection,
  settings: Settings,
  local: LocalBranch,
): Promise<PublishTarget | undefined> {
  try {
    const resolution = await resolvePublishTarget(connection, settings, flow.log, local);
    if (resolution.ok) {
      return resolution.target;
    }

    const open = 'Open Settings';
    void flow.ask.notify('error', resolution.problem.message, open).then((answer) => {
      if (answer === open) {
        void vscode.commands.executeCommand('workbench.action.openSettings', 'imagePublisher');
      }
    });
  } catch (error) {
    const failure = describeFailure(connection, error);
    void flow.ask.notify('error', `The publish workflow could not be read: ${failure}`);
  }

  return undefined;
}

async function planDispatches(
  flow: Flow,
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

    const value = await flow.ask.askInput(input);
    if (value === undefined) {
      return undefined;
    }
    extra[input.name] = value;
  }

  const plans: PlannedDispatch[] = [];
  for (const service of services) {
    const values = { ...extra, [serviceInput]: service, [commitInput]: status.commit.sha };
    const check = buildDispatchInputs(declared, values);

    if (!check.ok) {
      void flow.ask.notify(
        'error',
        `Not sent: ${target.workflow.file} on '${target.ref}' would refuse these inputs: ${check.problems.join('; ')}.`,
      );
      return undefined;
    }

    const image = imageFor(connection, settings, service);
    if (!isPlainImageName(image)) {
      void flow.ask.notify(
        'error',
        `Not sent: imagePublisher.imageName gives '${image}' for ${service}, which is not an image name (registry/owner/name, without a tag or digest). Fix the setting.`,
      );
      return undefined;
    }

    const artifact = status.ci?.artifacts.find((entry) => entry.service === service);
    plans.push({
      service,
      image,
      inputs: check.inputs,
      summary: artifact?.summary ?? '',
    });
  }

  return plans;
}

/** `registry/owner/name` as the confirmation and the outcome show it: no scheme, tag or digest. */
function isPlainImageName(image: string): boolean {
  const location = parseImageName(image);
  return !!location && !/[:@]/.test(image.slice(image.indexOf('/') + 1)) && !/^[a-z]+:\/\//.test(image);
}

function needsAnswer(input: WorkflowInput): boolean {
  return input.required && input.default === undefined;
}
