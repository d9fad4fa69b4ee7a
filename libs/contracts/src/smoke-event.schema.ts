import { z } from 'zod';

/** The event the smoke workflow publishes: proves api -> Temporal -> worker -> Kafka -> index -> MongoDB. */
export const ZSmokeEventSchema = z.object({
  runId: z.string().min(1),
  message: z.string().min(1),
  publishedAt: z.iso.datetime(),
});

export type TSmokeEvent = z.infer<typeof ZSmokeEventSchema>;
