import type { Collection, Db } from 'mongodb';
import { DuplicateKeyError, isDuplicateKeyError } from './store-errors.js';

/** A tenant: the unit every connector, record and API key belongs to. */
export interface StoredTenant {
  tenantId: string;
  name: string;
  createdAt: Date;
}

/** Collection `tenants`: one document per tenant id. */
export class TenantRepository {
  static readonly collectionName = 'tenants';
  private readonly collection: Collection<StoredTenant>;

  constructor(db: Db) {
    this.collection = db.collection<StoredTenant>(TenantRepository.collectionName);
  }

  async ensureIndexes(): Promise<void> {
    await this.collection.createIndex({ tenantId: 1 }, { unique: true, name: 'tenant_unique' });
  }

  /** Stores a new tenant; an existing id raises DuplicateKeyError. */
  async create(tenantId: string, name: string): Promise<StoredTenant> {
    const tenant: StoredTenant = { tenantId, name, createdAt: new Date() };
    try {
      await this.collection.insertOne({ ...tenant });
    } catch (error) {
      if (isDuplicateKeyError(error)) throw new DuplicateKeyError(TenantRepository.collectionName, { tenantId });
      throw error;
    }
    return tenant;
  }

  async get(tenantId: string): Promise<StoredTenant | null> {
    return this.collection.findOne({ tenantId }, { projection: { _id: 0 } });
  }
}
