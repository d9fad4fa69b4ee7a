import { NOT_DELETED } from '@jira-sync/store';
import type { Collection, Document, Filter } from 'mongodb';
import { z } from 'zod';
import type { ApiContext } from '../../context.js';
import { badInput } from '../../errors.js';
import { ZIdSchema } from '../../schemas.js';

export const RECORD_KINDS = ['issue', 'comment', 'attachment', 'project', 'user', 'group'] as const;
export type TRecordKindName = (typeof RECORD_KINDS)[number];

const ZCursorSchema = z.string().max(500).optional();

export const ZPageSchema = z.object({
  connectorId: ZIdSchema,
  kind: z.enum(RECORD_KINDS).default('issue'),
  cursor: ZCursorSchema,
  limit: z.number().int().min(1).max(200).default(50),
});

export function collectionOf(ctx: ApiContext, kind: TRecordKindName): Collection<Document> {
  const { records } = ctx;
  const byKind = { issue: records.issues, comment: records.comments, attachment: records.attachments, project: records.projects, user: records.users, group: records.groups };
  return byKind[kind].raw;
}

function decodeCursor(cursor: string | undefined): string | undefined {
  if (cursor === undefined) return undefined;
  try {
    const parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as { after?: unknown };
    if (typeof parsed.after === 'string') return parsed.after;
  } catch {
    // fall through to the field error
  }
  throw badInput(['cursor'], 'is not a cursor this api issued; pass nextCursor from the previous page unchanged, or omit it for the first page');
}

function encodeCursor(after: string): string {
  return Buffer.from(JSON.stringify({ after }), 'utf8').toString('base64url');
}

/**
 * One page of the live records matching `filter` (tombstones of deleted records never), ordered by external id;
 * `nextCursor` is absent on the last page.
 */
export async function pageOf(collection: Collection<Document>, filter: Filter<Document>, cursor: string | undefined, limit: number) {
  const after = decodeCursor(cursor);
  const query = { $and: [filter, NOT_DELETED, ...(after === undefined ? [] : [{ externalId: { $gt: after } }])] };
  const docs = await collection.find(query, { projection: { _id: 0 } }).sort({ externalId: 1 }).limit(limit + 1).toArray();
  const items = docs.slice(0, limit);
  const last = items.at(-1);
  return { items, nextCursor: docs.length > limit && last ? encodeCursor(String(last['externalId'])) : undefined };
}
