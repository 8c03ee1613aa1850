import * as assert from 'node:assert/strict';

import { ConditionalCache } from '../../src/github/conditionalCache';

interface Served {
  url: string;
  ifNoneMatch: string | null;
  authorization: string | null;
}

/** A tiny origin: every URL has a body and an ETag; 304 when If-None-Match matches. */
function origin(served: Served[], bodies: Map<string, string>): typeof fetch {
  return (async (input: string | URL | Request, init?: RequestInit) => {
    const url = String(input);
    const headers = new Headers(init?.headers);
    const body = bodies.get(url) ?? '{}';
    const etag = `W/"${body.length}-${body}"`;
    served.push({
      url,
      ifNoneMatch: headers.get('if-none-match'),
      authorization: headers.get('authorization'),
    });

    if (headers.get('if-none-match') === etag) {
      return new Response(null, { status: 304, headers: { etag, 'x-ratelimit-remaining': '4999' } });
    }

    return new Response(body, {
      status: 200,
      headers: { etag, 'content-type': 'application/json', 'x-ratelimit-remaining': '4998' },
    });
  }) as typeof fetch;
}

suite('ConditionalCache', () => {
  const token = { headers: { authorization: 'token one' } };

  test('a miss stores the body; the next request is conditional and a 304 replays it', async () => {
    const served: Served[] = [];
    const cache = new ConditionalCache();
    const cached = cache.wrap(origin(served, new Map([['https://api.github.com/a', '{"n":1}']])));

    const first = await cached('https://api.github.com/a', token);
    const second = await cached('https://api.github.com/a', token);

    assert.equal(await first.text(), '{"n":1}');
    assert.equal(second.status, 200);
    assert.equal(await second.text(), '{"n":1}');
    assert.equal(second.headers.get('x-ratelimit-remaining'), '4999');
    assert.deepEqual(
      served.map((entry) => entry.ifNoneMatch),
      [null, 'W/"7-{"n":1}"'],
    );
    assert.deepEqual(cache.stats.hits, 1);
  });

  test('a changed body is served fresh and replaces the entry', async () => {
    const served: Served[] = [];
    const bodies = new Map([['https://api.github.com/a', '{"n":1}']]);
    const cached = new ConditionalCache().wrap(origin(served, bodies));

    await cached('https://api.github.com/a', token);
    bodies.set('https://api.github.com/a', '{"n":2}');
    const changed = await cached('https://api.github.com/a', token);
    const again = await cached('https://api.github.com/a', token);

    assert.equal(await changed.text(), '{"n":2}');
    assert.equal(await again.text(), '{"n":2}');
    assert.equal(served[2].ifNoneMatch, 'W/"7-{"n":2}"');
  });

  test('entries are per token: another token never gets the first one’s body', async () => {
    const served: Served[] = [];
    const cached = new ConditionalCache().wrap(origin(served, new Map()));

    await cached('https://api.github.com/a', token);
    await cached('https://api.github.com/a', { headers: { authorization: 'token two' } });

    assert.equal(served[1].ifNoneMatch, null);
  });

  test('the least recently used entry is evicted past the entry limit', async () => {
    const served: Served[] = [];
    const cache = new ConditionalCache({ maxEntries: 2, maxBytes: 1_000_000 });
    const cached = cache.wrap(origin(served, new Map()));

    await cached('https://api.github.com/a', token);
    await cached('https://api.github.com/b', token);
    await cached('https://api.github.com/a', token);
    await cached('https://api.github.com/c', token);
    served.length = 0;
    await cached('https://api.github.com/a', token);
    await cached('https://api.github.com/c', token);
    await cached('https://api.github.com/b', token);

    assert.equal(cache.size, 2);
    assert.deepEqual(
      served.map((entry) => [entry.url.slice(-1), entry.ifNoneMatch !== null]),
      [
        ['a', true],
        ['c', true],
        ['b', false],
      ],
    );
  });

  test('the byte limit holds; an oversized body is not kept', async () => {
    const served: Served[] = [];
    const big = 'x'.repeat(5_000);
    const cache = new ConditionalCache({ maxEntries: 100, maxBytes: 1_000 });
    const cached = cache.wrap(origin(served, new Map([['https://api.github.com/big', big]])));

    await cached('https://api.github.com/big', token);

    assert.equal(cache.size, 0);
    assert.ok(cache.stats.bytes <= 1_000);
  });

  test('clear() forgets everything (sign-out)', async () => {
    const served: Served[] = [];
    const cache = new ConditionalCache();
    const cached = cache.wrap(origin(served, new Map()));

    await cached('https://api.github.com/a', token);
    cache.clear();
    await cached('https://api.github.com/a', token);

    assert.equal(served[1].ifNoneMatch, null);
  });

  test('non-GET requests pass through untouched', async () => {
    const served: Served[] = [];
    const cached = new ConditionalCache().wrap(origin(served, new Map()));

    await cached('https://api.github.com/a', { ...token, method: 'POST' });
    await cached('https://api.github.com/a', { ...token, method: 'POST' });

    assert.deepEqual(
      served.map((entry) => entry.ifNoneMatch),
      [null, null],
    );
  });

  test('fresh and replayed responses keep the request URL (Octokit pagination reads it)', async () => {
    const cached = new ConditionalCache().wrap(origin([], new Map()));

    const fresh = await cached('https://api.github.com/a?page=1', token);
    const replayed = await cached('https://api.github.com/a?page=1', token);

    assert.equal(fresh.url, 'https://api.github.com/a?page=1');
    assert.equal(replayed.url, 'https://api.github.com/a?page=1');
  });
});
