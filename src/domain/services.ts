/**
 * Decides which services (images) the product tracks: the user's `imagePublisher.services`, else
 * the options of the publish workflow's service input, else the CI artifacts named `<service>.tar`.
 */
export interface ServiceList {
  readonly services: readonly string[];
  readonly source: 'setting' | 'publish-workflow' | 'artifact-names' | 'none';
  readonly why: string;
}

export function resolveServices(input: {
  setting?: readonly string[];
  publishWorkflowOptions?: readonly string[];
  publishWorkflowPath?: string;
  artifactNames?: readonly string[];
}): ServiceList {
  const fromSetting = unique(input.setting ?? []);
  if (fromSetting.length > 0) {
    return { services: fromSetting, source: 'setting', why: 'from the setting imagePublisher.services' };
  }

  const fromWorkflow = unique(input.publishWorkflowOptions ?? []);
  if (fromWorkflow.length > 0) {
    return {
      services: fromWorkflow,
      source: 'publish-workflow',
      why: `from the options of the service input of ${input.publishWorkflowPath ?? 'the publish workflow'}`,
    };
  }

  const fromArtifacts = servicesFromArtifactNames(input.artifactNames ?? []);
  if (fromArtifacts.length > 0) {
    return {
      services: fromArtifacts,
      source: 'artifact-names',
      why: 'from the CI artifacts whose names end in .tar',
    };
  }

  return {
    services: [],
    source: 'none',
    why: 'no setting, publish workflow options or .tar artifacts name any service',
  };
}

/** A service's image artifact is named after it, or after its image file (`api.tar`). */
export function isArtifactOf(service: string, artifactName: string): boolean {
  return artifactName === service || artifactName.toLowerCase() === `${service.toLowerCase()}.tar`;
}

export function servicesFromArtifactNames(names: readonly string[]): string[] {
  return unique(
    names.filter((name) => /\.tar$/i.test(name) && name.length > 4).map((name) => name.slice(0, -4)),
  ).sort();
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values.map((value) => value.trim()).filter((value) => value.length > 0))];
}
