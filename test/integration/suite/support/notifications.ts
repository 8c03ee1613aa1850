/**
 * Records what the extension tells the user through VS Code's notifications and quick picks, and
 * answers as a user who dismisses them: nothing is shown, nothing is picked. The bundled suites live
 * in the extension's folder, so VS Code hands them the same `vscode` API object as the extension:
 * replacing `window`'s functions here replaces them for the extension too. `restore` puts them back.
 */
import * as assert from 'node:assert/strict';

import * as vscode from 'vscode';

export type NotificationLevel = 'info' | 'warning' | 'error';

export interface Notification {
  readonly level: NotificationLevel;
  readonly message: string;
}

export interface NotificationRecorder {
  readonly notifications: Notification[];
  /** The placeholder or title of every quick pick opened. */
  readonly quickPicks: string[];
  restore(): void;
}

const REPLACED = [
  'showInformationMessage',
  'showWarningMessage',
  'showErrorMessage',
  'showQuickPick',
] as const;

type WindowFunctions = Record<(typeof REPLACED)[number], unknown>;

export function recordNotifications(): NotificationRecorder {
  const window = vscode.window as unknown as WindowFunctions;
  const originals = Object.fromEntries(REPLACED.map((name) => [name, window[name]])) as WindowFunctions;
  const notifications: Notification[] = [];
  const quickPicks: string[] = [];

  const notice = (level: NotificationLevel) => async (message: string) => {
    notifications.push({ level, message });
    return undefined;
  };

  window.showInformationMessage = notice('info');
  window.showWarningMessage = notice('warning');
  window.showErrorMessage = notice('error');
  window.showQuickPick = async (_items: unknown, options?: vscode.QuickPickOptions) => {
    quickPicks.push(options?.placeHolder ?? options?.title ?? '(a quick pick)');
    return undefined;
  };

  assert.notEqual(
    vscode.window.showInformationMessage,
    originals.showInformationMessage,
    'vscode.window cannot be replaced in this extension host',
  );

  return {
    notifications,
    quickPicks,
    restore: () => Object.assign(window, originals),
  };
}
