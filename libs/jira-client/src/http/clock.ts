import { setTimeout as delay } from 'node:timers/promises';

/** Time source and waiting, injectable so tests never wait for real seconds. */
export interface Clock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

/** The wall clock and real timers. */
export const systemClock: Clock = {
  now: () => Date.now(),
  sleep: async (ms: number) => {
    if (ms > 0) await delay(ms);
  },
};
