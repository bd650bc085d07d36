/**
 * Plain better-sqlite3 statements for the few queries on the path of every chat message, where
 * drizzle's per-row mapping costs more than the SQLite work itself. Rows come back in the shapes
 * the drizzle schema declares, so the rest of the code cannot tell the difference.
 */
import type Database from 'better-sqlite3';
import { getTableColumns, getTableName, type InferSelectModel, type Table } from 'drizzle-orm';
import type { DbOrTx } from './connection.ts';
import { clientOf, prepared } from './prepared.ts';

/** The column's name in SQLite, as drizzle's snake_case casing writes it. */
const snakeCase = (key: string) => (key.match(/[\da-z]+|[A-Z]+(?![a-z])|[A-Z][\da-z]+/g) ?? []).map((w) => w.toLowerCase()).join('_');

/** `"alias"."snake_name" AS "<prefix>camelName", …` for every column of `table`. */
export function columnList(table: Table, alias = getTableName(table), prefix = ''): string {
  return Object.keys(getTableColumns(table))
    .map((key) => `"${alias}"."${snakeCase(key)}" AS "${prefix}${key}"`)
    .join(', ');
}

/**
 * Reads a row selected with `columnList(table, alias, prefix)` into the table's select shape
 * (booleans as booleans, JSON parsed), or undefined when a left join found nothing.
 */
export function rowReader<T extends Table>(table: T, prefix = ''): (row: Record<string, unknown>) => InferSelectModel<T> | undefined {
  const columns = Object.entries(getTableColumns(table)).map(([key, column]) => ({ key, from: `${prefix}${key}`, type: column.columnType }));
  const primaryKey = columns.find((c) => getTableColumns(table)[c.key]!.primary)?.from;
  return (row) => {
    if (primaryKey !== undefined && row[primaryKey] === null) return undefined;
    const out: Record<string, unknown> = {};
    for (const c of columns) {
      const value = row[c.from];
      out[c.key] =
        value === null ? null : c.type === 'SQLiteBoolean' ? value === 1 : c.type === 'SQLiteTextJson' ? JSON.parse(value as string) : value;
    }
    return out as InferSelectModel<T>;
  };
}

/** The statement for `sql`, prepared once per connection. */
export function statement(db: DbOrTx, sql: string): Database.Statement {
  return prepared(db, sql, (d) => clientOf(d).prepare(sql));
}
