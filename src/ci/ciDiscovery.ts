/**
 * What a repository's CI looks like, found once per repository and settings: its workflows, the
 * publish workflow and the services it names. The CI workflow itself is picked later, from the
 * runs and artifacts of the first load (see `detectCiWorkflow`), unless a setting names it.
 */
import type { Workflow } from '../domain/model';
import { resolveServices, type ServiceList } from '../domain/services';
import type { ActionsApi } from '../github/actionsApi';
import type { Log } from '../log/log';
import { discoverPublishWorkflow } from './publishWorkflowDiscovery';

export interface CiDiscoverySettings {
  readonly ciWorkflow: string;
  readonly publishWorkflow: string;
  readonly services: readonly string[];
  readonly serviceInput: string;
  readonly commitInput: string;
}

export interface Discovery {
  /** Empty until the artifacts of a run name them, when neither a setting nor the publish workflow does. */
  readonly services: readonly string[];
  readonly servicesSource: ServiceList['source'];
  readonly publishWorkflowPath?: string;
  readonly workflows: readonly Workflow[];
  /** File name of the CI workflow: from the setting, else set once detected. */
  ciWorkflow?: string;
}

/** The CI workflow named in the settings, if any. */
export function configuredCiWorkflow(settings: CiDiscoverySettings): string | undefined {
  return settings.ciWorkflow.trim() || undefined;
}

export async function discoverCi(
  api: ActionsApi,
  settings: CiDiscoverySettings,
  log: Log,
): Promise<Discovery> {
  const configuredCi = configuredCiWorkflow(settings);
  const configuredServices = settings.services;
  const needsWorkflows = !configuredCi || configuredServices.length === 0;
  const workflows = needsWorkflows ? await api.listWorkflows() : [];

  if (configuredCi) {
    log.info(`CI workflow: ${configuredCi} (from the setting imagePublisher.ciWorkflow).`);
  }

  const publish =
    configuredServices.length > 0 ? undefined : await discoverPublishWorkflow(api, workflows, settings, log);
  const services = resolveServices({
    setting: configuredServices,
    publishWorkflowOptions: publish?.inputs.service.options,
    publishWorkflowPath: publish?.path,
  });

  if (services.services.length > 0) {
    log.info(`Services ${services.services.join(', ')} (${services.why}).`);
  }

  return {
    services: services.services,
    servicesSource: services.source,
    publishWorkflowPath: publish?.path,
    workflows,
    ciWorkflow: configuredCi,
  };
}
