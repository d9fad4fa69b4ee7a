/** The simulator's clock: wall time plus an offset that tests move forward with advance(). */
export interface SimClock {
  now(): number;
  advance(ms: number): number;
  set(epochMs: number): number;
}

export function createSimClock(startAt?: number): SimClock {
  let offset = startAt === undefined ? 0 : startAt - Date.now();
  return {
    now: () => Date.now() + offset,
    advance: (ms) => {
      if (!Number.isFinite(ms) || ms < 0) throw new Error('advance() takes a non-negative number of milliseconds.');
      offset += ms;
      return Date.now() + offset;
    },
    set: (epochMs) => {
      offset = epochMs - Date.now();
      return epochMs;
    },
  };
}
