export { workflowBundlerOptions } from './bundler.js';
export { createCodecEndpoint, type CodecEndpointOptions } from './codec-endpoint.js';
export { createDataConverter, createTemporalClient, type TemporalOptions } from './connection.js';
export { EncryptionCodec, type EncryptionKeys } from './encryption-codec.js';
export { DEVELOPMENT_KEY_RING, parseKeyRing } from './key-ring.js';
export { searchAttributesFor, workflowIdFor, SEARCH_ATTRIBUTE_KEYS } from './workflow-identity.js';
