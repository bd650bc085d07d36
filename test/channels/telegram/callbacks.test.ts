import { Bot } from 'grammy';
import { afterEach, describe, expect, it } from 'vitest';
import { TelegramChannel } from '../../../src/channels/telegram/adapter.ts';
import { ChatCore } from '../../../src/chat/core.ts';
import { Dispatcher } from '../../../src/delivery/dispatcher.ts';
import { cliActor } from '../../../src/domain/audit.ts';
import { createInvite } from '../../../src/domain/invites.ts';
import { ALL_FLOWS } from '../../../src/flows/index.ts';
import { silentLogger } from '../../../src/util/log.ts';
import { chatHarness, type ChatHarness } from '../../helpers/chat.ts';
import { useTempDatabases } from '../../helpers/db.ts';
import { FAKE_TOKEN, tg } from '../../helpers/fake-telegram.ts';

useTempDatabases();
const stops: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const stop of stops.splice(0)) await stop();
});

interface Call {
  method: string;
  payload: Record<string, any>;
}

/**
 * The real grammY bot and adapter, fed with bot.handleUpdate; Bot API calls are answered in
 * process by a transformer (these tests are about what the bot decides, not about HTTP).
 */
function telegramBot(h: ChatHarness) {
  const calls: Call[] = [];
  let messageId = 500;
  const bot = new Bot(FAKE_TOKEN, { botInfo: { id: 1, is_bot: true, first_name: 'Bot', username: 'thidua_test_bot', can_join_groups: false, can_read_all_group_messages: false, supports_inline_queries: false, can_connect_to_business: false, has_main_web_app: false } as never });
  bot.api.config.use(async (_prev, method, payload) => {
    calls.push({ method, payload: payload as Record<string, any> });
    const result = method === 'sendMessage' || method === 'editMessageText' ? { message_id: messageId++, date: 0, chat: { id: 1, type: 'private' } } : true;
    return { ok: true, result } as never;
  });
  // The adapter with the outbox's dispatcher sending its replies, as the bot runs them.
  const build = () => {
    const senders: TelegramChannel[] = [];
    const outbox = new Dispatcher({ db: h.db, senders, clock: h.clock, log: silentLogger, pollMs: 10 });
    const channel = new TelegramChannel({ api: bot.api, db: h.db, core: new ChatCore({ db: h.db, clock: h.clock, flows: ALL_FLOWS, log: silentLogger }), clock: h.clock, log: silentLogger, outbound: outbox });
    senders.push(channel);
    outbox.start();
    stops.push(() => outbox.stop());
    return { channel, outbox };
  };
  let running = build();
  bot.use((ctx) => running.channel.receive([ctx.update]));
  let updateId = 1;
  /** Handles the update as grammY's polling would, then waits until its replies are sent. */
  const handled = async (update: Record<string, unknown>) => {
    await bot.handleUpdate(update as never);
    await running.outbox.whenIdle();
  };
  return {
    calls,
    send: (update: Record<string, unknown>) => handled({ update_id: updateId++, ...update }),
    /** An update with the number Telegram gave it (a delivery repeated after a restart keeps its number). */
    sendNumbered: (number: number, update: Record<string, unknown>) => handled({ update_id: number, ...update }),
    /** A restart: a new adapter, core and dispatcher over the database reopened. */
    async restart() {
      await running.outbox.stop();
      h.restart();
      running = build();
    },
    lastKeyboard(chatId: number) {
      const call = [...calls].reverse().find((c) => c.method === 'sendMessage' && c.payload.chat_id === chatId && c.payload.reply_markup?.inline_keyboard?.length);
      return call?.payload.reply_markup.inline_keyboard.flat() as { text: string; callback_data: string }[];
    },
    since(n: number) {
      return calls.slice(n);
    },
  };
}

const A = 8001;
const B = 8002;

function linked(h: ChatHarness, who: number, unit: string) {
  return `/start ${createInvite(h.db, { unitCode: unit, role: 'liaison' }, cliActor, h.clock.now()).code}`;
}

const conversation = (h: ChatHarness, who: number) =>
  h.rows<{ step: string; seq: number }>("SELECT c.step, c.seq FROM conversations c JOIN identities i ON i.id = c.identity_id WHERE i.external_id = ?", String(who))[0];

