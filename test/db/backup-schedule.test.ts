import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { backupInto, listBackups } from '../../src/db/backup.ts';
import { BackupSchedule, lastDueAt } from '../../src/db/backup-schedule.ts';
import { fixedClock } from '../../src/util/clock.ts';
import { silentLogger } from '../../src/util/log.ts';
import { openTempDatabase, useTempDatabases } from '../helpers/db.ts';
import { waitFor } from '../helpers/wait.ts';
import { cliSandbox, FEB_15_2020, useCliSandboxes } from '../helpers/cli.ts';

useTempDatabases();
useCliSandboxes();
const schedules: BackupSchedule[] = [];
afterEach(async () => {
  for (const s of schedules.splice(0)) await s.stop();
});

const TZ = 'Asia/Ho_Chi_Minh';
/** 30/11/2026 02:00 in Hà Nội (19:00 UTC the day before). */
const NIGHT = Date.UTC(2026, 10, 29, 19, 0);
const HOUR = 3_600_000;

function schedule(temp: ReturnType<typeof openTempDatabase>, clock: ReturnType<typeof fixedClock>, keep = 3) {
  const s = new BackupSchedule({ db: temp.db, dir: join(temp.dir, 'backups'), keep, at: '02:30', timeZone: TZ, clock, log: silentLogger, checkEveryMs: 20 });
  schedules.push(s);
  return s;
}

describe('scheduled backups', () => {
  it('the daily time is read in the configured zone', () => {
    // 02:30 in Hà Nội is 19:30 UTC of the day before.
    expect(lastDueAt(NIGHT + HOUR, '02:30', TZ)).toBe(Date.UTC(2026, 10, 29, 19, 30));
    expect(lastDueAt(NIGHT, '02:30', TZ)).toBe(Date.UTC(2026, 10, 28, 19, 30));
  });

  it('fires at BACKUP_AT on the injected clock, keeps BACKUP_KEEP backups and leaves other files alone', async () => {
    const temp = openTempDatabase();
    temp.db.$client.prepare("INSERT INTO settings (key, value, updated_at) VALUES ('marker', 'before the backup', 0)").run();
    const dir = join(temp.dir, 'backups');
    // Three earlier nights' backups, and a file of the operator's.
    for (const daysAgo of [3, 2, 1]) await backupInto(temp.db, dir, NIGHT - daysAgo * 24 * HOUR + HOUR);
    writeFileSync(join(dir, 'ghi-chu.txt'), 'bản sao tay');
    const clock = fixedClock(NIGHT);
    schedule(temp, clock).start();

    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(listBackups(dir)).toHaveLength(3); // 02:00: yesterday's backup is there, nothing due yet

    clock.set(NIGHT + 31 * 60_000); // 02:31
    await waitFor(() => listBackups(dir)[0]?.at === NIGHT + 31 * 60_000, 'the night backup');
    await waitFor(() => listBackups(dir).length === 3, 'the oldest backup pruned');
    const kept = listBackups(dir).map((b) => b.at);
    expect(kept).toEqual([NIGHT + 31 * 60_000, NIGHT - 24 * HOUR + HOUR, NIGHT - 48 * HOUR + HOUR]);
    // Each backup is one file (no -wal or -shm beside it), and the operator's file stays.
    expect(readdirSync(dir).sort()).toEqual([...kept.map((at) => listBackups(dir).find((b) => b.at === at)!.path.split('/').pop()!), 'ghi-chu.txt'].sort());

    const copy = new Database(listBackups(dir)[0]!.path, { readonly: true });
    try {
      expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(copy.prepare("SELECT value FROM settings WHERE key = 'marker'").get()).toEqual({ value: 'before the backup' });
    } finally {
      copy.close();
    }
  });

  it('a restart on the same day makes no second backup; one missed while the bot was down is made at start', async () => {
    const temp = openTempDatabase();
    const dir = join(temp.dir, 'backups');
    const clock = fixedClock(NIGHT + 6 * HOUR); // 08:00: the bot was down at 02:30
    const first = schedule(temp, clock);
    const made = await first.check();
    expect(made).toMatchObject({ ok: true });
    expect(first.lastAttempt).toEqual(made);

    clock.advance(HOUR);
    const again = schedule(temp, clock);
    expect(await again.check()).toBeUndefined();
    expect(listBackups(dir)).toHaveLength(1);
  });

  it('a backup that fails is reported, and leaves no half-written file', async () => {
    const temp = openTempDatabase();
    const dir = join(temp.dir, 'backups');
    writeFileSync(join(temp.dir, 'not-a-folder'), '');
    const s = new BackupSchedule({ db: temp.db, dir: join(temp.dir, 'not-a-folder', 'backups'), keep: 3, at: '02:30', timeZone: TZ, clock: fixedClock(NIGHT + HOUR), log: silentLogger });
    const attempt = await s.check();
    expect(attempt).toMatchObject({ ok: false });
    expect(s.lastAttempt).toMatchObject({ ok: false, error: expect.stringContaining('ENOTDIR') });
    expect(listBackups(dir)).toEqual([]);
  });

  it('`thidua backup` without a file writes into BACKUP_DIR, named as the scheduled ones, so they count toward BACKUP_KEEP', async () => {
    const cli = cliSandbox();
    const dir = join(cli.dir, 'sao-luu');
    const out = await cliSandbox({ DATABASE_PATH: cli.dbPath, BACKUP_DIR: dir }).run('backup', '--json');
    expect(out.code).toBe(0);
    expect(listBackups(dir)).toEqual([{ path: join(dir, 'thidua-20200215-030000.db'), at: FEB_15_2020 }]);
    expect(JSON.parse(out.stdout)).toMatchObject({ path: join(dir, 'thidua-20200215-030000.db') });
  });
});
