import { describeValue } from '../model/adf-node.js';
import type { AdfWarning } from '../types.js';

/** Past this many warnings only a count is kept, so hostile input cannot grow the result without bound. */
export const MAX_WARNINGS = 100;

/** Collects warnings up to {@link MAX_WARNINGS} and summarises the rest in a final entry. */
export class WarningLog {
  readonly #entries: AdfWarning[] = [];
  #dropped = 0;

  /** Records one warning. */
  add(path: string, message: string): void {
    if (this.#entries.length < MAX_WARNINGS) this.#entries.push({ path, message });
    else this.#dropped += 1;
  }

  /** The warnings in the order they were raised, plus a summary of any that were dropped. */
  list(): AdfWarning[] {
    if (this.#dropped === 0) return [...this.#entries];
    return [...this.#entries, { path: '', message: `${this.#dropped} further warnings were not recorded` }];
  }
}

/** What was thrown, for a warning; safe for any value (never calls a thrown object's own `toString`). */
export function describeThrown(error: unknown): string {
  if (error instanceof Error && typeof error.message === 'string') return error.message;
  return describeValue(error);
}
