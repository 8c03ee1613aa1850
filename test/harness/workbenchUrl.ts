// The address that opens a folder in code-server's workbench, optionally with extension-development
// and extension-test locations (the `payload` the web workbench reads instead of CLI flags). The web
// workbench reads the payload only when code-server runs with the smoke-test driver, and keeps one entry
// per key: so one extension under development at most.
export interface WorkbenchLocations {
  folder: string;
  extensionDevelopmentPath?: string;
  extensionTestsPath?: string;
}

export function workbenchUrl(serverUrl: string, locations: WorkbenchLocations): string {
  const remoteAuthority = new URL(serverUrl).host;
  const remote = (absolutePath: string): string => `vscode-remote://${remoteAuthority}${absolutePath}`;

  const payload: [string, string][] = [];
  if (locations.extensionDevelopmentPath) {
    payload.push(['extensionDevelopmentPath', remote(locations.extensionDevelopmentPath)]);
  }
  if (locations.extensionTestsPath) {
    payload.push(['extensionTestsPath', remote(locations.extensionTestsPath)]);
  }

  const query = new URLSearchParams({ folder: locations.folder });
  if (payload.length > 0) {
    query.set('payload', JSON.stringify(payload));
  }

  return `${serverUrl}/?${query.toString()}`;
}
