import Table from 'cli-table3';

/** Where a command writes: standard output for results, standard error for what a person should notice. */
export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  /** Whether standard output is a terminal (live progress bars) or a pipe (one line per change). */
  isTTY: boolean;
  env: Record<string, string | undefined>;
}

export const processIo: CliIo = {
  out: (text) => void process.stdout.write(text.endsWith('\n') ? text : `${text}\n`),
  err: (text) => void process.stderr.write(text.endsWith('\n') ? text : `${text}\n`),
  isTTY: Boolean(process.stdout.isTTY),
  env: process.env,
};

/** A cell as people read it: dates as ISO, nothing as an empty cell, lists joined, objects as compact JSON. */
export function cell(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(cell).join(', ');
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** A table with a header row; `--json` callers never reach it. */
export function table(head: string[], rows: unknown[][]): string {
  const rendered = new Table({ head, style: { head: [], border: [] } });
  for (const row of rows) rendered.push(row.map(cell));
  return rendered.toString();
}

/** Key/value lines for one object, for `get`-style commands. */
export function details(entries: Array<[string, unknown]>): string {
  const width = Math.max(...entries.map(([key]) => key.length));
  return entries
    .filter(([, value]) => value !== undefined)
    .map(([key, value]) => `${key.padEnd(width)}  ${cell(value)}`)
    .join('\n');
}

/** Prints the value as JSON for scripts, or runs the human rendering. */
export function emit(io: CliIo, json: boolean, value: unknown, human: () => string): void {
  io.out(json ? JSON.stringify(value, null, 2) : human());
}
