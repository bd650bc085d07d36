import { statSync } from 'node:fs';
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
  const copy = new Database(destination, { readonly: true });
  try {
    const check = copy.pragma('integrity_check', { simple: true });
    if (check !== 'ok') throw new Error(`backup failed its integrity check: ${String(check)}`);
  } finally {
    copy.close();
  }
  return { path: destination, bytes: statSync(destination).size, pages };
}
