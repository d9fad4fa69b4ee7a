import { ZRecordEventSchema, type TRecordEvent } from '@jira-sync/contracts';
import type { KafkaMessage } from 'kafkajs';

export type ParsedRecordMessage =
  | { ok: true; message: KafkaMessage; event: TRecordEvent }
  | { ok: false; message: KafkaMessage; error: string };

/** Parses and validates one message; what is wrong is returned (never thrown) so the partition keeps flowing. */
export function parseRecordMessage(message: KafkaMessage): ParsedRecordMessage {
  if (!message.value) return { ok: false, message, error: 'message has no value (a tombstone is not a record event)' };
  let json: unknown;
  try {
    json = JSON.parse(message.value.toString('utf8'));
  } catch (error) {
    return { ok: false, message, error: `value is not JSON: ${(error as Error).message}` };
  }
  const parsed = ZRecordEventSchema.safeParse(json);
  if (parsed.success) return { ok: true, message, event: parsed.data };
  const issues = parsed.error.issues.slice(0, 5).map((issue) => `${issue.path.map(String).join('.') || '(event)'}: ${issue.message}`);
  return { ok: false, message, error: `not a valid record event: ${issues.join('; ')}` };
}
