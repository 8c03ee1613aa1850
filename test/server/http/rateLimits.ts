/**
 * The core rate limit, one bucket per token (5000 an hour) and one for requests without a valid
 * token (60 an hour). Every answered API request spends one, except a 304.
 */

import type { Credentials } from './credentials';

export const TOKEN_LIMIT = 5000;

export const ANONYMOUS_LIMIT = 60;

const WINDOW_SECONDS = 3600;

export interface RateLimitBucket {
  limit: number;
  remaining: number;

  /** Epoch seconds. */
  reset: number;
}

export class RateLimits {
  private readonly buckets = new Map<string, RateLimitBucket>();

  /** The bucket a request draws from, renewed when its window has passed. */
  bucketFor(credentials: Credentials): RateLimitBucket {
    const key = credentials.kind === 'valid' ? `token:${credentials.token.value}` : 'anonymous';

    const nowSeconds = Math.floor(Date.now() / 1000);

    const existing = this.buckets.get(key);

    if (existing && existing.reset > nowSeconds) {
      return existing;
    }

    const limit = credentials.kind === 'valid' ? TOKEN_LIMIT : ANONYMOUS_LIMIT;

    const fresh = { limit, remaining: limit, reset: nowSeconds + WINDOW_SECONDS };

    this.buckets.set(key, fresh);

    return fresh;
  }

  /** Sets what is left (and optionally when it renews) for a test. */
  set(credentials: Credentials, remaining: number, reset?: number): RateLimitBucket {
    const bucket = this.bucketFor(credentials);

    bucket.remaining = Math.max(0, Math.min(bucket.limit, remaining));

    if (reset !== undefined) {
      bucket.reset = reset;
    }

    return bucket;
  }

  clear(): void {
    this.buckets.clear();
  }
}

export function spend(bucket: RateLimitBucket): void {
  bucket.remaining = Math.max(0, bucket.remaining - 1);
}

export function rateLimitHeaders(bucket: RateLimitBucket): Record<string, string> {
  return {
    'x-ratelimit-limit': String(bucket.limit),
    'x-ratelimit-remaining': String(bucket.remaining),
    'x-ratelimit-reset': String(bucket.reset),
    'x-ratelimit-used': String(bucket.limit - bucket.remaining),
    'x-ratelimit-resource': 'core',
  };
}
