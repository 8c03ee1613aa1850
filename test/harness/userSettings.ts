// VS Code user settings for a fresh profile: `<user-data-dir>/User/settings.json`.
import * as fs from 'node:fs';
import * as path from 'node:path';

export type UserSettings = Record<string, unknown>;

export function writeUserSettings(userDataDirectory: string, settings: UserSettings): void {
  const userDirectory = path.join(userDataDirectory, 'User');

  fs.mkdirSync(userDirectory, { recursive: true });
  fs.writeFileSync(path.join(userDirectory, 'settings.json'), JSON.stringify(settings, undefined, 2));
}

/** Settings every test workbench gets: quiet, trusted, and nothing that reaches for the internet. */
export const quietWorkbenchSettings: UserSettings = {
  'security.workspace.trust.enabled': false,
  'workbench.startupEditor': 'none',
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'git.openRepositoryInParentFolders': 'always',
  'git.autofetch': false,
  'git.terminalAuthentication': false,
  'github.gitAuthentication': false,
  'chat.disableAIFeatures': true,
};
