import * as assert from 'node:assert/strict';
import { ControlClient } from '../controlClient';
import { DEFAULT_TOKEN, NO_PACKAGES_TOKEN } from '../scenario';
import { Answer, fetchFrom, useTestServer } from './support';

const NAME = 'wordpress/openverse-api';

const MANIFEST_TYPES = [
  'application/vnd.oci.image.index.v1+json',
  'application/vnd.oci.image.manifest.v1+json',
  'application/vnd.docker.distribution.manifest.list.v2+json',
  'application/vnd.docker.distribution.manifest.v2+json',
].join(', ');

interface TagList {
  name: string;
  tags: string[];
}

suite('container registry', () => {
  const context = useTestServer();

  let control: ControlClient;

  const host = () => new URL(context.server.url).host;

  const basic = (token: string) => `Basic ${Buffer.from(`octo-tester:${token}`).toString('base64')}`;

  /** Asks the realm for a pull token for `name`, anonymously unless given a header. */
  async function tokenFor(name: string, authorization?: string): Promise<Answer> {
    const query = `service=${host()}&scope=repository:${name}:pull`;

    return fetchFrom(context.server, `/token?${query}`, authorization ? { authorization } : {});
  }

  async function bearer(name: string, authorization?: string): Promise<Record<string, string>> {
    const answer = await tokenFor(name, authorization);

    return { authorization: `Bearer ${(answer.json as { token: string }).token}` };
  }

  const codeOf = (answer: Answer) => (answer.json as { errors: { code: string }[] }).errors[0].code;

  setup(async () => {
    control = new ControlClient(context.server.url);

    await control.reset();
  });

  test('asks for a bearer token with a challenge naming the realm, service and scope', async () => {
    const answer = await fetchFrom(context.server, `/v2/${NAME}/tags/list`);

    assert.equal(answer.status, 401);

    assert.equal(
      answer.headers.get('www-authenticate'),
      `Bearer realm="${context.server.url}/token",service="${host()}",scope="repository:${NAME}:pull"`,
    );

    assert.equal(codeOf(answer), 'UNAUTHORIZED');
  });

  test('hands out an anonymous token for a public package, which lists its tags in lexical order', async () => {
    const token = await tokenFor(NAME);

    const answer = await fetchFrom(context.server, `/v2/${NAME}/tags/list`, await bearer(NAME));

    const list = answer.json as TagList;

    assert.equal(token.status, 200);

    assert.deepEqual(Object.keys(token.json as object), ['token']);

    assert.equal(list.name, NAME);

    assert.deepEqual(list.tags, [...list.tags].sort());

    assert.ok(list.tags.includes('v2.4.2') && list.tags.includes('latest'));
  });

  test('pages tags with n, following Link rel="next" with its query kept', async () => {
    const headers = await bearer(NAME);

    const pages: string[][] = [];

    let path: string | null = `/v2/${NAME}/tags/list?n=3`;

    while (path) {
      const answer = await fetchFrom(context.server, path, headers);

      pages.push((answer.json as TagList).tags);

      path = /^<([^>]+)>; rel="next"$/.exec(answer.headers.get('link') ?? '')?.[1] ?? null;
    }

    const all = (await fetchFrom(context.server, `/v2/${NAME}/tags/list`, headers)).json as TagList;

    assert.deepEqual(
      pages.map((page) => page.length),
      [3, 3, 2],
    );

    assert.deepEqual(pages.flat(), all.tags);
  });

  test('the link to the next page names the last tag and keeps n', async () => {
    const answer = await fetchFrom(context.server, `/v2/${NAME}/tags/list?n=2`, await bearer(NAME));

    const [, second] = (answer.json as TagList).tags;

    assert.equal(answer.headers.get('link'), `</v2/${NAME}/tags/list?last=${second}&n=2>; rel="next"`);
  });

  test('answers a manifest request with the package version’s digest, on GET and HEAD', async () => {
    const headers = { ...(await bearer(NAME)), accept: MANIFEST_TYPES };

    const latest = context.server.state.scenario.packages[0].versions.find((version) =>
      version.tags.includes('latest'),
    );

    const got = await fetchFrom(context.server, `/v2/${NAME}/manifests/latest`, headers);

    const head = await fetchFrom(context.server, `/v2/${NAME}/manifests/latest`, headers, 'HEAD');

    const byDigest = await fetchFrom(
      context.server,
      `/v2/${NAME}/manifests/${latest?.digest}`,
      headers,
      'HEAD',
    );

    assert.deepEqual([got.status, head.status, head.text, byDigest.status], [200, 200, '', 200]);

    assert.deepEqual(
      [got, head, byDigest].map((answer) => answer.headers.get('docker-content-digest')),
      [latest?.digest, latest?.digest, latest?.digest],
    );

    assert.equal(got.headers.get('content-type'), 'application/vnd.docker.distribution.manifest.v2+json');

    assert.equal((got.json as { schemaVersion: number }).schemaVersion, 2);
  });

  test('answers MANIFEST_UNKNOWN for an unknown tag, or when Accept names no manifest type', async () => {
    const headers = await bearer(NAME);

    const unknown = await fetchFrom(context.server, `/v2/${NAME}/manifests/v9`, {
      ...headers,
      accept: MANIFEST_TYPES,
    });

    const plain = await fetchFrom(context.server, `/v2/${NAME}/manifests/latest`, {
      ...headers,
      accept: 'application/json',
    });

    assert.deepEqual(
      [unknown.status, codeOf(unknown), plain.status, codeOf(plain)],
      [404, 'MANIFEST_UNKNOWN', 404, 'MANIFEST_UNKNOWN'],
    );
  });

  test('a private package: anonymous 403 DENIED, a GitHub token with read:packages gets in', async () => {
    await control.changePackage({ name: 'openverse-api', visibility: 'private' });

    const anonymous = await tokenFor(NAME);

    const answer = await fetchFrom(
      context.server,
      `/v2/${NAME}/tags/list`,
      await bearer(NAME, basic(DEFAULT_TOKEN)),
    );

    assert.deepEqual([anonymous.status, codeOf(anonymous), answer.status], [403, 'DENIED', 200]);
  });

  test('an anonymous token stops working when its package turns private: 403 DENIED', async () => {
    const headers = await bearer(NAME);

    await control.changePackage({ name: 'openverse-api', visibility: 'private' });

    const answer = await fetchFrom(context.server, `/v2/${NAME}/tags/list`, headers);

    assert.deepEqual([answer.status, codeOf(answer)], [403, 'DENIED']);
  });

  test('a GitHub token without read:packages is denied; an unknown one is unauthorized', async () => {
    const withoutScope = await tokenFor(NAME, basic(NO_PACKAGES_TOKEN));

    const unknown = await tokenFor(NAME, basic('ghp_wrong'));

    assert.deepEqual([withoutScope.status, unknown.status], [403, 401]);
  });

  test('a missing package answers 404 NAME_UNKNOWN, so does an owner not in lowercase', async () => {
    const missing = 'wordpress/openverse-web';

    const uppercase = 'WordPress/openverse-api';

    const answers = [
      await fetchFrom(context.server, `/v2/${missing}/tags/list`, await bearer(missing)),
      await fetchFrom(context.server, `/v2/${uppercase}/tags/list`, await bearer(uppercase)),
    ];

    assert.deepEqual(
      answers.map((answer) => [answer.status, codeOf(answer)]),
      [
        [404, 'NAME_UNKNOWN'],
        [404, 'NAME_UNKNOWN'],
      ],
    );
  });

  test('a token for another name, or one it never issued, is unauthorized', async () => {
    const other = await fetchFrom(
      context.server,
      `/v2/${NAME}/tags/list`,
      await bearer('wordpress/openverse-ingestion_server'),
    );

    const forged = await fetchFrom(context.server, `/v2/${NAME}/tags/list`, {
      authorization: 'Bearer forged',
    });

    assert.deepEqual([other.status, forged.status], [401, 401]);

    assert.match(other.headers.get('www-authenticate') ?? '', /error="insufficient_scope"$/);

    assert.match(forged.headers.get('www-authenticate') ?? '', /error="invalid_token"$/);
  });

  test('pings /v2/: 401 with a challenge without scope, 200 with a token', async () => {
    const anonymous = await fetchFrom(context.server, '/v2/');

    const withToken = await fetchFrom(context.server, '/v2/', await bearer(NAME));

    assert.deepEqual(
      [anonymous.status, anonymous.headers.get('www-authenticate'), withToken.status],
      [401, `Bearer realm="${context.server.url}/token",service="${host()}"`, 200],
    );
  });

  test('logs registry requests, and injected faults hit them', async () => {
    const headers = await bearer(NAME, basic(DEFAULT_TOKEN));

    await control.clearRequests();

    await control.addFaults([{ path: '^/v2/.*/tags/list', preset: 'service-unavailable', times: 1 }]);

    const faulted = await fetchFrom(context.server, `/v2/${NAME}/tags/list`, headers);

    const next = await fetchFrom(context.server, `/v2/${NAME}/tags/list`, headers);

    const requests = await control.requests();

    assert.deepEqual([faulted.status, next.status], [503, 200]);

    assert.deepEqual(
      requests.map((entry) => [entry.path, entry.status, entry.token, entry.login, entry.fault]),
      [
        [`/v2/${NAME}/tags/list`, 503, 'valid', 'octo-tester', 'respond'],
        [`/v2/${NAME}/tags/list`, 200, 'valid', 'octo-tester', null],
      ],
    );
  });
});
