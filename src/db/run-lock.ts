/**
 * Knowing whether the bot runs on a database: each running bot holds a shared (read) lock on a
 * small SQLite file beside the database for as long as it runs; a restore takes the exclusive lock
 * on it, which SQLite grants only when no bot holds the shared one. The operating system lets go of
 * the locks of a process that dies, so a crash leaves no stale "running" mark behind (unlike a pid
 * file), and a bot starting during a restore waits for it.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';

/** The bot is running on this database (or a restore is, for a bot starting). */
export class DatabaseInUseError extends Error {
  constructor(readonly path: string) {
    super(`the database ${path} is in use by a running bot`);
  }
}

/** The lock file beside the database. */
const runLockPath = (databasePath: string) => `${databasePath}.running`;

function openLockFile(databasePath: string, busyTimeoutMs: number): Database.Database {
  const path = runLockPath(databasePath);
  mkdirSync(dirname(path), { recursive: true });
  const lock = new Database(path);
  try {
    lock.pragma(`busy_timeout = ${busyTimeoutMs}`);
    // Rollback journal: there a reader's lock keeps out an exclusive one (in WAL mode it would not).
    lock.pragma('journal_mode = DELETE');
    lock.exec('CREATE TABLE IF NOT EXISTS running (since INTEGER)');
    return lock;
  } catch (error) {
    lock.close();
    if (isBusy(error)) throw new DatabaseInUseError(databasePath);
    throw error;
  }
}

const isBusy = (error: unknown) => error instanceof Error && 'code' in error && String(error.code).startsWith('SQLITE_BUSY');

/** A running bot's hold on the lock; released when the process ends, or by `release()`. */
export interface RunLock {
  release(): void;
}

/**
 * Held by `npm start` while it runs (any number of bots may hold it at once). Waits up to
 * `waitMs` for a restore in progress, then throws DatabaseInUseError.
 */
export function holdRunLock(databasePath: string, waitMs = 10_000): RunLock {
  if (databasePath === ':memory:') return { release: () => undefined };
  const lock = openLockFile(databasePath, waitMs);
  try {
    lock.exec('BEGIN');
    // The read takes the shared lock; the open transaction keeps it.
    lock.prepare('SELECT count(*) FROM running').get();
  } catch (error) {
    lock.close();
    if (isBusy(error)) throw new DatabaseInUseError(databasePath);
    throw error;
  }
  return { release: () => lock.close() };
}

/** The exclusive lock, or undefined while a bot (or a restore) holds the lock file. */
function tryExclusive(databasePath: string): Database.Database | undefined {
  let lock: Database.Database;
  try {
    lock = openLockFile(databasePath, 0);
  } catch (error) {
    if (error instanceof DatabaseInUseError) return undefined;
    throw error;
  }
  try {
    lock.exec('BEGIN EXCLUSIVE');
    return lock;
  } catch (error) {
    lock.close();
    if (isBusy(error)) return undefined;
    throw error;
  }
}

/** Runs `work` while no bot can run on the database; throws DatabaseInUseError at once if one does. */
export async function whileBotStopped<T>(databasePath: string, work: () => Promise<T> | T): Promise<T> {
  const lock = tryExclusive(databasePath);
  if (!lock) throw new DatabaseInUseError(databasePath);
  try {
    return await work();
  } finally {
    lock.close();
  }
}

/** True while a bot runs on the database (or a restore does). */
export function botRunning(databasePath: string): boolean {
  if (databasePath === ':memory:') return false;
  const lock = tryExclusive(databasePath);
  lock?.close();
  return lock === undefined;
}
