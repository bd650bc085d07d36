import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { ChatCore } from '../../../src/chat/core.ts';
import { startTelegram, TelegramConflictError, TELEGRAM_WEBHOOK_PATH, webhookSecret } from '../../../src/channels/telegram/run.ts';
import { loadConfig } from '../../../src/config.ts';
import type { ChannelSender } from '../../../src/chat/channel.ts';
import type { Config } from '../../../src/config.ts';
import type { Db } from '../../../src/db/connection.ts';
import { Dispatcher } from '../../../src/delivery/dispatcher.ts';
import { fixedClock, runningClock, type Clock } from '../../../src/util/clock.ts';
import { startHttpServer, type RunningServer } from '../../../src/http/server.ts';
import { ALL_FLOWS } from '../../../src/flows/index.ts';
import { silentLogger } from '../../../src/util/log.ts';
import { FEB_15 } from '../../helpers/chat.ts';
import { openTempDatabase, useTempDatabases } from '../../helpers/db.ts';
import { FAKE_TOKEN, FakeBotApi, tg } from '../../helpers/fake-telegram.ts';
import { waitFor } from '../../helpers/wait.ts';

useTempDatabases();
const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

/** The channel started as src/main.ts starts it, with the outbox's dispatcher sending its replies. */
async function telegramWithOutbox(config: Config, db: Db, clock: Clock) {
  const senders: ChannelSender[] = [];
  const outbox = new Dispatcher({ db, senders, clock, log: silentLogger, pollMs: 20 });
  const telegram = await startTelegram({ config, db, core: new ChatCore({ db, clock, flows: ALL_FLOWS, log: silentLogger }), clock, log: silentLogger, outbound: outbox });
  senders.push(telegram.channel);
  outbox.start();
  cleanups.push(() => outbox.stop());
  return telegram;
}

async function fakeApi(): Promise<FakeBotApi> {
  const api = await new FakeBotApi().start();
  cleanups.push(() => api.close());
  return api;
}

function deps(path: string, root: string, extra: Record<string, string> = {}) {
  const temp = { path };
  const config = loadConfig({ DATABASE_PATH: temp.path, TELEGRAM_BOT_TOKEN: FAKE_TOKEN, TELEGRAM_API_ROOT: root, LOG_LEVEL: 'silent', ...extra });
  return config;
}

