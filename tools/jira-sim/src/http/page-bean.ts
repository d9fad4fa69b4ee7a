/** Builds Jira's PageBean envelope (`self`, `nextPage` only when there is one, `isLast`). */
import type { SimRequest } from './route-types.js';

export interface PageBean<T> {
  self: string;
  nextPage?: string;
  maxResults: number;
  startAt: number;
  total: number;
  isLast: boolean;
  values: T[];
}

function linkWith(request: SimRequest, startAt: number, maxResults: number): string {
  const query = new URLSearchParams(request.query);
  query.set('startAt', String(startAt));
  query.set('maxResults', String(maxResults));
  return `${request.siteUrl}${request.path}?${query.toString()}`;
}

/** Slices `all` into one page and wraps it. */
export function pageBean<T, R>(request: SimRequest, all: T[], startAt: number, maxResults: number, map: (item: T) => R): PageBean<R> {
  const values = all.slice(startAt, startAt + maxResults).map(map);
  const isLast = startAt + values.length >= all.length;
  return {
    self: linkWith(request, startAt, maxResults),
    ...(isLast ? {} : { nextPage: linkWith(request, startAt + maxResults, maxResults) }),
    maxResults,
    startAt,
    total: all.length,
    isLast,
    values,
  };
}
