import type Database from 'better-sqlite3';
import type { DbOrTx } from './connection.ts';

/** The better-sqlite3 connection under a drizzle database or transaction. */
export function clientOf(db: DbOrTx): Database.Database {
  return (db as unknown as { session: { client: Database.Database } }).session.client;
}

const caches = new WeakMap<Database.Database, Map<string, unknown>>();

/**
 * A drizzle query built and prepared once per connection, then run with placeholders. Building a
 * query costs several times more than running it, so queries on the path of every chat message
 * are written this way (`key` names the query; `build` uses sql.placeholder for the values).
 */
export function prepared<T>(db: DbOrTx, key: string, build: (db: DbOrTx) => T): T {
  const client = clientOf(db);
  let cache = caches.get(client);
  if (!cache) caches.set(client, (cache = new Map()));
  let query = cache.get(key) as T | undefined;
  if (query === undefined) {
    query = build(db);
    cache.set(key, query);
  }
  return query;
}

const runners = new WeakMap<Database.Database, Database.Transaction<(fn: () => unknown) => unknown>>();

/**
 * Runs `fn` in a transaction on the connection, without drizzle's per-call transaction objects.
 * Inside a transaction already open, `fn` simply joins it, unless `savepoint` asks for a savepoint
 * that a throw rolls back on its own. `immediate` takes the write lock at once, so two processes
 * never both read and then both write.
 */
export function inTransaction<T>(db: DbOrTx, fn: () => T, options: { immediate?: boolean; savepoint?: boolean } = {}): T {
  const client = clientOf(db);
  if (client.inTransaction && !options.savepoint) return fn();
  let runner = runners.get(client);
  if (!runner) runners.set(client, (runner = client.transaction((inner: () => unknown) => inner())));
  return (options.immediate && !client.inTransaction ? runner.immediate(fn) : runner(fn)) as T;
}
