/**
 * Switch heavyExpandFailureRate: Jira sporadically answers 500 to heavy enhanced-search pages (expand=changelog or
 * transitions with many fields, around 100 issues a page), while smaller pages of the same query succeed (issue #11).
 */
import { HttpError } from '../http/http-error.js';
import type { SimRuntime } from '../runtime/sim-runtime.js';

const HEAVY_EXPANSIONS = ['changelog', 'transitions'];
const HEAVY_FIELD_COUNT = 10;
const HEAVY_PAGE_SIZE = 50;

/** Throws Jira's 500 for a seeded share of heavy pages; lighter requests always pass. */
export function failHeavyExpansion(runtime: SimRuntime, fields: string[], expand: Set<string>, pageSize: number): void {
  const rate = runtime.options.heavyExpandFailureRate;
  if (rate <= 0 || pageSize < HEAVY_PAGE_SIZE || fields.length < HEAVY_FIELD_COUNT) return;
  if (!HEAVY_EXPANSIONS.some((name) => expand.has(name))) return;
  if (runtime.productionRng.next() < rate) throw HttpError.jira(500, 'Internal server error');
}
