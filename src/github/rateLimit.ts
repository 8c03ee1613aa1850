/**
 * Reads GitHub's rate-limit headers from every response and holds every call back while GitHub
 * has asked to pause: a secondary limit (403/429 with `retry-after`) for that long, an exhausted
 * primary limit (403/429 with `x-ratelimit-remaining: 0`) until `x-ratelimit-reset`. Short pauses
 * are waited out; a call that would wait longer fails at once with a RateLimitPause, so nothing
 * hammers GitHub and nothing hangs.
 */
export interface RateBudget {
  readonly limit: number;
  readonly remaining: number;
  readonly resetAt: Date;
  readonly resource: string;
}

export class RateLimitPause extends Error {
  constructor(
    readonly until: Date,
    readonly kind: 'secondary' | 'primary',
  ) {
    super(
      kind === 'secondary'
        ? `GitHub asked to slow down (secondary rate limit); calls are paused until ${until.toLocaleTimeString()}.`
        : `GitHub's API rate limit is used up until ${until.toLocaleTimeString()}; calls are paused until then.`,
    );
    this.name = 'RateLimitPause';
  }
}

export interface RateLimitOptions {
  /** Pauses up to this long are waited out; longer ones fail fast. */
  readonly maxWaitMs: number;
  /** Below this share of the limit, the budget counts as low. */
  readonly lowShare: number;
  readonly now?: () => number;
  readonly sleep?: (ms: number) => Promise<void>;
}

const DEFAULTS: RateLimitOptions = { maxWaitMs: 10_000, lowShare: 0.1 };

export class RateLimitState {
  private pausedUntil = 0;
  private pauseKind: 'secondary' | 'primary' = 'secondary';
  private latest: RateBudget | undefined;
  private readonly options: RateLimitOptions;

  constructor(options: Partial<RateLimitOptions> = {}) {
    this.options = { ...DEFAULTS, ...options };
  }

  get budget(): RateBudget | undefined {
    return this.latest;
  }

  get isLow(): boolean {
    return !!this.latest && this.latest.remaining < this.latest.limit * this.options.lowShare;
  }

  get pause(): { until: Date; kind: 'secondary' | 'primary' } | undefined {
    return this.pausedUntil > this.now()
      ? { until: new Date(this.pausedUntil), kind: this.pauseKind }
      : undefined;
  }

  /** Waits out a short pause, or throws RateLimitPause for a long one. */
  async beforeRequest(): Promise<void> {
    const wait = this.pausedUntil - this.now();
    if (wait <= 0) {
      return;
    }

    if (wait > this.options.maxWaitMs) {
      throw new RateLimitPause(new Date(this.pausedUntil), this.pauseKind);
    }

    await (this.options.sleep ?? defaultSleep)(wait);
  }

  observe(status: number, headers: Headers): void {
    const limit = Number(headers.get('x-ratelimit-limit'));
    const remaining = Number(headers.get('x-ratelimit-remaining'));
    const reset = Number(headers.get('x-ratelimit-reset'));

    if (headers.has('x-ratelimit-remaining') && Number.isFinite(remaining) && Number.isFinite(limit)) {
      this.latest = {
        limit,
        remaining,
        resetAt: new Date((Number.isFinite(reset) ? reset : 0) * 1000),
        resource: headers.get('x-ratelimit-resource') ?? 'core',
      };
    }

    if (status !== 403 && status !== 429) {
      return;
    }

    const retryAfter = Number(headers.get('retry-after'));
    if (headers.has('retry-after') && Number.isFinite(retryAfter)) {
      this.pauseFor(this.now() + retryAfter * 1000, 'secondary');
    } else if (headers.get('x-ratelimit-remaining') === '0' && Number.isFinite(reset)) {
      this.pauseFor(reset * 1000, 'primary');
    } else if (status === 429) {
      this.pauseFor(this.now() + 60_000, 'secondary');
    }
  }

  private pauseFor(until: number, kind: 'secondary' | 'primary'): void {
    if (until > this.pausedUntil) {
      this.pausedUntil = until;
      this.pauseKind = kind;
    }
  }

  private now(): number {
    return (this.options.now ?? Date.now)();
  }
}

function defaultSleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
