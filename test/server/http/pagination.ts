/**
 * GitHub's page-number pagination: `per_page` (default 30, at most 100) and `page` (from 1), with a
 * `Link` header whose URLs keep every other query parameter of the request.
 */

export interface Page<T> {
  items: T[];

  /** Absent when everything fits on the first page. */
  link: string | null;
}

export const DEFAULT_PER_PAGE = 30;

export const MAX_PER_PAGE = 100;

export function paginate<T>(items: readonly T[], requestUrl: URL): Page<T> {
  const perPage = clampPerPage(requestUrl.searchParams.get('per_page'));

  const page = positiveInteger(requestUrl.searchParams.get('page')) ?? 1;

  const lastPage = Math.max(1, Math.ceil(items.length / perPage));

  return {
    items: items.slice((page - 1) * perPage, page * perPage),
    link: linkHeader(requestUrl, page, lastPage),
  };
}

function linkHeader(requestUrl: URL, page: number, lastPage: number): string | null {
  const relations: [string, number][] = [];

  if (page > 1) {
    relations.push(['prev', page - 1]);
  }

  if (page < lastPage) {
    relations.push(['next', page + 1], ['last', lastPage]);
  }

  if (page > 1) {
    relations.push(['first', 1]);
  }

  if (relations.length === 0) {
    return null;
  }

  return relations.map(([rel, target]) => `<${pageUrl(requestUrl, target)}>; rel="${rel}"`).join(', ');
}

function pageUrl(requestUrl: URL, page: number): string {
  const url = new URL(requestUrl.href);

  url.searchParams.set('page', String(page));

  return url.href;
}

function clampPerPage(value: string | null): number {
  const perPage = positiveInteger(value) ?? DEFAULT_PER_PAGE;

  return Math.min(perPage, MAX_PER_PAGE);
}

function positiveInteger(value: string | null): number | null {
  if (value === null || !/^\d+$/.test(value)) {
    return null;
  }

  const number = Number(value);

  return number >= 1 ? number : null;
}

/** A list answer as GitHub's list routes give it: `total_count`, one page of items, `Link`. */
export function pagedList<T>(
  url: URL,
  items: readonly T[],
  key: string,
  toJson: (item: T) => unknown,
): { status: number; body: unknown; headers?: Record<string, string> } {
  const page = paginate(items, url);

  return {
    status: 200,
    body: { total_count: items.length, [key]: page.items.map(toJson) },
    headers: page.link ? { link: page.link } : undefined,
  };
}
