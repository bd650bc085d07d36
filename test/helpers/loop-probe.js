// @ts-check
/**
 * Loaded into a bot process with `--import` when LOOP_PROBE_FILE is set (plain JavaScript: tsx's
 * hooks may not be in place yet): measures how long the event loop is blocked, as perf_hooks sees
 * it and as a 20 ms timer's lateness shows it, and appends one JSON line per 250 ms window to the
 * file (LoopWindow in locked-bot.ts), so a test reads the figures of the seconds it cares about.
 */
import { appendFileSync } from 'node:fs';
import { monitorEventLoopDelay } from 'node:perf_hooks';

const file = process.env.LOOP_PROBE_FILE;
if (file) {
  const histogram = monitorEventLoopDelay({ resolution: 10 });
  histogram.enable();
  const TICK_MS = 20;
  let expected = performance.now() + TICK_MS;
  /** @type {number[]} */
  let late = [];
  setInterval(() => {
    const now = performance.now();
    late.push(Math.max(0, Math.round(now - expected)));
    expected = now + TICK_MS;
  }, TICK_MS).unref();
  setInterval(() => {
    const window = { at: Date.now(), maxMs: Math.round(histogram.max / 1e6), lateMs: late };
    histogram.reset();
    late = [];
    appendFileSync(file, `${JSON.stringify(window)}\n`);
  }, 250).unref();
}
