/**
 * Properties of reading git remotes and deciding where the token may go, over generated input: any
 * text gives a result or a refusal with a reason, never an exception; credentials in a URL never reach
 * the result; owner and repository are plain names; well-formed remotes read back what they were built
 * from; the API host is always github.com's or the one the user set in github-enterprise.uri.
 */
import * as assert from 'node:assert/strict';

import fc from 'fast-check';

import { resolveGitHubServer } from '../../src/domain/githubHost';
import { chooseGitHubRemote, type GitRemote } from '../../src/domain/remoteChoice';
import { parseRemoteUrl, type RemoteLocation } from '../../src/domain/remoteUrl';

const RUNS = { numRuns: 300 };

/** A GitHub owner: letters, digits and inner hyphens. */
const owner = fc.stringMatching(/^[A-Za-z0-9](?:[A-Za-z0-9-]{0,30}[A-Za-z0-9])?$/);

/** A repository name GitHub accepts, other than one ending in `.git` (which remotes strip). */
const repo = fc
  .stringMatching(/^[A-Za-z0-9_.-]{1,40}$/)
  .filter((name) => name !== '.' && name !== '..' && !/\.git$/i.test(name));

const host = fc.oneof(
  fc.mixedCase(fc.domain()),
  fc.constantFrom('github.com', 'GitHub.com', 'www.github.com', 'ssh.github.com', 'ghe.acme.internal'),
);

/** A token-like secret, long enough never to occur by chance in a generated host or name. */
const secret = fc.stringMatching(/^[A-Za-z0-9]{24,36}$/).map((value) => `ghp_${value}`);

/** Pieces remotes are made of, and pieces that break them, joined in any order. */
const remoteish = fc
  .array(
    fc.oneof(
      fc.constantFrom(
        'git@',
        'https://',
        'http://',
        'ssh://',
        'git+ssh://',
        'file://',
        'github.com',
        'www.github.com',
        '127.0.0.1',
        '[::1]',
        ':',
        ':22',
        '/',
        '//',
        '.',
        '..',
        '@',
        'user:pass@',
        'acme',
        'widgets',
        '.git',
        '%2e',
        '%2F',
        '?',
        '#',
        ' ',
        '\\',
        '\n',
      ),
      fc.string({ maxLength: 6 }),
    ),
    { maxLength: 10 },
  )
  .map((parts) => parts.join(''));

/** A path segment: a name, a dot segment, nothing, or anything. */
const segment = fc.oneof(owner, repo, fc.constantFrom('.', '..', '', '%2e%2e'), fc.string({ maxLength: 6 }));

/** `[user@]host:a/b[.git]`, each part possibly hostile. */
const scpShaped = fc
  .tuple(
    fc.option(fc.string({ maxLength: 8 }), { nil: undefined }),
    fc.oneof(host, fc.string({ maxLength: 8 })),
    segment,
    segment,
    fc.constantFrom('', '.git', '/'),
  )
  .map(([user, where, a, b, end]) => `${user === undefined ? '' : `${user}@`}${where}:${a}/${b}${end}`);

/** `scheme://[userinfo@]host[:port]/a/b[.git]`, each part possibly hostile. */
const urlShaped = fc
  .tuple(
    fc.constantFrom('https', 'http', 'ssh', 'git', 'git+ssh', 'file', 'ftp'),
    fc.option(fc.string({ maxLength: 8 }), { nil: undefined }),
    fc.oneof(host, fc.string({ maxLength: 8 })),
    fc.constantFrom('', ':22', ':443', ':8080', ':0', ':99999'),
    segment,
    segment,
    fc.constantFrom('', '.git', '/'),
  )
  .map(
    ([scheme, user, where, port, a, b, end]) =>
      `${scheme}://${user === undefined ? '' : `${user}@`}${where}${port}/${a}/${b}${end}`,
  );

const anyText = fc.oneof(fc.string({ unit: 'binary', maxLength: 80 }), remoteish, scpShaped, urlShaped);

const NAME = /^[A-Za-z0-9_.-]+$/;

/** Expected host name for a generated host: lower case, GitHub's aliases folded into github.com. */
function expectedHostname(generated: string): string {
  const lower = generated.toLowerCase();
  return lower === 'www.github.com' || lower === 'ssh.github.com' ? 'github.com' : lower;
}

