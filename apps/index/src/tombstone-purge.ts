import type { Logger } from '@jira-sync/logging';

const HOUR_MS = 3_600_000;

/**
 * Purges the store's tombstones older than `retentionHours` once an hour (libs/store README, "Tombstones"); a failed
 * purge is logged and tried again the next hour. The returned function stops it.
 */
export function startTombstonePurge(store: { purgeTombstones(deletedBefore: Date): Promise<number> }, logger: Logger, retentionHours: number): () => void {
  const purge = async () => {
    try {
      const purged = await store.purgeTombstones(new Date(Date.now() - retentionHours * HOUR_MS));
      logger.info({ purged, retentionHours }, 'tombstones purged');
    } catch (error) {
      logger.warn({ err: error }, 'purging tombstones failed; the next hour tries again');
    }
  };
  const timer = setInterval(() => void purge(), HOUR_MS);
  timer.unref();
  return () => clearInterval(timer);
}
