/**
 * A chart reaches the person as a picture on every messenger: asked with 📊 Biểu đồ on /tinhhinh,
 * drawn by the chart job after the message, queued in the outbox as an image message and sent by
 * each channel its own way — Telegram's sendPhoto (the PNG uploaded, its title the caption), the
 * Zalo OA's image upload then a media message, the Zalo Bot Platform's sendPhoto with a signed
 * link the platform downloads the PNG from, the terminal's line with the file's path. Each runs as
 * the bot runs it, against its messenger's fake on 127.0.0.1, on a real SQLite file.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ConsoleChat } from '../../src/channels/console/adapter.ts';
import { startTelegram } from '../../src/channels/telegram/run.ts';
import { startZaloBot } from '../../src/channels/zalobot/adapter.ts';
import { renderChart, type ChartKind } from '../../src/charts/index.ts';
import type { ChannelSender } from '../../src/chat/channel.ts';
import { ChatCore } from '../../src/chat/core.ts';
import { loadConfig } from '../../src/config.ts';
import type { Db } from '../../src/db/connection.ts';
import { Dispatcher } from '../../src/delivery/dispatcher.ts';
import { cliActor } from '../../src/domain/audit.ts';
import { createInvite } from '../../src/domain/invites.ts';
import { currentMovement } from '../../src/domain/movements.ts';
import { ALL_FLOWS } from '../../src/flows/index.ts';
import { startHttpServer } from '../../src/http/server.ts';
import { createSignedLinks } from '../../src/http/signed-links.ts';
import { chartFigures } from '../../src/documents/chart-figures.ts';
import { JobRunner } from '../../src/jobs/runner.ts';
import { loadSampleMovement } from '../../src/sample/load.ts';
import { fixedClock, runningClock } from '../../src/util/clock.ts';
import { silentLogger } from '../../src/util/log.ts';
import { pngSize } from '../helpers/charts.ts';
import { FEB_15, loadSample } from '../helpers/chat.ts';
import { openTempDatabase, useTempDatabases, type TempDatabase } from '../helpers/db.ts';
import { FAKE_TOKEN, FakeBotApi, tg } from '../helpers/fake-telegram.ts';
import { waitFor } from '../helpers/wait.ts';
import { useZaloHarnesses, zaloHarness } from './zalo/harness.ts';
import { BOT_TOKEN, startFakeZaloBot } from './zalobot/fake-zalobot.ts';

useTempDatabases();
useZaloHarnesses();
const cleanups: (() => Promise<unknown> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

const ADMIN = 7101;
const TODAY = '2020-02-15';

/** The chart as the job should have drawn it for the whole province today (the renderer is deterministic). */
async function expectedChart(db: Db, chart: ChartKind) {
  const drawn = await renderChart(chartFigures(db, currentMovement(db)!, { chart }, TODAY), 'vi');
  if (drawn.kind !== 'chart') throw new Error('no chart drawn');
  return drawn;
}

const jobCount = (db: Db) => db.$client.prepare("SELECT count(*) FROM jobs WHERE json_extract(job, '$.kind') = 'chart'").pluck().get() as number;

/** The bot as src/main.ts runs it on Telegram: polling, the outbox's dispatcher, and (unless `runJobs` is false) the job runner. */
async function startTelegramBot(temp: TempDatabase, api: FakeBotApi, runJobs = true) {
  const clock = fixedClock(FEB_15);
  const config = loadConfig({ DATABASE_PATH: temp.path, TELEGRAM_BOT_TOKEN: FAKE_TOKEN, TELEGRAM_API_ROOT: api.root, LOG_LEVEL: 'silent' });
  const core = new ChatCore({ db: temp.db, clock, flows: ALL_FLOWS, log: silentLogger });
  const senders: ChannelSender[] = [];
  const outbox = new Dispatcher({ db: temp.db, senders, clock, log: silentLogger, pollMs: 20 });
  const jobs = new JobRunner({ db: temp.db, core, clock, log: silentLogger, exportDir: join(temp.dir, 'exports'), dir: join(temp.dir, 'forms'), fetchers: {} }, () => outbox.kick());
  const telegram = await startTelegram({ config, db: temp.db, core, clock, log: silentLogger, outbound: outbox, ...(runJobs ? { onJob: jobs.run } : {}) });
  senders.push(telegram.channel);
  outbox.start();
  if (runJobs) jobs.start();
  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    await telegram.stop();
    await jobs.stop();
    await outbox.stop();
  };
  cleanups.push(stop);
  return { jobs, outbox, stop };
}

