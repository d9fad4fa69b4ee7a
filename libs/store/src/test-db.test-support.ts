import { randomBytes, randomUUID } from 'node:crypto';
import { connectStore, type StoreConnection } from './connect-store.js';
import { CredentialSealer } from './credential-sealer.js';

/** One database per test file, named uniquely; the caller drops it in afterAll. */
export function connectTestStore(prefix: string): Promise<StoreConnection> {
  return connectStore({ uri: 'mongodb://127.0.0.1:27017', dbName: `test_${prefix}_${randomUUID().slice(0, 8)}` });
}

export function testSealer(): CredentialSealer {
  return new CredentialSealer({ currentKeyId: 'test', keys: new Map([['test', randomBytes(32)]]) });
}

export async function dropTestStore(store: StoreConnection | undefined): Promise<void> {
  if (!store) return;
  await store.db.dropDatabase();
  await store.close();
}
