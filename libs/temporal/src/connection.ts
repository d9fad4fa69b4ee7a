import { Client, Connection } from '@temporalio/client';
import { EncryptionCodec, type EncryptionKeys } from './encryption-codec.js';

export interface TemporalOptions {
  address: string;
  namespace: string;
  encryption: EncryptionKeys;
}

/** The data converter every client and worker of jira-sync uses: default JSON payloads, sealed by the codec. */
export function createDataConverter(encryption: EncryptionKeys): { payloadCodecs: EncryptionCodec[] } {
  return { payloadCodecs: [new EncryptionCodec(encryption)] };
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
