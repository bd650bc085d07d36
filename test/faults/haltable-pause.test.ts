import { describe, expect, it } from 'vitest';
import { HaltablePause } from '../../src/util/haltable-pause.ts';

const settledWithin = (p: Promise<void>, ms: number) =>
  Promise.race([p.then(() => 'ended' as const), new Promise<'still waiting'>((resolve) => setTimeout(() => resolve('still waiting'), ms))]);

describe('HaltablePause', () => {
  it('ends after its time while not halted', async () => {
    const pause = new HaltablePause();
    const started = Date.now();
    await pause.wait(30);
    expect(Date.now() - started).toBeGreaterThanOrEqual(25);
    expect(pause.halt()).toBe(false);
  });

  it('once halted, a pause under way and every later one never end, and halt says work was pausing', async () => {
    const pause = new HaltablePause();
    const waiting = pause.wait(20);
    expect(pause.halt()).toBe(true);
    expect(await settledWithin(waiting, 60)).toBe('still waiting');
    expect(await settledWithin(pause.wait(1), 30)).toBe('still waiting');
  });
});
