/**
 * Another process (an import, a backup tool, a SQLite browser) holds the database's write lock for
 * 8 s, longer than the 5 s busy timeout, while people write on Zalo (webhooks), on Telegram (long
 * polling) and in the terminal chat. All as `npm start` runs them, each in its own process.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer, type AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { storeTokenPair } from '../../src/channels/zalo/tokens.ts';
import { closeDatabase, openDatabase } from '../../src/db/connection.ts';
import { cliActor } from '../../src/domain/audit.ts';
import { t } from '../../src/i18n/index.ts';
import { loadSampleMovement } from '../../src/sample/load.ts';
import { APP_ID, fixtureJson, OA_SECRET_KEY, startFakeZalo, type FakeZalo } from '../channels/zalo/fake-zalo.ts';
import { sign } from '../channels/zalo/harness.ts';
import { openTempDatabase, useTempDatabases } from '../helpers/db.ts';
import { FAKE_TOKEN, FakeBotApi, tg } from '../helpers/fake-telegram.ts';
import { liaisons } from '../helpers/liaisons.ts';
import { waitFor } from '../helpers/wait.ts';

useTempDatabases();
const cleanups: (() => Promise<unknown> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

const LOCK_MS = 8_000;
const ZALO_USERS = ['7001', '7002', '7003', '7004', '7005'];

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** A database file with the sample movement; `prepare` adds what the test needs. */
function databaseFile(prepare: (db: ReturnType<typeof openDatabase>) => void = () => undefined): string {
  const temp = openTempDatabase();
  temp.db.$client.close();
  const db = openDatabase(temp.path);
  loadSampleMovement(db, cliActor, Date.now());
  prepare(db);
  closeDatabase(db);
  return temp.path;
}

interface Running {
  child: ChildProcess;
  stdout: () => string;
  stderr: () => string;
}

/** `npm start` (node --import tsx src/main.ts) with this environment. */
function npmStart(env: Record<string, string>, stdin: 'pipe' | 'ignore' = 'ignore'): Running {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], { env: { ...process.env, LOG_LEVEL: 'info', ...env }, stdio: [stdin, 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout!.on('data', (c: Buffer) => (out += c.toString()));
  child.stderr!.on('data', (c: Buffer) => (err += c.toString()));
  cleanups.push(() => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  });
  return { child, stdout: () => out, stderr: () => err };
}

/** A second process that takes the write lock of every file (BEGIN IMMEDIATE) and keeps it `ms`. */
async function holdWriteLock(paths: string[], ms: number): Promise<{ released: Promise<void> }> {
  const script = `
    const Database = require('better-sqlite3');
    const dbs = JSON.parse(process.argv[1]).map((p) => new Database(p));
    for (const db of dbs) db.exec('BEGIN IMMEDIATE');
    process.stdout.write('locked\\n');
    setTimeout(() => { for (const db of dbs) { db.exec('COMMIT'); db.close(); } process.stdout.write('released\\n'); }, ${ms});`;
  const child = spawn(process.execPath, ['-e', script, JSON.stringify(paths)], { stdio: ['ignore', 'pipe', 'inherit'] });
  cleanups.push(() => void child.kill('SIGKILL'));
  let out = '';
  child.stdout.on('data', (c: Buffer) => (out += c.toString()));
  await waitFor(() => out.includes('locked'), 'the lock to be taken', 10_000);
  return { released: new Promise((resolve) => child.once('exit', () => resolve())) };
}

