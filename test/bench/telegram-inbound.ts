/**
 * Inbound throughput on Telegram: a 12-step registration pushed through the real grammY bot, the
 * Telegram adapter, the chat core and a SQLite file, with the Bot API answered in process (no
 * network). Prints steps per second and p50/p99 per step, and, in the same run, the floor: grammY
 * plus one SQLite transaction per update.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Bot, type Api } from 'grammy';
import { TelegramChannel } from '../../src/channels/telegram/adapter.ts';
import { ChatCore } from '../../src/chat/core.ts';
import { closeDatabase, openDatabase, type Db } from '../../src/db/connection.ts';
import { identities, people, settings } from '../../src/db/schema.ts';
import { cliActor } from '../../src/domain/audit.ts';
import { fixedClock } from '../../src/domain/clock.ts';
import { upsertUnit } from '../../src/domain/units.ts';
import { ALL_FLOWS } from '../../src/flows/index.ts';
import { loadSampleMovement } from '../../src/sample/load.ts';
import { silentLogger } from '../../src/util/log.ts';

const PEOPLE = 400;
const STEPS = ['/dangky', '6', 'Tỷ lệ hồ sơ giải quyết đúng hạn', '1', '%', '98,5', '1', '31/12', 'Bỏ qua', 'Lưu', 'Gửi bản đăng ký', 'Gửi'];
const FEB_15 = Date.UTC(2020, 1, 15, 2, 0);
const BOT_INFO = { id: 1, is_bot: true, first_name: 'Bot', username: 'thidua_bench_bot', can_join_groups: false, can_read_all_group_messages: false, supports_inline_queries: false, can_connect_to_business: false, has_main_web_app: false } as never;

/** A bot whose API calls are answered at once in process: the benchmark excludes the network. */
function offlineBot(): Bot {
  const bot = new Bot('1:bench', { botInfo: BOT_INFO });
  let id = 1;
  bot.api.config.use(async (_prev, method) => ({ ok: true, result: method === 'sendMessage' ? { message_id: id++, date: 0, chat: { id: 1, type: 'private' } } : true }) as never);
  return bot;
}

const textUpdate = (updateId: number, chatId: number, text: string) => ({
  update_id: updateId,
  message: { message_id: updateId, date: 1_580_000_000, chat: { id: chatId, type: 'private' as const, first_name: 'A' }, from: { id: chatId, is_bot: false, first_name: 'A' }, text },
});

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

function liaisons(db: Db): number[] {
  const ids: number[] = [];
  db.transaction((tx) => {
    for (let i = 0; i < PEOPLE; i++) {
      const unit = upsertUnit(tx, { code: `BENCH${i}`, name: `Đơn vị thử ${i}`, kind: 'khac' }, cliActor, FEB_15);
      const person = tx.insert(people).values({ fullName: `Cán bộ ${i}`, role: 'liaison', unitId: unit.id }).returning().get();
      const chatId = 10_000 + i;
      tx.insert(identities).values({ channel: 'telegram', externalId: String(chatId), personId: person.id }).run();
      ids.push(chatId);
    }
  });
  return ids;
}

let updateId = 1;

async function measure(bot: Bot, chats: number[]): Promise<{ perStepMs: number[]; seconds: number }> {
  const perStepMs: number[] = [];
  const started = process.hrtime.bigint();
  for (const chatId of chats) {
    for (const text of STEPS) {
      const t0 = process.hrtime.bigint();
      await bot.handleUpdate(textUpdate(updateId++, chatId, text) as never);
      perStepMs.push(Number(process.hrtime.bigint() - t0) / 1e6);
    }
  }
  return { perStepMs, seconds: Number(process.hrtime.bigint() - started) / 1e9 };
}

export async function benchTelegramInbound(): Promise<boolean> {
  const dir = mkdtempSync(join(tmpdir(), 'thidua-bench-'));
  try {
    // The bot's own stack.
    // As the bot runs it (src/main.ts): WAL checkpoints in a worker thread, off the messages' path.
    const db = openDatabase(join(dir, 'bot.db'), { backgroundCheckpoints: true });
    const clock = fixedClock(FEB_15);
    loadSampleMovement(db, cliActor, FEB_15);
    const chats = liaisons(db);
    const bot = offlineBot();
    const channel = new TelegramChannel({ api: bot.api as Api, db, core: new ChatCore({ db, clock, flows: ALL_FLOWS, log: silentLogger }), clock, log: silentLogger });
    bot.use((ctx) => channel.receive(ctx.update));
    await measure(bot, chats.slice(0, 20)); // warm-up: JIT, statement caches
    const ours = await measure(bot, chats.slice(20));
    const submitted = (db.$client.prepare("SELECT count(*) AS n FROM registrations WHERE status = 'submitted'").get() as { n: number }).n;
    closeDatabase(db);

    // The floor: grammY plus one SQLite transaction per update, nothing else.
    const bare = openDatabase(join(dir, 'bare.db'), { backgroundCheckpoints: true });
    const insert = bare.$client.prepare('INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value');
    const step = bare.$client.transaction((key: string, value: string) => insert.run(key, value, Date.now()));
    const floorBot = offlineBot();
    floorBot.use(async (ctx) => {
      step(String(ctx.chat?.id), ctx.message?.text ?? '');
      await ctx.reply('ok');
    });
    await measure(floorBot, chats.slice(0, 20));
    const floor = await measure(floorBot, chats.slice(20));

    // The same floor written the way the stack is ordinarily used: one drizzle transaction with a
    // query-builder upsert. Printed for comparison; the target is taken against the faster floor.
    const ormBot = offlineBot();
    ormBot.use(async (ctx) => {
      const key = String(ctx.chat?.id);
      const value = ctx.message?.text ?? '';
      bare.transaction((tx) =>
        tx.insert(settings).values({ key, value, updatedAt: Date.now() }).onConflictDoUpdate({ target: settings.key, set: { value } }).run(),
      );
      await ctx.reply('ok');
    });
    await measure(ormBot, chats.slice(0, 20));
    const ormFloor = await measure(ormBot, chats.slice(20));
    closeDatabase(bare);

    const steps = ours.perStepMs.length;
    const rate = steps / ours.seconds;
    const floorRate = floor.perStepMs.length / floor.seconds;
    const sorted = [...ours.perStepMs].sort((a, b) => a - b);
    const p50 = percentile(sorted, 50);
    const p99 = percentile(sorted, 99);
    const ratio = floorRate / rate;
    console.log('Telegram inbound: 12-step registration through grammY + adapter + core + SQLite file');
    console.log(`  registrations submitted     ${submitted} of ${chats.length}`);
    console.log(`  steps                       ${steps}`);
    console.log(`  throughput                  ${rate.toFixed(0)} steps/s   (target ≥ 3000)`);
    console.log(`  latency per step            p50 ${p50.toFixed(3)} ms, p99 ${p99.toFixed(3)} ms   (target p99 < 3 ms)`);
    console.log(`  floor (grammY + 1 tx/step)  ${floorRate.toFixed(0)} steps/s`);
    console.log(`  floor / ours                ${ratio.toFixed(2)}×   (target ≤ 2.5×)`);
    const ormRate = ormFloor.perStepMs.length / ormFloor.seconds;
    console.log(`  floor with drizzle's builder ${ormRate.toFixed(0)} steps/s; over ours ${(ormRate / rate).toFixed(2)}× (for comparison)`);
    const ok = rate >= 3000 && p99 < 3 && ratio <= 2.5 && submitted === chats.length;
    console.log(`  ${ok ? 'PASS' : 'FAIL'}`);
    return ok;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
