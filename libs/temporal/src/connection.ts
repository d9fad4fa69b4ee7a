import { Client, Connection } from '@temporalio/client';
import { createDataConverter } from './data-converter.js';
import type { EncryptionKeys } from './encryption-codec.js';

export interface TemporalOptions {
  address: string;
  namespace: string;
  encryption: EncryptionKeys;
}

/** Connects a Temporal client with the encrypting data converter. */
export async function createTemporalClient(options: TemporalOptions): Promise<{ client: Client; close: () => Promise<void> }> {
  const connection = await Connection.connect({ address: options.address, connectTimeout: '10s' });
  const client = new Client({
    connection,
    namespace: options.namespace,
    dataConverter: createDataConverter(options.encryption),
  });
  return { client, close: () => connection.close() };
}
