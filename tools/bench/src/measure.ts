import { performance } from 'node:perf_hooks';

export interface Measurement {
  name: string;
  /** Units of work per second (operations, bytes, pages: the caller says which). */
  rate: number;
  unit: string;
  samples: number;
}

/**
 * Runs `work` repeatedly for at least `minMs` after one warm-up call and returns its rate. `work` returns how many
 * units it processed, so byte- or page-based rates need no second pass.
 */
export async function measure(name: string, unit: string, work: () => number | Promise<number>, minMs = 1_000): Promise<Measurement> {
  await work();
  let units = 0;
  let samples = 0;
  const start = performance.now();
  let elapsed: number;
  do {
    units += await work();
    samples += 1;
    elapsed = performance.now() - start;
  } while (elapsed < minMs);
  return { name, rate: (units * 1000) / elapsed, unit, samples };
}

/** Formats measurements as a table whose last column is each rate divided by the baseline's (the first row). */
export function formatRatios(rows: readonly Measurement[]): string {
  const [baseline] = rows;
  if (!baseline) return '(no measurements)';
  const width = Math.max(...rows.map((row) => row.name.length));
  return rows
    .map((row) => {
      const ratio = row.rate / baseline.rate;
      return `${row.name.padEnd(width)}  ${formatRate(row.rate).padStart(10)} ${row.unit.padEnd(8)}  x${ratio.toFixed(3)} of ${baseline.name}`;
    })
    .join('\n');
}

function formatRate(rate: number): string {
  if (rate >= 1e6) return `${(rate / 1e6).toFixed(2)}M`;
  if (rate >= 1e3) return `${(rate / 1e3).toFixed(2)}k`;
  return rate.toFixed(2);
}