/** The host name a github-enterprise.uri names, if it is a URL at all. */
function hostnameOf(uri: string | undefined): string | undefined {
  try {
    return new URL(uri?.includes('://') ? uri.trim() : `https://${uri?.trim()}`).hostname.toLowerCase();
  } catch {
    return undefined;
  }
}

function parsed(url: string): RemoteLocation {
  const result = parseRemoteUrl(url);
  assert.ok(result.ok, `${JSON.stringify(url)} was refused: ${result.ok ? '' : result.reason}`);
  return result.location;
}

suite('parseRemoteUrl (properties)', () => {
  test('any text gives a location or a refusal with a reason, never an exception', () => {
    fc.assert(
      fc.property(anyText, (url) => {
        const result = parseRemoteUrl(url);

        if (!result.ok) {
          assert.equal(typeof result.reason, 'string');
          assert.ok(result.reason.trim().length > 0, `empty reason for ${JSON.stringify(url)}`);
        }
      }),
      { numRuns: 1000 },
    );
  });

  /** Runs `check` on every location parsed out of any text (refusals are the test above's). */
  const forEveryLocation = (check: (location: RemoteLocation, url: string) => void) =>
    fc.assert(
      fc.property(anyText, (url) => {
        const result = parseRemoteUrl(url);
        if (result.ok) {
          check(result.location, url);
        }
      }),
      { numRuns: 2000 },
    );

  test('a location from any text names a plain owner and repository, never a dot segment', () => {
    forEveryLocation((location, url) => {
      const { owner: readOwner, repo: readRepo } = location;
      assert.match(readOwner, NAME, `owner of ${JSON.stringify(url)}`);
      assert.match(readRepo, NAME, `repository of ${JSON.stringify(url)}`);

      // `.` and `..` would turn /repos/{owner}/{repo} into another API path once the URL is resolved.
      assert.ok(!['.', '..'].includes(readOwner), `owner ${readOwner} of ${JSON.stringify(url)}`);
      assert.ok(!['.', '..'].includes(readRepo), `repository ${readRepo} of ${JSON.stringify(url)}`);
    });
  });

  test('a location from any text has a host without userinfo or white space', () => {
    forEveryLocation((location, url) => {
      assert.doesNotMatch(location.hostname, /[@\s]/, `host of ${JSON.stringify(url)}`);
      assert.doesNotMatch(location.host, /[@\s]/, `host of ${JSON.stringify(url)}`);
    });
  });

  test('reads back git@<host>:<owner>/<repo>.git', () => {
    fc.assert(
      fc.property(host, owner, repo, fc.boolean(), (generatedHost, generatedOwner, generatedRepo, suffix) => {
        const url = `git@${generatedHost}:${generatedOwner}/${generatedRepo}${suffix ? '.git' : ''}`;
        const location = parsed(url);

        assert.deepEqual(location, {
          host: expectedHostname(generatedHost),
          hostname: expectedHostname(generatedHost),
          owner: generatedOwner,
          repo: generatedRepo,
          protocol: 'ssh',
        });
      }),
      RUNS,
    );
  });

  test('reads back https://<host>[:port]/<owner>/<repo>[.git][/]', () => {
    const port = fc.option(fc.integer({ min: 1, max: 65535 }), { nil: undefined });
    const ending = fc.constantFrom('', '.git', '/', '.git/');

    fc.assert(
      fc.property(
        host,
        port,
        owner,
        repo,
        ending,
        (generatedHost, generatedPort, generatedOwner, generatedRepo, end) => {
          const authority = generatedPort === undefined ? generatedHost : `${generatedHost}:${generatedPort}`;
          const location = parsed(`https://${authority}/${generatedOwner}/${generatedRepo}${end}`);
          const hostname = expectedHostname(generatedHost);
          const keepsPort = generatedPort !== undefined && generatedPort !== 443;

          assert.deepEqual(location, {
            host: keepsPort ? `${hostname}:${generatedPort}` : hostname,
            hostname,
            owner: generatedOwner,
            repo: generatedRepo,
            protocol: 'https',
          });
        },
      ),
      RUNS,
    );
  });

  test('reads back ssh://git@<host>:22/<owner>/<repo>, without the port', () => {
    fc.assert(
      fc.property(host, owner, repo, (generatedHost, generatedOwner, generatedRepo) => {
        const location = parsed(`ssh://git@${generatedHost}:22/${generatedOwner}/${generatedRepo}`);

        assert.deepEqual(location, {
          host: expectedHostname(generatedHost),
          hostname: expectedHostname(generatedHost),
          owner: generatedOwner,
          repo: generatedRepo,
          protocol: 'ssh',
        });
      }),
      RUNS,
    );
  });

  test('credentials in a URL change nothing in the result', () => {
    const scheme = fc.constantFrom('https', 'http', 'ssh', 'git+ssh');
    const anyCredential = fc.string({ unit: 'binary', minLength: 1, maxLength: 30 });

    fc.assert(
      fc.property(
        scheme,
        host,
        owner,
        repo,
        anyCredential,
        fc.option(anyCredential, { nil: undefined }),
        (generatedScheme, generatedHost, generatedOwner, generatedRepo, user, password) => {
          const userinfo = `${encodeURIComponent(user)}${password === undefined ? '' : `:${encodeURIComponent(password)}`}@`;
          const path = `${generatedHost}/${generatedOwner}/${generatedRepo}.git`;

          assert.deepEqual(
            parseRemoteUrl(`${generatedScheme}://${userinfo}${path}`),
            parseRemoteUrl(`${generatedScheme}://${path}`),
          );
        },
      ),
      RUNS,
    );
  });

  test('a token in a URL or scp-style remote never reaches the location, the choice or its reasons', () => {
    const form = fc.constantFrom(
      (token: string, where: string) => `https://${token}@${where}`,
      (token: string, where: string) => `https://x-access-token:${token}@${where}`,
      (token: string, where: string) => `https://octocat:${token}@${where}`,
      (token: string, where: string) => `ssh://${token}@${where}`,
      (token: string, where: string) => `${token}@${where.replace('/', ':')}`,
    );
    const where = fc.oneof(
      fc.tuple(host, owner, repo).map(([h, o, r]) => `${h}/${o}/${r}.git`),
      fc.tuple(host, owner).map(([h, o]) => `${h}/${o}`),
      remoteish,
    );
    const enterpriseUri = fc.constantFrom(undefined, 'https://ghe.acme.internal', 'http://127.0.0.1:8080');

    fc.assert(
      fc.property(form, secret, where, enterpriseUri, (build, token, rest, enterprise) => {
        const url = build(token, rest);
        const remotes: GitRemote[] = [{ name: 'origin', fetchUrl: url }];

        const leaks = (value: unknown) => JSON.stringify(value).toLowerCase().includes(token.toLowerCase());

        assert.ok(!leaks(parseRemoteUrl(url)), `parse of ${JSON.stringify(url)}`);
        assert.ok(
          !leaks(chooseGitHubRemote({ remotes, enterpriseUri: enterprise })),
          `choice for ${JSON.stringify(url)}`,
        );
      }),
      { numRuns: 500 },
    );
  });
});