describe('Telegram channel life cycle', () => {
  it('in webhook mode registers the webhook with a secret, refuses calls without it and answers fast', async () => {
    const api = await fakeApi();
    const temp = openTempDatabase();
    const config = deps(temp.path, api.root, { TELEGRAM_WEBHOOK_URL: 'https://bot.example.gov.vn/telegram/webhook' });
    const clock = fixedClock(FEB_15);
    const telegram = await telegramWithOutbox(config, temp.db, clock);
    cleanups.push(() => telegram.stop());
    const server: RunningServer = await startHttpServer(0, telegram.routes, silentLogger, '127.0.0.1');
    cleanups.push(() => server.close());
    expect(api.callsOf('setWebhook')[0]!.payload).toMatchObject({ url: 'https://bot.example.gov.vn/telegram/webhook', secret_token: webhookSecret(config) });

    const url = `http://127.0.0.1:${server.port}${TELEGRAM_WEBHOOK_PATH}`;
    const body = JSON.stringify({ update_id: 42, ...tg.text(9001, 'xin chào') });
    const wrong = await fetch(url, { method: 'POST', body, headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': 'not-the-secret' } });
    expect(wrong.status).toBe(401);
    expect(temp.db.$client.prepare('SELECT count(*) AS n FROM inbound_queue').get()).toEqual({ n: 0 });

    const started = Date.now();
    const right = await fetch(url, { method: 'POST', body, headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': webhookSecret(config) } });
    expect(right.status).toBe(200);
    expect(Date.now() - started).toBeLessThan(2_000);
    await waitFor(() => api.sentTexts(9001).length === 1, 'the reply');
    expect(api.sentTexts(9001)[0]).toContain('Mời gửi mã mời');
  });

  it('in webhook mode answers 503 while another process holds the database lock, and takes the update when Telegram delivers it again', async () => {
    const api = await fakeApi();
    const temp = openTempDatabase();
    const config = deps(temp.path, api.root, { TELEGRAM_WEBHOOK_URL: 'https://bot.example.gov.vn/telegram/webhook' });
    const telegram = await telegramWithOutbox(config, temp.db, fixedClock(FEB_15));
    cleanups.push(() => telegram.stop());
    const server: RunningServer = await startHttpServer(0, telegram.routes, silentLogger, '127.0.0.1');
    cleanups.push(() => server.close());
    const deliver = () =>
      fetch(`http://127.0.0.1:${server.port}${TELEGRAM_WEBHOOK_PATH}`, {
        method: 'POST',
        body: JSON.stringify({ update_id: 43, ...tg.text(9002, 'xin chào') }),
        headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': webhookSecret(config) },
      });

    // Another connection (as another process would) holds the write lock; the bot waits 100 ms for it here, not 5 s.
    temp.db.$client.pragma('busy_timeout = 100');
    const other = new Database(temp.path);
    other.exec('BEGIN IMMEDIATE');
    expect((await deliver()).status).toBe(503);
    other.exec('COMMIT');
    other.close();

    expect((await deliver()).status).toBe(200);
    await waitFor(() => api.sentTexts(9002).length === 1, 'the reply');
    expect(api.sentTexts(9002)[0]).toContain('Mời gửi mã mời');
    expect(temp.db.$client.prepare('SELECT count(*) AS n FROM inbound_queue WHERE processed_at IS NOT NULL AND error IS NULL').get()).toEqual({ n: 1 });
  });

  it('a second poller on the same token is told by Telegram (409) and stops instead of fighting', async () => {
    const api = await fakeApi();
    const temp = openTempDatabase();
    api.fail('getUpdates', 409, 'Conflict: terminated by other getUpdates request; make sure that only one bot instance is running', { times: 100 });
    const clock = fixedClock(FEB_15);
    const telegram = await telegramWithOutbox(deps(temp.path, api.root), temp.db, clock);
    await expect(telegram.stopped).rejects.toBeInstanceOf(TelegramConflictError);
  });

  it('waits out a 429 as Telegram asks and then delivers', async () => {
    const api = await fakeApi();
    const temp = openTempDatabase();
    const clock = runningClock(FEB_15);
    const telegram = await telegramWithOutbox(deps(temp.path, api.root), temp.db, clock);
    cleanups.push(() => telegram.stop());
    api.fail('sendMessage', 429, 'Too Many Requests: retry after 1', { retryAfter: 1 });
    api.pushUpdate(tg.text(9002, 'xin chào'));
    await waitFor(() => api.sentTexts(9002).length === 2, 'the retried reply', 8_000);
    const [first, second] = api.callsOf('sendMessage');
    expect(second!.at - first!.at).toBeGreaterThanOrEqual(900);
  });

  it('npm start with a token polls Telegram, and stops cleanly on SIGTERM', async () => {
    const api = await fakeApi();
    const temp = openTempDatabase();
    temp.db.$client.close(); // the bot's process is the only one on the file
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      env: { ...process.env, DATABASE_PATH: temp.path, TELEGRAM_BOT_TOKEN: FAKE_TOKEN, TELEGRAM_API_ROOT: api.root, HTTP_PORT: '0', LOG_LEVEL: 'silent' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let err = '';
    child.stderr.on('data', (c: Buffer) => (err += c.toString()));
    await waitFor(() => err.includes('@thidua_test_bot'), 'the start-up report', 15_000);
    api.pushUpdate(tg.text(9003, 'xin chào'));
    await waitFor(() => api.sentTexts(9003).length === 1, 'the reply', 10_000);
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(err).toContain('Telegram: bot @thidua_test_bot đang nhận tin (long polling).');
    // The database was closed properly: its WAL was checkpointed and removed.
    expect(existsSync(`${temp.path}-wal`)).toBe(false);
  }, 30_000);

  it('npm start says so and exits when another instance polls the token', async () => {
    const api = await fakeApi();
    const temp = openTempDatabase();
    api.fail('getUpdates', 409, 'Conflict: terminated by other getUpdates request', { times: 100 });
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      env: { ...process.env, DATABASE_PATH: temp.path, TELEGRAM_BOT_TOKEN: FAKE_TOKEN, TELEGRAM_API_ROOT: api.root, LOG_LEVEL: 'silent' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let err = '';
    child.stderr.on('data', (c: Buffer) => (err += c.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    expect(code).toBe(1);
    expect(err).toContain('Một tiến trình khác đang chạy bot Telegram này');
  }, 30_000);
});
