export { connectStore, type StoreConnection, type StoreOptions } from './connect-store.js';
export { detectCapabilities, type ServerCapabilities } from './server-capabilities.js';
export { DuplicateKeyError, isDuplicateKeyError } from './store-errors.js';
export { CredentialSealError, CredentialSealer, type SealedValue, type SealerKeyRing } from './credential-sealer.js';
export { ConnectorExistsError, ConnectorNotFoundError } from './connector-errors.js';
export { ConnectorRepository, credentialsContext, type StoredConnector, type TConnectorConfigPatch } from './connector.repository.js';
export { MongoTokenStore, NoOAuthCredentialsError, type MongoTokenStoreOptions, type OAuthTokenSet } from './mongo-token-store.js';
export {
  NOT_DELETED,
  RecordRepository,
  type FindOptions,
  type RecordCollectionOptions,
  type RecordDeletion,
  type RecordKey,
  type RecordMeta,
  type RecordRevisionKey,
  type RecordRow,
  type RecordWriteOptions,
  type RecordTombstone,
  type StoredRecord,
  type UpsertResult,
} from './record.repository.js';
export { IssueChildRegistry, type ChildEntry, type ChildKind, type KnownChildren, type RegisteredChildren } from './issue-children.registry.js';
export { IssueRepository, type PruneOptions, type TPrunePlan } from './issue.repository.js';
export { principalsOf, readableFilter, type ConnectorScope, type PrincipalSources } from './readable-by.js';
export { RecordStore, type ReadableKind } from './record-store.js';
export { AttachmentContentStore, type AttachmentScope, type PutOptions } from './attachment-content.store.js';
export { StoredIdsReader, type StoredRef } from './stored-ids.reader.js';
export { SyncStateRepository, type ConnectorSyncState, type ProjectCheckpoint } from './sync-state.repository.js';
export { TenantRepository, type StoredTenant } from './tenant.repository.js';
export { ApiKeyRepository, type ApiKeySummary, type IssuedApiKey } from './api-key.repository.js';
