/** Source of "now" in epoch milliseconds; injected so tests move time instead of waiting for it. */
export interface Clock {
  now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };

/** A clock that only moves when told to, for tests of time-based operations. */
export interface VirtualClock extends Clock {
  advance(ms: number): void;
  set(epochMs: number): void;
}

export function createVirtualClock(startMs = Date.UTC(2026, 0, 1)): VirtualClock {
  let t = startMs;
  return {
    now: () => t,
    advance(ms) {
      t += ms;
    },
    set(epochMs) {
      t = epochMs;
    },
  };
}
