import { fileURLToPath } from 'node:url';
import { EncryptionCodec, type EncryptionKeys } from './encryption-codec.js';

/**
 * The failure converter module (failure-converter.cjs at the package root, one level above src and dist): it
 * encodes failure messages and stack traces as payloads, so the codec encrypts them as well.
 */
export const FAILURE_CONVERTER_PATH = fileURLToPath(new URL('../failure-converter.cjs', import.meta.url));

export interface JiraSyncDataConverter {
  payloadCodecs: EncryptionCodec[];
  failureConverterPath: string;
}

/**
 * The data converter every client and worker of jira-sync uses: default JSON payloads sealed by the codec, and
 * failures whose message and stack trace are payloads too, so nothing of an error reaches Temporal history in clear text.
 */
export function createDataConverter(encryption: EncryptionKeys): JiraSyncDataConverter {
  return { payloadCodecs: [new EncryptionCodec(encryption)], failureConverterPath: FAILURE_CONVERTER_PATH };
}
