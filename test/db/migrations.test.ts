import { readFileSync } from 'node:fs';
import { is } from 'drizzle-orm';
import { getTableConfig, SQLiteTable } from 'drizzle-orm/sqlite-core';
import { describe, expect, it } from 'vitest';
import { appliedMigrations, closeDatabase, type Db } from '../../src/db/connection.ts';
import * as schema from '../../src/db/schema.ts';
import { countRows, openTempDatabase, useTempDatabases } from '../helpers/db.ts';

useTempDatabases();

/** The migrations drizzle-kit generated, as listed in its journal. */
const journal = JSON.parse(readFileSync(new URL('../../drizzle/meta/_journal.json', import.meta.url), 'utf8')) as {
  entries: { tag: string }[];
};

const snake = (key: string) => key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/** Every table the schema declares, with its columns as they are named in SQLite. */
const schemaTables = (Object.values(schema) as unknown[])
  .filter((value): value is SQLiteTable => is(value, SQLiteTable))
  .map((table) => {
    const config = getTableConfig(table);
    return { name: config.name, columns: config.columns.map((c) => snake(c.name)).sort() };
  });

function tablesIn(db: Db): string[] {
  return (
    db.$client
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> '__drizzle_migrations'")
      .all() as { name: string }[]
  )
    .map((r) => r.name)
    .sort();
}

function columnsOf(db: Db, table: string): string[] {
  return (db.$client.prepare(`SELECT name FROM pragma_table_info(?)`).all(table) as { name: string }[]).map((r) => r.name).sort();
}

describe('openDatabase on a fresh file', () => {
  it('creates every table of the schema, with the schema’s columns', () => {
    const { db } = openTempDatabase();
    expect(schemaTables.length).toBeGreaterThanOrEqual(20);
    expect(tablesIn(db)).toEqual(schemaTables.map((t) => t.name).sort());
    for (const table of schemaTables) expect(columnsOf(db, table.name), table.name).toEqual(table.columns);
  });

  it('uses WAL, enforces foreign keys and waits 5 s for a lock', () => {
    const { db } = openTempDatabase();
    expect(db.$client.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.$client.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.$client.pragma('busy_timeout', { simple: true })).toBe(5000);
  });

  it('records the migrations it applied, and opening the file again applies nothing new', () => {
    const temp = openTempDatabase();
    const applied = appliedMigrations(temp.db);
    expect(applied).toBe(journal.entries.length);
    expect(journal.entries.map((e) => e.tag)).toEqual(expect.arrayContaining(['0000_init', '0001_append_only']));
    const migrationRows = countRows(temp.db, '__drizzle_migrations');

    const again = temp.reopen();
    expect(appliedMigrations(again)).toBe(applied);
    expect(countRows(again, '__drizzle_migrations')).toBe(migrationRows);
    expect(tablesIn(again)).toEqual(schemaTables.map((t) => t.name).sort());
  });

  it('keeps the settings on a reopened file', () => {
    const temp = openTempDatabase();
    closeDatabase(temp.db);
    const again = temp.reopen();
    expect(again.$client.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(again.$client.pragma('foreign_keys', { simple: true })).toBe(1);
  });

  it('refuses a row whose parent does not exist (foreign keys are really on)', () => {
    const { db } = openTempDatabase();
    expect(() =>
      db.$client.prepare("INSERT INTO content_areas (movement_id, number, title) VALUES (999, 1, 'x')").run(),
    ).toThrow(/FOREIGN KEY constraint failed/);
    expect(countRows(db, 'content_areas')).toBe(0);
  });
});

describe('append-only tables', () => {
  /** A progress report with one line, and one audit entry, with every parent row they need. */
  function seed(db: Db) {
    const run = (sql: string, ...params: unknown[]) => Number(db.$client.prepare(sql).run(...params).lastInsertRowid);
    const movementId = run(
      "INSERT INTO movements (code, name, starts_on, ends_on, registration_deadline) VALUES ('M', 'Movement', '2020-01-01', '2020-12-31', '2020-03-31')",
    );
    const areaId = run("INSERT INTO content_areas (movement_id, number, title) VALUES (?, 1, 'Area')", movementId);
    const periodId = run(
      "INSERT INTO reporting_periods (movement_id, code, kind, starts_on, ends_on, due_on) VALUES (?, 'Q2020-1', 'quarter', '2020-01-01', '2020-03-31', '2020-04-10')",
      movementId,
    );
    const unitId = run("INSERT INTO units (code, name, kind) VALUES ('U1', 'Unit', 'so')");
    const registrationId = run('INSERT INTO registrations (movement_id, unit_id, updated_at) VALUES (?, ?, 0)', movementId, unitId);
    const targetId = run(
      "INSERT INTO targets (registration_id, content_area_id, text, kind, planned_value, direction, position) VALUES (?, ?, 'T', 'quantitative', 10, 'at_least', 1)",
      registrationId,
      areaId,
    );
    const reportId = run(
      'INSERT INTO progress_reports (registration_id, period_id, revision, reported_at) VALUES (?, ?, 1, 1000)',
      registrationId,
      periodId,
    );
    const lineId = run('INSERT INTO progress_lines (report_id, target_id, value) VALUES (?, ?, 5)', reportId, targetId);
    const auditId = run("INSERT INTO audit_log (at, actor, action, entity) VALUES (1000, 'test', 'x.create', 'x')");
    return { reportId, lineId, auditId };
  }

  const cases = [
    { table: 'progress_reports', id: 'reportId', set: "note = 'changed'" },
    { table: 'progress_lines', id: 'lineId', set: 'value = 6' },
    { table: 'audit_log', id: 'auditId', set: "action = 'changed'" },
  ] as const;

  it.each(cases)('$table refuses UPDATE', ({ table, id, set }) => {
    const { db } = openTempDatabase();
    const ids = seed(db);
    const before = db.$client.prepare(`SELECT * FROM ${table} WHERE id = ?`).get(ids[id]);
    expect(() => db.$client.prepare(`UPDATE ${table} SET ${set} WHERE id = ?`).run(ids[id])).toThrow(`${table} is append-only`);
    expect(db.$client.prepare(`SELECT * FROM ${table} WHERE id = ?`).get(ids[id])).toEqual(before);
  });

  it.each(cases)('$table refuses DELETE', ({ table, id }) => {
    const { db } = openTempDatabase();
    const ids = seed(db);
    expect(() => db.$client.prepare(`DELETE FROM ${table} WHERE id = ?`).run(ids[id])).toThrow(`${table} is append-only`);
    expect(() => db.$client.prepare(`DELETE FROM ${table}`).run()).toThrow(`${table} is append-only`);
    expect(countRows(db, table)).toBe(1);
  });
});
