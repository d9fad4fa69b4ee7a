export { workflowBundlerOptions } from './bundler.js';
export { createCodecEndpoint, type CodecEndpointOptions } from './codec-endpoint.js';
export { createTemporalClient, type TemporalOptions } from './connection.js';
export { createDataConverter, FAILURE_CONVERTER_PATH, type JiraSyncDataConverter } from './data-converter.js';
export { EncryptionCodec, type EncryptionKeys } from './encryption-codec.js';
export { DEVELOPMENT_KEY_RING, encryptionFor, parseKeyRing, type EncryptionSettings } from './key-ring.js';
export {
  projectSyncWorkflowId,
  SEARCH_ATTRIBUTE_KEYS,
  SEARCH_ATTRIBUTE_NAMES,
  searchAttributesFor,
  syncWorkflowId,
  workflowIdFor,
} from './workflow-identity.js';
