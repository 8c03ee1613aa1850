// Proves the integration-test plumbing: the real git extension, the test authentication extension and
// the test server are all reachable from the extension host.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

/** The slice of the built-in git extension's API these checks read. */
interface GitApi {
  repositories: {
    rootUri: vscode.Uri;
    state: { HEAD?: { name?: string; upstream?: { remote: string; name: string } } };
  }[];
}

async function eventually<T>(read: () => T | undefined, what: string, timeoutMs = 15_000): Promise<T> {
  const gaveUpAt = Date.now() + timeoutMs;

  for (;;) {
    const value = read();
    if (value !== undefined) {
      return value;
    }
    if (Date.now() > gaveUpAt) {
      throw new Error(`gave up waiting for ${what}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

function requiredEnvironment(name: string): string {
  const value = process.env[name];
  assert.ok(value, `${name} is not set in the extension host`);
  return value;
}

suite('Integration plumbing', () => {
  test('the built-in git extension sees the scratch repository with HEAD on main tracking origin/main', async () => {
    const extension = vscode.extensions.getExtension<{ getAPI(version: 1): GitApi }>('vscode.git');
    assert.ok(extension, 'vscode.git is not installed');

    const git = (await extension.activate()).getAPI(1);
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
    assert.ok(folder, 'no workspace folder is open');

    const repository = await eventually(
      () => git.repositories.find((candidate) => candidate.rootUri.fsPath === folder),
      `git to open ${folder}`,
    );
    const head = await eventually(() => repository.state.HEAD?.upstream && repository.state.HEAD, 'HEAD');

    assert.equal(head.name, 'main');
    assert.equal(head.upstream?.remote, 'origin');
    assert.equal(head.upstream?.name, 'main');
  });

  test('the extension under test is loaded', () => {
    assert.ok(vscode.extensions.getExtension('image-publisher.image-publisher'));
  });

  test('the test authentication provider hands out the test token for github-enterprise', async () => {
    const session = await vscode.authentication.getSession('github-enterprise', ['repo'], {
      createIfNone: true,
    });

    assert.equal(session.accessToken, requiredEnvironment('IMAGE_PUBLISHER_TEST_TOKEN'));
    assert.equal(session.account.label, requiredEnvironment('IMAGE_PUBLISHER_TEST_LOGIN'));
    assert.deepEqual(session.scopes, ['repo']);
  });

  test('testAuth.signOut and testAuth.signIn remove and restore the session, with change events', async () => {
    const changes: string[] = [];
    const listener = vscode.authentication.onDidChangeSessions((event) => changes.push(event.provider.id));

    try {
      await vscode.commands.executeCommand('testAuth.signOut');
      const signedOut = await vscode.authentication.getSession('github-enterprise', ['repo'], {
        silent: true,
      });

      await vscode.commands.executeCommand('testAuth.signIn');
      const signedIn = await vscode.authentication.getSession('github-enterprise', ['repo'], {
        silent: true,
      });

      assert.equal(signedOut, undefined);
      assert.equal(signedIn?.accessToken, requiredEnvironment('IMAGE_PUBLISHER_TEST_TOKEN'));
      await eventually(
        () => (changes.filter((id) => id === 'github-enterprise').length >= 2 ? true : undefined),
        'two change events',
      );
    } finally {
      listener.dispose();
    }
  });

  test('the test server answers the extension host with the signed-in user', async () => {
    const server = requiredEnvironment('IMAGE_PUBLISHER_TEST_SERVER');
    const token = requiredEnvironment('IMAGE_PUBLISHER_TEST_TOKEN');

    const response = await fetch(`${server}/api/v3/user`, { headers: { authorization: `Bearer ${token}` } });
    const user = (await response.json()) as { login: string };

    assert.equal(response.status, 200);
    assert.equal(user.login, requiredEnvironment('IMAGE_PUBLISHER_TEST_LOGIN'));
  });
});
