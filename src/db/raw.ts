/**
 * Plain better-sqlite3 statements for the few queries on the path of every chat message, where
 * drizzle's per-row mapping costs more than the SQLite work itself. Rows are read as arrays (no
 * column-name strings made per row) into the shapes the drizzle schema declares, so the rest of
 * the code cannot tell the difference.
 */
import type Database from 'better-sqlite3';
import { getTableColumns, getTableName, type InferSelectModel, type Table } from 'drizzle-orm';
import { CasingCache } from 'drizzle-orm/casing';
import type { DbOrTx } from './connection.ts';
import { clientOf, prepared } from './prepared.ts';

/** Column names in SQLite, as the connection's `casing: 'snake_case'` writes them. */
const casing = new CasingCache('snake_case');

/** How a table's rows are selected and read back. */
interface RowShape<T> {
  /** `"alias"."snake_name", …`: every column, in the order `read` expects. */
  columns: string;
  /** How many columns that is (where the next table's start in a joined row). */
  width: number;
  /** The row from `offset`, in the table's select shape; undefined when a left join found nothing. */
  read(row: unknown[], offset?: number): T | undefined;
}

export function rowShape<T extends Table>(table: T, alias: string = getTableName(table)): RowShape<InferSelectModel<T>> {
  const entries = Object.entries(getTableColumns(table));
  const keys = entries.map(([key]) => key);
  const types = entries.map(([, column]) => column.columnType);
  const primaryKey = entries.findIndex(([, column]) => column.primary);
  return {
    columns: entries.map(([, column]) => `"${alias}"."${casing.getColumnCasing(column)}"`).join(', '),
    width: keys.length,
    read(row, offset = 0) {
      if (primaryKey >= 0 && row[offset + primaryKey] === null) return undefined;
      const out: Record<string, unknown> = {};
      for (let i = 0; i < keys.length; i++) {
        const value = row[offset + i];
        const type = types[i];
        out[keys[i]!] = value === null ? null : type === 'SQLiteBoolean' ? value === 1 : type === 'SQLiteTextJson' ? JSON.parse(value as string) : value;
      }
      return out as InferSelectModel<T>;
    },
  };
}

/** The statement for `sql`, prepared once per connection. */
export function statement(db: DbOrTx, sql: string): Database.Statement {
  return prepared(db, sql, (d) => clientOf(d).prepare(sql));
}

/** A statement returning rows as arrays (see RowShape.read), prepared once per connection. */
export function rowsStatement(db: DbOrTx, sql: string): Database.Statement<unknown[], unknown[]> {
  // Kept apart from statement()'s, under the SQL text itself: a key made per call ("rows:" + sql) is hashed anew each time.
  const client = clientOf(db);
  let cache = rowStatements.get(client);
  if (!cache) rowStatements.set(client, (cache = new Map()));
  let found = cache.get(sql);
  if (!found) cache.set(sql, (found = client.prepare(sql).raw(true) as Database.Statement<unknown[], unknown[]>));
  return found;
}

const rowStatements = new WeakMap<Database.Database, Map<string, Database.Statement<unknown[], unknown[]>>>();