describe('buttons on Telegram', () => {
  it('a double tap is taken once: the second press gets a short notice, its buttons taken away, and the current question again', async () => {
    const h = chatHarness();
    const bot = telegramBot(h);
    await bot.send(tg.command(A, linked(h, A, 'SNV')));
    await bot.send(tg.command(A, '/dangky'));
    const area = bot.lastKeyboard(A).find((b) => b.text.includes('Văn hóa công sở'))!;
    await bot.send(tg.callback(A, 700, area.callback_data));
    const before = bot.calls.length;
    await bot.send(tg.callback(A, 700, area.callback_data));
    const second = bot.since(before);
    expect(second.map((c) => c.method).sort()).toEqual(['answerCallbackQuery', 'editMessageReplyMarkup', 'sendMessage']);
    expect(second.find((c) => c.method === 'answerCallbackQuery')!.payload.text).toBe('Nút này thuộc câu hỏi cũ.');
    expect(second.find((c) => c.method === 'sendMessage')!.payload.text).toContain('Mời trả lời câu hỏi hiện tại');
    expect(conversation(h, A)).toMatchObject({ step: 'text' });
  });

  it('a button from before a restart is stale once the conversation moved on, and the current one still works', async () => {
    const h = chatHarness();
    const bot = telegramBot(h);
    await bot.send(tg.command(A, linked(h, A, 'SNV')));
    await bot.send(tg.command(A, '/dangky'));
    const areaButtons = bot.lastKeyboard(A);
    await bot.send(tg.callback(A, 700, areaButtons[0]!.callback_data));
    await bot.send(tg.text(A, 'Tỷ lệ hồ sơ giải quyết đúng hạn'));
    const kindButtons = bot.lastKeyboard(A);
    await bot.restart();
    // An old button (the area question) after the restart: refused, nothing changes.
    const before = bot.calls.length;
    await bot.send(tg.callback(A, 700, areaButtons[3]!.callback_data));
    expect(bot.since(before)[0]).toMatchObject({ method: 'answerCallbackQuery', payload: { text: 'Nút này thuộc câu hỏi cũ.' } });
    expect(conversation(h, A)).toMatchObject({ step: 'kind' });
    // The question in hand still works after the restart.
    await bot.send(tg.callback(A, 701, kindButtons.find((b) => b.text.includes('Định tính'))!.callback_data));
    expect(conversation(h, A)).toMatchObject({ step: 'due' });
  });

  it("a button of another person's question does nothing to either conversation", async () => {
    const h = chatHarness();
    const bot = telegramBot(h);
    await bot.send(tg.command(A, linked(h, A, 'SNV')));
    await bot.send(tg.command(B, linked(h, B, 'STP')));
    await bot.send(tg.command(A, '/dangky'));
    await bot.send(tg.command(B, '/dangky'));
    await bot.send(tg.text(B, '1'));
    const seqB = conversation(h, B)!.seq;
    const aButton = bot.lastKeyboard(A)[2]!;
    // B presses a button that belongs to A's question (same data, B's own chat).
    await bot.send(tg.callback(B, 900, aButton.callback_data));
    expect(conversation(h, A)).toMatchObject({ step: 'area' });
    expect(conversation(h, B)).toMatchObject({ step: 'text', seq: seqB });
    expect(h.rows("SELECT count(*) AS n FROM audit_log WHERE action LIKE 'target.%'")).toEqual([{ n: 0 }]);
  });

  it('ticking titles edits the question in place instead of sending it again', async () => {
    const h = chatHarness();
    const bot = telegramBot(h);
    await bot.send(tg.command(A, linked(h, A, 'SNV')));
    await bot.send(tg.command(A, '/dangky'));
    for (const text of ['6', 'Tỷ lệ hồ sơ giải quyết đúng hạn', 'Định tính', 'Cuối phong trào', 'Bỏ qua', 'Lưu', 'Danh hiệu']) await bot.send(tg.text(A, text));
    const title = bot.lastKeyboard(A).find((b) => b.text.includes('Tập thể lao động xuất sắc'))!;
    const before = bot.calls.length;
    await bot.send(tg.callback(A, 640, title.callback_data));
    const calls = bot.since(before);
    expect(calls.map((c) => c.method)).toEqual(['answerCallbackQuery', 'editMessageText']);
    expect(calls[1]!.payload.message_id).toBe(640);
    expect(JSON.stringify(calls[1]!.payload.reply_markup)).toContain('☑ Tập thể lao động xuất sắc');
  });

  it('keeps every callback payload within 64 bytes', async () => {
    const h = chatHarness();
    const bot = telegramBot(h);
    await bot.send(tg.command(A, linked(h, A, 'SNV')));
    for (const text of ['/dangky', '6', 'Tỷ lệ hồ sơ giải quyết đúng hạn', '1', '%', '98', '1', '31/12', 'Bỏ qua', 'Lưu', 'Danh hiệu']) await bot.send(tg.text(A, text));
    const data = bot.calls.flatMap((c) => (c.payload.reply_markup?.inline_keyboard ?? []).flat().map((b: { callback_data: string }) => b.callback_data));
    expect(data.length).toBeGreaterThan(40);
    expect(data.filter((d: string) => Buffer.byteLength(d) > 64)).toEqual([]);
  });
});

