import { MongoClient, type Db } from 'mongodb';
import { detectCapabilities, type ServerCapabilities } from './server-capabilities.js';

export interface StoreOptions {
  /** A MongoDB connection string; credentials in it are never logged by this lib. */
  uri: string;
  dbName: string;
  appName?: string;
}

export interface StoreConnection {
  readonly client: MongoClient;
  readonly db: Db;
  readonly capabilities: ServerCapabilities;
  close(): Promise<void>;
}

/** Connects, checks the server answers, and learns what it supports. */
export async function connectStore(options: StoreOptions): Promise<StoreConnection> {
  const client = new MongoClient(options.uri, {
    appName: options.appName ?? 'jira-sync',
    serverSelectionTimeoutMS: 10_000,
  });
  await client.connect();
  try {
    const db = client.db(options.dbName);
    const capabilities = await detectCapabilities(db);
    return { client, db, capabilities, close: () => client.close() };
  } catch (error) {
    await client.close();
    throw error;
  }
}
