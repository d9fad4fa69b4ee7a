/** Per-endpoint, per-credential request counters (readable through the control API). */
export interface CounterRow {
  cloudId: string;
  method: string;
  path: string;
  credential: string;
  count: number;
  statuses: Record<string, number>;
}

export class RequestCounters {
  private readonly rows = new Map<string, CounterRow>();

  /** Counts one finished request. `path` is the route template (or the raw path when no route matched). */
  record(cloudId: string, method: string, path: string, credential: string, status: number): void {
    const key = `${cloudId} ${method} ${path} ${credential}`;
    let row = this.rows.get(key);
    if (!row) {
      row = { cloudId, method, path, credential, count: 0, statuses: {} };
      this.rows.set(key, row);
    }
    row.count += 1;
    row.statuses[status] = (row.statuses[status] ?? 0) + 1;
  }

  snapshot(): CounterRow[] {
    return [...this.rows.values()].map((row) => ({ ...row, statuses: { ...row.statuses } }));
  }

  /** Sum of counts matching a filter. */
  total(filter: Partial<Pick<CounterRow, 'cloudId' | 'method' | 'path' | 'credential'>> = {}): number {
    let sum = 0;
    for (const row of this.rows.values()) {
      if (filter.cloudId && row.cloudId !== filter.cloudId) continue;
      if (filter.method && row.method !== filter.method) continue;
      if (filter.path && row.path !== filter.path) continue;
      if (filter.credential && row.credential !== filter.credential) continue;
      sum += row.count;
    }
    return sum;
  }

  reset(): void {
    this.rows.clear();
  }
}