/** The admin links, opens /tinhhinh and presses 📊 Biểu đồ; resolves once the press is taken. */
async function pressChartOnTelegram(temp: TempDatabase, api: FakeBotApi): Promise<void> {
  const code = createInvite(temp.db, { role: 'admin', personName: 'Trần Văn Ban' }, cliActor, FEB_15).code;
  api.pushUpdate(tg.command(ADMIN, `/start ${code}`));
  await waitFor(() => api.sentTexts(ADMIN).some((text) => text.includes('Xin chào')), 'linked');
  api.pushUpdate(tg.command(ADMIN, '/tinhhinh'));
  await waitFor(() => api.lastKeyboard(ADMIN)?.buttons.some((b) => b.text.endsWith('📊 Biểu đồ')) === true, 'the status with its chart button');
  const keyboard = api.lastKeyboard(ADMIN)!;
  api.pushUpdate(tg.callback(ADMIN, keyboard.messageId, keyboard.buttons.find((b) => b.text.endsWith('📊 Biểu đồ'))!.callback_data));
  await waitFor(() => api.sentTexts(ADMIN).some((text) => text.startsWith('Đang vẽ 2 biểu đồ…')), 'the answer that the charts are being drawn');
}

async function fakeTelegram(): Promise<FakeBotApi> {
  const api = await new FakeBotApi().start();
  cleanups.push(() => api.close());
  return api;
}

describe('a chart on Telegram', () => {
  it('📊 Biểu đồ on /tinhhinh sends the registration charts as photos: the PNGs drawn from the figures, their titles the captions', async () => {
    const temp = openTempDatabase();
    loadSampleMovement(temp.db, cliActor, FEB_15);
    const api = await fakeTelegram();
    const bot = await startTelegramBot(temp, api);
    await pressChartOnTelegram(temp, api);
    await waitFor(() => api.callsOf('sendPhoto').length === 2, 'two photos');
    await bot.jobs.idle();
    await bot.outbox.whenIdle();

    const photos = api.callsOf('sendPhoto');
    for (const [i, chart] of (['group-status', 'registration-timeline'] as const).entries()) {
      const expected = await expectedChart(temp.db, chart);
      const png = photos[i]!.uploads!.photo!;
      expect(pngSize(png)).toEqual({ width: expected.width, height: expected.height });
      expect(png.equals(Buffer.from(expected.png))).toBe(true);
      expect(photos[i]!.payload).toMatchObject({ chat_id: String(ADMIN), caption: expected.title });
      expect(photos[i]!.files).toEqual({ photo: `bieu-do-${chart}-ND-2020.png` });
    }
    expect(api.callsOf('sendDocument')).toHaveLength(0);
    expect(jobCount(temp.db)).toBe(2);
  }, 60_000);

  it('charts asked for just before the process stopped are drawn after the restart and sent once', async () => {
    const temp = openTempDatabase();
    loadSampleMovement(temp.db, cliActor, FEB_15);
    const api = await fakeTelegram();
    const first = await startTelegramBot(temp, api, false);
    await pressChartOnTelegram(temp, api);
    await first.stop();
    expect(api.callsOf('sendPhoto')).toHaveLength(0);

    const second = await startTelegramBot(temp, api);
    await waitFor(() => api.callsOf('sendPhoto').length === 2, 'the photos after the restart');
    await second.jobs.idle();
    await second.outbox.whenIdle();
    await second.stop();
    // A third start finds nothing left to draw or send.
    const third = await startTelegramBot(temp, api);
    await third.jobs.idle();
    await new Promise((resolve) => setTimeout(resolve, 200));
    await third.outbox.whenIdle();
    expect(api.callsOf('sendPhoto').map((c) => c.files!.photo)).toEqual(['bieu-do-group-status-ND-2020.png', 'bieu-do-registration-timeline-ND-2020.png']);
    expect(temp.db.$client.prepare("SELECT count(*) FROM jobs WHERE done_at IS NOT NULL AND attempts = 1 AND error IS NULL").pluck().get()).toBe(2);
  }, 60_000);
});

