import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ChatCore } from '../../../src/chat/core.ts';
import { startTelegram, type StartedTelegram } from '../../../src/channels/telegram/run.ts';
import { loadConfig } from '../../../src/config.ts';
import { cliActor } from '../../../src/domain/audit.ts';
import { fixedClock } from '../../../src/util/clock.ts';
import { createInvite } from '../../../src/domain/invites.ts';
import { Dispatcher } from '../../../src/delivery/dispatcher.ts';
import { ALL_FLOWS } from '../../../src/flows/index.ts';
import { loadSampleMovement } from '../../../src/sample/load.ts';
import { silentLogger } from '../../../src/util/log.ts';
import { FEB_15 } from '../../helpers/chat.ts';
import { openTempDatabase, useTempDatabases, type TempDatabase } from '../../helpers/db.ts';
import { FAKE_TOKEN, FakeBotApi, tg } from '../../helpers/fake-telegram.ts';
import { waitFor } from '../../helpers/wait.ts';

useTempDatabases();

const LIAISON = 5001;
const ADMIN = 5002;
let running: { api: FakeBotApi; telegram: StartedTelegram; outbox: Dispatcher }[] = [];

afterEach(async () => {
  for (const r of running.splice(0)) {
    await r.telegram.stop();
    await r.outbox.stop();
    await r.api.close();
  }
});

async function startBot(temp: TempDatabase, api?: FakeBotApi) {
  const fake = api ?? (await new FakeBotApi().start());
  const clock = fixedClock(FEB_15);
  const config = loadConfig({ DATABASE_PATH: temp.path, TELEGRAM_BOT_TOKEN: FAKE_TOKEN, TELEGRAM_API_ROOT: fake.root, LOG_LEVEL: 'silent' });
  const core = new ChatCore({ db: temp.db, clock, flows: ALL_FLOWS, log: silentLogger });
  const senders: import('../../../src/chat/channel.ts').ChannelSender[] = [];
  // The outbox's dispatcher, as the bot runs it (src/main.ts through startReminders).
  const outbox = new Dispatcher({ db: temp.db, senders, clock, log: silentLogger });
  const telegram = await startTelegram({ config, db: temp.db, core, clock, log: silentLogger, outbound: outbox });
  senders.push(telegram.channel);
  outbox.start();
  running.push({ api: fake, telegram, outbox });
  return { api: fake, telegram, clock };
}

/** Sends an update through the fake server and waits until the bot has answered it. */
async function send(api: FakeBotApi, update: Record<string, unknown>, chatId: number): Promise<string> {
  const before = api.calls.filter((c) => Number(c.payload.chat_id) === chatId && c.method === 'sendMessage').length;
  api.pushUpdate(update);
  await waitFor(() => api.calls.filter((c) => Number(c.payload.chat_id) === chatId && c.method === 'sendMessage').length > before, 'the reply');
  return api.sentTexts(chatId).slice(before).join('\n---\n');
}

/** Presses the button whose label contains `label` on the latest keyboard sent to the chat. */
async function press(api: FakeBotApi, chatId: number, label: string): Promise<string> {
  const keyboard = api.lastKeyboard(chatId);
  const button = keyboard?.buttons.find((b) => b.text.toLowerCase().includes(label.toLowerCase()));
  if (!keyboard || !button) throw new Error(`no button "${label}" in ${JSON.stringify(keyboard?.buttons.map((b) => b.text))}`);
  return send(api, tg.callback(chatId, keyboard.messageId, button.callback_data), chatId);
}

