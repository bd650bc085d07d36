import { spawn } from 'node:child_process';
import { createServer, type AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTelegram } from '../../src/channels/telegram/run.ts';
import { Dispatcher } from '../../src/delivery/dispatcher.ts';
import { ChatCore } from '../../src/chat/core.ts';
import { loadConfig } from '../../src/config.ts';
import Database from 'better-sqlite3';
import { SERVING_BUSY_TIMEOUT_MS, type Db } from '../../src/db/connection.ts';
import { fixedClock } from '../../src/util/clock.ts';
import { ALL_FLOWS } from '../../src/flows/index.ts';
import { checkHealth, OUTBOX_STUCK_MS, problemText, type Problem } from '../../src/health/check.ts';
import { messengerCalls, type Messenger } from '../../src/health/messenger-calls.ts';
import { healthRoute } from '../../src/health/route.ts';
import { seesDetails } from '../../src/health/who-sees-details.ts';
import { startHttpServer, type RunningServer } from '../../src/http/server.ts';
import { silentLogger } from '../../src/util/log.ts';
import { FEB_15 } from '../helpers/chat.ts';
import { openTempDatabase, useTempDatabases, type TempDatabase } from '../helpers/db.ts';
import { FAKE_TOKEN, FakeBotApi } from '../helpers/fake-telegram.ts';
import { waitFor } from '../helpers/wait.ts';
import { useZaloHarnesses, zaloHarness } from '../channels/zalo/harness.ts';

useTempDatabases();
useZaloHarnesses();
const cleanups: (() => Promise<unknown>)[] = [];
beforeEach(() => messengerCalls.reset());
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

interface HealthBody {
  status: string;
  problems: { code: string; message: string }[];
  database: { writable: boolean; busy: boolean; error: string | null };
  messengers: Record<string, { lastSuccessAt: string | null; lastFailure: { kind: string } | null }>;
  outbox: { waiting: number; oldestWaitingSince: string | null };
  inbound: { failed: number };
  backup: { last: unknown };
}

/** The bot's HTTP server with the health route over `temp`, as main.ts serves it. */
async function serveHealth(temp: TempDatabase, db: Db, messengers: Messenger[], locale: 'vi' | 'en' = 'en') {
  const route = healthRoute(() => ({ db, databasePath: temp.path, messengers, backupDir: `${temp.dir}/backups`, now: Date.now() }), locale, 'Asia/Ho_Chi_Minh');
  const server: RunningServer = await startHttpServer(0, [route], silentLogger, '127.0.0.1');
  cleanups.push(() => server.close());
  return async (): Promise<{ status: number; body: HealthBody }> => {
    const response = await fetch(`http://127.0.0.1:${server.port}/health`);
    expect(response.headers.get('content-type')).toContain('application/json');
    return { status: response.status, body: (await response.json()) as HealthBody };
  };
}

