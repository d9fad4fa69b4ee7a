import type { Collection, Db, Document } from 'mongodb';
import { keyed, readByIds } from './guarded-writes.js';

export type ChildKind = 'comments' | 'attachments';

/** A comment or attachment as the registry knows it: the issue it belongs to and its own external id. */
export interface ChildEntry {
  tenantId: string;
  connectorId: string;
  issueId: string;
  externalId: string;
}

/** Every child id ever written for one issue, per kind (tombstones included; purged ids may linger). */
export interface RegisteredChildren {
  comments: string[];
  attachments: string[];
}

/**
 * Which comments and attachments each issue has in the store, kept beside the child collections under an `_id` derived
 * from the issue's key. An issue's prune reads its children's ids here by `_id` and the children themselves by `_id`,
 * so it never filters a child collection by `issueId`: that filter scans the collection on FerretDB v1, which answers
 * only `{ _id }` from an index, and the index app prunes after every chunk. Add-only: an id is registered before its
 * child is written (a crash in between leaves an id that reads nothing, never a child no prune can find), and stays
 * after the child's tombstone is purged, where it reads nothing either.
 */
export class IssueChildRegistry {
  readonly collection: Collection<Document>;

  constructor(db: Db) {
    this.collection = db.collection('issue_children');
  }

  /** The registry document's `_id` for one issue. */
  static documentId(tenantId: string, connectorId: string, issueId: string): string {
    return JSON.stringify([tenantId, connectorId, issueId]);
  }

  /** Adds the children to their issues' entries: one `{ _id }` upsert per issue, in one bulk write. */
  async register(kind: ChildKind, children: readonly ChildEntry[]): Promise<void> {
    const byIssue = new Map<string, { entry: ChildEntry; ids: Set<string> }>();
    for (const child of children) {
      const _id = IssueChildRegistry.documentId(child.tenantId, child.connectorId, child.issueId);
      const group = byIssue.get(_id) ?? { entry: child, ids: new Set<string>() };
      group.ids.add(child.externalId);
      byIssue.set(_id, group);
    }
    if (byIssue.size === 0) return;
    await this.collection.bulkWrite(
      [...byIssue].map(([_id, { entry, ids }]) => ({
        updateOne: {
          filter: keyed({ _id }),
          update: { $addToSet: { [kind]: { $each: [...ids] } }, $setOnInsert: { tenantId: entry.tenantId, connectorId: entry.connectorId, issueId: entry.issueId } },
          upsert: true,
        },
      })),
      { ordered: false },
    );
  }

  /** The registered children of these issues (an issue with none registered is absent from the map). */
  async childrenOf(tenantId: string, connectorId: string, issueIds: readonly string[]): Promise<Map<string, RegisteredChildren>> {
    const docs = await readByIds(this.collection, issueIds.map((issueId) => IssueChildRegistry.documentId(tenantId, connectorId, issueId)));
    return new Map(
      docs.map((doc) => [
        String(doc['issueId']),
        { comments: stringsOf(doc['comments']), attachments: stringsOf(doc['attachments']) },
      ]),
    );
  }
}

function stringsOf(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}
