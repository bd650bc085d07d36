/** Time is injected so tests (and catch-up after downtime) control it. */
export interface Clock {
  now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };

export function fixedClock(start: number): Clock & { set(ms: number): void; advance(ms: number): void } {
  let current = start;
  return {
    now: () => current,
    set: (ms) => {
      current = ms;
    },
    advance: (ms) => {
      current += ms;
    },
  };
}

/** Real time, started at `start`: dates as on that day, waits (retries, pacing) as long as they really are. */
export function runningClock(start: number): Clock {
  const origin = Date.now();
  return { now: () => start + (Date.now() - origin) };
}
