/** Waits between attempts at work that failed for a passing reason: 250 ms, doubling, at most `maxMs`. */
export function backoffMs(attempt: number, maxMs = 5_000): number {
  return Math.min(maxMs, 250 * 2 ** Math.min(attempt, 16));
}
