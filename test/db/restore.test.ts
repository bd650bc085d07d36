import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { cpSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { afterEach, describe, expect, it } from 'vitest';
import { closeDatabase, openDatabase } from '../../src/db/connection.ts';
import { botRunning, DatabaseInUseError, holdRunLock, whileBotStopped } from '../../src/db/run-lock.ts';
import { storeTokenPair, readTokenPair } from '../../src/db/zalo-tokens.ts';
import { cliSandbox, useCliSandboxes } from '../helpers/cli.ts';
import { waitFor } from '../helpers/wait.ts';

useCliSandboxes();
const children: ChildProcessWithoutNullStreams[] = [];
afterEach(async () => {
  for (const child of children.splice(0)) {
    if (child.exitCode !== null) continue;
    const exited = new Promise((resolve) => child.on('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  }
});

const PROJECT_ROOT = fileURLToPath(new URL('../..', import.meta.url));

function setting(path: string, key: string): string | undefined {
  const db = new Database(path, { readonly: true });
  try {
    return (db.prepare('SELECT value FROM settings WHERE key = ?').get(key) as { value: string } | undefined)?.value;
  } finally {
    db.close();
  }
}

function write(path: string, key: string, value: string): void {
  const db = openDatabase(path);
  db.$client.prepare('INSERT OR REPLACE INTO settings (key, value, updated_at) VALUES (?, ?, 0)').run(key, value);
  closeDatabase(db);
}

/** A database made by an earlier version of the program: only its first `count` migrations. */
function olderDatabase(dir: string, count: number): string {
  const path = join(dir, `older-${count}.db`);
  const folder = join(dir, `drizzle-${count}`);
  cpSync(join(PROJECT_ROOT, 'drizzle'), folder, { recursive: true });
  const journalPath = join(folder, 'meta', '_journal.json');
  const journal = JSON.parse(readFileSync(journalPath, 'utf8')) as { entries: unknown[] };
  journal.entries = journal.entries.slice(0, count);
  writeFileSync(journalPath, JSON.stringify(journal));
  const db = openDatabase(path, { migrate: false });
  migrate(db, { migrationsFolder: folder });
  closeDatabase(db);
  return path;
}

describe('thidua restore', () => {
  it('round-trips: what was backed up comes back, and the replaced database is kept beside it', async () => {
    const cli = cliSandbox();
    await cli.run('load-sample');
    write(cli.dbPath, 'note', 'trước khi sao lưu');
    const backup = join(cli.dir, 'saved.db');
    expect((await cli.run('backup', backup)).code).toBe(0);
    write(cli.dbPath, 'note', 'sau khi sao lưu');

    const out = await cli.run('restore', backup, '--json');
    expect(out.stderr).toBe('');
    expect(out.code).toBe(0);
    const result = JSON.parse(out.stdout) as { kept: string; migrationsBefore: number; migrationsAfter: number };
    expect(result.migrationsAfter).toBe(result.migrationsBefore);

    expect(setting(cli.dbPath, 'note')).toBe('trước khi sao lưu');
    expect(result.kept).toBe(join(cli.dir, 'thidua.before-restore-20200215-030000.db'));
    expect(setting(result.kept, 'note')).toBe('sau khi sao lưu');
    const restored = new Database(cli.dbPath, { readonly: true });
    expect(restored.pragma('integrity_check', { simple: true })).toBe('ok');
    expect((restored.prepare('SELECT count(*) AS n FROM units').get() as { n: number }).n).toBe(34);
    restored.close();
    // The bot starts on it as usual.
    expect((await cli.run('status')).code).toBe(0);
    // A second restore in the same second keeps the database it replaces too, under another name.
    const again = JSON.parse((await cli.run('restore', backup, '--json')).stdout) as { kept: string };
    expect(again.kept).toBe(join(cli.dir, 'thidua.before-restore-20200215-030000-2.db'));
    expect(setting(result.kept, 'note')).toBe('sau khi sao lưu');
  });

  it('brings an older backup up to date with the migrations it lacks', async () => {
    const cli = cliSandbox();
    const older = olderDatabase(cli.dir, 5);
    const all = (JSON.parse(readFileSync(join(PROJECT_ROOT, 'drizzle', 'meta', '_journal.json'), 'utf8')) as { entries: unknown[] }).entries.length;

    const out = await cli.run('restore', older, '--json');
    expect(out.code).toBe(0);
    const result = JSON.parse(out.stdout) as { kept?: string };
    expect(result).toMatchObject({ migrationsBefore: 5, migrationsAfter: all });
    expect(result.kept).toBeUndefined(); // there was no database to replace
    const text = await cli.run('restore', older, '--lang', 'en');
    expect(text.stdout).toContain(`${all - 5} more migrations applied`);
  });

  it('a restore that fails half-way (here a migration of the backup) leaves the database as it was', async () => {
    const cli = cliSandbox();
    write(cli.dbPath, 'note', 'bản đang dùng');
    const older = olderDatabase(cli.dir, 5);
    // Something in the way of the sixth migration.
    const blocker = new Database(older);
    blocker.exec('CREATE INDEX inbound_queue_waiting ON inbound_queue (id)');
    blocker.close();

    const out = await cli.run('restore', older, '--lang', 'en');
    expect(out.code).toBe(1);
    expect(out.stderr).toContain(`Restoring from ${older} failed (`);
    expect(out.stderr).toContain('is left as it was.');
    expect(setting(cli.dbPath, 'note')).toBe('bản đang dùng');
    expect(readdirSync(cli.dir).filter((f) => f.includes('before-restore'))).toEqual([]);
    expect((await cli.run('migrate')).code).toBe(0);
  });

  it('refuses a file that is not a sound backup of ours, and changes nothing', async () => {
    const cli = cliSandbox();
    write(cli.dbPath, 'note', 'bản đang dùng');
    const junk = join(cli.dir, 'junk.db');
    writeFileSync(junk, 'this is not a database at all, just some text that is long enough to look like a header...');
    const foreign = join(cli.dir, 'foreign.db');
    const other = new Database(foreign);
    other.exec('CREATE TABLE photos (id INTEGER PRIMARY KEY)');
    other.close();
    const newer = join(cli.dir, 'newer.db');
    cpSync(cli.dbPath, newer);
    const n = new Database(newer);
    n.prepare('INSERT INTO __drizzle_migrations (hash, created_at) VALUES (?, ?)').run('future', 4_000_000_000_000);
    n.close();

    const cases: [string, string][] = [
      [join(cli.dir, 'nowhere.db'), 'There is no file'],
      [junk, 'is not a readable SQLite database'],
      [foreign, 'is not a backup of Trợ lý Thi đua'],
      [newer, 'was made by a newer version'],
    ];
    for (const [file, said] of cases) {
      const out = await cli.run('restore', file, '--lang', 'en');
      expect(out.code, file).toBe(1);
      expect(out.stderr).toContain(said);
    }
    expect(setting(cli.dbPath, 'note')).toBe('bản đang dùng');
    expect((await cli.run('restore', junk)).stderr).toContain('không phải cơ sở dữ liệu SQLite');
  });

  it('refuses a backup whose tables, indexes, triggers or views differ from what the migrations create, and changes nothing', async () => {
    const cli = cliSandbox();
    await cli.run('load-sample');
    write(cli.dbPath, 'note', 'bản đang dùng');
    const tampered = (name: string, sql: string) => {
      const path = join(cli.dir, `${name}.db`);
      cpSync(cli.dbPath, path);
      const copy = new Database(path);
      copy.exec(sql);
      copy.close();
      return path;
    };
    const everyoneAdmin = 'CREATE TRIGGER people_all_admin AFTER INSERT ON people BEGIN UPDATE people SET role = \'admin\' WHERE id = NEW.id; END';
    const cases: [string, string][] = [
      [tampered('trigger', everyoneAdmin), 'extra trigger people_all_admin'],
      [tampered('view', 'CREATE VIEW phones AS SELECT full_name, phone FROM people'), 'extra view phones'],
      [tampered('table', 'CREATE TABLE loot (x)'), 'extra table loot'],
      [tampered('dropped-index', 'DROP INDEX inbound_queue_waiting'), 'missing index inbound_queue_waiting'],
    ];
    for (const [file, said] of cases) {
      const out = await cli.run('restore', file, '--lang', 'en');
      expect(out.code, file).toBe(1);
      expect(out.stderr).toContain(`${file} holds schema objects (tables, indexes, triggers, views) that differ from the program's database: ${said}. Not restored; nothing was changed.`);
    }
    expect(setting(cli.dbPath, 'note')).toBe('bản đang dùng');
    expect(readdirSync(cli.dir).filter((f) => f.includes('before-restore'))).toEqual([]);
    const live = new Database(cli.dbPath, { readonly: true });
    expect(live.prepare("SELECT name FROM sqlite_master WHERE type = 'trigger' AND name = 'people_all_admin'").all()).toEqual([]);
    live.close();
  });

  it('refuses an older backup carrying an extra trigger once it is migrated, and puts the database back as it was', async () => {
    const cli = cliSandbox();
    write(cli.dbPath, 'note', 'bản đang dùng');
    const older = olderDatabase(cli.dir, 5);
    const copy = new Database(older);
    copy.exec("CREATE TRIGGER people_all_admin AFTER INSERT ON people BEGIN UPDATE people SET role = 'admin' WHERE id = NEW.id; END");
    copy.close();
    const out = await cli.run('restore', older, '--lang', 'vi');
    expect(out.code).toBe(1);
    expect(out.stderr).toContain('extra trigger people_all_admin');
    expect(out.stderr).toContain('Không khôi phục, không có gì thay đổi.');
    expect(setting(cli.dbPath, 'note')).toBe('bản đang dùng');
    expect(readdirSync(cli.dir).filter((f) => f.includes('before-restore'))).toEqual([]);
    expect((await cli.run('migrate')).code).toBe(0);
  });

  it('keeps the replaced database’s Zalo token pair when it is newer than the backup’s', async () => {
    const cli = cliSandbox();
    const db = openDatabase(cli.dbPath);
    storeTokenPair(db, { accessToken: 'old-access-token-000000', refreshToken: 'old-refresh-token-00000', expiresAt: 1 }, 1);
    closeDatabase(db);
    const backup = join(cli.dir, 'saved.db');
    await cli.run('backup', backup);
    const again = openDatabase(cli.dbPath);
    storeTokenPair(again, { accessToken: 'new-access-token-111111', refreshToken: 'new-refresh-token-11111', expiresAt: 2 }, 2);
    closeDatabase(again);

    const out = await cli.run('restore', backup);
    expect(out.code).toBe(0);
    expect(out.stdout).toContain('Giữ lại mã truy cập Zalo');
    const restored = openDatabase(cli.dbPath);
    expect(readTokenPair(restored)?.refreshToken).toBe('new-refresh-token-11111');
    closeDatabase(restored);
  });

  it('refuses while a bot holds the database, and a bot cannot start while a restore runs', async () => {
    const cli = cliSandbox();
    const backup = join(cli.dir, 'saved.db');
    await cli.run('backup', backup);
    const running = holdRunLock(cli.dbPath);
    const out = await cli.run('restore', backup);
    running.release();
    expect(out.code).toBe(1);
    expect(out.stderr).toContain('Bot đang chạy');
    expect((await cli.run('restore', backup)).code).toBe(0);

    // …and while a restore holds it, a bot starting is told so.
    await whileBotStopped(cli.dbPath, () => {
      expect(() => holdRunLock(cli.dbPath, 0)).toThrow(DatabaseInUseError);
      expect(botRunning(cli.dbPath)).toBe(true);
    });
    expect(botRunning(cli.dbPath)).toBe(false);
  });

  it('refuses while `npm start` runs on the database', async () => {
    const cli = cliSandbox();
    const backup = join(cli.dir, 'saved.db');
    await cli.run('backup', backup);
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      cwd: PROJECT_ROOT,
      env: { ...process.env, DATABASE_PATH: cli.dbPath, LOG_LEVEL: 'silent', DEFAULT_LOCALE: 'en', TELEGRAM_BOT_TOKEN: '', ZALO_APP_ID: '' },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    children.push(child);
    let err = '';
    child.stderr.on('data', (c: Buffer) => (err += c.toString()));
    await waitFor(() => err.includes('Database:'), 'the bot to start', 20_000);

    const refused = await cli.run('restore', backup, '--lang', 'en');
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('The bot is running on');

    const exited = new Promise((resolve) => child.on('exit', resolve));
    child.stdin.end('/quit\n');
    await exited;
    expect((await cli.run('restore', backup)).code).toBe(0);
    expect(existsSync(cli.dbPath)).toBe(true);
  }, 30_000);
});
