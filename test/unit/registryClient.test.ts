import * as assert from 'node:assert/strict';

import { MANIFEST_MEDIA_TYPES, RegistryClient } from '../../src/registry/registryClient';
import { RegistryError } from '../../src/registry/registryErrors';
import { digest } from './builders/imageBuilders';
import {
  CHALLENGE_TOKEN,
  challengeUnlessAuthorized,
  fakeRegistry,
  json,
  type RegistryHandler,
  type SeenRequest,
} from './builders/fakeRegistry';
import { recordingLog } from './builders/recordingLog';

const ORIGIN = 'https://registry.test';

const REALM = `${ORIGIN}/token`;

function clientFor(handler: RegistryHandler, options: { lines?: string[]; maxDigests?: number } = {}) {
  const registry = fakeRegistry(handler);
  const client = new RegistryClient({
    registryHost: 'registry.test',
    log: recordingLog(options.lines ?? []),
    fetch: registry.fetch,
    tagsPageSize: 2,
    maxDigests: options.maxDigests,
  });

  return { client, seen: registry.seen };
}

/** The realm hands out the token; everything else needs it. */
function withTokenFlow(answer: (request: SeenRequest) => Response): RegistryHandler {
  return (request) =>
    request.url.startsWith(REALM)
      ? json({ token: CHALLENGE_TOKEN })
      : challengeUnlessAuthorized(request, REALM, () => answer(request));
}

async function rejectsWith(promise: Promise<unknown>, kind: string): Promise<void> {
  await assert.rejects(promise, (error: unknown) => error instanceof RegistryError && error.kind === kind);
}

