/** Waits between attempts at work that failed for a passing reason: 250 ms, doubling, at most 5 s. */
export function backoffMs(attempt: number): number {
  return Math.min(5_000, 250 * 2 ** Math.min(attempt, 16));
}
