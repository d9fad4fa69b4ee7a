/** What the evaluator needs to know about an issue; times are epoch milliseconds. */
export interface JqlIssue {
  readonly id: string;
  readonly key: string;
  readonly projectId: string;
  readonly projectKey: string;
  readonly created: number;
  readonly updated: number;
  readonly summary?: string;
  /** Other searchable text (description, environment, comments) for `text ~` and free-text queries. */
  readonly text?: string;
}

/** The issue number in a key (`ABC-12` -> 12). */
export function issueNumber(key: string): number {
  return Number(key.slice(key.lastIndexOf('-') + 1));
}

/** Compares numeric id strings by value. */
export function compareIds(a: string, b: string): number {
  return a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);
}