describe('a chart on the Zalo OA', () => {
  it('is uploaded as an image, then sent as a media message with its title; a redelivered message draws and sends nothing more', async () => {
    const h = await zaloHarness();
    const admin = '8401000000000000001';
    await h.say(admin, `/start ${h.invite(null, 'admin', 'Trần Văn Ban')}`);
    await h.say(admin, '/tinhhinh');
    const event = h.textEvent(admin, '📊 Biểu đồ');
    const timestamp = String(h.clock.now());
    const raw = JSON.stringify({ ...event, timestamp });
    expect(await h.post(raw, { timestamp })).toBe(200);
    await h.settled();
    const answered = h.newMessages(admin);
    expect(answered[0]!.text).toMatch(/^Đang vẽ 2 biểu đồ…/);

    // Zalo delivers the same message again (its retry): nothing drawn or sent a second time.
    expect(await h.post(raw, { timestamp })).toBe(200);
    await h.settled();
    expect(h.newMessages(admin)).toEqual([]);
    expect(jobCount(h.db)).toBe(2);

    const paths = h.fake.requests.filter((r) => r.path === '/v2.0/oa/upload/image' || r.body?.message?.attachment?.payload?.template_type === 'media').map((r) => r.path);
    expect(paths).toEqual(['/v2.0/oa/upload/image', '/v3.0/oa/message/cs', '/v2.0/oa/upload/image', '/v3.0/oa/message/cs']);
    const images = answered.slice(1);
    expect(images.map((m) => m.imageId)).toEqual(['img1', 'img2']);
    for (const [i, chart] of (['group-status', 'registration-timeline'] as const).entries()) {
      const expected = await expectedChart(h.db, chart);
      expect(images[i]!.text).toBe(expected.title);
      expect(h.fake.images.get(`img${i + 1}`)!.equals(Buffer.from(expected.png))).toBe(true);
    }
    const upload = h.fake.requests.find((r) => r.path === '/v2.0/oa/upload/image')!;
    expect(upload.raw.toString('latin1').includes('filename="bieu-do-group-status-ND-2020.png"\r\nContent-Type: image/png')).toBe(true);
  }, 60_000);

  it('a picture over the 1 MB Zalo takes goes as a signed link instead', async () => {
    const h = await zaloHarness({}, {
      links: (harness) => createSignedLinks({ db: harness.db, baseUrl: 'https://thidua.namdinh.gov.vn', secret: 'z'.repeat(32), clock: harness.clock, log: harness.log, defaultTtlMs: 86_400_000 }),
    });
    const user = '8401000000000000002';
    const big = join(h.temp.dir, 'bieu-do-lon.png');
    writeFileSync(big, Buffer.alloc(1024 * 1024 + 1, 3));
    expect(await h.channel.sender.send(user, { text: 'Tình hình đăng ký', image: { path: big, name: 'bieu-do-lon.png' } })).toEqual({ ok: true });
    expect(h.fake.requests.some((r) => r.path === '/v2.0/oa/upload/image')).toBe(false);
    const texts = h.newMessages(user).map((m) => m.text);
    expect(texts[0]).toBe('Tình hình đăng ký');
    expect(texts[1]).toMatch(/^Tệp bieu-do-lon\.png \(1 MB\) không gửi thẳng được qua Zalo\. .*https:\/\/thidua\.namdinh\.gov\.vn\/files\/\S+$/);
  });
});