describe('what the bot cannot read', () => {
  it('a sticker or a voice message is answered with what the bot can read, and changes nothing', async () => {
    const h = chatHarness();
    const bot = telegramBot(h);
    await bot.send(tg.command(A, linked(h, A, 'SNV')));
    await bot.send(tg.command(A, '/dangky'));
    const before = bot.calls.length;
    await bot.send(tg.text(A, '', { text: undefined, sticker: { file_id: 'st', file_unique_id: 'st', width: 512, height: 512, is_animated: false, is_video: false, type: 'regular' } }));
    const answer = bot.since(before).filter((c) => c.method === 'sendMessage');
    expect(answer.map((c) => c.payload.text)).toEqual(['Bot chỉ đọc được tin nhắn chữ, nút bấm, ảnh và tệp (PDF, Word, Excel). Mời anh/chị gõ câu trả lời.']);
    expect(conversation(h, A)).toMatchObject({ step: 'area' });
  });
});

describe('updates delivered again by long polling', () => {
  it('drops an update numbered at or below the last one handled, also after a restart', async () => {
    const h = chatHarness();
    const bot = telegramBot(h);
    await bot.sendNumbered(100, tg.text(A, 'xin chào'));
    const before = bot.calls.length;
    await bot.restart();
    await bot.sendNumbered(100, tg.text(A, 'xin chào'));
    await bot.sendNumbered(99, tg.text(A, 'xin chào'));
    expect(bot.since(before)).toEqual([]);
    await bot.sendNumbered(101, tg.command(A, '/trogiup'));
    expect(bot.since(before).map((c) => c.method)).toEqual(['sendMessage']);
    expect(h.rows("SELECT value FROM settings WHERE key = 'inbound.telegram.handled'")).toEqual([{ value: '101' }]);
  });

  it('takes lower numbers again after a week without updates, when Telegram numbers them anew', async () => {
    const h = chatHarness();
    const bot = telegramBot(h);
    await bot.sendNumbered(5_000, tg.text(A, 'xin chào'));
    h.clock.advance(8 * 24 * 60 * 60 * 1000);
    const before = bot.calls.length;
    await bot.sendNumbered(12, tg.command(A, '/trogiup'));
    expect(bot.since(before).map((c) => c.method)).toEqual(['sendMessage']);
  });

  it('keeps an update that failed on our side with its error, answers so, and does not handle it twice', async () => {
    const h = chatHarness();
    const bot = telegramBot(h);
    h.db.$client.exec('DROP TABLE conversations');
    await bot.sendNumbered(300, tg.text(A, 'xin chào'));
    await bot.sendNumbered(300, tg.text(A, 'xin chào'));
    expect(bot.calls.filter((c) => c.method === 'sendMessage').map((c) => c.payload.text)).toEqual([
      'Có lỗi xảy ra phía trợ lý, chưa có gì được lưu và tin nhắn của anh/chị vẫn được giữ lại. Xin thử lại sau ít phút.',
    ]);
    const kept = h.rows<{ key: string; event: string; error: string }>("SELECT key, event, error FROM inbound_queue WHERE channel = 'telegram'");
    expect(kept).toHaveLength(1);
    expect(kept[0]!.key).toBe('300');
    expect(JSON.parse(kept[0]!.event)).toMatchObject({ externalId: String(A), text: 'xin chào' });
    expect(kept[0]!.error).toContain('no such table: conversations');
  });
});
