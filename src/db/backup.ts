import { mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { Db } from './connection.ts';

/** The largest step better-sqlite3 accepts: more pages than any file has. */
const ALL_REMAINING_PAGES = 0x7fffffff;

export interface BackupResult {
  path: string;
  bytes: number;
  pages: number;
}

/**
 * Copies the live database with SQLite's online backup API: other connections and processes keep
 * reading and writing meanwhile, and the copy is a consistent snapshot. The copy is checked before
 * it is reported as done.
 */
export async function backupDatabase(db: Db, destination: string, onProgress?: (done: number, total: number) => void): Promise<BackupResult> {
  let pages = 0;
  await db.$client.backup(destination, {
    progress: ({ totalPages, remainingPages }) => {
      pages = totalPages;
      onProgress?.(totalPages - remainingPages, totalPages);
      // Copy all the rest in one step: a write by another connection between two steps makes SQLite
      // start over (and the file may grow meanwhile), so under steady writes a stepwise backup
      // might never finish. In WAL mode one big step does not block the writers.
      return ALL_REMAINING_PAGES;
    },
  });
  onProgress?.(pages, pages);
  const copy = new Database(destination);
  try {
    // One self-contained file (the copy took the WAL mode from the database): nothing beside it to forget.
    copy.pragma('journal_mode = DELETE');
    const check = copy.pragma('integrity_check', { simple: true });
    if (check !== 'ok') throw new Error(`backup failed its integrity check: ${String(check)}`);
  } finally {
    copy.close();
  }
  return { path: destination, bytes: statSync(destination).size, pages };
}

/** Backups made by the bot and the CLI are named by their time (UTC), so the names sort by age. */
const BACKUP_NAME = /^thidua-(\d{4})(\d{2})(\d{2})-(\d{2})(\d{2})(\d{2})\.db$/;

/** `thidua-YYYYMMDD-HHMMSS.db` for an instant. */
export function backupFileName(at: number): string {
  const stamp = new Date(at).toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
  return `thidua-${stamp}.db`;
}

interface BackupFile {
  path: string;
  /** When it was made, read from its name. */
  at: number;
}

/** The backups in `dir`, newest first (other files there are not ours and are left alone). */
export function listBackups(dir: string): BackupFile[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  const found: BackupFile[] = [];
  for (const name of names) {
    const m = BACKUP_NAME.exec(name);
    if (m) found.push({ path: join(dir, name), at: Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +m[6]!) });
  }
  return found.sort((a, b) => b.at - a.at);
}

/** Removes the backups in `dir` beyond the newest `keep`; returns the removed paths. */
export function pruneBackups(dir: string, keep: number): string[] {
  const old = listBackups(dir).slice(keep);
  for (const file of old) for (const path of [file.path, `${file.path}-wal`, `${file.path}-shm`]) rmSync(path, { force: true });
  return old.map((f) => f.path);
}

/** A checked backup into `dir`, named by `at`; a copy that failed half-way is not left behind. */
export async function backupInto(db: Db, dir: string, at: number, onProgress?: (done: number, total: number) => void): Promise<BackupResult> {
  mkdirSync(dir, { recursive: true });
  const destination = join(dir, backupFileName(at));
  try {
    return await backupDatabase(db, destination, onProgress);
  } catch (error) {
    rmSync(destination, { force: true });
    throw error;
  }
}
