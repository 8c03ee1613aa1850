import * as assert from 'node:assert/strict';

import { resolveGitHubServer } from '../../src/domain/githubHost';
import { chooseGitHubRemote } from '../../src/domain/remoteChoice';
import { parseRemoteUrl } from '../../src/domain/remoteUrl';

function location(url: string) {
  const parsed = parseRemoteUrl(url);
  assert.ok(parsed.ok);
  return parsed.location;
}

suite('resolveGitHubServer', () => {
  test('github.com uses the github provider and api.github.com', () => {
    const resolved = resolveGitHubServer(location('git@github.com:acme/widgets.git'), undefined);

    assert.ok(resolved.ok);
    assert.equal(resolved.server.authProvider, 'github');
    assert.equal(resolved.server.apiBaseUrl, 'https://api.github.com');
  });

  test('the github-enterprise.uri host uses github-enterprise and /api/v3', () => {
    const resolved = resolveGitHubServer(
      location('git@ghe.acme.internal:team/widgets.git'),
      'https://ghe.acme.internal',
    );

    assert.ok(resolved.ok);
    assert.equal(resolved.server.authProvider, 'github-enterprise');
    assert.equal(resolved.server.apiBaseUrl, 'https://ghe.acme.internal/api/v3');
  });

  test('a GHE.com host uses api.<host>', () => {
    const resolved = resolveGitHubServer(
      location('https://acme.ghe.com/team/widgets'),
      'https://acme.ghe.com',
    );

    assert.ok(resolved.ok);
    assert.equal(resolved.server.apiBaseUrl, 'https://api.acme.ghe.com');
  });

  test('an unknown host is refused with advice to set github-enterprise.uri', () => {
    const resolved = resolveGitHubServer(location('git@ghe.acme.internal:team/widgets.git'), undefined);

    assert.equal(resolved.ok, false);
    assert.match(!resolved.ok ? resolved.reason : '', /github-enterprise\.uri/);
  });

  test('plain http is allowed for loopback only', () => {
    const loopback = resolveGitHubServer(
      location('http://127.0.0.1:9000/acme/widgets.git'),
      'http://127.0.0.1:9000',
    );
    const remote = resolveGitHubServer(
      location('http://ghe.acme.internal/acme/widgets.git'),
      'http://ghe.acme.internal',
    );

    assert.ok(loopback.ok);
    assert.equal(loopback.server.apiBaseUrl, 'http://127.0.0.1:9000/api/v3');
    assert.equal(remote.ok, false);
    assert.match(!remote.ok ? remote.reason : '', /https/);
  });
});

suite('chooseGitHubRemote', () => {
  const origin = { name: 'origin', fetchUrl: 'git@github.com:acme/widgets.git' };
  const upstream = { name: 'upstream', fetchUrl: 'https://github.com/parent/widgets.git' };
  const gitlab = { name: 'mirror', fetchUrl: 'git@gitlab.com:acme/widgets.git' };

  test("prefers the branch's upstream remote", () => {
    const choice = chooseGitHubRemote({ remotes: [origin, upstream], upstreamRemote: 'upstream' });

    assert.ok(choice.ok);
    assert.equal(choice.repository.owner, 'parent');
  });

  test('falls back to origin', () => {
    const choice = chooseGitHubRemote({ remotes: [upstream, origin] });

    assert.ok(choice.ok);
    assert.equal(choice.repository.owner, 'acme');
    assert.equal(choice.repository.remoteName, 'origin');
  });

  test('takes the only GitHub remote', () => {
    const choice = chooseGitHubRemote({ remotes: [gitlab, { ...upstream, name: 'fork' }] });

    assert.ok(choice.ok);
    assert.equal(choice.repository.remoteName, 'fork');
  });

  test('explains several GitHub remotes with no preference', () => {
    const choice = chooseGitHubRemote({
      remotes: [
        { ...origin, name: 'a' },
        { ...upstream, name: 'b' },
      ],
    });

    assert.equal(choice.ok, false);
    assert.match(!choice.ok ? choice.reason : '', /several GitHub remotes.*imagePublisher\.remote/);
  });

  test('says when the remote is not GitHub', () => {
    const choice = chooseGitHubRemote({ remotes: [{ ...gitlab, name: 'origin' }] });

    assert.equal(choice.ok, false);
    assert.equal(!choice.ok && choice.kind, 'not-github');
    assert.match(!choice.ok ? choice.reason : '', /'origin' is not a GitHub repository: gitlab\.com/);
  });

  test('honours imagePublisher.remote and reports a missing one', () => {
    const chosen = chooseGitHubRemote({
      remotes: [origin, upstream],
      overrideRemote: 'upstream',
      upstreamRemote: 'origin',
    });
    const missing = chooseGitHubRemote({ remotes: [origin], overrideRemote: 'nope' });

    assert.ok(chosen.ok);
    assert.equal(chosen.repository.owner, 'parent');
    assert.equal(missing.ok, false);
    assert.match(!missing.ok ? missing.reason : '', /'nope'.*does not exist.*'origin'/);
  });

  test('says to add a remote when there is none', () => {
    const choice = chooseGitHubRemote({ remotes: [] });

    assert.equal(choice.ok, false);
    assert.equal(!choice.ok && choice.kind, 'no-remote');
  });
});
