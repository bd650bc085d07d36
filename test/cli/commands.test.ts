import { execFile, spawn } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { closeDatabase, openDatabase } from '../../src/db/connection.ts';
import { redeemInvite } from '../../src/domain/invites.ts';
import { cliSandbox, useCliSandboxes } from '../helpers/cli.ts';

useCliSandboxes();
const run = promisify(execFile);
const servers: Server[] = [];
afterEach(() => {
  for (const s of servers.splice(0)) s.close();
});

/** A stand-in for the Bot API on 127.0.0.1 that knows getMe and records the paths asked for. */
async function fakeBotApi(username: string): Promise<{ root: string; paths: string[] }> {
  const paths: string[] = [];
  const server = createServer((req, res) => {
    paths.push(req.url ?? '');
    res.setHeader('content-type', 'application/json');
    if (req.url?.endsWith('/getMe')) res.end(JSON.stringify({ ok: true, result: { id: 1, is_bot: true, first_name: 'Thi đua', username } }));
    else res.end(JSON.stringify({ ok: false, error_code: 404, description: 'Not Found' }));
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { root: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, paths };
}

/** Runs `npm start` (node --import tsx src/main.ts) with `input` piped to its stdin. */
function npmStart(env: NodeJS.ProcessEnv, input: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      env: { ...process.env, LOG_LEVEL: 'silent', DEFAULT_LOCALE: 'vi', ...env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.on('error', () => undefined); // the chat may stop reading at /quit
    child.stdin.end(input);
  });
}

const TOKEN = '123456:ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdef';

describe('thidua invite', () => {
  it('prints a code that links a messenger account once, and no link while no bot is configured', async () => {
    const cli = cliSandbox();
    await cli.run('load-sample');
    const out = await cli.run('invite', '--unit', 'SNV', '--role', 'liaison', '--name', 'Nguyễn Thị Hoa', '--json');
    expect(out.code).toBe(0);
    const invite = JSON.parse(out.stdout) as { code: string; link: string | null };
    expect(invite.code).toMatch(/^[0-9A-Z]{5}-[0-9A-Z]{7}$/);
    expect(invite.link).toBeNull();

    const db = openDatabase(cli.dbPath);
    try {
      const first = redeemInvite(db, invite.code, { channel: 'telegram', externalId: '42' }, Date.UTC(2020, 1, 16));
      expect(first).toMatchObject({ ok: true, role: 'liaison' });
      expect(db.$client.prepare('SELECT full_name, role FROM people').all()).toEqual([{ full_name: 'Nguyễn Thị Hoa', role: 'liaison' }]);
      expect(redeemInvite(db, invite.code, { channel: 'telegram', externalId: '43' }, Date.UTC(2020, 1, 16))).toEqual({ ok: false, reason: 'used' });
    } finally {
      closeDatabase(db);
    }
  });

  it('prints the t.me deep link once a Telegram bot is configured, asking getMe only once', async () => {
    const api = await fakeBotApi('thidua_namdinh_bot');
    const cli = cliSandbox({ TELEGRAM_BOT_TOKEN: TOKEN, TELEGRAM_API_ROOT: api.root });
    await cli.run('load-sample');
    const first = await cli.run('invite', '--unit', 'HHH');
    expect(first.stdout).toMatch(/https:\/\/t\.me\/thidua_namdinh_bot\?start=[0-9A-Z]{5}-[0-9A-Z]{7}/);
    await cli.run('invite', '--unit', 'HGT', '--role', 'cluster_head');
    expect(api.paths).toEqual([`/bot${TOKEN}/getMe`]);
  });

  it('refuses an unknown unit or role and writes no invite', async () => {
    const cli = cliSandbox();
    await cli.run('load-sample');
    const unknownUnit = await cli.run('invite', '--unit', 'NOPE');
    expect(unknownUnit.code).toBe(1);
    expect(unknownUnit.stderr).toContain('Không có đơn vị mã "NOPE"');
    const badRole = await cli.run('invite', '--unit', 'SNV', '--role', 'boss');
    expect(badRole.code).toBe(2);
    const db = openDatabase(cli.dbPath);
    expect(db.$client.prepare('SELECT count(*) AS n FROM invites').get()).toEqual({ n: 0 });
    closeDatabase(db);
  });
});

describe('thidua status and backup', () => {
  it('gives the movement status as JSON for scripts', async () => {
    const cli = cliSandbox();
    await cli.run('load-sample');
    const out = await cli.run('status', '--json');
    const status = JSON.parse(out.stdout) as { totals: Record<string, number>; byGroup: unknown[]; deadlinePassed: boolean };
    expect(status.deadlinePassed).toBe(false);
    expect(status.totals).toEqual({ units: 34, none: 30, draft: 4, submitted: 0, returned: 0, approved: 0, submittedLate: 0, overdue: 0 });
    expect(status.byGroup).toHaveLength(6);
  });

  it('says how to start when no movement is loaded', async () => {
    const cli = cliSandbox();
    const out = await cli.run('status');
    expect(out.code).toBe(1);
    expect(out.stderr).toContain('thidua load-sample');
  });

  it('backs the database up to a file that opens with the same data', async () => {
    const cli = cliSandbox();
    await cli.run('load-sample');
    const target = join(cli.dir, 'copy.db');
    const out = await cli.run('backup', target);
    expect(out.code).toBe(0);
    const copy = openDatabase(target, { readonly: true });
    expect(copy.$client.prepare('SELECT count(*) AS n FROM units').get()).toEqual({ n: 34 });
    closeDatabase(copy);
  });

  it('does not overwrite an existing file unless --force, and then only a database', async () => {
    const cli = cliSandbox();
    await cli.run('load-sample');
    const target = join(cli.dir, 'copy.db');
    expect((await cli.run('backup', target)).code).toBe(0);
    const before = readFileSync(target);
    const again = await cli.run('backup', target, '--lang', 'vi');
    expect(again.code).toBe(1);
    expect(again.stderr).toBe(`Tệp ${target} đã có: không ghi đè. Chọn tên tệp khác, hoặc thêm --force để ghi đè bản sao lưu cũ này.\n`);
    expect(readFileSync(target).equals(before)).toBe(true);
    const forced = await cli.run('backup', target, '--force');
    expect(forced.code).toBe(0);
    expect(forced.stdout).toContain(`Đã sao lưu vào ${target}`);

    const notes = join(cli.dir, 'notes.txt');
    writeFileSync(notes, 'ghi chép quan trọng, không phải cơ sở dữ liệu');
    for (const args of [[notes], [notes, '--force']]) {
      const out = await cli.run('backup', ...args, '--lang', 'en');
      expect(out.code).toBe(1);
      expect(out.stderr).toBe(`${notes} is not an SQLite database: not overwritten. Choose another name.\n`);
    }
    expect(readFileSync(notes, 'utf8')).toBe('ghi chép quan trọng, không phải cơ sở dữ liệu');
  });

  it('answers a folder, the live database itself and an unwritable place in a line, without a stack trace', async () => {
    const cli = cliSandbox();
    await cli.run('load-sample');
    const folder = await cli.run('backup', cli.dir, '--lang', 'en');
    expect(folder.stderr).toBe(`${cli.dir} is a folder, not a file. Give a file name, e.g. ${cli.dir}/thidua-backup.db\n`);
    const itself = await cli.run('backup', cli.dbPath, '--force', '--lang', 'en');
    expect(itself.stderr).toContain('is the database in use');
    writeFileSync(join(cli.dir, 'a-file'), '');
    const unwritable = await cli.run('backup', join(cli.dir, 'a-file', 'copy.db'), '--lang', 'en');
    expect(unwritable.stderr).toMatch(/^Could not back up to .*a-file\/copy\.db: .+\n$/);
    for (const out of [folder, itself, unwritable]) {
      expect(out.code).toBe(1);
      expect(out.stderr).not.toMatch(/at .*\.(ts|js):\d+/);
    }
    expect((await cli.run('status')).code).toBe(0);
  });
});

describe('usage and configuration errors', () => {
  it('lists every configuration problem in one readable message, without a stack trace', async () => {
    const cli = cliSandbox({ HTTP_PORT: 'tám nghìn', TZ: 'Asia/Hanoi_City', LOG_LEVEL: 'loud', TELEGRAM_BOT_TOKEN: 'abc' });
    const out = await cli.run('status');
    expect(out.code).toBe(2);
    for (const name of ['HTTP_PORT', 'TZ', 'LOG_LEVEL', 'TELEGRAM_BOT_TOKEN']) expect(out.stderr).toContain(`- ${name}:`);
    expect(out.stderr).not.toContain('abc'); // secrets are never echoed
    expect(out.stderr).not.toMatch(/at .*\.ts:\d+/);
    expect(existsSync(cli.dbPath)).toBe(false);
  });

  it("npm start refuses half a messenger's setup, naming what is missing, before opening the database", async () => {
    const cli = cliSandbox();
    const env = { ...cli.env, TELEGRAM_BOT_TOKEN: '', ZALO_APP_ID: '1234567890', ZALO_APP_SECRET: '', ZALO_OA_SECRET_KEY: '', ZALO_BOT_TOKEN: '' };
    const out = await npmStart(env, '');
    expect(out.code).toBe(2);
    expect(out.stderr).toContain('Cấu hình không hợp lệ');
    expect(out.stderr).toContain('- ZALO_APP_SECRET, ZALO_OA_SECRET_KEY: Zalo OA mới cấu hình một nửa: đã đặt ZALO_APP_ID nhưng còn thiếu ZALO_APP_SECRET, ZALO_OA_SECRET_KEY.');
    expect(out.stderr).not.toMatch(/at .*\.ts:\d+/);
    expect(existsSync(cli.dbPath)).toBe(false);
  });

  it('answers an unknown command or option with the usage, in the chosen language', async () => {
    const cli = cliSandbox();
    const unknown = await cli.run('explode', '--lang', 'en');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('There is no command "explode"');
    const badOption = await cli.run('status', '--colour');
    expect(badOption.code).toBe(2);
    expect(badOption.stderr).toContain('Tùy chọn không hợp lệ');
    const help = await cli.run('import-units', '--help');
    expect(help.stdout).toContain('--dry-run');
  });
});

describe('the installed entry points', () => {
  it('npx thidua runs the CLI through its bin script', async () => {
    const cli = cliSandbox();
    const { stdout } = await run(process.execPath, ['src/bin/thidua.js', 'migrate', '--json'], { env: { ...process.env, ...cli.env } });
    // As many migrations as drizzle-kit's journal lists.
    const journal = JSON.parse(readFileSync(new URL('../../drizzle/meta/_journal.json', import.meta.url), 'utf8')) as { entries: unknown[] };
    expect(JSON.parse(stdout)).toEqual({ database: cli.dbPath, migrations: journal.entries.length });
  });

  it('npm start with no messenger configured opens the terminal chat on a sample movement, reading a piped script', async () => {
    const cli = cliSandbox();
    const out = await npmStart({ ...cli.env, TELEGRAM_BOT_TOKEN: '', ZALO_APP_ID: '' }, '/as SNV\n/help\n/quit\n/as admin\n');
    expect(out.code).toBe(0);
    // The configuration report goes to stderr, the chat to stdout.
    expect(out.stderr).toContain('Telegram: chưa cấu hình');
    expect(out.stderr).toContain('Zalo OA: chưa cấu hình');
    expect(out.stderr).toContain('đã tự nạp phong trào mẫu ND-2020');
    expect(out.stdout).not.toContain('Telegram: chưa cấu hình');
    expect(out.stdout).toContain(cli.dbPath);
    expect(out.stdout).toContain('Bạn đang đóng vai: Cán bộ đầu mối (SNV) — Cán bộ đầu mối, Sở Nội vụ.');
    expect(out.stdout).toContain('/as <mã đơn vị>'); // /help adds the terminal-only commands
    expect(out.stdout).toContain('Tạm biệt!');
    expect(out.stdout).not.toContain('Quản trị viên'); // nothing is read after /quit

    const db = openDatabase(cli.dbPath, { readonly: true });
    try {
      expect(db.$client.prepare('SELECT code FROM movements').all()).toEqual([{ code: 'ND-2020' }]);
      expect(db.$client.prepare('SELECT count(*) AS n FROM units').get()).toEqual({ n: 34 });
      expect(db.$client.prepare('SELECT full_name, role FROM people').all()).toEqual([{ full_name: 'Cán bộ đầu mối (SNV)', role: 'liaison' }]);
      expect(db.$client.prepare("SELECT external_id FROM identities WHERE channel = 'console' AND person_id IS NOT NULL").all()).toEqual([
        { external_id: 'console:unit:SNV' },
      ]);
    } finally {
      closeDatabase(db);
    }

    // A second start finds the movement already there and ends with the input.
    const again = await npmStart({ ...cli.env, TELEGRAM_BOT_TOKEN: '', ZALO_APP_ID: '' }, '/as SNV\n');
    expect(again.code).toBe(0);
    expect(again.stderr).not.toContain('đã tự nạp');
    expect(again.stdout).toContain('Cán bộ đầu mối (SNV)');
  });
});

describe('thidua extend and reopen', () => {
  it('extends the registration deadline for one unit, then for all, later only; reopens only an approved registration', async () => {
    const cli = cliSandbox();
    await cli.run('load-sample');
    {
      const db = openDatabase(cli.dbPath);
      const hhh = db.$client.prepare("SELECT id FROM units WHERE code = 'HHH'").get() as { id: number };
      db.$client.prepare("INSERT INTO people (full_name, role, unit_id) VALUES ('Phạm Thu', 'liaison', ?)").run(hhh.id);
      closeDatabase(db);
    }
    const one = await cli.run('extend', '--until', '15/04/2020', '--unit', 'HHH', '--reason', 'Sáp nhập phòng chuyên môn');
    expect(one.stdout).toContain('Đã gia hạn đăng ký cho UBND huyện Hải Hậu từ 31/03/2020 đến 15/04/2020.');
    const all = await cli.run('extend', '--until', '10/04/2020', '--json');
    expect(JSON.parse(all.stdout)).toEqual({ unit: null, from: '2020-03-31', until: '2020-04-10' });
    const earlier = await cli.run('extend', '--until', '01/04/2020');
    expect(earlier.code).not.toBe(0);
    expect(earlier.stderr).toContain('phải sau hạn hiện tại (10/04/2020)');
    expect((await cli.run('extend')).stderr).toContain('Cách dùng: thidua extend --until');
    const db = openDatabase(cli.dbPath);
    expect(db.$client.prepare("SELECT r.deadline_on AS d FROM registrations r JOIN units u ON u.id = r.unit_id WHERE u.code = 'HHH'").get()).toEqual({ d: '2020-04-15' });
    expect(db.$client.prepare("SELECT registration_deadline AS d FROM movements").get()).toEqual({ d: '2020-04-10' });
    // The liaison is told, once for each extension of the unit's deadline.
    expect(db.$client.prepare('SELECT payload FROM outbox ORDER BY id').all().map((r) => JSON.parse((r as { payload: string }).payload).text)).toEqual([
      '⏳ Ban Thi đua - Khen thưởng đã gia hạn nộp bản đăng ký thi đua của đơn vị đến 15/04/2020.',
    ]);
    closeDatabase(db);
    const reopen = await cli.run('reopen', '--unit', 'SNV', '--reason', 'Điều chỉnh');
    expect(reopen.stderr).toContain('Chỉ mở lại được bản đăng ký đã duyệt');
  });
});
