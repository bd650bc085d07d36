/** Work that waits out another process's write lock on timers: the thread stays free, and a crowd of waiting calls does not hammer the database. */
import Database from 'better-sqlite3';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { describe, expect, it } from 'vitest';
import { SERVING_BUSY_TIMEOUT_MS } from '../../src/db/connection.ts';
import { storageFault, whileLocked } from '../../src/db/faults.ts';
import { openTempDatabase, useTempDatabases } from '../helpers/db.ts';

useTempDatabases();

const write = (db: Database.Database, key: string) => db.prepare("INSERT INTO settings (key, value, updated_at) VALUES (?, '', 0)").run(key);

describe('whileLocked', () => {
  it('waits for a lock released within its time, 20 callers at once trying the database about once per 100 ms between them, the event loop free', async () => {
    const temp = openTempDatabase({ busyTimeoutMs: SERVING_BUSY_TIMEOUT_MS });
    const other = new Database(temp.path);
    other.exec('BEGIN IMMEDIATE');
    let tries = 0;
    const delay = monitorEventLoopDelay({ resolution: 10 });
    delay.enable();
    const started = Date.now();
    setTimeout(() => other.exec('COMMIT'), 600);
    const keys = Array.from({ length: 20 }, (_, i) => `waiting-${i}`);
    await Promise.all(keys.map((key) => whileLocked(() => (tries++, write(temp.db.$client, key)), 2_000)));
    delay.disable();
    other.close();

    expect(Date.now() - started).toBeGreaterThanOrEqual(600);
    expect(temp.db.$client.prepare("SELECT count(*) AS n FROM settings WHERE key LIKE 'waiting-%'").get()).toEqual({ n: 20 });
    // About one failed try per 100 ms while locked (not 20 callers × every 50 ms), then one each.
    expect(tries).toBeLessThanOrEqual(20 + 12);
    expect(delay.max / 1e6).toBeLessThan(300);
  });

  it('gives up with the busy fault when the lock outlasts its time, and passes any other error at once', async () => {
    const temp = openTempDatabase({ busyTimeoutMs: SERVING_BUSY_TIMEOUT_MS });
    const other = new Database(temp.path);
    other.exec('BEGIN IMMEDIATE');
    const started = Date.now();
    const error = await whileLocked(() => write(temp.db.$client, 'never'), 400).catch((e: unknown) => e);
    expect(storageFault(error)).toBe('busy');
    expect(Date.now() - started).toBeGreaterThanOrEqual(300);
    expect(Date.now() - started).toBeLessThan(1_500);
    other.exec('ROLLBACK');
    other.close();

    const broken = await whileLocked(() => temp.db.$client.prepare('SELECT * FROM no_such_table').all(), 400).catch((e: unknown) => e);
    expect(broken).toBeInstanceOf(Error);
    expect(storageFault(broken)).toBeUndefined();
    expect(await whileLocked(() => write(temp.db.$client, 'now').changes, 400)).toBe(1);
  });
});