/** Delivers a Zalo event as Zalo does: signed, and again a second later while the answer is not 200. */
async function deliverToZalo(port: number, zalo: FakeZalo, userId: string, text: string): Promise<number[]> {
  const statuses: number[] = [];
  const sample = fixtureJson('user_send_text.official-example.json');
  zalo.inbound(userId, `lock-${userId}`);
  const timestamp = String(Date.now());
  const raw = JSON.stringify({ ...sample, sender: { id: userId }, message: { text, msg_id: `lock-${userId}` }, timestamp });
  for (let attempt = 0; attempt < 30; attempt++) {
    const status = await fetch(`http://127.0.0.1:${port}/zalo/webhook`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-zevent-signature': sign(raw, timestamp) }, body: raw })
      .then(async (r) => (await r.text(), r.status))
      .catch(() => 0);
    statuses.push(status);
    if (status === 200) break;
    await new Promise((resolve) => setTimeout(resolve, 1_000));
  }
  return statuses;
}

describe('another process holds the write lock for 8 s', () => {
  it('the bot stays up, and every person on Zalo, Telegram and the terminal is answered once after the lock goes', async () => {
    const api = await new FakeBotApi().start();
    cleanups.push(() => api.close());
    const zalo: FakeZalo = await startFakeZalo();
    cleanups.push(() => zalo.close());
    let chats: number[] = [];
    const botDb = databaseFile((db) => {
      chats = liaisons(db, 3);
      storeTokenPair(db, { accessToken: zalo.valid.access, refreshToken: zalo.valid.refresh, expiresAt: Date.now() + 86_400_000 }, Date.now());
    });
    const terminalDb = databaseFile();
    const port = await freePort();

    const bot = npmStart({
      DATABASE_PATH: botDb,
      HTTP_PORT: String(port),
      TELEGRAM_BOT_TOKEN: FAKE_TOKEN,
      TELEGRAM_API_ROOT: api.root,
      ZALO_APP_ID: APP_ID,
      ZALO_APP_SECRET: 'test-app-secret',
      ZALO_OA_SECRET_KEY: OA_SECRET_KEY,
      ZALO_API_BASE: zalo.base,
      ZALO_OAUTH_BASE: zalo.base,
    });
    const terminal = npmStart({ DATABASE_PATH: terminalDb }, 'pipe');
    await waitFor(() => bot.stderr().includes(`@${api.username}`) && bot.stderr().includes('"telegram polling"'), 'the bot to start', 30_000);
    await waitFor(() => terminal.stdout().length > 0, 'the terminal chat to start', 30_000);
    terminal.child.stdin!.write('/as SNV\n');
    await waitFor(() => terminal.stdout().includes(t('vi', 'menu-register')), 'the terminal greeting', 10_000);
    const before = terminal.stdout().length;

    const lock = await holdWriteLock([botDb, terminalDb], LOCK_MS);
    const lockedAt = Date.now();
    for (const chat of chats) api.pushUpdate(tg.command(chat, '/start'));
    terminal.child.stdin!.write('/trogiup\n3\n');
    const zaloDeliveries = Promise.all(ZALO_USERS.map((user) => deliverToZalo(port, zalo, user, 'Xin chào')));
    await lock.released;

    const statuses = await zaloDeliveries;
    await waitFor(() => ZALO_USERS.every((u) => zalo.messages(u).length >= 1), 'every Zalo user answered', 30_000);
    await waitFor(() => chats.every((c) => api.sentTexts(c).length >= 1), 'every Telegram chat answered', 30_000);
    await waitFor(() => terminal.stdout().slice(before).includes('Đơn vị'), 'the terminal lines answered', 30_000);
    // Answers that might come twice would have come by now.
    await new Promise((resolve) => setTimeout(resolve, 1_500));

    expect(bot.child.exitCode).toBeNull();
    expect(terminal.child.exitCode).toBeNull();
    // Nothing was answered while the lock was held: every answer came after it went.
    expect(Date.now() - lockedAt).toBeGreaterThanOrEqual(LOCK_MS);
    for (const user of ZALO_USERS) {
      expect(zalo.messages(user)).toHaveLength(1);
      expect(zalo.messages(user)[0]!.text).toContain('Mời gửi mã mời');
    }
    // Zalo was told to deliver again (503) while the update could not be stored; never a dropped connection.
    expect(statuses.flat()).not.toContain(0);
    expect(statuses.flat().filter((s) => s !== 200).every((s) => s === 503)).toBe(true);
    for (const chat of chats) {
      expect(api.sentTexts(chat)).toHaveLength(1);
      expect(api.sentTexts(chat)[0]).toContain(t('vi', 'menu-prompt'));
    }
    const lines = terminal.stdout().slice(before);
    expect(lines).not.toContain(t('vi', 'console-internal-error'));
    expect(lines).toContain(t('vi', 'console-help-extra').split('\n')[0]!);
    // The lock was logged once as such, and its end once, not once per message.
    const logged = bot.stderr().split('\n').filter((l) => l.startsWith('{')).map((l) => (JSON.parse(l) as { msg: string }).msg);
    expect(logged.filter((m) => m === 'database locked by another process; waiting for it').length).toBeGreaterThanOrEqual(1);
    expect(logged).not.toContain('inbound update failed');
    const db = openDatabase(botDb);
    cleanups.push(() => closeDatabase(db));
    expect(db.$client.prepare('SELECT count(*) AS n FROM inbound_queue WHERE error IS NOT NULL').get()).toEqual({ n: 0 });
    expect(db.$client.pragma('integrity_check', { simple: true })).toBe('ok');
  }, 90_000);

  it('a bot stopped while an update waits for the lock leaves it to Telegram, and answers it once after the restart', async () => {
    const api = await new FakeBotApi().start();
    cleanups.push(() => api.close());
    let chats: number[] = [];
    const path = databaseFile((db) => (chats = liaisons(db, 1)));
    const env = { DATABASE_PATH: path, HTTP_PORT: String(await freePort()), TELEGRAM_BOT_TOKEN: FAKE_TOKEN, TELEGRAM_API_ROOT: api.root };
    const first = npmStart(env);
    await waitFor(() => first.stderr().includes('"telegram polling"'), 'the bot to start', 30_000);

    const lock = await holdWriteLock([path], LOCK_MS);
    api.pushUpdate(tg.command(chats[0]!, '/start'));
    await waitFor(() => first.stderr().includes('database locked by another process'), 'the update to wait for the lock', 20_000);
    first.child.kill('SIGTERM');
    const code = await new Promise<number | null>((resolve) => first.child.once('exit', resolve));
    expect(code).toBe(0);
    expect(api.sentTexts(chats[0]!)).toEqual([]);
    await lock.released;

    const second = npmStart(env);
    await waitFor(() => api.sentTexts(chats[0]!).length >= 1, 'the answer after the restart', 30_000);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(api.sentTexts(chats[0]!)).toHaveLength(1);
    expect(api.sentTexts(chats[0]!)[0]).toContain(t('vi', 'menu-prompt'));
    second.child.kill('SIGTERM');
  }, 90_000);
});
