/**
 * Reads the `imagePublisher.*` settings. Settings that decide where the token goes
 * (`github-enterprise.uri`) are read from user settings only, so a workspace cannot redirect it.
 */
import * as vscode from 'vscode';

import type { CiSettings } from '../ci/ciLoader';

export interface Settings extends CiSettings {
  readonly remote: string;
  readonly dispatchRef: string;
  readonly imageName: string;
  readonly maxCommits: number;
  readonly enterpriseUri?: string;
}

export const SECTION = 'imagePublisher';

export function readSettings(scope?: vscode.Uri): Settings {
  const config = vscode.workspace.getConfiguration(SECTION, scope);

  return {
    remote: config.get<string>('remote', '').trim(),
    dispatchRef: config.get<string>('dispatchRef', '').trim(),
    imageName: config.get<string>('imageName', '').trim(),
    ciWorkflow: config.get<string>('ciWorkflow', '').trim(),
    publishWorkflow: config.get<string>('publishWorkflow', '').trim(),
    services: sanitizeList(config.get<unknown>('services', [])),
    serviceInput: config.get<string>('serviceInput', '').trim(),
    commitInput: config.get<string>('commitInput', '').trim(),
    maxCommits: clampInteger(config.get<number>('maxCommits', 50), 1, 1000, 50),
    warningDays: clampInteger(config.get<number>('artifactExpiryWarningDays', 7), 0, 400, 7),
    enterpriseUri: readUserEnterpriseUri(),
  };
}

/** `github-enterprise.uri` from user settings only: the workspace value is ignored. */
export function readUserEnterpriseUri(): string | undefined {
  const inspected = vscode.workspace.getConfiguration('github-enterprise').inspect<string>('uri');
  const value = inspected?.globalValue;

  return typeof value === 'string' && value.trim().length > 0 ? value.trim() : undefined;
}

export function affectsProduct(event: vscode.ConfigurationChangeEvent): boolean {
  return event.affectsConfiguration(SECTION) || event.affectsConfiguration('github-enterprise.uri');
}

function sanitizeList(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((entry): entry is string => typeof entry === 'string') : [];
}

function clampInteger(value: number, min: number, max: number, fallback: number): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    return fallback;
  }

  return Math.min(max, Math.max(min, Math.floor(value)));
}

/** `imagePublisher.refreshInterval` in milliseconds; 0 turns the settled refresh off. */
export function readRefreshIntervalMs(): number {
  const seconds = vscode.workspace.getConfiguration(SECTION).get<number>('refreshInterval', 180);
  return clampInteger(seconds, 0, 24 * 60 * 60, 180) * 1000;
}