describe('the Telegram channel over real HTTP', () => {
  it('links with a deep link, registers three targets with buttons and typing, submits, reports with a photo', async () => {
    const temp = openTempDatabase();
    loadSampleMovement(temp.db, cliActor, FEB_15);
    const { api } = await startBot(temp);
    expect(api.callsOf('setMyCommands').map((c) => c.payload.language_code ?? 'vi')).toEqual(['vi', 'en']);

    const adminCode = createInvite(temp.db, { role: 'admin', personName: 'Trần Văn Ban' }, cliActor, FEB_15).code;
    await send(api, tg.command(ADMIN, `/start ${adminCode}`), ADMIN);
    const code = createInvite(temp.db, { unitCode: 'SNV', role: 'liaison', personName: 'Nguyễn Thị Hoa' }, cliActor, FEB_15).code;
    // t.me/<bot>?start=<code> opens the chat and sends "/start <code>".
    expect(await send(api, tg.command(LIAISON, `/start ${code}`), LIAISON)).toContain('Xin chào Nguyễn Thị Hoa — Cán bộ đầu mối, Sở Nội vụ');
    // Linked, the liaison's chat gets the liaison's menu.
    await waitFor(() => api.callsOf('setMyCommands').some((c) => (c.payload.scope as { chat_id?: number })?.chat_id === LIAISON), 'the per-chat menu');
    const menu = api.callsOf('setMyCommands').find((c) => (c.payload.scope as { chat_id?: number })?.chat_id === LIAISON)!;
    expect((menu.payload.commands as { command: string }[]).map((c) => c.command)).toContain('dangky');

    await press(api, LIAISON, 'Đăng ký chỉ tiêu');
    // Target 1: every answer typed.
    await send(api, tg.text(LIAISON, '6'), LIAISON);
    await send(api, tg.text(LIAISON, 'Tỷ lệ hồ sơ giải quyết đúng hạn'), LIAISON);
    await send(api, tg.text(LIAISON, '1'), LIAISON);
    await send(api, tg.text(LIAISON, '%'), LIAISON);
    await send(api, tg.text(LIAISON, '98,5'), LIAISON);
    await send(api, tg.text(LIAISON, '1'), LIAISON);
    await send(api, tg.text(LIAISON, '31/12'), LIAISON);
    await send(api, tg.text(LIAISON, 'Bỏ qua'), LIAISON);
    await send(api, tg.text(LIAISON, 'Lưu'), LIAISON);
    // Target 2: every answer a button.
    await press(api, LIAISON, 'Thêm chỉ tiêu');
    await press(api, LIAISON, 'Công tác thi đua');
    await send(api, tg.text(LIAISON, 'Số lớp tập huấn nghiệp vụ thi đua'), LIAISON);
    await press(api, LIAISON, 'Định lượng');
    await press(api, LIAISON, 'người');
    await send(api, tg.text(LIAISON, '12'), LIAISON);
    await press(api, LIAISON, 'Không thấp hơn');
    await press(api, LIAISON, 'Cuối phong trào');
    await press(api, LIAISON, 'Bỏ qua');
    await press(api, LIAISON, 'Lưu');
    // Target 3: qualitative, mixed.
    await press(api, LIAISON, 'Thêm chỉ tiêu');
    await send(api, tg.text(LIAISON, 'an toàn thông tin'), LIAISON);
    await send(api, tg.text(LIAISON, 'Không để xảy ra sự cố mất an toàn thông tin'), LIAISON);
    await press(api, LIAISON, 'Định tính');
    await send(api, tg.text(LIAISON, '30/11/2020'), LIAISON);
    await send(api, tg.text(LIAISON, 'Theo dõi hằng tháng'), LIAISON);
    await press(api, LIAISON, 'Lưu');
    await press(api, LIAISON, 'Gửi bản đăng ký');
    // No title chosen: asked once before sending; the one picked is ticked in the list, "Xong" sends.
    expect(await press(api, LIAISON, 'Gửi')).toContain('Bản đăng ký chưa có danh hiệu thi đua nào');
    expect(await press(api, LIAISON, 'Tập thể lao động xuất sắc')).toContain('Đơn vị đăng ký danh hiệu nào?');
    expect(await press(api, LIAISON, 'Xong')).toContain('✔ Đã gửi bản đăng ký (lần 1)');
    // The pressed question lost its buttons, so it cannot be pressed again.
    expect(api.callsOf('editMessageReplyMarkup').length).toBeGreaterThan(5);

    // The admin is told, through the outbox, on Telegram.
    await waitFor(() => api.sentTexts(ADMIN).some((text) => text.includes('📥 Sở Nội vụ vừa gửi bản đăng ký')), 'the admin notice');
    // Results are recorded a moment after Telegram answered.
    const unsettled = () => (temp.db.$client.prepare("SELECT count(*) AS n FROM outbox WHERE status IN ('pending', 'sending')").get() as { n: number }).n;
    await waitFor(() => unsettled() === 0, 'every send recorded');
    expect(temp.db.$client.prepare('SELECT status FROM outbox WHERE reply = 0').all()).toEqual([{ status: 'sent' }]);
    // Every reply went through the outbox too, and all of them are out.
    expect(temp.db.$client.prepare('SELECT DISTINCT status FROM outbox WHERE reply = 1').all()).toEqual([{ status: 'sent' }]);

    // Progress with a photo as evidence.
    await send(api, tg.command(LIAISON, '/baocao'), LIAISON);
    await press(api, LIAISON, 'Quý I/2020');
    await send(api, tg.text(LIAISON, '97'), LIAISON); // a rate: never added up, so no "this period or running total?"
    // Numbered as printed, by content area: the qualitative target (area 8) before the count (area 9).
    await press(api, LIAISON, 'Hoàn thành');
    await send(api, tg.text(LIAISON, '3'), LIAISON); // Quý I: this period is the running total, not asked
    // The photo goes with the first target, from the summary.
    await press(api, LIAISON, 'Thêm minh chứng / ghi chú');
    await press(api, LIAISON, '1. Tỷ lệ hồ sơ');
    expect(await send(api, tg.photo(LIAISON, 'AgACAgUAAxkBAAIBQ2', 480_000), LIAISON)).toContain('✔ Đã nhận minh chứng.');
    await press(api, LIAISON, 'Không ghi chú');
    expect(await press(api, LIAISON, 'Gửi báo cáo')).toContain('✔ Đã gửi báo cáo Quý I/2020 tới Ban (3 chỉ tiêu)');

    expect(temp.db.$client.prepare('SELECT text, measure, planned_value, due_on FROM targets t JOIN registrations r ON r.id = t.registration_id JOIN units u ON u.id = r.unit_id WHERE u.code = ? ORDER BY position').all('SNV')).toEqual([
      { text: 'Tỷ lệ hồ sơ giải quyết đúng hạn', measure: '%', planned_value: 98.5, due_on: '2020-12-31' },
      { text: 'Số lớp tập huấn nghiệp vụ thi đua', measure: 'người', planned_value: 12, due_on: '2020-12-31' },
      { text: 'Không để xảy ra sự cố mất an toàn thông tin', measure: null, planned_value: null, due_on: '2020-11-30' },
    ]);
    expect(temp.db.$client.prepare('SELECT value, cumulative, percent_of_plan, assessment, evidence_kind, evidence_ref FROM progress_lines ORDER BY id').all()).toEqual([
      { value: 97, cumulative: 1, percent_of_plan: 98.5, assessment: 'in_progress', evidence_kind: 'photo', evidence_ref: 'AgACAgUAAxkBAAIBQ2' },
      { value: null, cumulative: 0, percent_of_plan: null, assessment: 'met', evidence_kind: null, evidence_ref: null },
      { value: 3, cumulative: 1, percent_of_plan: 25, assessment: 'in_progress', evidence_kind: null, evidence_ref: null },
    ]);
  });

  it('25 people linking in the same second against Telegram\'s limits: everyone answered, nothing refused', async () => {
    const temp = openTempDatabase();
    loadSampleMovement(temp.db, cliActor, FEB_15);
    const api = await new FakeBotApi().start();
    api.limitRate({ perWindow: 30, perChat: 1 });
    await startBot(temp, api);
    const units = (temp.db.$client.prepare('SELECT code FROM units ORDER BY id LIMIT 25').all() as { code: string }[]).map((u) => u.code);
    const chats = units.map((_, i) => 7000 + i);
    for (const [i, code] of units.entries()) {
      const invite = createInvite(temp.db, { unitCode: code, role: 'liaison', personName: `Cán bộ ${i}` }, cliActor, FEB_15).code;
      api.pushUpdate(tg.command(chats[i]!, `/start ${invite}`));
    }
    await waitFor(() => chats.every((chat) => api.deliveries.some((d) => d.chatId === chat)), 'every welcome', 10_000);
    expect(api.rateLimited).toBe(0);
    for (const [i, chat] of chats.entries()) expect(api.sentTexts(chat).join('\n')).toContain(`Xin chào Cán bộ ${i}`);
  });

  it('processes an update delivered twice only once', async () => {
    const temp = openTempDatabase();
    loadSampleMovement(temp.db, cliActor, FEB_15);
    const { api } = await startBot(temp);
    const update = { update_id: 777, ...tg.text(LIAISON, 'xin chào') };
    await send(api, update, LIAISON);
    api.pushUpdate({ ...update });
    api.pushUpdate({ update_id: 778, ...tg.text(LIAISON, '/trogiup') });
    await waitFor(() => api.sentTexts(LIAISON).length === 2, 'the help');
    expect(api.sentTexts(LIAISON)[1]).toContain('/huy');
    expect(temp.db.$client.prepare("SELECT value FROM settings WHERE key = 'inbound.telegram.handled'").get()).toEqual({ value: '778' });
  });

  it('answers in a group once, pointing to a private chat, and refuses unsuitable files', async () => {
    const temp = openTempDatabase();
    const { api } = await startBot(temp);
    api.pushUpdate(tg.group(-100, LIAISON, '/start'));
    api.pushUpdate(tg.group(-100, LIAISON, '/dangky'));
    await waitFor(() => api.sentTexts(-100).length === 1, 'the group answer');
    expect(api.sentTexts(-100)[0]).toContain('chỉ làm việc trong cuộc trò chuyện riêng. Mời nhắn riêng cho bot: https://t.me/thidua_test_bot');
    expect(await send(api, tg.document(LIAISON, 'BQAC', 'setup.exe', 'application/x-msdownload'), LIAISON)).toContain('Loại tệp này không nhận làm minh chứng');
    expect(await send(api, tg.document(LIAISON, 'BQAD', 'bao-cao.pdf', 'application/pdf', 30 * 1024 * 1024), LIAISON)).toContain('Tệp quá lớn (tối đa 20 MB)');
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(api.sentTexts(-100)).toHaveLength(1);
  });

  it('marks a person who blocked the bot as unreachable', async () => {
    const temp = openTempDatabase();
    const { api } = await startBot(temp);
    api.fail('sendMessage', 403, 'Forbidden: bot was blocked by the user', { chatId: LIAISON });
    api.pushUpdate(tg.text(LIAISON, 'xin chào'));
    await waitFor(() => temp.db.$client.prepare("SELECT unreachable_at FROM identities WHERE external_id = ?").get(String(LIAISON)) !== undefined && (temp.db.$client.prepare("SELECT unreachable_at AS u FROM identities WHERE external_id = ?").get(String(LIAISON)) as { u: number | null }).u !== null, 'the identity marked');
    expect(temp.db.$client.prepare('SELECT unreachable_reason FROM identities').get()).toEqual({ unreachable_reason: 'Forbidden: bot was blocked by the user' });
  });

  it('sends a file (an export) as a document with its caption', async () => {
    const temp = openTempDatabase();
    const { api, telegram } = await startBot(temp);
    const file = join(temp.dir, 'thidua-ND-2020.xlsx');
    writeFileSync(file, 'PK fake workbook');
    expect(await telegram.channel.send(String(ADMIN), { text: '📊 Số liệu', file: { path: file, name: 'thidua-ND-2020.xlsx' } })).toEqual({ ok: true });
    const [call] = api.callsOf('sendDocument');
    expect(call!.payload).toMatchObject({ chat_id: String(ADMIN), caption: '📊 Số liệu' });
    expect(call!.files).toEqual({ document: 'thidua-ND-2020.xlsx' });
  });
});
