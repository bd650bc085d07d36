/**
 * Telegram as it really behaves, against the fake Bot API over HTTP: numbers that restart lower
 * after a quiet week, an edit that would change nothing, captions longer than Telegram takes.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ChannelSender } from '../../../src/chat/channel.ts';
import { ChatCore } from '../../../src/chat/core.ts';
import { startHttpServer } from '../../../src/http/server.ts';
import { startTelegram, TELEGRAM_WEBHOOK_PATH, webhookSecret } from '../../../src/channels/telegram/run.ts';
import { loadConfig } from '../../../src/config.ts';
import { Dispatcher } from '../../../src/delivery/dispatcher.ts';
import { fixedClock } from '../../../src/util/clock.ts';
import { ALL_FLOWS } from '../../../src/flows/index.ts';
import { silentLogger } from '../../../src/util/log.ts';
import { FEB_15 } from '../../helpers/chat.ts';
import { openTempDatabase, useTempDatabases, type TempDatabase } from '../../helpers/db.ts';
import { FAKE_TOKEN, FakeBotApi, tg } from '../../helpers/fake-telegram.ts';
import { waitFor } from '../../helpers/wait.ts';

useTempDatabases();
const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

const PERSON = 7001;
const WEEK_MS = 7 * 24 * 3_600_000;

/** The bot as src/main.ts starts it (long polling, or a webhook), with the outbox's dispatcher. */
async function startBot(temp: TempDatabase, extra: Record<string, string> = {}) {
  const api = await new FakeBotApi().start();
  cleanups.push(() => api.close());
  const clock = fixedClock(FEB_15);
  const config = loadConfig({ DATABASE_PATH: temp.path, TELEGRAM_BOT_TOKEN: FAKE_TOKEN, TELEGRAM_API_ROOT: api.root, LOG_LEVEL: 'silent', ...extra });
  const senders: ChannelSender[] = [];
  const outbox = new Dispatcher({ db: temp.db, senders, clock, log: silentLogger, pollMs: 20 });
  const telegram = await startTelegram({ config, db: temp.db, core: new ChatCore({ db: temp.db, clock, flows: ALL_FLOWS, log: silentLogger }), clock, log: silentLogger, outbound: outbox });
  senders.push(telegram.channel);
  outbox.start();
  cleanups.push(() => outbox.stop());
  cleanups.push(() => telegram.stop());
  return { api, telegram, clock, config };
}

const mark = (temp: TempDatabase) => temp.db.$client.prepare("SELECT value FROM settings WHERE key = 'inbound.telegram.handled'").pluck().get();

describe('Telegram update numbers after a quiet week', () => {
  it('long polling answers updates numbered anew below the last one handled, once each, and the stored mark starts again from them', async () => {
    const temp = openTempDatabase();
    const { api, clock } = await startBot(temp);
    api.pushUpdate({ update_id: 880_000, ...tg.command(PERSON, '/trogiup') });
    await waitFor(() => api.sentTexts(PERSON).length === 1, 'the answer before Tết');
    expect(mark(temp)).toBe('880000');
    await waitFor(() => api.callsOf('getUpdates').some((c) => Number(c.payload.offset) === 880_001), 'the long poll after it');
    await new Promise((resolve) => setTimeout(resolve, 100));

    // Telegram numbers anew from a lower value. The bot's own clock says only a day went by (it
    // was restarted meanwhile, say): the poller's evidence, not the mark's age, tells it so.
    clock.advance(24 * 3_600_000);
    api.restartUpdateIds(412);
    api.pushUpdate(tg.command(PERSON, '/trogiup'));
    await waitFor(() => api.sentTexts(PERSON).length === 2, 'the answer to the renumbered update');
    api.pushUpdate(tg.command(PERSON, '/trogiup'));
    await waitFor(() => api.sentTexts(PERSON).length === 3, 'the answer to the one after it');
    await new Promise((resolve) => setTimeout(resolve, 300));

    expect(api.sentTexts(PERSON)).toHaveLength(3);
    expect(mark(temp)).toBe('413');
    expect(api.pendingUpdates()).toBe(0);
  });

  it('a webhook takes an update whose number was used a week before, and still only once when Telegram delivers it again', async () => {
    const temp = openTempDatabase();
    const { api, telegram, clock, config } = await startBot(temp, { TELEGRAM_WEBHOOK_URL: 'https://bot.example.gov.vn/telegram/webhook' });
    const server = await startHttpServer(0, telegram.routes, silentLogger, '127.0.0.1');
    cleanups.push(() => server.close());
    const post = (update: Record<string, unknown>) =>
      fetch(`http://127.0.0.1:${server.port}${TELEGRAM_WEBHOOK_PATH}`, {
        method: 'POST',
        body: JSON.stringify(update),
        headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': webhookSecret(config) },
      });

    expect((await post({ update_id: 77, ...tg.command(PERSON, '/trogiup') })).status).toBe(200);
    await waitFor(() => api.sentTexts(PERSON).length === 1, 'the first answer');
    // A repeat within the week is the same update: not answered again.
    expect((await post({ update_id: 77, ...tg.command(PERSON, '/trogiup') })).status).toBe(200);

    clock.advance(WEEK_MS + 3_600_000);
    const renumbered = { update_id: 77, ...tg.text(PERSON, 'xin chào sau Tết') };
    expect((await post(renumbered)).status).toBe(200);
    await waitFor(() => api.sentTexts(PERSON).length === 2, 'the answer to the new update 77');
    expect((await post(renumbered)).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 300));

    expect(api.sentTexts(PERSON)).toHaveLength(2);
    expect(temp.db.$client.prepare("SELECT count(*) FROM inbound_queue WHERE channel = 'telegram'").pluck().get()).toBe(2);
  });
});

