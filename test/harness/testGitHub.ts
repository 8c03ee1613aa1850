// The GitHub the tests and the demo talk to: the test server (test/server) seeded from a repository's
// real history, and what a workbench needs to use it: the user settings that make the extension treat
// the server as a GitHub Enterprise host, and the environment of the test authentication extension.
import { scenarioFromGitRepository } from '../server/gitHistory';
import type { Scenario } from '../server/scenario';
import { startTestServer, type TestServer } from '../server/testServer';
import { quietWorkbenchSettings, type UserSettings } from './userSettings';

export interface TestGitHub {
  readonly server: TestServer;
  readonly scenario: Scenario;
  /** The scenario's token: what the test authentication extension hands out. */
  readonly token: string;
  readonly login: string;
  close(): Promise<void>;
}

export interface RepositoryOnTestGitHub {
  /** A local clone; its local branches become the scenario's branches. */
  path: string;
  owner: string;
  repo: string;
  now?: Date;
}

/** Starts the test server with a scenario built from the commits of a local repository. */
export async function startTestGitHub(repository: RepositoryOnTestGitHub): Promise<TestGitHub> {
  const scenario = await scenarioFromGitRepository(repository.path, repository);
  const server = await startTestServer({ scenario });
  const [token] = scenario.tokens;

  return {
    server,
    scenario,
    token: token.value,
    login: token.login,
    close: () => server.close(),
  };
}

/** Where `owner/repo` lives on the test server, as a git remote URL. */
export function testGitHubRemoteUrl(github: TestGitHub): string {
  return `${github.server.url}/${github.scenario.owner.login}/${github.scenario.repository.name}.git`;
}

/** User settings for a workbench that talks to the test server. */
export function testGitHubSettings(github: TestGitHub, extra: UserSettings = {}): UserSettings {
  return {
    ...quietWorkbenchSettings,
    'github-enterprise.uri': github.server.url,
    ...extra,
  };
}

/** The environment variables the extension host (and the test authentication extension) read. */
export function testGitHubEnvironment(github: TestGitHub, signedIn = true): Record<string, string> {
  return {
    IMAGE_PUBLISHER_TEST_SERVER: github.server.url,
    IMAGE_PUBLISHER_TEST_TOKEN: github.token,
    IMAGE_PUBLISHER_TEST_LOGIN: github.login,
    IMAGE_PUBLISHER_TEST_SIGNED_IN: signedIn ? '1' : '0',
  };
}
