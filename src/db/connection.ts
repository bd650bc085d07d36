import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import * as schema from './schema.ts';

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };
/** What a transaction callback receives; domain services accept either. */
type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
export type DbOrTx = Db | Tx;

/** The typed query builder over a connection opened elsewhere (an export's read snapshot). */
export const overClient = (client: Database.Database): Db => drizzle({ client, schema, casing: 'snake_case' }) as Db;

const MIGRATIONS_FOLDER = fileURLToPath(new URL('../../drizzle', import.meta.url));

export interface OpenOptions {
  /** Apply pending migrations (default true). */
  migrate?: boolean;
  readonly?: boolean;
  /**
   * Checkpoint the WAL from a worker thread instead of inside whichever commit crosses the
   * threshold (the long-running bot: keeps that work off the messages' latency). Every second,
   * unless told otherwise.
   */
  backgroundCheckpoints?: boolean | { intervalMs: number };
  /**
   * How long a statement waits for another process's write lock once the database is open (the
   * migrations wait the default). better-sqlite3 waits on the calling thread: the long-running bot
   * sets a short wait (SERVING_BUSY_TIMEOUT_MS) and tries again later, off the event loop, instead.
   */
  busyTimeoutMs?: number;
}

/** A command waits this long for another process's lock (a backup, the bot's own short writes). */
const DEFAULT_BUSY_TIMEOUT_MS = 5_000;
/**
 * The bot's wait for the lock: short enough that no webhook, poll or timer stalls behind it; work
 * that finds the database locked fails with SQLITE_BUSY and is tried again after a backoff (a webhook answers 503).
 */
export const SERVING_BUSY_TIMEOUT_MS = 30;

/** How often the background checkpointer copies the WAL into the database file. */
const CHECKPOINT_INTERVAL_MS = 1_000;
const checkpointers = new WeakMap<Database.Database, Worker>();

/**
 * Opens (creating if needed) the SQLite file with the settings every process must share:
 * WAL so readers never block the writer, foreign keys on, and a busy timeout so a second
 * process waits for a lock instead of failing.
 */
export function openDatabase(path: string, options: OpenOptions = {}): Db {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const client = new Database(path, { readonly: options.readonly ?? false });
  client.pragma(`busy_timeout = ${DEFAULT_BUSY_TIMEOUT_MS}`);
  if (!options.readonly) {
    client.pragma('journal_mode = WAL');
    client.pragma('synchronous = NORMAL');
  }
  client.pragma('foreign_keys = ON');
  reuseStatements(client);
  const db = drizzle({ client, schema, casing: 'snake_case' }) as Db;
  if (options.migrate ?? !options.readonly) migrateDatabase(db);
  if (options.busyTimeoutMs !== undefined) client.pragma(`busy_timeout = ${options.busyTimeoutMs}`);
  if (options.backgroundCheckpoints && path !== ':memory:') {
    client.pragma('wal_autocheckpoint = 0');
    const intervalMs = options.backgroundCheckpoints === true ? CHECKPOINT_INTERVAL_MS : options.backgroundCheckpoints.intervalMs;
    const worker = new Worker(new URL('./checkpointer.js', import.meta.url), { workerData: { path, intervalMs } });
    worker.unref();
    checkpointers.set(client, worker);
  }
  return db;
}

/** How many distinct statements are kept prepared per connection. */
const STATEMENT_CACHE_SIZE = 500;

/**
 * drizzle prepares every query anew; preparing costs more than running a small query. The same SQL
 * text gets the same prepared statement back (least recently used ones are let go), with its mode
 * reset, since drizzle switches statements to raw (array) rows where it maps columns itself.
 */
function reuseStatements(client: Database.Database): void {
  const prepare = client.prepare.bind(client);
  const cache = new Map<string, Database.Statement>();
  client.prepare = ((source: string) => {
    let statement = cache.get(source);
    if (statement) {
      cache.delete(source);
      if (statement.reader) statement.raw(false);
    } else {
      statement = prepare(source);
      if (cache.size >= STATEMENT_CACHE_SIZE) cache.delete(cache.keys().next().value!);
    }
    cache.set(source, statement);
    return statement;
  }) as typeof client.prepare;
}

function migrateDatabase(db: Db): void {
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
  const worker = checkpointers.get(db.$client);
  if (worker) {
    checkpointers.delete(db.$client);
    void worker.terminate();
  }
  if (db.$client.open) db.$client.close();
}
