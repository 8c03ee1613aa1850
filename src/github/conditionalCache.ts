/**
 * Conditional GET requests: remembers each response's `ETag` and body per token and URL, sends
 * `If-None-Match` next time, and answers a 304 (which costs no rate limit) with the remembered
 * body. Bounded in entries and bytes (least recently used goes first); tokens are kept only as a
 * one-way hash in the keys.
 */
import { createHash } from 'node:crypto';

export interface CacheLimits {
  readonly maxEntries: number;
  readonly maxBytes: number;
}

interface Entry {
  readonly etag: string;
  readonly body: string;
  readonly status: number;
  readonly headers: ReadonlyArray<[string, string]>;
  readonly bytes: number;
}

export interface CacheStats {
  hits: number;
  misses: number;
  entries: number;
  bytes: number;
}

const KEPT_HEADERS = ['content-type', 'link', 'etag', 'last-modified'];

export class ConditionalCache {
  private readonly entries = new Map<string, Entry>();
  private bytes = 0;
  readonly stats: CacheStats = { hits: 0, misses: 0, entries: 0, bytes: 0 };

  constructor(private readonly limits: CacheLimits = { maxEntries: 500, maxBytes: 8 * 1024 * 1024 }) {}

  wrap(inner: typeof fetch): typeof fetch {
    return async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
      const method = (init?.method ?? 'GET').toUpperCase();
      const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
      if (method !== 'GET') {
        return inner(input, init);
      }

      const headers = new Headers(init?.headers);
      const key = cacheKey(headers.get('authorization'), headers.get('accept'), url);
      const cached = this.entries.get(key);
      if (cached) {
        headers.set('if-none-match', cached.etag);
      }

      const response = await inner(url, { ...init, headers });

      if (response.status === 304 && cached) {
        this.touch(key, cached);
        this.stats.hits++;
        return withUrl(replay(cached, response), url);
      }

      this.stats.misses++;
      return withUrl(await this.remember(key, response), url);
    };
  }

  clear(): void {
    this.entries.clear();
    this.bytes = 0;
    this.updateStats();
  }

  get size(): number {
    return this.entries.size;
  }

  private async remember(key: string, response: Response): Promise<Response> {
    const etag = response.headers.get('etag');
    if (response.status !== 200 || !etag) {
      return response;
    }

    const body = await response.text();
    const bytes = Buffer.byteLength(body) + key.length;
    const entry: Entry = {
      etag,
      body,
      status: response.status,
      headers: [...response.headers.entries()].filter(([name]) => KEPT_HEADERS.includes(name)),
      bytes,
    };

    if (bytes <= this.limits.maxBytes) {
      this.delete(key);
      this.entries.set(key, entry);
      this.bytes += bytes;
      this.evict();
    }

    return new Response(body, {
      status: response.status,
      statusText: response.statusText,
      headers: response.headers,
    });
  }

  private touch(key: string, entry: Entry): void {
    this.entries.delete(key);
    this.entries.set(key, entry);
  }

  private delete(key: string): void {
    const existing = this.entries.get(key);
    if (existing) {
      this.entries.delete(key);
      this.bytes -= existing.bytes;
    }
  }

  private evict(): void {
    for (const key of this.entries.keys()) {
      if (this.entries.size <= this.limits.maxEntries && this.bytes <= this.limits.maxBytes) {
        break;
      }
      this.delete(key);
    }

    this.updateStats();
  }

  private updateStats(): void {
    this.stats.entries = this.entries.size;
    this.stats.bytes = this.bytes;
  }
}

function cacheKey(authorization: string | null, accept: string | null, url: string): string {
  const who = authorization
    ? createHash('sha256').update(authorization).digest('hex').slice(0, 16)
    : 'anonymous';
  return `${who} ${accept ?? ''} ${url}`;
}

/** A constructed Response has an empty `url`; Octokit's pagination reads it, so carry the request's. */
function withUrl(response: Response, url: string): Response {
  if (!response.url) {
    Object.defineProperty(response, 'url', { value: url });
  }

  return response;
}

/** The remembered body with the fresh response's headers (rate limit) over the remembered ones. */
function replay(entry: Entry, fresh: Response): Response {
  const headers = new Headers(entry.headers as [string, string][]);

  for (const [name, value] of fresh.headers.entries()) {
    if (name.startsWith('x-ratelimit-') || name === 'date' || name === 'etag') {
      headers.set(name, value);
    }
  }
  headers.set('x-image-publisher-cache', 'revalidated');

  return new Response(entry.body, { status: entry.status, headers });
}
