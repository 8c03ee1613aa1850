/**
 * Fetches a paginated GitHub list by page number (`per_page=100`): the pages the caller expects
 * to need in parallel, then further pages one at a time only while the caller still misses
 * something. `total_count` on the first page bounds how far it goes, so no request is sent past
 * the last page except within the first parallel batch.
 */
import type { GitHubClient } from './client';
import { InvalidResponseError } from './errors';

export const PAGE_SIZE = 100;

export interface PagerQuery<T> {
  readonly route: string;
  readonly parameters: Record<string, unknown>;
  /** The array in each page's body, e.g. `workflow_runs`. */
  readonly itemsKey: string;
  readonly map: (raw: Record<string, unknown>) => T;
  readonly maxPages: number;
}

export class Pager<T> {
  private readonly pages: T[][] = [];
  private lastPage = Number.POSITIVE_INFINITY;

  constructor(
    private readonly client: GitHubClient,
    private readonly query: PagerQuery<T>,
  ) {}

  get items(): T[] {
    return this.pages.flat();
  }

  get fetchedPages(): number {
    return this.pages.length;
  }

  get exhausted(): boolean {
    return this.pages.length >= Math.min(this.lastPage, this.query.maxPages);
  }

  /** The list itself ended (not just the pages this pager may fetch). */
  get ended(): boolean {
    return this.pages.length >= this.lastPage;
  }

  /** Fetches the next `count` pages at once. */
  async fetchBatch(count: number): Promise<void> {
    const first = this.pages.length + 1;
    const last = Math.min(first + Math.max(1, count) - 1, this.query.maxPages, this.lastPage);
    const numbers = Array.from({ length: Math.max(0, last - first + 1) }, (_, index) => first + index);

    const results = await Promise.all(numbers.map((page) => this.fetchPage(page)));
    this.pages.push(...results);
  }

  /**
   * Fetches further pages until `isComplete` says so or the list ends: as many at once as
   * `estimateMissing` guesses are still needed (never more than doubling what is fetched), else one.
   */
  async continueUntil(
    isComplete: (items: readonly T[]) => boolean,
    estimateMissing?: (items: readonly T[], fetchedPages: number) => number,
  ): Promise<void> {
    while (!this.exhausted && !isComplete(this.items)) {
      const guess = estimateMissing?.(this.items, this.pages.length) ?? 1;
      const sane = Number.isFinite(guess) ? Math.max(1, Math.ceil(guess)) : 1;
      await this.fetchBatch(Math.min(sane, Math.max(1, this.pages.length)));
    }
  }

  private async fetchPage(page: number): Promise<T[]> {
    const response = await this.client.request(this.query.route, {
      ...this.query.parameters,
      per_page: PAGE_SIZE,
      page,
      // Octokit parses bodies with a big-integer-safe parser that costs ten times JSON.parse on a
      // page of 100 runs; nothing in these lists needs more than a double.
      request: { parseSuccessResponseBody: false },
    });
    const data = await parseJsonBody(response.data);
    const raw = typeof data === 'object' && data !== null ? data[this.query.itemsKey] : undefined;
    if (typeof data !== 'object' || data === null || !Array.isArray(raw)) {
      throw new InvalidResponseError(`${this.query.route.replace(/^GET /, '')} (page ${page})`);
    }

    if (!raw.every((item) => typeof item === 'object' && item !== null && !Array.isArray(item))) {
      throw new InvalidResponseError(`${this.query.route.replace(/^GET /, '')} (page ${page})`);
    }

    const items = raw as Record<string, unknown>[];

    if (typeof data.total_count === 'number') {
      this.lastPage = Math.max(1, Math.ceil(data.total_count / PAGE_SIZE));
    } else if (items.length < PAGE_SIZE) {
      this.lastPage = Math.min(this.lastPage, page);
    }

    return items.map(this.query.map);
  }
}

/**
 * The page's body as JSON, or undefined when it is empty or not JSON (never read as an empty page).
 * A body that stops arriving (timeout, dropped connection) fails as such, not as "not JSON".
 */
async function parseJsonBody(body: unknown): Promise<Record<string, unknown> | undefined> {
  if (!(body instanceof ReadableStream) && typeof body !== 'string') {
    return undefined;
  }

  const text = typeof body === 'string' ? body : await new Response(body).text();

  try {
    const parsed: unknown = JSON.parse(text);
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)
      ? (parsed as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}
