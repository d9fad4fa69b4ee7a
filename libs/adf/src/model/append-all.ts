/**
 * Appends items one by one. `target.push(...items)` passes every item as an argument and overflows the
 * stack past roughly 120,000 items, which a huge document can reach.
 */
export function appendAll<T>(target: T[], items: readonly T[]): T[] {
  for (const item of items) target.push(item);
  return target;
}

/** The largest of the numbers, or `floor` when there are none or all are smaller (no argument spread). */
export function maxOf(values: Iterable<number>, floor: number): number {
  let max = floor;
  for (const value of values) if (value > max) max = value;
  return max;
}
