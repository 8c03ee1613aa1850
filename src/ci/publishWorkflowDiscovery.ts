/**
 * Finds the publish workflow: the file named by `imagePublisher.publishWorkflow`, else the first
 * `workflow_dispatch` workflow whose inputs take a service and a commit (files whose name suggests
 * publishing are read first, at most a few).
 */
import type { Workflow } from '../domain/model';
import { findPublishInputs, type PublishInputs } from '../domain/publishWorkflowInputs';
import { parseWorkflowFile, warmUpWorkflowParser, type WorkflowDefinition } from '../domain/workflowFile';
import type { ActionsApi } from '../github/actionsApi';
import type { Log } from '../log/log';

export const WORKFLOWS_DIR = '.github/workflows/';

const MAX_CANDIDATES = 6;

export interface PublishWorkflowSettings {
  readonly publishWorkflow: string;
  readonly serviceInput: string;
  readonly commitInput: string;
}

export interface PublishWorkflow {
  readonly path: string;
  readonly file: string;
  readonly definition: WorkflowDefinition;
  readonly inputs: PublishInputs;
}

/** The publish workflow, or the dispatchable workflow that came closest (for the message). */
export interface PublishWorkflowDiscovery {
  readonly workflow?: PublishWorkflow;
  readonly nearest?: { readonly file: string; readonly definition: WorkflowDefinition };
}

export async function discoverPublishWorkflow(
  api: ActionsApi,
  workflows: readonly Workflow[],
  settings: PublishWorkflowSettings,
  log: Log,
  ref?: string,
): Promise<PublishWorkflow | undefined> {
  return (await explorePublishWorkflows(api, workflows, settings, log, ref)).workflow;
}

export async function explorePublishWorkflows(
  api: ActionsApi,
  workflows: readonly Workflow[],
  settings: PublishWorkflowSettings,
  log: Log,
  ref?: string,
): Promise<PublishWorkflowDiscovery> {
  let nearest: PublishWorkflowDiscovery['nearest'];
  const configured = settings.publishWorkflow.trim();
  const paths = configured
    ? [`${WORKFLOWS_DIR}${configured}`]
    : rankCandidates(workflows).slice(0, MAX_CANDIDATES);

  for (const path of paths) {
    const reading = api.readFile(path, ref);
    warmUpWorkflowParser();
    const text = await reading;
    if (text === undefined) {
      if (configured) {
        log.warn(
          `The publish workflow ${path} set in imagePublisher.publishWorkflow does not exist${ref ? ` on '${ref}'` : ''}.`,
        );
      }
      continue;
    }

    const parsed = parseWorkflowFile(text);
    if (!parsed.ok) {
      log.warn(`Skipping ${path}: ${parsed.reason}.`);
      continue;
    }

    const file = path.slice(WORKFLOWS_DIR.length);
    const inputs = findPublishInputs(parsed.workflow, settings);
    if (inputs) {
      log.info(`Publish workflow: ${path} (inputs '${inputs.service.name}' and '${inputs.commit.name}').`);
      return { workflow: { path, file, definition: parsed.workflow, inputs } };
    }

    if (parsed.workflow.dispatchInputs || configured) {
      nearest ??= { file, definition: parsed.workflow };
    }
  }

  return { nearest };
}

/** Workflow files most likely to be the publish workflow first. */
function rankCandidates(workflows: readonly Workflow[]): string[] {
  const score = (workflow: Workflow): number =>
    /publish|push|docker|image|release|deploy/i.test(`${workflow.path} ${workflow.name}`) ? 0 : 1;

  return [...workflows]
    .filter((workflow) => workflow.path.startsWith(WORKFLOWS_DIR))
    .sort((a, b) => score(a) - score(b))
    .map((workflow) => workflow.path);
}
