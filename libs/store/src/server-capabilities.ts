import type { Db } from 'mongodb';

/**
 * What the connected server supports beyond the core CRUD path. Production runs MongoDB; tests run FerretDB v1,
 * which lacks text and TTL indexes, transactions and change streams. Code asks here instead of catching errors.
 */
export interface ServerCapabilities {
  readonly flavour: 'mongodb' | 'ferretdb';
  readonly version: string;
  readonly textIndexes: boolean;
  readonly ttlIndexes: boolean;
  readonly transactions: boolean;
}

/** Reads buildInfo once: FerretDB identifies itself with a `ferretdbVersion` field. */
export async function detectCapabilities(db: Db): Promise<ServerCapabilities> {
  const info = await db.admin().command({ buildInfo: 1 });
  const version = String(info['version'] ?? 'unknown');
  if ('ferretdbVersion' in info) {
    return { flavour: 'ferretdb', version, textIndexes: false, ttlIndexes: false, transactions: false };
  }
  // Transactions also need a replica set; the driver reports that per session, so only the server side is claimed here.
  return { flavour: 'mongodb', version, textIndexes: true, ttlIndexes: true, transactions: true };
}
