/**
 * The Zalo Bot Platform channel as the bot runs it: the real adapter, chat core and dispatcher on
 * a SQLite file, against the fake platform on 127.0.0.1. A liaison links with an invite code and
 * registers a target to the end, by long polling and by webhook (options typed by number or name:
 * the platform has no buttons); the webhook takes both body shapes and refuses a wrong secret.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startZaloBot, ZALO_BOT_WEBHOOK_PATH, zaloBotWebhookSecret, type ZaloBotChannel } from '../../../src/channels/zalobot/adapter.ts';
import type { ChannelSender } from '../../../src/chat/channel.ts';
import { ChatCore } from '../../../src/chat/core.ts';
import { loadConfig } from '../../../src/config.ts';
import { cliActor } from '../../../src/domain/audit.ts';
import { runningClock, type Clock } from '../../../src/util/clock.ts';
import type { Db } from '../../../src/db/connection.ts';
import { createSignedLinks, type SignedLinks } from '../../../src/http/signed-links.ts';
import { createInvite } from '../../../src/domain/invites.ts';
import { Dispatcher } from '../../../src/delivery/dispatcher.ts';
import { ALL_FLOWS } from '../../../src/flows/index.ts';
import { startHttpServer, type RunningServer } from '../../../src/http/server.ts';
import { silentLogger } from '../../../src/util/log.ts';
import { FEB_15, loadSample } from '../../helpers/chat.ts';
import { openTempDatabase, useTempDatabases } from '../../helpers/db.ts';
import { waitFor } from '../../helpers/wait.ts';
import { BOT_TOKEN, startFakeZaloBot, textUpdate, type FakeZaloBot } from './fake-zalobot.ts';

useTempDatabases();
const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

const CHAT = 'e4ea2cd5189df1c3a88c';

async function start(mode: 'polling' | 'webhook', links?: (db: Db, clock: Clock) => SignedLinks) {
  const temp = openTempDatabase();
  loadSample(temp.db);
  const api: FakeZaloBot = await startFakeZaloBot();
  cleanups.push(() => api.close());
  const clock = runningClock(FEB_15);
  const config = loadConfig({
    DATABASE_PATH: temp.path,
    ZALO_BOT_TOKEN: BOT_TOKEN,
    ZALO_BOT_API_BASE: api.base,
    ...(mode === 'webhook' ? { ZALO_BOT_WEBHOOK_URL: 'https://thidua.namdinh.gov.vn/zalobot/webhook' } : {}),
  });
  const senders: ChannelSender[] = [];
  const outbox = new Dispatcher({ db: temp.db, senders, clock, log: silentLogger, pollMs: 20 });
  const bot: ZaloBotChannel = await startZaloBot({ config, db: temp.db, core: new ChatCore({ db: temp.db, clock, flows: ALL_FLOWS, log: silentLogger }), clock, log: silentLogger, outbound: outbox, links: links?.(temp.db, clock) });
  senders.push(bot.sender);
  outbox.start();
  const server: RunningServer | undefined = mode === 'webhook' ? await startHttpServer(0, bot.routes, silentLogger, '127.0.0.1') : undefined;
  cleanups.push(async () => {
    await bot.stop();
    await server?.close();
    await outbox.stop();
  });
  let seq = 0;
  let seen = 0;
  const post = (body: unknown, secret = zaloBotWebhookSecret(config)) =>
    fetch(`http://127.0.0.1:${server!.port}${ZALO_BOT_WEBHOOK_PATH}`, { method: 'POST', body: JSON.stringify(body), headers: { 'content-type': 'application/json', 'x-bot-api-secret-token': secret } });
  /** The person writes; resolves with what the bot answered. */
  const say = async (text: string, shape: 'wrapped' | 'flat' = 'wrapped'): Promise<string> => {
    const update = textUpdate(CHAT, text, `m${++seq}`);
    if (mode === 'polling') api.push(update);
    else expect((await post(shape === 'wrapped' ? { ok: true, result: update } : update)).status).toBe(200);
    if (mode === 'polling') await waitFor(() => api.pending() === 0, 'the update taken');
    await new Promise((resolve) => setTimeout(resolve, 30));
    await bot.idle();
    await outbox.whenIdle();
    const all = api.sent(CHAT);
    const fresh = all.slice(seen);
    seen = all.length;
    return fresh.join('\n---\n');
  };
  const invite = () => createInvite(temp.db, { unitCode: 'SNV', role: 'liaison', personName: 'Nguyễn Thị Hoa' }, cliActor, clock.now()).code;
  return { db: temp.db, dir: temp.dir, api, bot, config, say, post, invite };
}