suite('resolveGitHubServer (properties)', () => {
  const location = fc.record({
    host: fc.string(),
    hostname: fc.oneof(fc.string(), fc.domain(), fc.constantFrom('github.com', '127.0.0.1', 'localhost')),
    owner,
    repo,
    protocol: fc.constantFrom('ssh' as const, 'https' as const, 'http' as const, 'git' as const),
  });
  const enterpriseUri = fc.oneof(
    fc.constant(undefined),
    fc.string(),
    fc.webUrl({ authoritySettings: { withUserInfo: true }, withQueryParameters: true, withFragments: true }),
    fc
      .tuple(fc.constantFrom('http', 'https', 'ftp', 'file', 'javascript'), fc.domain())
      .map(([scheme, domain]) => `${scheme}://${domain}`),
    fc.constantFrom('http://127.0.0.1:9000', 'http://localhost', 'http://[::1]:8443', 'acme.ghe.com'),
  );

  /** A location and a github-enterprise.uri, half of the time on the URI's host. */
  const locationAndUri = fc
    .tuple(location, enterpriseUri, fc.boolean())
    .map(([where, uri, sameHost]): [RemoteLocation, string | undefined] => {
      const hostname = sameHost ? hostnameOf(uri) : undefined;
      return [hostname ? { ...where, hostname, host: hostname } : where, uri];
    });

  test('any location and github-enterprise.uri give a server or a reason, never an exception', () => {
    fc.assert(
      fc.property(locationAndUri, ([where, uri]) => {
        const resolution = resolveGitHubServer(where, uri);

        if (!resolution.ok) {
          assert.ok(resolution.reason.trim().length > 0);
        }
      }),
      { numRuns: 1000 },
    );
  });

  test('the API is api.github.com, or on the host the user set, over https unless on loopback', () => {
    fc.assert(
      fc.property(locationAndUri, ([where, uri]) => {
        const resolution = resolveGitHubServer(where, uri);
        if (!resolution.ok) {
          return;
        }

        const api = new URL(resolution.server.apiBaseUrl);
        if (resolution.server.kind === 'github.com') {
          assert.equal(api.origin, 'https://api.github.com');
          return;
        }

        const configured = new URL(uri?.includes('://') ? uri.trim() : `https://${uri?.trim()}`);
        assert.ok(
          api.host === configured.host || api.host === `api.${configured.host}`,
          `${api.host} for github-enterprise.uri ${uri}`,
        );
        assert.equal(api.username + api.password, '', `credentials in ${resolution.server.apiBaseUrl}`);
        assert.ok(
          api.protocol === 'https:' || /^(127\.\d+\.\d+\.\d+|localhost|\[::1\])$/.test(api.hostname),
          `plain http to ${api.host}`,
        );
      }),
      { numRuns: 1000 },
    );
  });

  test('credentials in github-enterprise.uri never reach the server description', () => {
    fc.assert(
      fc.property(fc.domain(), secret, (domain, token) => {
        const resolution = resolveGitHubServer(
          { host: domain, hostname: domain, owner: 'acme', repo: 'widgets', protocol: 'https' },
          `https://octocat:${token}@${domain}`,
        );

        assert.ok(resolution.ok);
        assert.ok(!JSON.stringify(resolution).includes(token));
      }),
      RUNS,
    );
  });
});