describe('GET /health', () => {
  it('answers 200 while all is well, and 503 once Telegram refuses the token (revoked)', async () => {
    const api = await new FakeBotApi().start();
    cleanups.push(() => api.close());
    const temp = openTempDatabase();
    const clock = fixedClock(FEB_15);
    const config = loadConfig({ DATABASE_PATH: temp.path, TELEGRAM_BOT_TOKEN: FAKE_TOKEN, TELEGRAM_API_ROOT: api.root, TELEGRAM_WEBHOOK_URL: 'https://bot.example.gov.vn/telegram/webhook' });
    // Replies and notices wait in the outbox: no dispatcher runs here.
    const outbound = new Dispatcher({ db: temp.db, senders: [], clock, log: silentLogger });
    const telegram = await startTelegram({ config, db: temp.db, core: new ChatCore({ db: temp.db, clock, flows: ALL_FLOWS, log: silentLogger }), clock, log: silentLogger, outbound });
    cleanups.push(() => telegram.stop());
    const health = await serveHealth(temp, temp.db, ['telegram']);

    const good = await health();
    expect(good.status).toBe(200);
    expect(good.body).toMatchObject({ status: 'ok', problems: [], database: { writable: true, error: null }, outbox: { waiting: 0 }, inbound: { failed: 0 }, backup: { last: null } });
    expect(good.body.messengers.telegram!.lastSuccessAt).not.toBeNull(); // getMe and setWebhook at start

    api.fail('sendMessage', 401, 'Unauthorized', { times: 1 });
    expect(await telegram.channel.send('9001', { text: 'Nhắc việc' })).toMatchObject({ ok: false });
    const bad = await health();
    expect(bad.status).toBe(503);
    expect(bad.body.status).toBe('failing');
    expect(bad.body.problems.map((p) => p.code)).toEqual(['messenger-token-refused']);
    expect(bad.body.problems[0]!.message).toContain('@BotFather');
    expect(bad.body.messengers.telegram!.lastFailure).toMatchObject({ kind: 'token' });

    // A new token works again; a send refused for one person only (they blocked the bot) proves it as well as any.
    api.fail('sendMessage', 403, 'Forbidden: bot was blocked by the user', { times: 1 });
    expect(await telegram.channel.send('9002', { text: 'Nhắc việc' })).toMatchObject({ ok: false, kind: 'unreachable' });
    expect((await health()).status).toBe(200);
  });

  it('tells a caller from elsewhere only "ok" or "degraded"; the details go to this machine or to the holder of HEALTH_TOKEN', async () => {
    const temp = openTempDatabase();
    const token = 'h3alth-T0ken-for-monitoring';
    const route = healthRoute(() => ({ db: temp.db, databasePath: temp.path, messengers: ['telegram'], backupDir: `${temp.dir}/backups`, now: Date.now() }), 'vi', 'Asia/Ho_Chi_Minh', token);
    const server = await startHttpServer(0, [route], silentLogger, '127.0.0.1');
    cleanups.push(() => server.close());
    const get = async (headers: Record<string, string> = {}) => {
      const response = await fetch(`http://127.0.0.1:${server.port}/health`, { headers });
      return { status: response.status, body: (await response.json()) as Record<string, unknown> };
    };
    // Through the HTTPS proxy (it says whom it forwards for): the status alone, nothing about paths, disk or errors.
    const proxied = await get({ 'x-forwarded-for': '203.0.113.9' });
    expect(proxied).toEqual({ status: 200, body: { status: 'ok' } });
    expect((await get({ forwarded: 'for=198.51.100.7', authorization: 'Bearer wrong-token-wrong-token' })).body).toEqual({ status: 'ok' });
    // With the token, through the proxy: the whole report.
    expect(Object.keys((await get({ 'x-forwarded-for': '203.0.113.9', authorization: `Bearer ${token}` })).body)).toEqual(
      expect.arrayContaining(['status', 'problems', 'database', 'backup']),
    );
    // From this machine directly (a monitoring agent on the server): the whole report.
    expect((await get()).body).toMatchObject({ status: 'ok', problems: [], database: { writable: true } });

    // A problem: the status says so to everyone, the details only to those who may see them.
    const stuck = Date.now() - OUTBOX_STUCK_MS - 60_000;
    temp.db.$client.prepare("INSERT INTO outbox (dedupe_key, channel, payload, not_before, status) VALUES ('x', 'telegram', '{}', ?, 'pending')").run(stuck);
    expect(await get({ 'x-forwarded-for': '203.0.113.9' })).toEqual({ status: 503, body: { status: 'degraded' } });
    const detailed = await get({ authorization: `Bearer ${token}`, 'x-forwarded-for': '203.0.113.9' });
    expect(detailed.status).toBe(503);
    expect((detailed.body.problems as { code: string }[]).map((p) => p.code)).toEqual(['outbox-stuck']);
  });

  it('decides who sees the details by the address the call came from', () => {
    const request = (remoteAddress: string | undefined, headers: Record<string, string> = {}) => ({ method: 'GET', path: '/health', headers, rawBody: Buffer.alloc(0), ...(remoteAddress ? { remoteAddress } : {}) });
    expect(['127.0.0.1', '127.8.9.10', '::1', '::ffff:127.0.0.1'].map((a) => seesDetails(request(a), undefined))).toEqual([true, true, true, true]);
    expect(['10.0.0.5', '192.168.1.20', '203.0.113.5', '::ffff:10.0.0.5', 'fe80::1'].map((a) => seesDetails(request(a), undefined))).toEqual([false, false, false, false, false]);
    expect(seesDetails(request(undefined), undefined)).toBe(false);
    expect(seesDetails(request('127.0.0.1', { 'x-real-ip': '203.0.113.5' }), undefined)).toBe(false);
    expect(seesDetails(request('203.0.113.5', { authorization: 'Bearer s3cret-s3cret-s3cret' }), 's3cret-s3cret-s3cret')).toBe(true);
    expect(seesDetails(request('203.0.113.5', { authorization: 'Bearer s3cret-s3cret-s3cret' }), undefined)).toBe(false);
  });

  it('answers 503 once Zalo refuses the token and the refresh is refused too', async () => {
    const harness = await zaloHarness();
    const fake = harness.fake;
    const health = await serveHealth(harness.temp, harness.db, ['zalo'], 'vi');
    expect((await harness.channel.sender.send('2512523625412515', { text: 'xin chào' })).ok).toBe(true);
    expect((await health()).status).toBe(200);

    // The OA's authorisation was withdrawn: Zalo answers -216 and will not refresh the pair.
    fake.valid = { access: 'SOME-OTHER-ACCESS-TOKEN', refresh: 'SOME-OTHER-REFRESH-TOKEN' };
    expect((await harness.channel.sender.send('2512523625412515', { text: 'xin chào' })).ok).toBe(false);
    const bad = await health();
    expect(bad.status).toBe(503);
    expect(bad.body.problems.map((p) => p.code)).toEqual(['messenger-token-refused']);
    expect(bad.body.problems[0]!.message).toContain('npx thidua zalo-tokens');
    expect(bad.body.messengers.zalo!.lastSuccessAt).not.toBeNull();
  });

  it('answers 503 while the database is full, and 200 again once it has room', async () => {
    const temp = openTempDatabase();
    const health = await serveHealth(temp, temp.db, []);
    expect((await health()).status).toBe(200);

    const pages = temp.db.$client.pragma('page_count', { simple: true }) as number;
    temp.db.$client.pragma(`max_page_count = ${pages}`); // the disk is "full"
    const full = await health();
    expect(full.status).toBe(503);
    expect(full.body.database.writable).toBe(false);
    expect(full.body.database.error).toContain('SQLITE_FULL');
    expect(full.body.problems.map((p) => p.code)).toEqual(['database-unwritable']);
    expect(full.body.problems[0]!.message).toContain('free space');

    temp.db.$client.pragma(`max_page_count = ${pages * 100}`);
    expect((await health()).status).toBe(200);
    // The probe left nothing behind.
    expect(temp.db.$client.prepare("SELECT count(*) AS n FROM settings WHERE key = 'health.space-probe'").get()).toEqual({ n: 0 });
  });
  it('says "degraded: database busy" within 1 s while another program holds the write lock, and ok once it lets go', async () => {
    const temp = openTempDatabase({ busyTimeoutMs: SERVING_BUSY_TIMEOUT_MS });
    const health = await serveHealth(temp, temp.db, [], 'en');
    const other = new Database(temp.path);
    cleanups.push(async () => other.close());
    other.exec('BEGIN IMMEDIATE');
    const started = performance.now();
    const busy = await health();
    expect(performance.now() - started).toBeLessThan(1_000);
    expect(busy.status).toBe(200);
    expect(busy.body.status).toBe('degraded');
    expect(busy.body.database).toMatchObject({ writable: false, busy: true });
    expect(busy.body.problems.map((p) => p.code)).toEqual(['database-busy']);
    expect(busy.body.problems[0]!.message).toMatch(/^Degraded: database busy/);
    other.exec('COMMIT');
    expect((await health()).body).toMatchObject({ status: 'ok', problems: [] });
  });
});

