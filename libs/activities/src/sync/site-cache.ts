import { LRUCache } from 'lru-cache';
import type { TSyncStepInput } from './sync-context.js';

export interface TSyncRunCacheOptions {
  /** Entries kept at most (all runs together); the least recently used go first. */
  max?: number;
  /** An entry unused for this long is dropped (sliding); a sync that outlives it only loads that part again. */
  ttlMs?: number;
}

/**
 * What one sync run reads once and shares across its activities in this worker process: the opened client, the
 * site's groups, application roles and fields, each project's access model. Keyed by tenant, connector and the
 * run's generation, so two runs never share an answer; bounded, so a long-lived worker does not grow. A miss is
 * never wrong, only slower: another worker process, an evicted entry or a retried activity just loads again.
 */
export class SyncRunCache {
  private readonly entries: LRUCache<string, { value: Promise<unknown> }>;

  constructor(options: TSyncRunCacheOptions = {}) {
    this.entries = new LRUCache({ max: options.max ?? 2_000, ttl: options.ttlMs ?? 30 * 60_000, updateAgeOnGet: true });
  }

  /** The run's value for `name`, loaded once (concurrent callers share the load); a failed load is forgotten. */
  memo<T>(run: TSyncStepInput, name: string, load: () => Promise<T>): Promise<T> {
    const key = runKey(run, name);
    const hit = this.entries.get(key);
    if (hit) return hit.value as Promise<T>;
    const value = load();
    this.entries.set(key, { value });
    value.catch(() => {
      if (this.entries.peek(key)?.value === value) this.entries.delete(key);
    });
    return value;
  }

  /** Offers a value another step already read (the groups step's listing); an existing entry wins. */
  offer<T>(run: TSyncStepInput, name: string, value: T): void {
    const key = runKey(run, name);
    if (!this.entries.has(key)) this.entries.set(key, { value: Promise.resolve(value) });
  }

  get size(): number {
    return this.entries.size;
  }
}

function runKey(run: TSyncStepInput, name: string): string {
  return JSON.stringify([run.tenantId, run.connectorId, run.generation, name]);
}
