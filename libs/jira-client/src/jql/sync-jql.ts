import { formatJqlLocalMinute } from './jira-timestamp.js';

const MINUTE = 60_000;

/** How the builder writes instants: zone-free epoch ms (default), or minute literals in the API user's zone. */
export type JqlDateFormat = { kind: 'epoch-ms' } | { kind: 'local'; timeZone: string };

export interface JqlRange {
  /** Inclusive lower bound. */
  from?: Date | number;
  /** Inclusive upper bound. */
  to?: Date | number;
}

export interface SyncJqlOptions {
  /** Project keys or ids to include (`project in (...)`). */
  projectsIn?: string[];
  /** Project keys or ids to leave out (`project not in (...)`). */
  projectsNotIn?: string[];
  updated?: JqlRange;
  created?: JqlRange;
  /** Incremental checkpoint: `updated >= checkpoint - overlap` (absorbs search lag; dedupe by id + updated). */
  checkpoint?: { updatedAt: Date | number; overlapMs?: number };
  /** Default epoch-ms. For 'local', pass the API user's `timeZone` from /myself: Jira reads literals in that zone. */
  dateFormat?: JqlDateFormat;
}

/** Quotes a JQL value (project keys, ids) with escapes. */
export function quoteJqlValue(value: string): string {
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

function toMs(value: Date | number): number {
  return typeof value === 'number' ? value : value.getTime();
}

function rangeClauses(field: string, range: JqlRange | undefined, format: JqlDateFormat): string[] {
  const clauses: string[] = [];
  if (range?.from !== undefined) {
    const from = toMs(range.from);
    // A minute literal means hh:mm:00.000 in the user's zone: writing the floor of `from` never skips an update.
    clauses.push(format.kind === 'local' ? `${field} >= "${formatJqlLocalMinute(from, format.timeZone)}"` : `${field} >= ${from}`);
  }
  if (range?.to !== undefined) {
    const to = toMs(range.to);
    // `<= hh:mm` would drop hh:mm:00.001..59.999; use `<` the next minute instead.
    const nextMinute = Math.floor(to / MINUTE) * MINUTE + MINUTE;
    clauses.push(format.kind === 'local' ? `${field} < "${formatJqlLocalMinute(nextMinute, format.timeZone)}"` : `${field} <= ${to}`);
  }
  return clauses;
}

/**
 * Builds the sync's JQL: project scope, In / Not In, created/updated ranges and checkpoint, always bounded (Jira
 * refuses unbounded enhanced search) and ordered `ORDER BY updated ASC, key ASC` (a unique tie-break).
 */
export function buildSyncJql(options: SyncJqlOptions = {}): string {
  const format = options.dateFormat ?? { kind: 'epoch-ms' };
  const clauses: string[] = [];
  if (options.projectsIn?.length) clauses.push(`project in (${options.projectsIn.map(quoteJqlValue).join(', ')})`);
  if (options.projectsNotIn?.length) clauses.push(`project not in (${options.projectsNotIn.map(quoteJqlValue).join(', ')})`);
  const updated: JqlRange = { ...options.updated };
  if (options.checkpoint) {
    const from = toMs(options.checkpoint.updatedAt) - (options.checkpoint.overlapMs ?? 5 * MINUTE);
    updated.from = updated.from === undefined ? from : Math.max(toMs(updated.from), from);
  }
  clauses.push(...rangeClauses('updated', updated, format), ...rangeClauses('created', options.created, format));
  if (clauses.length === 0) clauses.push('created >= 0');
  return `${clauses.join(' AND ')} ORDER BY updated ASC, key ASC`;
}