suite('registry client', () => {
  test('answers a 401 challenge with an anonymous token from the realm, then sends the request again', async () => {
    const { client, seen } = clientFor(withTokenFlow(() => json({ name: 'acme/api', tags: ['v1.0.0'] })));

    const listing = await client.listTags('acme/api');

    assert.deepEqual(listing, { tags: ['v1.0.0'], complete: true });
    assert.deepEqual(
      seen.map((request) => [request.method, request.url, request.headers.authorization]),
      [
        ['GET', `${ORIGIN}/v2/acme/api/tags/list?n=2`, undefined],
        ['GET', `${REALM}?service=registry.test&scope=repository%3Aacme%2Fapi%3Apull`, undefined],
        ['GET', `${ORIGIN}/v2/acme/api/tags/list?n=2`, `Bearer ${CHALLENGE_TOKEN}`],
      ],
    );
  });

  test('asks the realm once and reuses the token for later requests', async () => {
    const { client, seen } = clientFor(
      withTokenFlow(() => json({ tags: ['a'] }, { 'docker-content-digest': digest(1) })),
    );

    await client.listTags('acme/api');
    await client.digestOf('acme/api', 'a');

    assert.equal(seen.filter((request) => request.url.startsWith(REALM)).length, 1);
    assert.equal(seen.length, 4);
  });

  test('refuses a realm on another host and sends nothing there', async () => {
    const { client, seen } = clientFor((request) =>
      challengeUnlessAuthorized(request, 'https://evil.example/token', () => json({ tags: [] })),
    );

    await rejectsWith(client.listTags('acme/api'), 'refused-realm');
    assert.deepEqual(
      seen.map((request) => new URL(request.url).host),
      ['registry.test'],
    );
  });

  test('refuses a plain-http realm on the registry’s host name', async () => {
    const { client, seen } = clientFor((request) =>
      challengeUnlessAuthorized(request, 'http://registry.test/token', () => json({ tags: [] })),
    );

    await rejectsWith(client.listTags('acme/api'), 'refused-realm');
    assert.equal(seen.length, 1);
  });

  test('follows relative Link pages with their query exactly as given', async () => {
    const pages: Record<string, { tags: string[]; link?: string }> = {
      '/v2/acme/api/tags/list?n=2': {
        tags: ['a', 'b'],
        link: '</v2/acme/api/tags/list?last=b&n=2&x=%2Fkeep>; rel="next"',
      },
      '/v2/acme/api/tags/list?last=b&n=2&x=%2Fkeep': {
        tags: ['c', 'd'],
        link: `<${ORIGIN}/v2/acme/api/tags/list?last=d&n=2>; rel="next"`,
      },
      '/v2/acme/api/tags/list?last=d&n=2': { tags: ['e'] },
    };
    const { client, seen } = clientFor(
      withTokenFlow((request) => {
        const url = new URL(request.url);
        const page = pages[url.pathname + url.search];
        assert.ok(page, `unexpected page ${request.url}`);
        return json({ tags: page.tags }, page.link ? { link: page.link } : {});
      }),
    );

    const listing = await client.listTags('acme/api');

    assert.deepEqual(listing, { tags: ['a', 'b', 'c', 'd', 'e'], complete: true });
    assert.deepEqual(
      seen.filter((request) => request.headers.authorization).map((request) => request.url),
      [
        `${ORIGIN}/v2/acme/api/tags/list?n=2`,
        `${ORIGIN}/v2/acme/api/tags/list?last=b&n=2&x=%2Fkeep`,
        `${ORIGIN}/v2/acme/api/tags/list?last=d&n=2`,
      ],
    );
  });

  test('refuses a next link to another host, never sending the token there', async () => {
    const { client, seen } = clientFor(
      withTokenFlow(() =>
        json({ tags: ['a'] }, { link: '<https://evil.example/v2/acme/api/tags/list?last=a>; rel="next"' }),
      ),
    );

    await rejectsWith(client.listTags('acme/api'), 'refused-host');
    assert.ok(seen.every((request) => new URL(request.url).host === 'registry.test'));
  });

  test('stops on a next link that points back to a page already read', async () => {
    const lines: string[] = [];
    const { client } = clientFor(
      withTokenFlow(() => json({ tags: ['a'] }, { link: '</v2/acme/api/tags/list?n=2>; rel="next"' })),
      { lines },
    );

    const listing = await client.listTags('acme/api');

    assert.deepEqual(listing, { tags: ['a'], complete: false });
    assert.ok(lines.some((line) => line.startsWith('warn') && /already read/.test(line)));
  });

  test('reads a digest with HEAD, accepting the OCI and Docker manifest types', async () => {
    const { client, seen } = clientFor(
      withTokenFlow(
        () => new Response(null, { status: 200, headers: { 'docker-content-digest': digest(7) } }),
      ),
    );

    const found = await client.digestOf('acme/api', 'v2.4.2');
    const manifestRequest = seen[seen.length - 1];

    assert.equal(found, digest(7));
    assert.equal(manifestRequest.method, 'HEAD');
    assert.equal(manifestRequest.url, `${ORIGIN}/v2/acme/api/manifests/v2.4.2`);
    for (const type of [
      'application/vnd.oci.image.index.v1+json',
      'application/vnd.oci.image.manifest.v1+json',
      'application/vnd.docker.distribution.manifest.list.v2+json',
      'application/vnd.docker.distribution.manifest.v2+json',
    ]) {
      assert.ok(manifestRequest.headers.accept.includes(type), type);
    }
    assert.equal(manifestRequest.headers.accept, MANIFEST_MEDIA_TYPES);
  });

  test('falls back to GET when HEAD gives no digest header', async () => {
    const { client, seen } = clientFor(
      withTokenFlow((request) =>
        request.method === 'HEAD'
          ? new Response(null, { status: 200 })
          : json({}, { 'docker-content-digest': digest(8) }),
      ),
    );

    assert.equal(await client.digestOf('acme/api', 'latest'), digest(8));
    assert.deepEqual(
      seen.slice(-2).map((request) => request.method),
      ['HEAD', 'GET'],
    );
  });

  test('gives no digest for an unknown tag, and refuses a tag that is not one', async () => {
    const { client, seen } = clientFor(withTokenFlow(() => new Response(null, { status: 404 })));

    assert.equal(await client.digestOf('acme/api', 'gone'), undefined);
    const sent = seen.length;
    assert.equal(await client.digestOf('acme/api', '../../x'), undefined);
    assert.equal(seen.length, sent);
  });

  test('refuses a repository name that would change the URL', async () => {
    const { client, seen } = clientFor(withTokenFlow(() => json({ tags: [] })));

    await rejectsWith(client.listTags('acme/../api'), 'not-found');
    await rejectsWith(client.listTags('acme/api?n=1'), 'not-found');
    assert.equal(seen.length, 0);
  });

  test('reports a realm that refuses anonymous access as denied', async () => {
    const { client } = clientFor((request) =>
      request.url.startsWith(REALM)
        ? new Response('{"errors":[{"code":"DENIED"}]}', { status: 403 })
        : challengeUnlessAuthorized(request, REALM, () => json({ tags: [] })),
    );

    await rejectsWith(client.listTags('acme/private'), 'denied');
  });

  test('reports an image the registry does not know as not found', async () => {
    const { client } = clientFor(
      withTokenFlow(() => new Response('{"errors":[{"code":"NAME_UNKNOWN"}]}', { status: 404 })),
    );

    await rejectsWith(client.listTags('acme/nothing'), 'not-found');
  });

  test('resolves at most maxDigests tags, four at a time, most meaningful first', async () => {
    const tags = [...Array.from({ length: 40 }, (_, index) => `build-${index}`), 'latest', 'v1.0.0'];
    let inFlight = 0;
    let most = 0;
    const { client, seen } = clientFor(
      withTokenFlow((request) => {
        if (request.url.includes('/tags/list')) {
          return json({ tags });
        }

        inFlight++;
        most = Math.max(most, inFlight);
        return new Promise<Response>((resolve) =>
          setTimeout(() => {
            inFlight--;
            resolve(new Response(null, { headers: { 'docker-content-digest': digest(1) } }));
          }, 2),
        ) as unknown as Response;
      }),
      { maxDigests: 10 },
    );

    const image = await client.readImage('acme/api');
    const manifests = seen.filter((request) => request.url.includes('/manifests/'));

    assert.equal(manifests.length, 10);
    assert.equal(most, 4);
    assert.deepEqual(
      manifests.slice(0, 2).map((request) => request.url.split('/').pop()),
      ['v1.0.0', 'latest'],
    );
    assert.equal(image.tagCount, 42);
    assert.equal(image.unresolvedTags.length, 32);
    assert.equal(image.complete, false);
  });

  test('gives one version per digest with its tags, and no ids or dates', async () => {
    const digests: Record<string, string> = { 'v1.0.0': digest(1), latest: digest(1), old: digest(2) };
    const { client } = clientFor(
      withTokenFlow((request) =>
        request.url.includes('/tags/list')
          ? json({ tags: ['old', 'latest', 'v1.0.0'] })
          : new Response(null, {
              headers: { 'docker-content-digest': digests[request.url.split('/').pop() ?? ''] },
            }),
      ),
    );

    const image = await client.readImage('acme/api');

    assert.deepEqual(image.versions, [
      { id: null, digest: digest(1), tags: ['v1.0.0', 'latest'], createdAt: null, updatedAt: null },
      { id: null, digest: digest(2), tags: ['old'], createdAt: null, updatedAt: null },
    ]);
    assert.equal(image.complete, true);
  });

  test('logs each request at debug without the token', async () => {
    const lines: string[] = [];
    const { client } = clientFor(
      withTokenFlow(() => json({ tags: ['a'] })),
      { lines },
    );

    await client.listTags('acme/api');

    assert.ok(lines.some((line) => line.startsWith('debug [registry] GET /v2/acme/api/tags/list?n=2 → 401')));
    assert.ok(lines.every((line) => !line.includes(CHALLENGE_TOKEN)));
  });

  test('refuses to be built for a host that is not a bare host name', () => {
    assert.throws(
      () => new RegistryClient({ registryHost: 'ghcr.io/x', log: recordingLog([]) }),
      (error: unknown) => error instanceof RegistryError && error.kind === 'refused-host',
    );
  });
});
