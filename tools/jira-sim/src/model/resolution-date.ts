/** When an issue was resolved: its latest status change to Done, else its last update; null while unresolved. */
import type { Issue } from './types.js';

export function resolutionDateOf(issue: Issue): number | null {
  if (issue.status !== 'Done') return null;
  const change = issue.changelog.filter((history) => history.items.some((item) => item.fieldId === 'status' && item.toString === 'Done')).at(-1);
  return change?.created ?? issue.updated;
}