suite('chooseGitHubRemote (properties)', () => {
  const remoteName = fc.oneof(fc.constantFrom('origin', 'upstream', 'fork'), fc.string({ maxLength: 8 }));
  const remoteUrl = fc.oneof(
    anyText,
    fc.tuple(host, owner, repo).map(([h, o, r]) => `git@${h}:${o}/${r}.git`),
    fc.tuple(owner, repo).map(([o, r]) => `https://github.com/${o}/${r}`),
  );
  const remote = fc.record(
    { name: remoteName, fetchUrl: remoteUrl, pushUrl: remoteUrl },
    { requiredKeys: ['name'] },
  );
  const input = fc.record(
    {
      remotes: fc.array(remote, { maxLength: 5 }),
      upstreamRemote: fc.option(remoteName, { nil: undefined }),
      overrideRemote: fc.option(fc.oneof(remoteName, fc.constantFrom('', '  ', ' origin ')), {
        nil: undefined,
      }),
      enterpriseUri: fc.constantFrom(undefined, '', 'https://ghe.acme.internal', 'http://127.0.0.1:8080'),
    },
    { requiredKeys: ['remotes'] },
  );

  test('any remotes and settings give a repository or a refusal with a reason, never an exception', () => {
    fc.assert(
      fc.property(input, (choiceInput) => {
        const choice = chooseGitHubRemote(choiceInput);

        if (!choice.ok) {
          assert.ok(['no-remote', 'not-github', 'ambiguous'].includes(choice.kind));
          assert.ok(choice.reason.trim().length > 0);
          return;
        }

        assert.ok(choice.why.trim().length > 0);
      }),
      { numRuns: 1000 },
    );
  });

  test('a chosen repository is one of the remotes, with a plain owner and name, on an allowed API host', () => {
    fc.assert(
      fc.property(input, (choiceInput) => {
        const choice = chooseGitHubRemote(choiceInput);
        if (!choice.ok) {
          return;
        }

        const { repository } = choice;
        const override = choiceInput.overrideRemote?.trim();
        assert.ok(choiceInput.remotes.some((each) => each.name === repository.remoteName));
        if (override) {
          assert.equal(repository.remoteName, override);
        }
        assert.match(repository.owner, NAME);
        assert.match(repository.repo, NAME);
        assert.ok(
          [
            'https://api.github.com',
            'https://ghe.acme.internal/api/v3',
            'http://127.0.0.1:8080/api/v3',
          ].includes(repository.server.apiBaseUrl),
          repository.server.apiBaseUrl,
        );
        if (repository.server.kind !== 'github.com') {
          assert.equal(
            new URL(repository.server.apiBaseUrl).origin,
            new URL(choiceInput.enterpriseUri ?? '').origin,
          );
        }
      }),
      { numRuns: 1000 },
    );
  });
});