describe('npm start', () => {
  it('serves /health beside Telegram long polling', async () => {
    const api = await new FakeBotApi().start();
    cleanups.push(() => api.close());
    const temp = openTempDatabase();
    temp.db.$client.close();
    const port = await freePort();
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      env: { ...process.env, DATABASE_PATH: temp.path, TELEGRAM_BOT_TOKEN: FAKE_TOKEN, TELEGRAM_API_ROOT: api.root, HTTP_PORT: String(port), LOG_LEVEL: 'silent' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const exited = new Promise((resolve) => child.on('exit', resolve));
    cleanups.push(async () => {
      child.kill('SIGTERM');
      await exited;
    });
    let err = '';
    child.stderr.on('data', (c: Buffer) => (err += c.toString()));
    await waitFor(() => err.includes('@thidua_test_bot'), 'the start-up report', 20_000);
    let answer: Response | undefined;
    for (let i = 0; i < 50 && !answer; i++) answer = await fetch(`http://127.0.0.1:${port}/health`).catch(() => new Promise<undefined>((r) => setTimeout(() => r(undefined), 100)));
    expect(answer?.status).toBe(200);
    const body = (await answer!.json()) as HealthBody;
    expect(body.status).toBe('ok');
    expect(body.messengers.telegram!.lastSuccessAt).not.toBeNull();
  }, 30_000);
});

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

describe('checkHealth', () => {
  it('reports a stuck outbox, updates failing now and a failed backup, each with what to do', () => {
    const temp = openTempDatabase();
    const now = FEB_15;
    const sql = temp.db.$client;
    sql.prepare("INSERT INTO outbox (dedupe_key, channel, payload, not_before, created_at) VALUES ('a', 'telegram', '{}', ?, ?)").run(now - OUTBOX_STUCK_MS - 60_000, now);
    sql.prepare("INSERT INTO outbox (dedupe_key, channel, payload, not_before, created_at) VALUES ('b', 'zalo', '{}', ?, ?)").run(now - OUTBOX_STUCK_MS - 60_000, now);
    sql.prepare("INSERT INTO inbound_queue (channel, key, event, received_at, processed_at, error) VALUES ('zalo', 'm1', '{}', ?, ?, 'SqliteError: boom')").run(now - 60_000, now - 60_000);
    const report = checkHealth({
      db: temp.db,
      databasePath: temp.path,
      messengers: ['telegram'], // Zalo is not run: its rows are not this bot's to send
      backupDir: `${temp.dir}/backups`,
      lastBackupAttempt: { at: now - 3_600_000, ok: false, error: 'ENOSPC: no space left on device' },
      now,
    });
    expect(report.ok).toBe(false);
    expect(report.problems.map((p) => p.code)).toEqual(['outbox-stuck', 'inbound-failing', 'backup-failed']);
    expect(report.outbox.waiting).toBe(1);
    expect(report.inbound.failed).toBe(1);

    const later = checkHealth({ db: temp.db, databasePath: temp.path, messengers: [], backupDir: `${temp.dir}/backups`, now: now + 2 * 3_600_000 });
    // An old failure waits for `thidua inbound --retry` without keeping the bot "failing".
    expect(later.problems).toEqual([]);
    expect(later.inbound.failed).toBe(1);
  });

  it('a messenger is a problem when it refuses the token at once, and when it has not answered for 10 minutes', () => {
    const temp = openTempDatabase();
    const now = FEB_15;
    const check = () => checkHealth({ db: temp.db, databasePath: temp.path, messengers: ['telegram', 'zalo'], backupDir: `${temp.dir}/backups`, now });
    messengerCalls.succeeded('telegram', now - 30 * 60_000);
    messengerCalls.failed('telegram', 'unreachable', 'getUpdates: fetch failed', now - 3 * 60_000);
    messengerCalls.failed('telegram', 'unreachable', 'getUpdates: fetch failed', now - 60_000);
    expect(check().problems).toEqual([]); // failing for 3 minutes: a short outage

    messengerCalls.reset();
    messengerCalls.succeeded('telegram', now - 30 * 60_000);
    messengerCalls.failed('telegram', 'unreachable', 'getUpdates: fetch failed', now - 12 * 60_000);
    messengerCalls.failed('telegram', 'unreachable', 'getUpdates: fetch failed', now - 60_000);
    messengerCalls.failed('zalo', 'unreachable', '/v3.0/oa/message/cs: fetch failed', now - 20 * 60_000);
    expect(check().problems.map((p) => p.code)).toEqual(['messenger-unreachable', 'messenger-never-reached']);
    expect(check().problems[0]!.times).toEqual({ since: now - 30 * 60_000 });

    messengerCalls.failed('zalo', 'token', '/v4/oa/access_token: -14014 Invalid refresh token', now);
    expect(check().problems.map((p) => p.code)).toEqual(['messenger-unreachable', 'messenger-token-refused']);
  });

  it('says every problem in words, in both languages, its times in the operator’s zone', () => {
    const problems: Problem[] = [
      { code: 'database-unwritable', args: { error: 'SQLITE_FULL: database or disk is full' } },
      { code: 'disk-low', args: { free: 42 } },
      { code: 'messenger-token-refused', args: { messenger: 'zalo', error: '-216 Access token is invalid' }, times: { since: FEB_15 } },
      { code: 'messenger-token-refused', args: { messenger: 'telegram', error: '401 Unauthorized' }, times: { since: FEB_15 } },
      { code: 'messenger-unreachable', args: { messenger: 'telegram', error: 'fetch failed' }, times: { since: FEB_15 } },
      { code: 'messenger-never-reached', args: { messenger: 'zalo', error: 'fetch failed' } },
      { code: 'outbox-stuck', args: { waiting: 3 }, times: { since: FEB_15 } },
      { code: 'inbound-failing', args: { failed: 2 }, times: { last: FEB_15 } },
      { code: 'backup-failed', args: { error: 'ENOSPC' }, times: { at: FEB_15 } },
    ];
    for (const locale of ['vi', 'en'] as const) {
      for (const problem of problems) {
        const text = problemText(problem, locale, 'Asia/Ho_Chi_Minh');
        expect(text).not.toBe(`health-${problem.code}`);
        if (problem.times) expect(text).toContain('15/02/2020 09:00');
      }
    }
    expect(problemText(problems[2]!, 'vi', 'Asia/Ho_Chi_Minh')).toBe(
      'Zalo từ chối mã truy cập của bot từ 15/02/2020 09:00 (-216 Access token is invalid). Lấy cặp mã mới ở trang Zalo for Developers rồi chạy: npx thidua zalo-tokens --access … --refresh …',
    );
  });
});
