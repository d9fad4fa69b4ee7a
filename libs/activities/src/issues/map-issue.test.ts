import type { TComment, TIssue } from '@jira-sync/jira-client';
import { describe, expect, it } from 'vitest';
import { bytesOver, MAX_RECORD_BYTES } from './fit-record.js';
import { mapIssue, type TMapIssueContext } from './map-issue.js';

const context: TMapIssueContext = {
  siteUrl: 'https://acme.example.test',
  project: { id: '10000', key: 'SHOP' },
  access: { projectId: '10000', browse: [{ type: 'anyone' }], administer: [], levels: new Map(), applicationRoleGroups: new Map(), roleIdByName: new Map(), groupIdByName: new Map() },
  fields: new Map([['customfield_10100', { name: 'Notes', type: 'string' }]]),
};

const doc = (text: string) => ({ type: 'doc', version: 1, content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] });

function rawIssue(description: string, fields: Record<string, unknown> = {}): TIssue {
  return { id: '10001', key: 'SHOP-1', fields: { summary: 'Big', description: doc(description), created: '2026-11-01T10:00:00.000+0000', updated: '2026-11-02T10:00:00.000+0000', ...fields } } as TIssue;
}

const comment = (id: string, text: string): TComment => ({ id, body: doc(text), created: '2026-11-01T11:00:00.000+0000' }) as TComment;

describe('mapIssue', () => {
  it('carries the description once, as block group 0 with its media, and the comments as group 1 under it', () => {
    const mapped = mapIssue(rawIssue('Steps to reproduce'), [comment('1', 'first')], context);
    expect(mapped.issue).not.toHaveProperty('descriptionMarkdown');
    expect(mapped.issue.blockGroups).toEqual([
      { index: 0, kind: 'description', markdown: 'Steps to reproduce\n', mediaIds: [] },
      { index: 1, parentIndex: 0, kind: 'comments', mediaIds: [] },
    ]);
    expect(mapped.comments.map((block) => [block.blockGroupIndex, block.blockIndex, block.markdown])).toEqual([[1, 0, 'first\n']]);
    expect(mapped.problems).toEqual([]);
    expect(mapped.issue.warnings).toBeUndefined();
  });

  it('keeps a 5 MB description whole: it fits one record', () => {
    const text = 'x'.repeat(5 * 1024 * 1024);
    const mapped = mapIssue(rawIssue(text), [], context);
    expect(mapped.issue.blockGroups[0]?.markdown).toBe(`${text}\n`);
    expect(mapped.problems).toEqual([]);
  });

  it('cuts a description too large for one record to fit, with a note, a warning on the record and a problem naming the issue', () => {
    const text = 'é'.repeat(9 * 1024 * 1024); // 18 MiB of UTF-8
    const mapped = mapIssue(rawIssue(text, { customfield_10100: 'kept whole' }), [comment('1', 'small')], context);
    const markdown = mapped.issue.blockGroups[0]!.markdown!;
    expect(bytesOver(mapped.issue)).toBe(0);
    expect(Buffer.byteLength(markdown)).toBeGreaterThan(MAX_RECORD_BYTES - 1024 * 1024);
    expect(markdown.startsWith('éé')).toBe(true);
    expect(markdown).toMatch(/\[jira-sync: truncated: the first \d+ of 1887436[89] bytes are stored/);
    expect(markdown).not.toContain('\uFFFD');
    expect(mapped.issue.customFields[0]?.value).toBe('kept whole');
    expect(mapped.issue.warnings?.[0]).toMatch(/^description: truncated to its first \d+ of 1887436[89] bytes/);
    expect(mapped.problems).toEqual([expect.stringMatching(/^SHOP-1: description: truncated/)]);
    expect(mapped.comments[0]?.markdown).toBe('small\n');
  });

  it('cuts a single comment too large for its own record, and says so on the issue', () => {
    const mapped = mapIssue(rawIssue('short'), [comment('7', 'a'.repeat(17 * 1024 * 1024)), comment('8', 'next')], context);
    expect(bytesOver(mapped.comments[0])).toBe(0);
    expect(mapped.comments[0]?.markdown).toContain('[jira-sync: truncated');
    expect(mapped.comments[1]?.markdown).toBe('next\n');
    expect(mapped.issue.commentIds).toEqual(['7', '8']);
    expect(mapped.issue.warnings?.[0]).toMatch(/^comment 7: truncated/);
    expect(mapped.problems).toHaveLength(1);
  });
});

describe('bytesOver', () => {
  it('counts BSON array overhead that JSON does not have, and JSON escapes that BSON does not have', () => {
    const labels = Array.from({ length: 1_000 }, () => 'a');
    expect(bytesOver({ labels }, 8_000)).toBeGreaterThan(0); // ~4 kB of JSON, ~12 kB of BSON
    expect(bytesOver({ text: '\u0001'.repeat(1_000) }, 2_000)).toBeGreaterThan(0); // 1 kB of BSON, 6 kB of JSON
    expect(bytesOver({ text: 'plain' }, 2_000)).toBe(0);
  });
});
