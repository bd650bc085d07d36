/**
 * What the bot keeps on disk is for its user alone: the real bot process and the real CLI, started
 * with the usual umask 022, make the database (with its WAL and SHM), backups, uploads, forms and
 * exports 0600 in 0700 folders, tighten what an earlier version left open, and `thidua doctor` says
 * when something is wider.
 */
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { tightenPaths } from '../../src/util/file-modes.ts';
import { cliSandbox, useCliSandboxes } from '../helpers/cli.ts';
import { waitFor } from '../helpers/wait.ts';

useCliSandboxes();
const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const mode = (path: string) => (statSync(path).mode & 0o777).toString(8);

/** Every file and folder under `root` with its mode, paths relative to `root`. */
function modes(root: string): Record<string, string> {
  const found: Record<string, string> = {};
  const walk = (rel: string) => {
    for (const name of readdirSync(join(root, rel))) {
      const path = join(rel, name);
      found[path] = mode(join(root, path));
      if (statSync(join(root, path)).isDirectory()) walk(path);
    }
  };
  walk('');
  return found;
}

/** A data folder as an earlier version left it: 0755, with a 0644 database and an export. */
function openDataFolder(): { root: string; data: string } {
  const root = mkdtempSync(join(tmpdir(), 'thidua-modes-'));
  dirs.push(root);
  const data = join(root, 'data');
  mkdirSync(join(data, 'exports'), { recursive: true, mode: 0o755 });
  chmodSync(data, 0o755);
  chmodSync(join(data, 'exports'), 0o755);
  writeFileSync(join(data, 'exports', 'old-export.csv'), 'a;b\n', { mode: 0o644 });
  return { root, data };
}

const UMASK_022 = { ...process.env, LOG_LEVEL: 'warn' };

describe('private files', () => {
  it('the bot makes its database, WAL, forms, uploads and exports 0600 in 0700 folders, and tightens older ones', async () => {
    const { root, data } = openDataFolder();
    const sent = join(root, 'filled.xlsx');
    writeFileSync(sent, 'not really a workbook', { mode: 0o644 });
    const previous = process.umask(0o022);
    const bot = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], { env: { ...UMASK_022, DATABASE_PATH: join(data, 'thidua.db') }, stdio: ['pipe', 'pipe', 'pipe'] });
    process.umask(previous);
    let output = '';
    bot.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    let log = '';
    bot.stderr.on('data', (chunk: Buffer) => (log += chunk.toString('utf8')));
    const say = async (line: string, until: RegExp) => {
      const from = output.length;
      bot.stdin.write(`${line}\n`);
      await waitFor(() => until.test(output.slice(from)), `"${until.source}" after ${line}`, 15_000);
    };
    try {
      await say('/as SNV', /SNV/);
      await say('/dangky', /Nhận biểu mẫu Excel/);
      await say('Nhận biểu mẫu Excel', /📎 Tệp dang-ky-SNV-2020\.xlsx/);
      await say(`/file ${sent}`, /chưa dùng được/);
      await say('/as admin', /Xuất số liệu/);
      await say('/xuat', /Excel \(XLSX\)/);
      await say('1', /📎 Tệp [^:]+\.xlsx/);
      // While it runs: the database's WAL and SHM are there, and as private as the database.
      const running = modes(data);
      expect(Object.keys(running)).toEqual(expect.arrayContaining(['thidua.db', 'thidua.db-wal', 'thidua.db-shm']));
      expect(Object.entries(running).filter(([, m]) => m !== '600' && m !== '700')).toEqual([]);
      expect(running).toMatchObject({ 'thidua.db': '600', 'thidua.db-wal': '600', 'thidua.db-shm': '600', forms: '700', 'forms/in': '700', 'forms/out': '700', exports: '700', 'exports/old-export.csv': '600' });
      expect(Object.keys(running).some((p) => p.startsWith('forms/in/') && p.endsWith('filled.xlsx'))).toBe(true);
      expect(Object.keys(running).filter((p) => p.startsWith('exports/') && p.endsWith('.xlsx'))).toHaveLength(1);
      expect(mode(data)).toBe('700');
      expect(log).toContain('private files were readable by others; tightened');
    } finally {
      bot.stdin.end('/quit\n');
      await new Promise((resolve) => bot.once('exit', resolve));
    }
  }, 60_000);

  it('`thidua backup` writes the backup 0600 in a 0700 folder, even run with umask 022', () => {
    const { data } = openDataFolder();
    const env = { ...UMASK_022, DATABASE_PATH: join(data, 'thidua.db') };
    const previous = process.umask(0o022);
    const run = (...args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/run.ts', ...args], { env, encoding: 'utf8', timeout: 30_000 });
    const migrated = run('migrate');
    const backedUp = run('backup');
    const named = run('backup', join(data, 'copies', 'before-upgrade.db'));
    process.umask(previous);
    expect([migrated.status, backedUp.status, named.status]).toEqual([0, 0, 0]);
    const found = modes(data);
    const backups = Object.keys(found).filter((p) => p.startsWith('backups/'));
    expect(backups).toHaveLength(1);
    expect(found).toMatchObject({ 'thidua.db': '600', backups: '700', [backups[0]!]: '600', copies: '700', 'copies/before-upgrade.db': '600' });
  }, 60_000);

  it('`thidua doctor` warns of private files others can read, and is content once they are not', async () => {
    // The CLI in-process, with the umask src/cli/run.ts sets (test/helpers/cli.ts); the temp folder is tightened as the bot does at start.
    const sandbox = cliSandbox();
    expect((await sandbox.run('backup')).code).toBe(0);
    tightenPaths([sandbox.dir]);
    const closed = await sandbox.run('doctor', '--lang', 'vi');
    expect(closed.stdout).toContain('✓ Cơ sở dữ liệu, bản sao lưu, tệp nhận và tệp xuất chỉ người dùng chạy bot đọc được');
    expect(closed.stdout).not.toContain('người khác trên máy đọc được');

    const backup = join(sandbox.dir, 'backups', readdirSync(join(sandbox.dir, 'backups'))[0]!);
    chmodSync(sandbox.dbPath, 0o644);
    chmodSync(backup, 0o640);
    const open = await sandbox.run('doctor', '--lang', 'vi');
    // The WAL and SHM take the database's mode.
    expect(open.stdout).toContain(`! 4 tệp/thư mục riêng tư đang để người khác trên máy đọc được: ${sandbox.dbPath} (644), ${sandbox.dbPath}-shm (644), ${sandbox.dbPath}-wal (644), ${backup} (640).`);
  });
});
