import type { Collection, Document } from 'mongodb';
import type { ConnectorScope } from './readable-by.js';
import { NOT_DELETED } from './record.repository.js';
import type { RecordStore } from './record-store.js';

/** A live stored record's id and revision (what a deletion needs to outrank it), with its project where it has one. */
export interface StoredRef {
  externalId: string;
  revision: string;
  projectId?: string;
}

const PROJECTION = { _id: 0, externalId: 1, revision: 1, projectId: 1 } as const;
/** Documents per round trip when streaming ids: a few hundred KB, whatever the project's size. */
const BATCH_SIZE = 1_000;

function toRef(document: Document): StoredRef {
  return {
    externalId: String(document['externalId']),
    revision: String(document['revision']),
    ...(typeof document['projectId'] === 'string' ? { projectId: document['projectId'] } : {}),
  };
}

/**
 * What the deletion step reads from the store: the ids it compares with Jira's, streamed with a cursor (never a
 * whole project's ids in one array), and the projects the store still holds records of.
 */
export class StoredIdsReader {
  constructor(private readonly store: RecordStore) {}

  /** The live issues stored under a project, streamed. */
  issuesOfProject(scope: ConnectorScope, projectId: string): AsyncIterable<StoredRef> {
    return this.stream(this.store.issues.raw, { ...scope, projectId, ...NOT_DELETED });
  }

  /**
   * Every live issue of the connector, streamed: the deletion step reads the issues collection once for all its
   * projects (FerretDB v1 answers a filter on `projectId` by a pass over the whole collection, so one pass per project
   * would cost a project count of passes).
   */
  liveIssues(scope: ConnectorScope): AsyncIterable<StoredRef> {
    return this.stream(this.store.issues.raw, { ...scope, ...NOT_DELETED });
  }

  /** The live roles (role and lead documents) of a project. */
  rolesOfProject(scope: ConnectorScope, projectId: string): AsyncIterable<StoredRef> {
    return this.stream(this.store.roles.raw, { ...scope, projectId, ...NOT_DELETED });
  }

  /** The live project record of a project, if stored. */
  async project(scope: ConnectorScope, projectId: string): Promise<StoredRef | undefined> {
    const found = await this.store.projects.raw.findOne({ ...scope, externalId: projectId, ...NOT_DELETED }, { projection: PROJECTION });
    return found ? toRef(found) : undefined;
  }

  /**
   * Every project id the store holds a live project, role or issue record of (an issue may outlive a project record
   * never written); `{ issues: false }` leaves the issues out, for a caller that streams them anyway.
   */
  async projectIds(scope: ConnectorScope, options: { issues?: boolean } = {}): Promise<string[]> {
    const filter = { ...scope, ...NOT_DELETED };
    const collections = [this.store.projects.raw, this.store.roles.raw, ...(options.issues === false ? [] : [this.store.issues.raw])];
    const lists = await Promise.all(collections.map((collection) => collection.distinct('projectId', filter)));
    return [...new Set(lists.flat().filter((id): id is string => typeof id === 'string'))].sort();
  }

  /** The live stored issues among `ids` (exact ids). */
  async issuesByIds(scope: ConnectorScope, ids: readonly string[]): Promise<StoredRef[]> {
    if (ids.length === 0) return [];
    const found = await this.store.issues.raw.find({ ...scope, externalId: { $in: [...ids] }, ...NOT_DELETED }, { projection: PROJECTION }).toArray();
    return found.map(toRef);
  }

  private async *stream(collection: Collection<Document>, filter: Document): AsyncIterable<StoredRef> {
    const cursor = collection.find(filter, { projection: PROJECTION, batchSize: BATCH_SIZE });
    try {
      for await (const document of cursor) yield toRef(document);
    } finally {
      await cursor.close();
    }
  }
}
