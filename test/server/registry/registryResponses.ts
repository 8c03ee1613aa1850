/** The registry's answers: its error bodies (`{errors: [{code, message}]}`) and its repository names. */

import type { Scenario, ScenarioPackage } from '../scenario';

export interface RegistryResponse {
  status: number;

  /** JSON; none for a HEAD. */
  body?: unknown;
  headers?: Record<string, string>;
}

export function registryError(
  status: number,
  code: string,
  message: string,
  headers?: Record<string, string>,
): RegistryResponse {
  return { status, body: { errors: [{ code, message }] }, headers };
}

/** The registry's name of a package: `<owner lowercased>/<package>`, as in `ghcr.io/acme/widgets-api`. */
export function registryName(scenario: Scenario, target: ScenarioPackage): string {
  return `${scenario.owner.login.toLowerCase()}/${target.name}`;
}

/** The package a registry name (lowercase, exactly) names, if it exists. */
export function findRegistryPackage(scenario: Scenario, name: string): ScenarioPackage | undefined {
  return scenario.packages.find((candidate) => registryName(scenario, candidate) === name);
}
