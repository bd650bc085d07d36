/**
 * Real SQLite files for tests: each database lives in its own directory under the system temp dir,
 * is opened with the production `openDatabase` (so migrations, WAL, foreign keys and the busy
 * timeout are all the real thing), and is closed and removed afterwards.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import { closeDatabase, openDatabase, type Db, type OpenOptions } from '../../src/db/connection.ts';

export interface TempDatabase {
  /** The directory holding the file (and its -wal/-shm companions); removed on cleanup. */
  dir: string;
  /** The database file. */
  path: string;
  db: Db;
  /** Closes this connection and opens the same file again (running migrations again by default). */
  reopen(options?: OpenOptions): Db;
}

const live: { dir: string; dbs: Db[] }[] = [];

/** Creates a fresh database file in a new temp directory and opens it with `openDatabase`. */
export function openTempDatabase(options: OpenOptions & { name?: string } = {}): TempDatabase {
  const { name = 'thidua.db', ...openOptions } = options;
  const dir = mkdtempSync(join(tmpdir(), 'thidua-test-'));
  const path = join(dir, name);
  const entry = { dir, dbs: [] as Db[] };
  live.push(entry);
  const handle: TempDatabase = {
    dir,
    path,
    db: openDatabase(path, openOptions),
    reopen(reopenOptions = {}) {
      closeDatabase(handle.db);
      handle.db = openDatabase(path, reopenOptions);
      entry.dbs.push(handle.db);
      return handle.db;
    },
  };
  entry.dbs.push(handle.db);
  return handle;
}

/** Closes every connection opened through this helper and deletes their directories. */
export function removeTempDatabases(): void {
  for (const entry of live.splice(0)) {
    for (const db of entry.dbs) closeDatabase(db);
    rmSync(entry.dir, { recursive: true, force: true });
  }
}

/** Call once at the top of a test file: temp databases are removed after each test. */
export function useTempDatabases(): void {
  afterEach(removeTempDatabases);
}

/** Row count of a table, straight from SQLite. */
export function countRows(db: Db, table: string): number {
  return (db.$client.prepare(`SELECT count(*) AS n FROM "${table}"`).get() as { n: number }).n;
}
