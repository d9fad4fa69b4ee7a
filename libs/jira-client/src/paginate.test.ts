import { describe, expect, it } from 'vitest';
import { JiraPaginationError } from './errors/jira-local-errors.js';
import { collect, paginateBareArray, paginateOffset, paginateStartAt, paginateToken, paginateTokenPages } from './paginate.js';

describe('paginateBareArray', () => {
  it('keeps going after a short page and stops only on an empty one', async () => {
    const pages: Record<number, number[]> = { 0: [1, 2], 2: [3], 3: [4, 5], 5: [] };
    const asked: number[] = [];
    const items = await collect(paginateBareArray(async (startAt) => (asked.push(startAt), pages[startAt] ?? [])));
    expect(items).toEqual([1, 2, 3, 4, 5]);
    expect(asked).toEqual([0, 2, 3, 5]);
  });
});

describe('paginateStartAt', () => {
  it('follows isLast, advancing by what was returned rather than what was asked', async () => {
    const asked: number[] = [];
    const pages: Record<number, { values: string[]; isLast: boolean }> = {
      0: { values: ['a'], isLast: false },
      1: { values: ['b', 'c'], isLast: false },
      3: { values: ['d'], isLast: true },
    };
    expect(await collect(paginateStartAt(async (startAt) => (asked.push(startAt), pages[startAt]!)))).toEqual(['a', 'b', 'c', 'd']);
    expect(asked).toEqual([0, 1, 3]);
  });

  it('uses total when a page has no isLast (PageOfComments)', async () => {
    const pages = [{ values: [1, 2], total: 3 }, { values: [3], total: 3 }];
    let calls = 0;
    expect(await collect(paginateStartAt(async () => pages[calls++]!))).toEqual([1, 2, 3]);
    expect(calls).toBe(2);
  });

  it('stops on an empty page even if isLast is false', async () => {
    let calls = 0;
    const items = await collect(paginateStartAt(async () => (calls++ === 0 ? { values: [1], isLast: false } : { values: [], isLast: false })));
    expect(items).toEqual([1]);
  });
});

describe('paginateToken', () => {
  it('follows nextPageToken until it is absent, even through a short page', async () => {
    const pages: Record<string, { values: number[]; nextPageToken?: string }> = {
      first: { values: [1, 2], nextPageToken: 't1' },
      t1: { values: [3], nextPageToken: 't2' },
      t2: { values: [4] },
    };
    expect(await collect(paginateToken(async (token) => pages[token ?? 'first']!, 'search'))).toEqual([1, 2, 3, 4]);
  });

  it('throws instead of looping when a token comes back twice', async () => {
    const pages: Record<string, { values: number[]; nextPageToken: string }> = {
      first: { values: [1], nextPageToken: 'a' },
      a: { values: [2], nextPageToken: 'b' },
      b: { values: [3], nextPageToken: 'a' },
    };
    await expect(collect(paginateToken(async (token) => pages[token ?? 'first']!, 'POST /search/jql'))).rejects.toBeInstanceOf(JiraPaginationError);
  });
});

describe('paginateTokenPages', () => {
  const pages: Record<string, { values: number[]; nextPageToken?: string }> = {
    first: { values: [1, 2], nextPageToken: 't1' },
    t1: { values: [3], nextPageToken: 't2' },
    t2: { values: [4], nextPageToken: '' },
  };

  it('hands out each page with the token of the page after it, and none on the last', async () => {
    const seen = await collect(paginateTokenPages(async (token) => pages[token ?? 'first']!, 'search'));
    expect(seen).toEqual([{ values: [1, 2], nextPageToken: 't1' }, { values: [3], nextPageToken: 't2' }, { values: [4] }]);
  });

  it('resumes from a start token without asking for the earlier pages', async () => {
    const asked: Array<string | undefined> = [];
    const seen = await collect(paginateTokenPages(async (token) => (asked.push(token), pages[token ?? 'first']!), 'search', 't1'));
    expect(asked).toEqual(['t1', 't2']);
    expect(seen.flatMap((page) => page.values)).toEqual([3, 4]);
  });

  it('treats a server handing the start token back as a loop', async () => {
    await expect(collect(paginateTokenPages(async () => ({ values: [9], nextPageToken: 't1' }), 'search', 't1'))).rejects.toBeInstanceOf(JiraPaginationError);
  });
});

describe('paginateOffset', () => {
  it('ignores total (which ignores filters) and stops on an empty page', async () => {
    const asked: number[] = [];
    const items = await collect(paginateOffset(async (offset) => (asked.push(offset), offset < 3 ? [offset] : [])));
    expect(items).toEqual([0, 1, 2]);
    expect(asked).toEqual([0, 1, 2, 3]);
  });
});

describe('every paginator stops when the server ignores the position and repeats a page', () => {
  const ignoresPosition = <T>(page: T) => async () => page;

  it('startAt (PageBean without isLast or total)', async () => {
    const items = paginateStartAt(ignoresPosition({ values: [{ id: '1' }, { id: '2' }] }), 'GET /rest/api/3/group/bulk');
    const error = await collect(items).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(JiraPaginationError);
    expect((error as Error).message).toContain('GET /rest/api/3/group/bulk returned a page it had already returned');
  });

  it('startAt, when the repeat is of an earlier page rather than the last one', async () => {
    const pages = [{ values: [1, 2] }, { values: [3] }, { values: [1, 2] }, { values: [3] }];
    let calls = 0;
    await expect(collect(paginateStartAt(async () => pages[calls++] ?? { values: [] }))).rejects.toBeInstanceOf(JiraPaginationError);
    expect(calls).toBe(3);
  });

  it('bare array', async () => {
    await expect(collect(paginateBareArray(ignoresPosition([{ accountId: 'a' }])))).rejects.toBeInstanceOf(JiraPaginationError);
  });

  it('offset/limit', async () => {
    await expect(collect(paginateOffset(ignoresPosition([{ id: 7 }]), 'GET /rest/api/3/auditing/record'))).rejects.toThrow(/auditing\/record/);
  });

  it('still reads pages that differ, even ones that share some items', async () => {
    const pages: Record<number, number[]> = { 0: [1, 2], 2: [2, 3], 4: [] };
    expect(await collect(paginateBareArray(async (startAt) => pages[startAt] ?? []))).toEqual([1, 2, 2, 3]);
  });
});
