/**
 * Another process (an import, a backup tool, a SQLite browser) holds the database's write lock for
 * 8 s while people write on Zalo (webhooks), on Telegram (long polling) and in the terminal chat.
 * All as `npm start` runs them, each in its own process, the bot's event loop measured from inside.
 */
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { storeTokenPair } from '../../src/db/zalo-tokens.ts';
import { closeDatabase, openDatabase, type Db } from '../../src/db/connection.ts';
import { t } from '../../src/i18n/index.ts';
import { APP_ID, OA_SECRET_KEY, startFakeZalo, type FakeZalo } from '../channels/zalo/fake-zalo.ts';
import { openTempDatabase, useTempDatabases } from '../helpers/db.ts';
import { FAKE_TOKEN, FakeBotApi, tg } from '../helpers/fake-telegram.ts';
import { liaisons } from '../helpers/liaisons.ts';
import { deliverToZalo, freePort, holdWriteLock, lagFigures, loopWindows, npmStart as start, pollHealth, seedDatabase, type Cleanups } from '../helpers/locked-bot.ts';
import { waitFor } from '../helpers/wait.ts';

useTempDatabases();
const cleanups: Cleanups = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

const LOCK_MS = 8_000;
const npmStart = (env: Record<string, string>, options: Parameters<typeof start>[2] = {}) => start(cleanups, env, options);
const ZALO_USERS = ['7001', '7002', '7003', '7004', '7005'];

/** A database file with the sample movement; `prepare` adds what the test needs. */
function databaseFile(prepare?: (db: Db) => void): string {
  const temp = openTempDatabase();
  temp.db.$client.close();
  return seedDatabase(temp.path, prepare);
}

describe('another process holds the write lock for 8 s', () => {
  it('the bot never freezes: webhooks answered within 2 s, /health within 1 s saying the database is busy, the event loop never blocked 500 ms; every person on Zalo, Telegram and the terminal answered once after the lock goes', async () => {
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
    // The two processes' event loops, measured from inside (test/helpers/loop-probe.js).
    const probes = openTempDatabase().dir;
    const botProbe = join(probes, 'bot-loop.jsonl');
    const terminalProbe = join(probes, 'terminal-loop.jsonl');

    const bot = npmStart(
      {
        DATABASE_PATH: botDb,
        HTTP_PORT: String(port),
        TELEGRAM_BOT_TOKEN: FAKE_TOKEN,
        TELEGRAM_API_ROOT: api.root,
        ZALO_APP_ID: APP_ID,
        ZALO_APP_SECRET: 'test-app-secret',
        ZALO_OA_SECRET_KEY: OA_SECRET_KEY,
        ZALO_API_BASE: zalo.base,
        ZALO_OAUTH_BASE: zalo.base,
      },
      { probeFile: botProbe },
    );
    const terminal = npmStart({ DATABASE_PATH: terminalDb }, { stdin: 'pipe', probeFile: terminalProbe });
    await waitFor(() => bot.stderr().includes(`@${api.username}`) && bot.stderr().includes('"telegram polling"'), 'the bot to start', 60_000);
    await waitFor(() => terminal.stdout().length > 0, 'the terminal chat to start', 60_000);
    terminal.child.stdin!.write('/as SNV\n');
    await waitFor(() => terminal.stdout().includes(t('vi', 'menu-register')), 'the terminal greeting', 30_000);
    const before = terminal.stdout().length;

    const lock = await holdWriteLock(cleanups, [botDb, terminalDb], LOCK_MS);
    const { lockedAt } = lock;
    for (const chat of chats) api.pushUpdate(tg.command(chat, '/start'));
    terminal.child.stdin!.write('/trogiup\n3\n');
    const health = pollHealth(port, lock.released);
    const zaloDeliveries = Promise.all(ZALO_USERS.map((user) => deliverToZalo(port, zalo, user, 'Xin chào')));
    const releasedAt = await lock.released;

    const answers = (await zaloDeliveries).flat();
    const statuses = answers.map((a) => a.status);
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
    expect(statuses).not.toContain(0);
    expect(statuses.filter((s) => s !== 200).every((s) => s === 503)).toBe(true);
    expect(statuses).toContain(503);
    // Every call answered within Zalo's 2 s, locked or not.
    expect(Math.max(...answers.map((a) => a.ms))).toBeLessThan(2_000);
    // The health check answered within 1 s all along, saying the database is busy (not broken).
    const checks = await health;
    expect(checks.length).toBeGreaterThanOrEqual(8);
    expect(Math.max(...checks.map((c) => c.ms))).toBeLessThan(1_000);
    expect(checks.some((c) => c.body.status === 'degraded' && c.body.problems?.some((p) => p.code === 'database-busy'))).toBe(true);
    expect(checks.flatMap((c) => c.body.problems ?? []).map((p) => p.code)).not.toContain('database-unwritable');
    // Neither process's event loop stood still 500 ms while the lock was held, nor as it went.
    for (const probe of [botProbe, terminalProbe]) {
      const windows = loopWindows(probe, lockedAt, releasedAt + 2_000);
      expect(windows.length).toBeGreaterThanOrEqual(30);
      expect(lagFigures(windows).maxMs).toBeLessThan(500);
    }
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
  }, 180_000);

  it('a bot stopped while an update waits for the lock leaves it to Telegram, and answers it once after the restart', async () => {
    const api = await new FakeBotApi().start();
    cleanups.push(() => api.close());
    let chats: number[] = [];
    const path = databaseFile((db) => (chats = liaisons(db, 1)));
    const env = { DATABASE_PATH: path, HTTP_PORT: String(await freePort()), TELEGRAM_BOT_TOKEN: FAKE_TOKEN, TELEGRAM_API_ROOT: api.root };
    const first = npmStart(env);
    await waitFor(() => first.stderr().includes('"telegram polling"'), 'the bot to start', 60_000);

    const lock = await holdWriteLock(cleanups, [path], LOCK_MS);
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
  }, 180_000);
});
