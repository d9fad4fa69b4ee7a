import { z } from 'zod';

/**
 * Orders versions of one record so a consumer ignores stale replays: Jira's `updated` (epoch ms, 0 where Jira has
 * none) first, then the sync generation (the run's start, epoch ms), both zero-padded so string order is numeric
 * order. Equal revisions are the same version: a redelivery is acknowledged without a second write.
 */
export const ZRevisionSchema = z.string().regex(/^\d{15}\.\d{15}$/, 'must be <updated ms>.<generation> zero-padded to 15 digits');
export type TRevision = z.infer<typeof ZRevisionSchema>;

/** Builds a revision from Jira's updated time (epoch ms, or 0) and the sync generation. */
export function revisionOf(updatedMs: number, generation: number): TRevision {
  if (!Number.isSafeInteger(updatedMs) || updatedMs < 0) throw new RangeError(`revisionOf: updatedMs must be a non-negative integer, got ${updatedMs}`);
  if (!Number.isSafeInteger(generation) || generation < 0) throw new RangeError(`revisionOf: generation must be a non-negative integer, got ${generation}`);
  return `${String(updatedMs).padStart(15, '0')}.${String(generation).padStart(15, '0')}`;
}