describe('a chart on the Zalo Bot Platform', () => {
  it('goes as sendPhoto whose URL, a signed link to the bot’s server, downloads the PNG', async () => {
    const temp = openTempDatabase();
    loadSample(temp.db);
    const api = await startFakeZaloBot();
    cleanups.push(() => api.close());
    const clock = runningClock(FEB_15);
    const config = loadConfig({ DATABASE_PATH: temp.path, ZALO_BOT_TOKEN: BOT_TOKEN, ZALO_BOT_API_BASE: api.base });
    const links = createSignedLinks({ db: temp.db, baseUrl: 'http://127.0.0.1:0', secret: 'b'.repeat(32), clock, log: silentLogger, defaultTtlMs: 86_400_000 });
    const outbox = new Dispatcher({ db: temp.db, senders: [], clock, log: silentLogger, pollMs: 20 });
    const bot = await startZaloBot({ config, db: temp.db, core: new ChatCore({ db: temp.db, clock, flows: ALL_FLOWS, log: silentLogger }), clock, log: silentLogger, outbound: outbox, links });
    const server = await startHttpServer(0, [links.route], silentLogger, '127.0.0.1');
    cleanups.push(async () => {
      await bot.stop();
      await server.close();
    });

    const expected = await expectedChart(temp.db, 'group-status');
    const path = join(temp.dir, 'chart.png');
    writeFileSync(path, expected.png);
    expect(await bot.sender.send('e4ea2cd5189df1c3a88c', { text: expected.title, image: { path, name: 'bieu-do-group-status.png' } })).toEqual({ ok: true });

    const photos = api.calls.filter((c) => c.method === 'sendPhoto');
    expect(photos).toHaveLength(1);
    expect(photos[0]!.body).toMatchObject({ chat_id: 'e4ea2cd5189df1c3a88c', caption: expected.title });
    // No text message besides: the title went as the caption.
    expect(api.calls.filter((c) => c.method === 'sendMessage')).toHaveLength(0);
    const url = String(photos[0]!.body.photo).replace('http://127.0.0.1:0', `http://127.0.0.1:${server.port}`);
    expect(url).toMatch(/\/files\/.+\/bieu-do-group-status\.png$/);
    const download = await fetch(url);
    expect(download.status).toBe(200);
    expect(download.headers.get('content-type')).toBe('image/png');
    const bytes = Buffer.from(await download.arrayBuffer());
    expect(pngSize(bytes)).toEqual({ width: expected.width, height: expected.height });
    expect(bytes.equals(readFileSync(path))).toBe(true);
  }, 60_000);

  it('without a public address, the person is told the picture cannot come on the Zalo Bot', async () => {
    const temp = openTempDatabase();
    loadSample(temp.db);
    const api = await startFakeZaloBot();
    cleanups.push(() => api.close());
    const clock = runningClock(FEB_15);
    const config = loadConfig({ DATABASE_PATH: temp.path, ZALO_BOT_TOKEN: BOT_TOKEN, ZALO_BOT_API_BASE: api.base });
    const outbox = new Dispatcher({ db: temp.db, senders: [], clock, log: silentLogger, pollMs: 20 });
    const bot = await startZaloBot({ config, db: temp.db, core: new ChatCore({ db: temp.db, clock, flows: ALL_FLOWS, log: silentLogger }), clock, log: silentLogger, outbound: outbox });
    cleanups.push(() => bot.stop());
    const path = join(temp.dir, 'chart.png');
    writeFileSync(path, (await expectedChart(temp.db, 'group-status')).png);
    expect(await bot.sender.send('e4ea2cd5189df1c3a88c', { text: 'Tình hình đăng ký', image: { path, name: 'bieu-do-group-status.png' } })).toEqual({ ok: true });
    expect(api.calls.filter((c) => c.method === 'sendPhoto')).toHaveLength(0);
    expect(api.sent('e4ea2cd5189df1c3a88c')).toEqual([
      'Tình hình đăng ký',
      'Ảnh "bieu-do-group-status.png" chưa gửi được qua Zalo Bot. Anh/chị xem ảnh qua Telegram hoặc đề nghị Ban gửi qua thư điện tử.',
    ]);
  }, 60_000);
});

describe('a chart in the terminal', () => {
  it('prints the title and the path of the PNG written', async () => {
    const { db, dir } = openTempDatabase();
    loadSampleMovement(db, cliActor, FEB_15);
    const clock = fixedClock(FEB_15);
    const chat = new ConsoleChat({ core: new ChatCore({ db, clock, flows: ALL_FLOWS, log: silentLogger }), db, locale: 'vi', clock, log: silentLogger, exportDir: join(dir, 'exports') });
    await chat.handleLine('/as admin');
    expect(await chat.handleLine('/tinhhinh')).toContain('📊 Biểu đồ');
    const out = await chat.handleLine('📊 Biểu đồ');
    expect(out).toContain('Đang vẽ 2 biểu đồ…');
    const paths = [...out.matchAll(/🖼 Ảnh (\S+): (\S+)/g)].map((m) => ({ name: m[1], path: m[2]! }));
    expect(paths.map((p) => p.name)).toEqual(['bieu-do-group-status-ND-2020.png', 'bieu-do-registration-timeline-ND-2020.png']);
    for (const [i, chart] of (['group-status', 'registration-timeline'] as const).entries()) {
      const expected = await expectedChart(db, chart);
      expect(out).toContain(expected.title);
      expect(existsSync(paths[i]!.path)).toBe(true);
      expect(pngSize(readFileSync(paths[i]!.path))).toEqual({ width: expected.width, height: expected.height });
    }
  }, 60_000);
});