describe('Telegram sends as the Bot API answers', () => {
  it('an edit Telegram answers "message is not modified" is done: no second copy of the question', async () => {
    const temp = openTempDatabase();
    const { api, telegram } = await startBot(temp);
    api.fail('editMessageText', 400, 'Bad Request: message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message');
    const question = { text: 'Chọn danh hiệu', choices: [{ id: 'a', label: 'Lao động tiên tiến' }], replaces: '640' };

    expect(await telegram.channel.send(String(PERSON), question)).toEqual({ ok: true });
    expect(api.callsOf('editMessageText')).toHaveLength(1);
    expect(api.callsOf('sendMessage')).toHaveLength(0);

    // A question Telegram can no longer edit is sent anew, as before.
    api.fail('editMessageText', 400, 'Bad Request: message to edit not found');
    expect(await telegram.channel.send(String(PERSON), question)).toEqual({ ok: true });
    expect(api.sentTexts(PERSON)).toEqual(['Chọn danh hiệu']);
  });

  it('a file whose text is longer than a caption goes with the first part as its caption and the rest as messages, nothing cut', async () => {
    const temp = openTempDatabase();
    const { api, telegram } = await startBot(temp);
    const file = join(temp.dir, 'bao-cao.docx');
    writeFileSync(file, 'PK fake document');
    const lines = Array.from({ length: 120 }, (_, i) => `${i + 1}. Sở ${i + 1}: đã gửi báo cáo quý I, 98,5% chỉ tiêu`);
    const text = lines.join('\n');
    expect(text.length).toBeGreaterThan(4_096);

    expect(await telegram.channel.send(String(PERSON), { text, file: { path: file, name: 'bao-cao.docx' } })).toEqual({ ok: true });
    const [document] = api.callsOf('sendDocument');
    const caption = String(document!.payload.caption);
    expect(caption.length).toBeLessThanOrEqual(1_024);
    expect(caption.startsWith('1. Sở 1:')).toBe(true);
    expect(caption.endsWith('chỉ tiêu')).toBe(true); // cut at a line's end
    const rest = api.sentTexts(PERSON);
    expect(rest.length).toBeGreaterThanOrEqual(2);
    expect(rest.every((part) => part.length <= 4_096)).toBe(true);
    expect([caption, ...rest].join('\n')).toBe(text);
    // The file first, then its text in order.
    expect(api.calls.filter((c) => c.method === 'sendDocument' || c.method === 'sendMessage').map((c) => c.method)[0]).toBe('sendDocument');
  });

  it('a short caption still goes whole with its file, and no message after it', async () => {
    const temp = openTempDatabase();
    const { api, telegram } = await startBot(temp);
    const file = join(temp.dir, 'so-lieu.xlsx');
    writeFileSync(file, 'PK fake workbook');
    const text = 'x'.repeat(1_024);
    expect(await telegram.channel.send(String(PERSON), { text, file: { path: file, name: 'so-lieu.xlsx' } })).toEqual({ ok: true });
    expect(api.callsOf('sendDocument')[0]!.payload.caption).toBe(text);
    expect(api.sentTexts(PERSON)).toEqual([]);
  });
});
