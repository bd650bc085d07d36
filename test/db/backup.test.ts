import { spawn } from 'node:child_process';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { backupDatabase } from '../../src/db/backup.ts';
import { countRows, openTempDatabase, useTempDatabases, type TempDatabase } from '../helpers/db.ts';

useTempDatabases();

const PROJECT_ROOT = fileURLToPath(new URL('../..', import.meta.url));
const WRITE_FOR_MS = 1500;

/**
 * A second process that keeps writing to the database for WRITE_FOR_MS: each transaction inserts
 * the next `w0000000…` row and sets `writer-count` to how many rows there are, so any consistent
 * snapshot has exactly `writer-count` rows, numbered from 0 without a gap.
 */
const WRITER = `
  const Database = require('better-sqlite3');
  const db = new Database(process.argv[1]);
  db.pragma('busy_timeout = 5000');
  const insert = db.prepare('INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?)');
  const count = db.prepare("INSERT INTO settings (key, value, updated_at) VALUES ('writer-count', ?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at");
  const write = db.transaction((n) => {
    insert.run('w' + String(n).padStart(7, '0'), 'row ' + n, Date.now());
    count.run(String(n + 1), Date.now());
  });
  const end = Date.now() + ${WRITE_FOR_MS};
  let n = 0;
  while (Date.now() < end) {
    write(n++);
    if (n === 50) process.stdout.write('writing\\n');
  }
  db.close();
  process.stdout.write('done ' + n + '\\n');
`;

interface Writer {
  /** Resolves once the writer has committed its first rows. */
  started: Promise<void>;
  /** Resolves with the number of rows written, once the process has exited. */
  finished: Promise<number>;
  isDone(): boolean;
}

function startWriter(path: string): Writer {
  const child = spawn(process.execPath, ['-e', WRITER, path], { cwd: PROJECT_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  let onStarted: () => void = () => {};
  const started = new Promise<void>((resolve) => (onStarted = resolve));
  child.stdout.on('data', (chunk: Buffer) => {
    out += chunk.toString();
    if (out.includes('writing')) onStarted();
  });
  child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
  const finished = new Promise<number>((resolve, reject) =>
    child.on('exit', (code) => {
      onStarted();
      const m = /done (\d+)/.exec(out);
      if (code === 0 && m) resolve(Number(m[1]));
      else reject(new Error(`writer exited with ${code}: ${err}`));
    }),
  );
  return { started, finished, isDone: () => out.includes('done') };
}

/** Makes the database bigger, so copying it takes several backup steps. */
function fill(temp: TempDatabase, rows: number): void {
  const insert = temp.db.$client.prepare("INSERT INTO settings (key, value, updated_at) VALUES (?, ?, 0)");
  const filler = 'x'.repeat(1000);
  temp.db.$client.transaction(() => {
    for (let i = 0; i < rows; i++) insert.run(`filler-${i}`, filler);
  })();
}

function writerRows(db: Database.Database): { keys: string[]; count: number | undefined } {
  const keys = (db.prepare("SELECT key FROM settings WHERE key GLOB 'w[0-9]*' ORDER BY key").all() as { key: string }[]).map((r) => r.key);
  const count = db.prepare("SELECT value FROM settings WHERE key = 'writer-count'").get() as { value: string } | undefined;
  return { keys, count: count === undefined ? undefined : Number(count.value) };
}

const expectedKeys = (n: number) => Array.from({ length: n }, (_, i) => `w${String(i).padStart(7, '0')}`);

async function backupWhileWriting(fillerRows: number) {
  const temp = openTempDatabase();
  fill(temp, fillerRows);
  const writer = startWriter(temp.path);
  await writer.started;
  expect(writer.isDone()).toBe(false);

  const destination = join(temp.dir, 'backup.db');
  const progress: [number, number][] = [];
  const result = await backupDatabase(temp.db, destination, (done, total) => progress.push([done, total]));
  const finishedWhileWriting = !writer.isDone();
  const written = await writer.finished;
  return { temp, destination, result, progress, finishedWhileWriting, written };
}

describe('backupDatabase while another process writes', () => {
  it('completes with a copy that passes integrity_check and holds a consistent prefix of the rows', async () => {
    const { temp, destination, result, progress, written } = await backupWhileWriting(500);

    expect(result.path).toBe(destination);
    expect(result.bytes).toBe(statSync(destination).size);
    expect(result.pages).toBeGreaterThan(0);
    expect(progress.length).toBeGreaterThan(0);
    for (const [done, total] of progress) expect(done).toBeLessThanOrEqual(total);

    let inCopy = 0;
    const copy = new Database(destination, { readonly: true });
    try {
      expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(copy.pragma('foreign_key_check')).toEqual([]);
      // everything that was there before, and a prefix of what the writer added, with nothing torn
      expect((copy.prepare("SELECT count(*) AS n FROM settings WHERE key LIKE 'filler-%'").get() as { n: number }).n).toBe(500);
      const { keys, count } = writerRows(copy);
      expect(keys.length).toBeGreaterThan(0);
      expect(keys.length).toBeLessThanOrEqual(written);
      expect(keys).toEqual(expectedKeys(keys.length));
      expect(count).toBe(keys.length);
      inCopy = keys.length;
      // the schema came along too
      expect(copy.prepare('SELECT hash FROM __drizzle_migrations ORDER BY id').all()).toEqual(
        temp.db.$client.prepare('SELECT hash FROM __drizzle_migrations ORDER BY id').all(),
      );
    } finally {
      copy.close();
    }

    // the source kept every row the writer committed, during and after the backup
    const source = writerRows(temp.db.$client);
    expect(written).toBeGreaterThan(inCopy); // it went on writing after the snapshot was taken
    expect(source.keys).toEqual(expectedKeys(written));
    expect(source.count).toBe(written);
    expect(countRows(temp.db, 'settings')).toBe(500 + written + 1);
  });

  it('finishes while the other process is still writing, even for a database of some size', async () => {
    // ~30 MB: with 200 pages per step, the copy needs about 40 steps, and each write by the other
    // process between two steps restarts it from the first page.
    const { destination, finishedWhileWriting, written } = await backupWhileWriting(30_000);
    expect(finishedWhileWriting).toBe(true);
    const copy = new Database(destination, { readonly: true });
    try {
      expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
      const { keys, count } = writerRows(copy);
      expect(keys).toEqual(expectedKeys(keys.length));
      expect(count).toBe(keys.length);
      expect(keys.length).toBeLessThan(written);
    } finally {
      copy.close();
    }
  });
});

