// The workspace the untrusted-workspace run opens: `.vscode/settings.json` in the scratch repository
// sets the restricted settings (package.json `capabilities.untrustedWorkspaces.restrictedConfigurations`)
// to values that would send the extension elsewhere, and a second remote exists to be pointed at.

/** A remote on the same test server, naming a repository it does not have. */
export const ELSEWHERE_REMOTE = 'elsewhere';

export const untrustedWorkspaceSettings = {
  'imagePublisher.remote': ELSEWHERE_REMOTE,
  'imagePublisher.services': ['evil-service'],
  'imagePublisher.ciWorkflow': 'evil.yml',
  'imagePublisher.publishWorkflow': 'evil.yml',
};
