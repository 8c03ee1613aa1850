import * as assert from 'node:assert/strict';

import { parseRemoteUrl } from '../../src/domain/remoteUrl';

suite('parseRemoteUrl', () => {
  const table: Array<[string, string, string, string]> = [
    ['git@github.com:acme/widgets.git', 'github.com', 'acme', 'widgets'],
    ['ssh://git@github.com/acme/widgets', 'github.com', 'acme', 'widgets'],
    ['https://user:secret@github.com/acme/widgets.git/', 'github.com', 'acme', 'widgets'],
    ['https://www.github.com/acme/widgets', 'github.com', 'acme', 'widgets'],
    ['git@ghe.acme.internal:team/widgets.git', 'ghe.acme.internal', 'team', 'widgets'],
    ['git@gitlab.com:acme/widgets.git', 'gitlab.com', 'acme', 'widgets'],
    ['ssh://git@ssh.github.com:443/acme/widgets.git', 'github.com', 'acme', 'widgets'],
    ['http://127.0.0.1:8123/acme/widgets.git', '127.0.0.1:8123', 'acme', 'widgets'],
    ['git://github.com/acme/widgets.git', 'github.com', 'acme', 'widgets'],
    ['github.com:acme/widgets', 'github.com', 'acme', 'widgets'],
    ['org-123@github.com:Acme/Widgets.js.git', 'github.com', 'Acme', 'Widgets.js'],
  ];

  for (const [url, host, owner, repo] of table) {
    test(`reads ${url}`, () => {
      const parsed = parseRemoteUrl(url);

      assert.ok(parsed.ok, `expected ${url} to parse`);
      assert.equal(parsed.location.host, host);
      assert.equal(parsed.location.owner, owner);
      assert.equal(parsed.location.repo, repo);
    });
  }

  test('never keeps credentials from the URL', () => {
    const parsed = parseRemoteUrl('https://user:secret@github.com/acme/widgets.git/');

    assert.ok(parsed.ok);
    assert.doesNotMatch(JSON.stringify(parsed), /secret|user/);
  });

  const refusals = [
    '',
    '/home/me/widgets',
    'C:\\repos\\widgets',
    'https://github.com/acme',
    'https://github.com/a/b/c',
    'ftp://github.com/acme/widgets',
  ];
  for (const url of refusals) {
    test(`refuses ${JSON.stringify(url)} with a reason`, () => {
      const parsed = parseRemoteUrl(url);

      assert.equal(parsed.ok, false);
      assert.ok(!parsed.ok && parsed.reason.length > 10);
    });
  }
});
