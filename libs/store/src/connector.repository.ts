import {
  Secret,
  ZConnectorConfigSchema,
  ZConnectorCredentialsSchema,
  type TConnectorConfig,
  type TConnectorConfigInput,
  type TConnectorCredentials,
} from '@jira-sync/contracts';
import type { Collection, Db } from 'mongodb';
import { ConnectorExistsError, ConnectorNotFoundError } from './connector-errors.js';
import type { CredentialSealer, SealedValue } from './credential-sealer.js';
import { isDuplicateKeyError } from './store-errors.js';

/** A stored connector: its config in the clear, its credentials only sealed (aad `<tenantId>/<connectorId>`). */
export interface StoredConnector {
  tenantId: string;
  connectorId: string;
  config: TConnectorConfig;
  credentials: SealedValue;
  /** Incremented on every credentials write: the compare-and-set guard of token refreshes. */
  credentialsVersion: number;
  createdAt: Date;
  updatedAt: Date;
}

/** A credentials version taken by one writer (see `replaceCredentialsIf`). */
interface CredentialClaim {
  _id: string;
  tenantId: string;
  connectorId: string;
  version: number;
  claimedAt: Date;
}

/** Config fields an update may change (the identity stays). */
export type TConnectorConfigPatch = Partial<Omit<TConnectorConfigInput, 'tenantId' | 'connectorId'>>;

export function credentialsContext(tenantId: string, connectorId: string): string {
  return `${tenantId}/${connectorId}`;
}

/** Connector instances: one document per tenant + connector id. */
export class ConnectorRepository {
  static readonly collectionName = 'connectors';
  static readonly claimsCollectionName = 'connector_credential_claims';
  private readonly collection: Collection<StoredConnector>;
  private readonly claims: Collection<CredentialClaim>;

  constructor(
    db: Db,
    private readonly sealer: CredentialSealer,
  ) {
    this.collection = db.collection<StoredConnector>(ConnectorRepository.collectionName);
    this.claims = db.collection<CredentialClaim>(ConnectorRepository.claimsCollectionName);
  }

  async ensureIndexes(): Promise<void> {
    await this.collection.createIndex({ tenantId: 1, connectorId: 1 }, { unique: true, name: 'tenant_connector_unique' });
  }

  /** Validates and stores a new connector; an existing tenant + connector id raises ConnectorExistsError. */
  async create(input: TConnectorConfigInput, credentials: TConnectorCredentials): Promise<TConnectorConfig> {
    const config = ZConnectorConfigSchema.parse(input);
    const parsed = ZConnectorCredentialsSchema.parse(credentials);
    const now = new Date();
    try {
      await this.collection.insertOne({
        tenantId: config.tenantId,
        connectorId: config.connectorId,
        config,
        credentials: this.seal(config.tenantId, config.connectorId, parsed),
        credentialsVersion: 1,
        createdAt: now,
        updatedAt: now,
      });
    } catch (error) {
      if (isDuplicateKeyError(error)) throw new ConnectorExistsError(config.tenantId, config.connectorId);
      throw error;
    }
    return config;
  }

  async get(tenantId: string, connectorId: string): Promise<TConnectorConfig | null> {
    const doc = await this.collection.findOne({ tenantId, connectorId }, { projection: { config: 1 } });
    return doc ? ZConnectorConfigSchema.parse(doc.config) : null;
  }

  async getCredentials(tenantId: string, connectorId: string): Promise<Secret<TConnectorCredentials> | null> {
    const current = await this.getSealedCredentials(tenantId, connectorId);
    return current ? new Secret(current.credentials) : null;
  }

  /** The opened credentials with the version a compare-and-set write must name. */
  async getSealedCredentials(tenantId: string, connectorId: string): Promise<{ credentials: TConnectorCredentials; version: number } | null> {
    const doc = await this.collection.findOne({ tenantId, connectorId }, { projection: { credentials: 1, credentialsVersion: 1 } });
    if (!doc) return null;
    const plaintext = this.sealer.open(doc.credentials, credentialsContext(tenantId, connectorId));
    return { credentials: ZConnectorCredentialsSchema.parse(JSON.parse(plaintext)), version: doc.credentialsVersion };
  }

  /** Replaces the credentials only if they are still at `expectedVersion`; false when another writer came first. */
  async replaceCredentialsIf(tenantId: string, connectorId: string, credentials: TConnectorCredentials, expectedVersion: number): Promise<boolean> {
    const parsed = ZConnectorCredentialsSchema.parse(credentials);
    // The version is claimed first with an insert of a unique _id, which every MongoDB-wire server makes atomic: the
    // filtered update below is atomic on MongoDB, but FerretDB v1 lets two concurrent ones both match. A claim that
    // lost its update (a crash in between) only blocks a pair that was lost with that process anyway.
    const claimId = `${credentialsContext(tenantId, connectorId)}@${expectedVersion}`;
    try {
      await this.claims.insertOne({ _id: claimId, tenantId, connectorId, version: expectedVersion, claimedAt: new Date() });
    } catch (error) {
      if (isDuplicateKeyError(error)) return false;
      throw error;
    }
    const result = await this.collection.updateOne(
      { tenantId, connectorId, credentialsVersion: expectedVersion },
      { $set: { credentials: this.seal(tenantId, connectorId, parsed), updatedAt: new Date() }, $inc: { credentialsVersion: 1 } },
    );
    if (result.matchedCount === 1) await this.claims.deleteMany({ tenantId, connectorId, version: { $lt: expectedVersion } });
    return result.matchedCount === 1;
  }

  /** Merges the patch into the stored config, validates the result and stores it. */
  async updateConfig(tenantId: string, connectorId: string, patch: TConnectorConfigPatch): Promise<TConnectorConfig> {
    const current = await this.get(tenantId, connectorId);
    if (!current) throw new ConnectorNotFoundError(tenantId, connectorId);
    const config = ZConnectorConfigSchema.parse({ ...current, ...patch, tenantId, connectorId });
    const result = await this.collection.updateOne({ tenantId, connectorId }, { $set: { config, updatedAt: new Date() } });
    if (result.matchedCount === 0) throw new ConnectorNotFoundError(tenantId, connectorId);
    return config;
  }

  /** Removes the connector; true when it existed. */
  async delete(tenantId: string, connectorId: string): Promise<boolean> {
    const deleted = (await this.collection.deleteOne({ tenantId, connectorId })).deletedCount === 1;
    // A connector created again under the same ids starts at version 1: its claims must not be taken already.
    await this.claims.deleteMany({ tenantId, connectorId });
    return deleted;
  }

  async list(tenantId: string): Promise<TConnectorConfig[]> {
    const docs = await this.collection.find({ tenantId }, { projection: { config: 1 } }).sort({ connectorId: 1 }).toArray();
    return docs.map((doc) => ZConnectorConfigSchema.parse(doc.config));
  }

  private seal(tenantId: string, connectorId: string, credentials: TConnectorCredentials): SealedValue {
    return this.sealer.seal(JSON.stringify(credentials), credentialsContext(tenantId, connectorId));
  }
}
