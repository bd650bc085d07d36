/**
 * Daily backups in the running bot. Every minute it asks whether a backup is due: one is, when the
 * day's backup time (BACKUP_AT, local) has passed and the backup folder holds none made since. The
 * folder, not a timer, is the source of truth, so a restart never makes a second one and a backup
 * missed while the bot was down is made a minute after it starts. After each backup the oldest
 * ones beyond BACKUP_KEEP are removed.
 */
import type { Clock } from '../util/clock.ts';
import { zoneOffsetMs } from '../util/time-zone.ts';
import type { Logger } from '../util/log.ts';
import { backupInto, listBackups, pruneBackups, type BackupResult } from './backup.ts';
import type { Db } from './connection.ts';

const DAY_MS = 86_400_000;

interface BackupScheduleOptions {
  db: Db;
  dir: string;
  keep: number;
  /** Local time of day, `HH:MM`. */
  at: string;
  timeZone: string;
  clock: Clock;
  log: Logger;
  /** How often it looks whether a backup is due (default a minute). */
  checkEveryMs?: number;
}

/** How the latest scheduled backup went. */
export type BackupAttempt = { at: number; ok: true; path: string; bytes: number; pruned: number } | { at: number; ok: false; error: string };

/** The latest instant at or before `now` when the day's backup was due. */
export function lastDueAt(now: number, at: string, timeZone: string): number {
  const [hours, minutes] = at.split(':').map(Number) as [number, number];
  const offset = zoneOffsetMs(now, timeZone);
  const localMidnight = Math.floor((now + offset) / DAY_MS) * DAY_MS;
  const today = localMidnight + (hours * 60 + minutes) * 60_000 - offset;
  return today <= now ? today : today - DAY_MS;
}

/** The daily backup of a running bot: `start()` looks every minute, `check()` once (tests call it). */
export class BackupSchedule {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<BackupAttempt | undefined> | undefined;
  private latest: BackupAttempt | undefined;

  constructor(private readonly options: BackupScheduleOptions) {}

  start(): this {
    this.timer = setInterval(() => {
      // A backup folder that cannot be read is logged, not left to end the bot.
      try {
        void this.check();
      } catch (error) {
        this.options.log.error('backup check failed', { dir: this.options.dir, error: error instanceof Error ? error.message : String(error) });
      }
    }, this.options.checkEveryMs ?? 60_000);
    this.timer.unref();
    return this;
  }

  /** No more checks; waits for a backup in progress. */
  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  /** How the latest scheduled backup went, if one was tried since the start. */
  get lastAttempt(): BackupAttempt | undefined {
    return this.latest;
  }

  /** Makes the backup if one is due (and prunes); undefined when none was due or one is in progress. */
  check(): Promise<BackupAttempt | undefined> {
    if (this.running) return Promise.resolve(undefined);
    const { dir, at, timeZone, clock } = this.options;
    const now = clock.now();
    const newest = listBackups(dir)[0];
    if (newest && newest.at >= lastDueAt(now, at, timeZone)) return Promise.resolve(undefined);
    this.running = this.backUp(now).finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  private async backUp(now: number): Promise<BackupAttempt> {
    const { db, dir, keep, log } = this.options;
    let result: BackupResult;
    try {
      result = await backupInto(db, dir, now);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      log.error('backup failed', { dir, error: message });
      return (this.latest = { at: now, ok: false, error: message });
    }
    const pruned = pruneBackups(dir, keep);
    log.info('backup made', { path: result.path, bytes: result.bytes, pruned: pruned.length });
    return (this.latest = { at: now, ok: true, path: result.path, bytes: result.bytes, pruned: pruned.length });
  }
}
