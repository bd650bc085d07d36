import { statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { countRows, openTempDatabase, useTempDatabases } from '../helpers/db.ts';

useTempDatabases();

const PAGE_FRAME = 4096 + 24;
const walFrames = (path: string) => statSync(`${path}-wal`).size / PAGE_FRAME;
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('background checkpoints', () => {
  it('keep the WAL short while messages keep coming: it starts over between two transactions', async () => {
    const temp = openTempDatabase({ backgroundCheckpoints: { intervalMs: 50 } });
    const write = temp.db.$client.prepare("INSERT INTO settings (key, value, updated_at) VALUES (?, 'x', 0)");
    await pause(500); // the worker thread starting
    // Steady load, as a busy bot: a transaction, a little work, the next one, never a quiet moment
    // (each checkpoint ends with an fsync, and writes keep coming during it).
    const writes = 5_000;
    for (let i = 0; i < writes; i++) {
      write.run(`k${i}`);
      for (const until = performance.now() + 0.25; performance.now() < until; );
    }
    // The file keeps the size of its longest run between two restarts; without them it would hold
    // a frame for every write.
    expect(walFrames(temp.path)).toBeLessThan(writes / 3);
    expect(countRows(temp.db, 'settings')).toBe(writes);
  });
});
