/**
 * Gathers what a publish needs before asking the user anything: the dispatch ref, the publish
 * workflow as declared on that ref, and the image name per service. Problems come back as
 * sentences; nothing is sent.
 */
import { explorePublishWorkflows, type PublishWorkflow } from '../ci/publishWorkflowDiscovery';
import type { Settings } from '../config/settings';
import { imageName } from '../domain/imageReference';
import { checkWorkflow, type PreflightProblem } from '../domain/preflight';
import type { GitHubConnection } from '../github/connection';
import type { Log } from '../log/log';

export interface PublishTarget {
  readonly ref: string;
  readonly refSource: string;
  readonly workflow: PublishWorkflow;
}

export type TargetResolution =
  | { readonly ok: true; readonly target: PublishTarget }
  | { readonly ok: false; readonly problem: PreflightProblem };

export interface LocalBranch {
  readonly name?: string;
  readonly upstream?: string;
}

export async function resolvePublishTarget(
  connection: GitHubConnection,
  settings: Settings,
  log: Log,
  local: LocalBranch = {},
): Promise<TargetResolution> {
  const configuredRef = settings.dispatchRef;

  if (configuredRef && configuredRef === local.name && !local.upstream) {
    return {
      ok: false,
      problem: {
        code: 'no-dispatch-ref',
        message: `The dispatch ref '${configuredRef}' is your current branch, which has no upstream: GitHub does not have it yet. Push the branch first, or change imagePublisher.dispatchRef.`,
        remedy: 'open-settings',
      },
    };
  }

  const ref = configuredRef || (await connection.publish.defaultBranch());
  const refSource = configuredRef ? 'imagePublisher.dispatchRef' : 'the default branch';

  if (/^[0-9a-f]{40}$/i.test(ref)) {
    return {
      ok: false,
      problem: {
        code: 'no-dispatch-ref',
        message: `imagePublisher.dispatchRef is a commit SHA; a dispatch needs a branch or tag. The SHA to publish is sent as an input.`,
        remedy: 'open-settings',
      },
    };
  }

  const workflows = settings.publishWorkflow ? [] : await connection.actions.listWorkflows();
  const discovery = await explorePublishWorkflows(connection.actions, workflows, settings, log, ref);
  const workflow = discovery.workflow;

  if (!workflow) {
    const file =
      discovery.nearest?.file ??
      (settings.publishWorkflow || 'a workflow_dispatch workflow with a service and a commit input');
    const problem = checkWorkflow({ file, ref, definition: discovery.nearest?.definition });
    return {
      ok: false,
      problem: problem ?? { code: 'workflow-missing', message: `No publish workflow found on '${ref}'.` },
    };
  }

  return { ok: true, target: { ref, refSource, workflow } };
}

export function imageFor(connection: GitHubConnection, settings: Settings, service: string): string {
  return imageName(settings.imageName, {
    registry: connection.repository.server.registryHost,
    owner: connection.repository.owner,
    repo: connection.repository.repo,
    service,
  });
}

/** The equivalent GitHub CLI command, for users who prefer to send it themselves. */
export function ghCommand(
  repository: string,
  workflowFile: string,
  ref: string,
  inputs: Record<string, string>,
): string {
  const fields = Object.entries(inputs)
    .map(([name, value]) => `-f ${shellQuote(`${name}=${value}`)}`)
    .join(' ');

  return `gh workflow run ${shellQuote(workflowFile)} --repo ${shellQuote(repository)} --ref ${shellQuote(ref)} ${fields}`.trim();
}

function shellQuote(value: string): string {
  return /^[A-Za-z0-9_./=:@-]+$/.test(value) ? value : `'${value.replace(/'/g, `'\\''`)}'`;
}
