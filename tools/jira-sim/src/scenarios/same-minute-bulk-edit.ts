/**
 * Switch sameMinuteIssues (issue #11): a bulk edit that leaves more issues sharing one `updated` minute than one
 * search page holds (some on the same millisecond), the case where a minute-granular cursor without a tie-breaker
 * loops or skips. Applied once at startup to the first site, after generation, so default presets are untouched.
 */
import { DATA_ANCHOR_MS, DAY_MS } from '../generator/presets.js';
import type { SiteState } from '../model/site-state.js';

/** The minute the bulk edit lands in: after every generated `updated` (at most 20 days and an hour past the anchor). */
export const BULK_EDIT_MINUTE_MS = DATA_ANCHOR_MS + 21 * DAY_MS;
const BULK_LABEL = 'bulk-triage';

/** Gives `count` issues (at most half the site, oldest first) an `updated` inside BULK_EDIT_MINUTE_MS's minute. */
export function applySameMinuteBulkEdit(site: SiteState, count: number, authorAccountId: string): void {
  const size = Math.min(count, Math.ceil(site.issues.size / 2));
  if (size <= 0) return;
  let index = 0;
  for (const issue of site.issues.values()) {
    if (index >= size) break;
    // Twelve instants five seconds apart: many issues share a millisecond, all share the minute.
    const at = BULK_EDIT_MINUTE_MS + (index % 12) * 5000;
    const from = issue.labels.join(' ');
    if (!issue.labels.includes(BULK_LABEL)) issue.labels = [...issue.labels, BULK_LABEL];
    issue.changelog.push({ id: String(site.nextIds.changelog++), authorAccountId, created: at, items: [{ field: 'labels', fieldId: 'labels', fieldtype: 'jira', from: null, fromString: from, to: null, toString: issue.labels.join(' ') }] });
    issue.updated = at;
    index += 1;
  }
  site.version += 1;
}
