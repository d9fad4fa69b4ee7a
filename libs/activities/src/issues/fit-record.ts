import { MAX_RECORD_EVENT_BYTES } from '@jira-sync/contracts';

/** MongoDB's largest BSON document (FerretDB v1 keeps the same limit): every record the index stores must fit in one. */
const MAX_STORED_DOCUMENT_BYTES = 16 * 1024 * 1024;

/**
 * The largest record one event may carry, measured as JSON (what Kafka carries) and as BSON (what the index stores):
 * 1 MiB under both the records topic's message limit (room for the CloudEvents envelope and key) and MongoDB's document
 * limit (room for the tenant, connector, id, revision and provenance stored beside the record). A record that fits can
 * always be published and always be written.
 */
export const MAX_RECORD_BYTES = Math.min(MAX_RECORD_EVENT_BYTES, MAX_STORED_DOCUMENT_BYTES) - 1024 * 1024;

/** Room kept for the note that closes a cut text. */
const NOTE_BYTES = 256;

function valueBytes(value: unknown): number {
  if (typeof value === 'string') return 4 + Buffer.byteLength(value, 'utf8') + 1;
  if (typeof value === 'number') return 8;
  if (typeof value === 'boolean') return 1;
  if (Array.isArray(value)) return documentBytes(value.map((item, index): [string, unknown] => [String(index), item]));
  if (value !== null && typeof value === 'object') return documentBytes(Object.entries(value));
  return 0;
}

function documentBytes(entries: ReadonlyArray<[string, unknown]>): number {
  let total = 4 + 1;
  for (const [key, item] of entries) total += 1 + Buffer.byteLength(key, 'utf8') + 1 + valueBytes(item);
  return total;
}

/** How many bytes the record is over `limit` as BSON (an upper bound: every number counted as a double) or as JSON; 0 if it fits. */
export function bytesOver(record: unknown, limit = MAX_RECORD_BYTES): number {
  const bson = valueBytes(record);
  // JSON spends at most 6 bytes per BSON byte (a control character as \u00XX): only a record that large is stringified.
  const size = bson * 6 <= limit ? bson : Math.max(bson, Buffer.byteLength(JSON.stringify(record), 'utf8'));
  return Math.max(0, size - limit);
}

/** A text cut to fit: its first bytes (whole characters), then a note saying how much of it was kept. */
interface TCutText {
  text: string;
  keptBytes: number;
  totalBytes: number;
}

/** Cuts `text` by at least `overBytes` (plus the note's room) at a character boundary and appends the note. */
function cutText(text: string, overBytes: number): TCutText {
  const bytes = Buffer.from(text, 'utf8');
  let end = Math.max(0, bytes.length - overBytes - NOTE_BYTES);
  while (end > 0 && end < bytes.length && (bytes[end]! & 0xc0) === 0x80) end -= 1;
  const note = `\n\n[jira-sync: truncated: the first ${end} of ${bytes.length} bytes are stored, the rest did not fit one record; read it in Jira]`;
  return { text: bytes.subarray(0, end).toString('utf8') + note, keptBytes: end, totalBytes: bytes.length };
}

/** One text of a record that may be cut: how to read and replace it, and what to call it in a warning. */
interface TCuttable {
  label: string;
  get(): string;
  set(text: string): void;
}

/**
 * Keeps a record under MAX_RECORD_BYTES by cutting its largest texts first, each only as far as needed. Returns one
 * warning per cut text (none when the record fits). A record still over after every text is cut is left to the
 * publisher, which refuses it with RecordEventTooLargeError (reported, never retried).
 */
export function fitRecord(record: unknown, texts: readonly TCuttable[], limit = MAX_RECORD_BYTES): string[] {
  const warnings: string[] = [];
  let over = bytesOver(record, limit);
  const bySize = [...texts].sort((left, right) => Buffer.byteLength(right.get(), 'utf8') - Buffer.byteLength(left.get(), 'utf8'));
  for (const text of bySize) {
    if (over === 0) break;
    const cut = cutText(text.get(), over);
    text.set(cut.text);
    warnings.push(`${text.label}: truncated to its first ${cut.keptBytes} of ${cut.totalBytes} bytes, so the record fits one Kafka event and one MongoDB document (${limit} bytes)`);
    over = bytesOver(record, limit);
  }
  return warnings;
}
