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

  /**
   * Adds the children to their issues' entries. Without `known`: one `{ _id }` upsert per issue, in one bulk write.
   * With it: each issue's entry is updated and returned in one round trip (findOneAndUpdate), and `known` keeps it, so
   * a later `childrenOf` through the same `known` needs no read; children `known` already lists are not written again.
   */
  async register(kind: ChildKind, children: readonly ChildEntry[], known?: KnownChildren): Promise<void> {
    const byIssue = new Map<string, { entry: ChildEntry; ids: Set<string> }>();
    for (const child of children) {
      const _id = IssueChildRegistry.documentId(child.tenantId, child.connectorId, child.issueId);
      if (known?.get(_id)?.[kind].includes(child.externalId)) continue;
      const group = byIssue.get(_id) ?? { entry: child, ids: new Set<string>() };
      group.ids.add(child.externalId);
      byIssue.set(_id, group);
    }
    if (byIssue.size === 0) return;
    const updateOf = ({ entry, ids }: { entry: ChildEntry; ids: Set<string> }) => ({
      $addToSet: { [kind]: { $each: [...ids] } },
      $setOnInsert: { tenantId: entry.tenantId, connectorId: entry.connectorId, issueId: entry.issueId },
    });
    if (!known) {
      await this.collection.bulkWrite([...byIssue].map(([_id, group]) => ({ updateOne: { filter: keyed({ _id }), update: updateOf(group), upsert: true } })), { ordered: false });
      return;
    }
    const groups = [...byIssue];
    for (let start = 0; start < groups.length; start += RETURNED_IN_FLIGHT) {
      await Promise.all(
        groups.slice(start, start + RETURNED_IN_FLIGHT).map(async ([_id, group]) => {
          const after = await this.collection.findOneAndUpdate(keyed({ _id }), updateOf(group), { upsert: true, returnDocument: 'after' });
          known.set(_id, listsOf(after));
        }),
      );
    }
  }

  /**
   * The registered children of these issues (an issue with none registered is absent from the map). With `known`, the
   * entries it holds are not read, and those read are kept there (an issue with none as empty lists).
   */
  async childrenOf(tenantId: string, connectorId: string, issueIds: readonly string[], known?: KnownChildren): Promise<Map<string, RegisteredChildren>> {
    const idOf = (issueId: string) => IssueChildRegistry.documentId(tenantId, connectorId, issueId);
    const found = new Map<string, RegisteredChildren>();
    const missing: string[] = [];
    for (const issueId of issueIds) {
      const entry = known?.get(idOf(issueId));
      if (entry) found.set(issueId, entry);
      else missing.push(issueId);
    }
    const docs = await readByIds(this.collection, missing.map(idOf));
    for (const issueId of missing) known?.set(idOf(issueId), { comments: [], attachments: [] });
    for (const doc of docs) {
      const lists = listsOf(doc);
      found.set(String(doc['issueId']), lists);
      known?.set(String(doc['_id']), lists);
    }
    return found;
  }
}

/**
 * Registry entries as one unit of work last saw them, by registry `_id`: read, or returned by a registration through
 * it. Sound only while every registration of those issues goes through it (the index app keeps one per consumed batch
 * of a partition, where all events of an issue's children arrive), since an entry missing a registered child would
 * hide that child from its issue's prune.
 */
export type KnownChildren = Map<string, RegisteredChildren>;

/** Registrations returned at once: FerretDB v1 spends more per operation the more run concurrently. */
const RETURNED_IN_FLIGHT = 8;

function listsOf(doc: Document | null): RegisteredChildren {
  return { comments: stringsOf(doc?.['comments']), attachments: stringsOf(doc?.['attachments']) };
}

function stringsOf(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}
