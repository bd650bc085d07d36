/** Delivery tests: people with Telegram chats, rows in the outbox, and the real Telegram sender against the fake Bot API. */
import { Bot } from 'grammy';
import { TelegramChannel } from '../../src/channels/telegram/adapter.ts';
import { ChatCore } from '../../src/chat/core.ts';
import type { Db } from '../../src/db/connection.ts';
import type { Clock } from '../../src/util/clock.ts';
import { ALL_FLOWS } from '../../src/flows/index.ts';
import { silentLogger } from '../../src/util/log.ts';
import { FAKE_TOKEN } from '../helpers/fake-telegram.ts';

const BOT_INFO = {
  id: 123456789,
  is_bot: true,
  first_name: 'Trợ lý Thi đua',
  username: 'thidua_test_bot',
  can_join_groups: false,
  can_read_all_group_messages: false,
  supports_inline_queries: false,
  can_connect_to_business: false,
  has_main_web_app: false,
} as never;

/** The bot's Telegram channel as a sender, talking to the fake Bot API at `root` (no auto-retry: the outbox retries). */
export function telegramSender(db: Db, root: string, clock: Clock): TelegramChannel {
  const bot = new Bot(FAKE_TOKEN, { client: { apiRoot: root }, botInfo: BOT_INFO });
  return new TelegramChannel({ api: bot.api, db, core: new ChatCore({ db, clock, flows: ALL_FLOWS, log: silentLogger }), clock, log: silentLogger });
}

/** `count` people, each with a Telegram chat (chat ids from `firstChat`); returns their person ids. */
export function seedPeople(db: Db, count: number, firstChat = 100_000, now = 1): number[] {
  const ids: number[] = [];
  const person = db.$client.prepare("INSERT INTO people (full_name, role) VALUES (?, 'liaison')");
  const identity = db.$client.prepare("INSERT INTO identities (person_id, channel, external_id, last_inbound_at) VALUES (?, 'telegram', ?, ?)");
  db.$client.transaction(() => {
    for (let i = 0; i < count; i++) {
      const id = Number(person.run(`Người ${i}`).lastInsertRowid);
      identity.run(id, String(firstChat + i), now);
      ids.push(id);
    }
  })();
  return ids;
}

/** One outbox row per person (their Telegram chat), as a broadcast (`bulk`) or a one-off notice would queue. */
export function queueFor(db: Db, personIds: number[], prefix: string, options: { bulk?: boolean; notBefore?: number; text?: string } = {}): void {
  const insert = db.$client.prepare(
    `INSERT INTO outbox (dedupe_key, person_id, identity_id, channel, payload, not_before, broadcast_id)
     SELECT ?, ?, i.id, 'telegram', ?, ?, ? FROM identities i WHERE i.person_id = ? AND i.channel = 'telegram'`,
  );
  db.$client.transaction(() => {
    for (const id of personIds)
      insert.run(`${prefix}:${id}`, id, JSON.stringify({ text: options.text ?? `${prefix} cho ${id}` }), options.notBefore ?? 0, options.bulk === false ? null : 1, id);
  })();
}

export const statusCounts = (db: Db) =>
  Object.fromEntries((db.$client.prepare('SELECT status, count(*) AS n FROM outbox GROUP BY status').all() as { status: string; n: number }[]).map((r) => [r.status, r.n]));
