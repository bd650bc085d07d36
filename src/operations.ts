/**
 * What lets the bot run a year unattended, started by `npm start` beside the messengers: the daily
 * backups and the health check (the lock that tells `thidua restore` the bot runs is taken in main.ts).
 */
import { backupDir, type Config } from './config.ts';
import { BackupSchedule } from './db/backup-schedule.ts';
import type { Db } from './db/connection.ts';
import type { Clock } from './util/clock.ts';
import type { Messenger } from './health/messenger-calls.ts';
import { healthRoute } from './health/route.ts';
import type { Route } from './http/server.ts';
import type { Logger } from './util/log.ts';

interface Operations {
  /** GET /health, for the bot's HTTP server. */
  health: Route;
  /** Stops the backup schedule, waiting for a backup in progress. */
  stop(): Promise<void>;
}

/** Starts the daily backups (unless BACKUP_AT=off) and makes the health route. */
export function startOperations(options: { config: Config; db: Db; clock: Clock; log: Logger; messengers: Messenger[] }): Operations {
  const { config, db, clock, log, messengers } = options;
  const dir = backupDir(config);
  const backups =
    config.BACKUP_AT === 'off'
      ? undefined
      : new BackupSchedule({ db, dir, keep: config.BACKUP_KEEP, at: config.BACKUP_AT, timeZone: config.TZ, clock, log }).start();
  const inputs = () => ({ db, databasePath: config.DATABASE_PATH, messengers, backupDir: dir, lastBackupAttempt: backups?.lastAttempt, now: clock.now() });
  return {
    health: healthRoute(inputs, config.DEFAULT_LOCALE, config.TZ, config.HEALTH_TOKEN),
    stop: async () => {
      await backups?.stop();
    },
  };
}
