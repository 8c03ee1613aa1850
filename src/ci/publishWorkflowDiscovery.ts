/**
 * Finds the publish workflow: the file named by `imagePublisher.publishWorkflow`, else the first
 * `workflow_dispatch` workflow whose inputs take a service and a commit (files whose name suggests
 * publishing are read first, at most a few).
 */
import type { Workflow } from '../domain/model';
import { findPublishInputs, type PublishInputs } from '../domain/publishWorkflowInputs';
import { parseWorkflowFile, type WorkflowDefinition } from '../domain/workflowFile';
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

export async function discoverPublishWorkflow(
  api: ActionsApi,
  workflows: readonly Workflow[],
  settings: PublishWorkflowSettings,
  log: Log,
  ref?: string,
): Promise<PublishWorkflow | undefined> {
  const configured = settings.publishWorkflow.trim();
  const paths = configured
    ? [`${WORKFLOWS_DIR}${configured}`]
    : rankCandidates(workflows).slice(0, MAX_CANDIDATES);

  for (const path of paths) {
    const text = await api.readFile(path, ref);
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

    const inputs = findPublishInputs(parsed.workflow, settings);
    if (inputs) {
      log.info(`Publish workflow: ${path} (inputs '${inputs.service.name}' and '${inputs.commit.name}').`);
      return { path, file: path.slice(WORKFLOWS_DIR.length), definition: parsed.workflow, inputs };
    }
  }

  return undefined;
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
