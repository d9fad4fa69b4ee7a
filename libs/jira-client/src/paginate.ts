import { createHash } from 'node:crypto';
import { JiraPaginationError } from './errors/jira-local-errors.js';

/**
 * Remembers a fingerprint of every non-empty page: a server that ignores the position and hands back a page it
 * already gave would otherwise loop forever. Distinct positions of a real listing never hold identical items.
 */
function repeatGuard(endpoint: string | undefined) {
  const seen = new Set<string>();
  return (values: readonly unknown[], position: number): void => {
    if (values.length === 0) return;
    const fingerprint = createHash('sha256').update(JSON.stringify(values)).digest('base64');
    if (seen.has(fingerprint)) {
      const where = endpoint ?? 'A Jira listing';
      throw new JiraPaginationError(`${where} returned a page it had already returned (asked for position ${position}); stopped to avoid looping. Try again.`, endpoint ? { endpoint } : {});
    }
    seen.add(fingerprint);
  };
}

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
export async function* paginateBareArray<T>(fetchPage: (startAt: number) => Promise<T[]>, endpoint?: string): AsyncGenerator<T> {
  const guard = repeatGuard(endpoint);
  for (let startAt = 0; ; ) {
    const page = await fetchPage(startAt);
    if (page.length === 0) return;
    guard(page, startAt);
    yield* page;
    startAt += page.length;
  }
}

/**
 * startAt/maxResults listings with an envelope: ends on `isLast`, on `startAt + count >= total` when `isLast` is
 * absent, or on an empty page. Advances by what was returned, not by what was asked. A page repeated (the server
 * ignored startAt) is a JiraPaginationError, as in every paginator here.
 */
export async function* paginateStartAt<T>(fetchPage: (startAt: number) => Promise<StartAtPage<T>>, endpoint?: string): AsyncGenerator<T> {
  const guard = repeatGuard(endpoint);
  for (let startAt = 0; ; ) {
    const page = await fetchPage(startAt);
    guard(page.values, startAt);
    yield* page.values;
    startAt += page.values.length;
    if (page.values.length === 0 || page.isLast === true) return;
    if (page.isLast === undefined && page.total !== undefined && startAt >= page.total) return;
  }
}

/** One page of a token-paged listing with the token of the page after it (absent on the last page). */
export interface TokenPageWithNext<T> {
  values: T[];
  nextPageToken?: string;
}

/**
 * nextPageToken listings, a page at a time: ends when the token is absent or empty, or a page is empty. Starts at
 * `startToken` when given (a token an earlier listing handed out: resume where it stopped). A token Jira already
 * handed out is an error rather than an endless loop.
 */
export async function* paginateTokenPages<T>(
  fetchPage: (nextPageToken: string | undefined) => Promise<TokenPage<T>>,
  endpoint: string,
  startToken?: string,
): AsyncGenerator<TokenPageWithNext<T>> {
  const seen = new Set<string>(startToken ? [startToken] : []);
  for (let token = startToken || undefined; ; ) {
    const page = await fetchPage(token);
    const next = page.values.length === 0 ? undefined : page.nextPageToken || undefined;
    if (next && seen.has(next)) {
      throw new JiraPaginationError(`${endpoint} returned the same nextPageToken twice; stopped to avoid looping. Try again.`, { endpoint });
    }
    yield { values: page.values, ...(next ? { nextPageToken: next } : {}) };
    if (!next) return;
    seen.add(next);
    token = next;
  }
}

/** nextPageToken listings, an item at a time (see paginateTokenPages). */
export async function* paginateToken<T>(
  fetchPage: (nextPageToken: string | undefined) => Promise<TokenPage<T>>,
  endpoint: string,
): AsyncGenerator<T> {
  for await (const page of paginateTokenPages(fetchPage, endpoint)) yield* page.values;
}

/**
 * offset/limit listings (audit records): `total` ignores filters, so only an empty page ends the listing.
 */
export async function* paginateOffset<T>(fetchPage: (offset: number) => Promise<T[]>, endpoint?: string): AsyncGenerator<T> {
  yield* paginateBareArray(fetchPage, endpoint);
}

/** Collects an async iterable into an array (for small listings and tests). */
export async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
}