for (const mode of ['polling', 'webhook'] as const) {
  describe(`the Zalo Bot Platform (${mode})`, () => {
    it('links by invite code and registers a target to the end, options answered by number or name', async () => {
      const bot = await start(mode);
      expect(await bot.say('Xin chào')).toContain('Mời gửi mã mời');
      expect(await bot.say(`/start ${bot.invite()}`)).toContain('Xin chào Nguyễn Thị Hoa — Cán bộ đầu mối, Sở Nội vụ');
      const areas = await bot.say('/dangky');
      expect(areas).toMatch(/\n1\. Đẩy nhanh tiến độ[\s\S]*\n9\. Công tác thi đua/);
      expect(await bot.say('6')).toContain('Bước 2.');
      expect(await bot.say('Tỷ lệ thủ tục hành chính giải quyết đúng hạn')).toMatch(/1\. Định lượng\n2\. Định tính/);
      await bot.say('1');
      expect(await bot.say('%')).toContain('Kế hoạch (con số phấn đấu) là bao nhiêu %?');
      expect(await bot.say('98,5')).toContain('✔ Đã ghi: 98,5%');
      await bot.say('khong thap hon');
      await bot.say('Cuối phong trào');
      await bot.say('Bỏ qua');
      expect(await bot.say('Lưu')).toContain('✔ Đã lưu chỉ tiêu.');
      await bot.say('Gửi bản đăng ký');
      expect(await bot.say('Gửi')).toContain('Bản đăng ký chưa có danh hiệu thi đua nào');
      expect(await bot.say('khong dang ky danh hieu')).toContain('✔ Đã gửi bản đăng ký (lần 1)');
      expect(
        bot.db.$client
          .prepare("SELECT r.status, t.text, t.planned_value FROM registrations r JOIN units u ON u.id = r.unit_id JOIN targets t ON t.registration_id = r.id WHERE u.code = 'SNV'")
          .all(),
      ).toEqual([{ status: 'submitted', text: 'Tỷ lệ thủ tục hành chính giải quyết đúng hạn', planned_value: 98.5 }]);
      // Every message within the platform's 2,000 characters, and no message sent twice.
      const sends = bot.api.calls.filter((c) => c.method === 'sendMessage' && c.ok);
      expect(sends.every((c) => c.body.text.length >= 1 && c.body.text.length <= 2000)).toBe(true);
      expect(bot.db.$client.prepare("SELECT DISTINCT status FROM outbox WHERE channel = 'zalobot'").all()).toEqual([{ status: 'sent' }]);
    }, 30_000);
  });
}

describe('the Zalo Bot Platform webhook', () => {
  it('is registered with its secret, refuses a call without it (401) and takes both body shapes', async () => {
    const bot = await start('webhook');
    expect(bot.api.webhook).toEqual({ url: 'https://thidua.namdinh.gov.vn/zalobot/webhook', secret: zaloBotWebhookSecret(bot.config) });
    const refused = await bot.post({ ok: true, result: textUpdate(CHAT, 'Xin chào', 'forged') }, 'not-the-secret-of-this-bot');
    expect(refused.status).toBe(401);
    expect(bot.db.$client.prepare('SELECT count(*) AS n FROM inbound_queue').get()).toEqual({ n: 0 });
    // As documented (wrapped in {ok, result}) and as observed (flat): both handled, each once.
    expect(await bot.say('Xin chào', 'wrapped')).toContain('Mời gửi mã mời');
    expect(await bot.say('Chào', 'flat')).toContain('Mời gửi mã mời');
    expect(bot.db.$client.prepare("SELECT key FROM inbound_queue WHERE channel = 'zalobot' ORDER BY id").all()).toEqual([{ key: 'm1' }, { key: 'm2' }]);
  });
});

describe('files on the Zalo Bot Platform (it takes none)', () => {
  it('go as the person’s own signed link when the bot has a public address, else the person is told where to get them', async () => {
    const withLinks = await start('polling', (db, clock) =>
      createSignedLinks({ db, baseUrl: 'https://thidua.namdinh.gov.vn', secret: 's'.repeat(32), clock, log: silentLogger, defaultTtlMs: 86_400_000 }),
    );
    await withLinks.say(`/start ${withLinks.invite()}`);
    const workbook = join(withLinks.dir, 'thidua-ND-2020.xlsx');
    writeFileSync(workbook, 'PK workbook bytes');
    expect(await withLinks.bot.sender.send(CHAT, { text: 'Số liệu phong trào', file: { path: workbook, name: 'thidua-ND-2020.xlsx' } })).toEqual({ ok: true });
    expect(withLinks.api.sent(CHAT).at(-1)).toMatch(/^Tệp thidua-ND-2020\.xlsx \(1 KB\) không gửi thẳng được qua Zalo\. .*: https:\/\/thidua\.namdinh\.gov\.vn\/files\/\S+$/);
    expect(withLinks.db.$client.prepare('SELECT name, person_id IS NOT NULL AS forPerson FROM file_links').all()).toEqual([{ name: 'thidua-ND-2020.xlsx', forPerson: 1 }]);

    const without = await start('polling');
    const other = join(without.dir, 'thidua-ND-2020.xlsx');
    writeFileSync(other, 'PK workbook bytes');
    expect(await without.bot.sender.send(CHAT, { text: '', file: { path: other, name: 'thidua-ND-2020.xlsx' } })).toEqual({ ok: true });
    expect(without.api.sent(CHAT).at(-1)).toContain('Tệp "thidua-ND-2020.xlsx" không gửi được qua Zalo Bot');
  }, 30_000);
});
