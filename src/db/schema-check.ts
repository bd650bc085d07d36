/**
 * Whether a database holds exactly the schema objects (tables, indexes, triggers, views) the
 * migrations create, and nothing else: a file to be restored could carry an extra trigger (one that
 * makes every new person an admin) or a changed view, which a restore must not let in.
 */
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { fileURLToPath } from 'node:url';

const MIGRATIONS_FOLDER = fileURLToPath(new URL('../../drizzle', import.meta.url));

type SchemaObjects = Map<string, string>;

/** Each object as `type name` → its SQL, spaces evened out (SQLite's own autoindexes have none and are left out). */
function schemaObjects(client: Database.Database): SchemaObjects {
  const rows = client.prepare("SELECT type, name, tbl_name AS tbl, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY type, name").all() as {
    type: string;
    name: string;
    tbl: string;
    sql: string | null;
  }[];
  return new Map(rows.map((r) => [`${r.type} ${r.name}`, `${r.tbl}: ${(r.sql ?? '').replace(/\s+/g, ' ').trim()}`]));
}

let reference: SchemaObjects | undefined;

/** What the migrations create, in a fresh database in memory (made once). */
function referenceObjects(): SchemaObjects {
  if (!reference) {
    const client = new Database(':memory:');
    try {
      migrate(drizzle({ client }), { migrationsFolder: MIGRATIONS_FOLDER });
      reference = schemaObjects(client);
    } finally {
      client.close();
    }
  }
  return reference;
}

/** How the database's schema differs from the migrations' ("extra trigger x", "changed view y", "missing table z"); none when it is theirs. */
export function schemaDifferences(client: Database.Database): string[] {
  const expected = referenceObjects();
  const actual = schemaObjects(client);
  const differences: string[] = [];
  for (const [key, sql] of actual) {
    if (!expected.has(key)) differences.push(`extra ${key}`);
    else if (expected.get(key) !== sql) differences.push(`changed ${key}`);
  }
  for (const key of expected.keys()) if (!actual.has(key)) differences.push(`missing ${key}`);
  return differences;
}
