import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import * as schema from './schema.ts';

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };
/** What a transaction callback receives; domain services accept either. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
export type DbOrTx = Db | Tx;

const MIGRATIONS_FOLDER = fileURLToPath(new URL('../../drizzle', import.meta.url));

export interface OpenOptions {
  /** Apply pending migrations (default true). */
  migrate?: boolean;
  readonly?: boolean;
}

/**
 * Opens (creating if needed) the SQLite file with the settings every process must share:
 * WAL so readers never block the writer, foreign keys on, and a busy timeout so a second
 * process waits for a lock instead of failing.
 */
export function openDatabase(path: string, options: OpenOptions = {}): Db {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const client = new Database(path, { readonly: options.readonly ?? false });
  client.pragma('busy_timeout = 5000');
  if (!options.readonly) {
    client.pragma('journal_mode = WAL');
    client.pragma('synchronous = NORMAL');
  }
  client.pragma('foreign_keys = ON');
  const db = drizzle({ client, schema, casing: 'snake_case' }) as Db;
  if (options.migrate ?? !options.readonly) migrateDatabase(db);
  return db;
}

export function migrateDatabase(db: Db): void {
  migrate(db, { migrationsFolder: MIGRATIONS_FOLDER });
}

/** How many migrations have been applied to this database. */
export function appliedMigrations(db: Db): number {
  const row = db.$client
    .prepare(
      "SELECT count(*) AS n FROM sqlite_master WHERE type = 'table' AND name = '__drizzle_migrations'",
    )
    .get() as { n: number };
  if (row.n === 0) return 0;
  return (db.$client.prepare('SELECT count(*) AS n FROM __drizzle_migrations').get() as { n: number }).n;
}

export function closeDatabase(db: Db): void {
  if (db.$client.open) db.$client.close();
}
