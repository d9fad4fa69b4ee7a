import { z } from 'zod';

/** Input of the smoke workflow: a message to carry through every server of the stack. */
export const ZSmokeWorkflowInputSchema = z.object({
  runId: z.string().min(1).max(128),
  message: z.string().min(1).max(1_000),
});
export type TSmokeWorkflowInput = z.infer<typeof ZSmokeWorkflowInputSchema>;

/** Where the smoke event landed in Kafka. */
export const ZSmokeWorkflowResultSchema = z.object({
  runId: z.string(),
  topic: z.string(),
  partition: z.number().int(),
  offset: z.string(),
});
export type TSmokeWorkflowResult = z.infer<typeof ZSmokeWorkflowResultSchema>;
