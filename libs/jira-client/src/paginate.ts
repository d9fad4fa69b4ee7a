import { JiraPaginationError } from './errors/jira-local-errors.js';

/** A PageBean (`isLast`) or a page without it (`total` only, e.g. PageOfComments). */
export interface StartAtPage<T> {
  values: T[];
  isLast?: boolean | undefined;
  total?: number | undefined;
}

/** A page of a token-paged listing (enhanced search, changelog bulkfetch). */
export interface TokenPage<T> {
  values: T[];
  nextPageToken?: string | null | undefined;
}

/**
 * Bare-array listings (users/search): Jira gives no metadata, so only an empty page ends the listing; a short page
 * may just be Jira returning fewer than asked.
 */
export async function* paginateBareArray<T>(fetchPage: (startAt: number) => Promise<T[]>): AsyncGenerator<T> {
  for (let startAt = 0; ; ) {
    const page = await fetchPage(startAt);
    if (page.length === 0) return;
    yield* page;
    startAt += page.length;
  }
}

/**
 * startAt/maxResults listings with an envelope: ends on `isLast`, on `startAt + count >= total` when `isLast` is
 * absent, or on an empty page. Advances by what was returned, not by what was asked.
 */
export async function* paginateStartAt<T>(fetchPage: (startAt: number) => Promise<StartAtPage<T>>): AsyncGenerator<T> {
  for (let startAt = 0; ; ) {
    const page = await fetchPage(startAt);
    yield* page.values;
    startAt += page.values.length;
    if (page.values.length === 0 || page.isLast === true) return;
    if (page.isLast === undefined && page.total !== undefined && startAt >= page.total) return;
  }
}

/**
 * nextPageToken listings: ends when the token is absent or empty, or a page is empty. A token Jira already handed
 * out is an error rather than an endless loop.
 */
export async function* paginateToken<T>(
  fetchPage: (nextPageToken: string | undefined) => Promise<TokenPage<T>>,
  endpoint: string,
): AsyncGenerator<T> {
  const seen = new Set<string>();
  for (let token: string | undefined; ; ) {
    const page = await fetchPage(token);
    yield* page.values;
    const next = page.nextPageToken;
    if (!next || page.values.length === 0) return;
    if (seen.has(next)) {
      throw new JiraPaginationError(`${endpoint} returned the same nextPageToken twice; stopped to avoid looping. Try again.`, { endpoint });
    }
    seen.add(next);
    token = next;
  }
}

/**
 * offset/limit listings (audit records): `total` ignores filters, so only an empty page ends the listing.
 */
export async function* paginateOffset<T>(fetchPage: (offset: number) => Promise<T[]>): AsyncGenerator<T> {
  yield* paginateBareArray(fetchPage);
}

/** Collects an async iterable into an array (for small listings and tests). */
export async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
}
