import { performance } from 'node:perf_hooks';
import { afterEach, describe, expect, it } from 'vitest';
import type { ChannelSender } from '../../src/chat/channel.ts';
import type { OutboundMessage } from '../../src/chat/types.ts';
import { fixedClock, systemClock } from '../../src/util/clock.ts';
import { Dispatcher } from '../../src/delivery/dispatcher.ts';
import { messageCost, Pacer, SlidingWindow, TELEGRAM_PACE } from '../../src/delivery/pace.ts';
import { silentLogger } from '../../src/util/log.ts';
import { openTempDatabase, useTempDatabases } from '../helpers/db.ts';
import { FakeBotApi } from '../helpers/fake-telegram.ts';
import { waitFor } from '../helpers/wait.ts';
import { queueFor, seedPeople, statusCounts, telegramSender } from './helpers.ts';

useTempDatabases();

const running: (Dispatcher | FakeBotApi)[] = [];
afterEach(async () => {
  for (const r of running.splice(0).reverse()) {
    if (r instanceof Dispatcher) await r.stop();
    else await r.close();
  }
});

async function fake(limits = { perWindow: 30, perChat: 1 }): Promise<FakeBotApi> {
  const api = await new FakeBotApi().start();
  api.limitRate(limits);
  running.push(api);
  return api;
}

function dispatcher(options: ConstructorParameters<typeof Dispatcher>[0]): Dispatcher {
  const d = new Dispatcher({ pollMs: 50, ...options }).start();
  running.push(d);
  return d;
}

/** The most accepted sends seen in any window of `ms` (by arrival at the fake server). */
function busiestWindow(times: number[], ms = 1000): number {
  const sorted = [...times].sort((a, b) => a - b);
  let best = 0;
  for (let i = 0, j = 0; i < sorted.length; i++) {
    while (sorted[i]! - sorted[j]! >= ms) j++;
    best = Math.max(best, i - j + 1);
  }
  return best;
}

describe('pacing', () => {
  it('a sliding window lets `limit` sends into any window, no more', () => {
    const w = new SlidingWindow(3, 1000);
    for (const t of [0, 10, 20]) {
      expect(w.earliest(t)).toBe(t);
      w.take(t);
    }
    expect(w.earliest(30)).toBe(1000);
    expect(w.earliest(1000)).toBe(1000);
    expect(w.earliest(30, 2)).toBe(1010);
    // A send counts from its answer once it has one: one held up on our side cannot let the next arrive too soon.
    const p = new Pacer(TELEGRAM_PACE);
    const counted = p.take('a', 0);
    expect(p.chatEarliest('a', 10)).toBeCloseTo(1010);
    p.answered(counted, 300);
    expect(p.chatEarliest('a', 10)).toBeCloseTo(1310);
    expect(p.chatEarliest('b', 10)).toBe(10);
    expect(messageCost('telegram', { text: 'x'.repeat(5000) })).toBe(2);
    expect(messageCost('zalo', { text: 'x'.repeat(5000), file: {} })).toBe(2);
    expect(messageCost('telegram', { text: 'Tình hình đăng ký', image: {} })).toBe(2);
  });

  it("Telegram's limits: 30 a second overall, 1 a second per chat; nothing refused, nothing twice", async () => {
    const temp = openTempDatabase();
    const api = await fake();
    const clock = fixedClock(1_000);
    const people = seedPeople(temp.db, 75);
    // Three messages to the first chat, one to each of the others.
    queueFor(temp.db, people, 'a');
    queueFor(temp.db, people.slice(0, 1), 'b');
    queueFor(temp.db, people.slice(0, 1), 'c');
    const started = performance.now();
    dispatcher({ db: temp.db, senders: [telegramSender(temp.db, api.root, clock)], clock, log: silentLogger });
    await waitFor(() => statusCounts(temp.db).sent === 77, 'every message sent', 10_000);
    const seconds = (performance.now() - started) / 1000;
    expect(api.rateLimited).toBe(0);
    expect(busiestWindow(api.deliveries.map((d) => d.at))).toBeLessThanOrEqual(30);
    expect(seconds).toBeGreaterThan(2.2); // 77 messages at 30 a second
    expect(seconds).toBeLessThan(4);
    const counts = api.countsByChat();
    expect(counts.size).toBe(75);
    expect(counts.get(100_000)).toBe(3);
    const first = api.deliveries.filter((d) => d.chatId === 100_000).map((d) => d.at);
    expect(first[1]! - first[0]!).toBeGreaterThanOrEqual(1000);
    expect(first[2]! - first[1]!).toBeGreaterThanOrEqual(1000);
  });

  it('a one-off notice goes before a broadcast already queued', async () => {
    const temp = openTempDatabase();
    const api = await fake();
    const clock = fixedClock(1_000);
    const people = seedPeople(temp.db, 61);
    queueFor(temp.db, people.slice(0, 60), 'broadcast');
    const d = dispatcher({ db: temp.db, senders: [telegramSender(temp.db, api.root, clock)], clock, log: silentLogger });
    await waitFor(() => api.deliveries.length >= 5, 'the broadcast under way');
    queueFor(temp.db, people.slice(60), 'notice', { bulk: false, text: 'Sở Nội vụ vừa gửi bản đăng ký' });
    d.kick();
    await waitFor(() => api.deliveries.some((x) => x.text === 'Sở Nội vụ vừa gửi bản đăng ký'), 'the notice', 3_000);
    expect(api.deliveries.length).toBeLessThan(45);
  });

  it('a reply is never stuck behind a 10,000-message broadcast: it goes out at once, and the broadcast keeps the limit', async () => {
    const temp = openTempDatabase();
    const api = await fake();
    const clock = fixedClock(1_000);
    const people = seedPeople(temp.db, 10_001);
    queueFor(temp.db, people.slice(0, 10_000), 'broadcast');
    const d = dispatcher({ db: temp.db, senders: [telegramSender(temp.db, api.root, clock)], clock, log: silentLogger });
    await waitFor(() => api.deliveries.length >= 40, 'the broadcast under way', 5_000);
    const person = people[10_000]!;
    const identity = (temp.db.$client.prepare('SELECT id, external_id AS chat FROM identities WHERE person_id = ?').get(person) as { id: number; chat: string });
    const id = Number(
      temp.db.$client
        .prepare("INSERT INTO outbox (dedupe_key, person_id, identity_id, channel, payload, not_before, reply) VALUES ('reply', ?, ?, 'telegram', ?, 0, 1)")
        .run(person, identity.id, JSON.stringify({ text: 'Bước 2/9' })).lastInsertRowid,
    );
    const before = api.deliveries.length;
    d.push([{ id, personId: person, identityId: identity.id, channel: 'telegram', payload: { text: 'Bước 2/9' }, attempts: 0, externalId: identity.chat, reply: true, bulk: false, reminder: false }]);
    await waitFor(() => api.sentTexts(Number(identity.chat)).length === 1, 'the reply', 3_000);
    // Ahead of the queued broadcast: at most the broadcast's sends already on their way went before it
    // (stuck behind it would be thousands), however slow the machine.
    const replyAt = api.deliveries.findIndex((delivery) => delivery.chatId === Number(identity.chat));
    expect(replyAt - before).toBeLessThan(40);
    await d.stop();
    // The reply is counted but not held: it may take the window's last place. (At most one over:
    // under a parallel test run the fake's arrival times jitter by more than the pacer's margin;
    // the quiet benchmark shows none.)
    expect(api.rateLimited).toBeLessThanOrEqual(1);
  });

  it('429 pauses only the chat Telegram refused, for as long as it says; the other chats go on; then it goes, once', async () => {
    const temp = openTempDatabase();
    const api = await fake({ perWindow: 1000, perChat: 1000 });
    api.fail('sendMessage', 429, 'Too Many Requests: retry after 1', { retryAfter: 1, times: 1, chatId: 100_000 });
    const clock = fixedClock(10_000);
    const people = seedPeople(temp.db, 5);
    queueFor(temp.db, people, 'x');
    const d = dispatcher({ db: temp.db, senders: [telegramSender(temp.db, api.root, clock)], clock, log: silentLogger, pace: { telegram: { maxInFlight: 1 } } });
    const started = performance.now();
    await waitFor(() => statusCounts(temp.db).pending === 1 && statusCounts(temp.db).sent === 4, 'one row waiting', 3_000);
    expect(performance.now() - started).toBeLessThan(900); // the others did not wait for the refused chat
    const row = temp.db.$client.prepare("SELECT not_before AS nb, attempts, last_error AS e FROM outbox WHERE status = 'pending'").get();
    expect(row).toEqual({ nb: 11_000, attempts: 1, e: 'Too Many Requests: retry after 1' });
    clock.set(11_000);
    d.kick();
    await waitFor(() => statusCounts(temp.db).sent === 5, 'the retried row', 3_000);
    // The refused chat got nothing until retry_after had passed.
    const toRefused = api.callsOf('sendMessage').filter((c) => Number(c.payload.chat_id) === 100_000).map((c) => c.at);
    expect(toRefused).toHaveLength(2);
    expect(toRefused[1]! - toRefused[0]!).toBeGreaterThanOrEqual(950);
    expect([...api.countsByChat().values()]).toEqual([1, 1, 1, 1, 1]);
  });

  it('many chats refused within a second pause all but replies: the bot as a whole is over the limit', async () => {
    const temp = openTempDatabase();
    const api = await fake({ perWindow: 1000, perChat: 1000 });
    api.fail('sendMessage', 429, 'Too Many Requests: retry after 2', { retryAfter: 2, times: 5 });
    const clock = fixedClock(10_000);
    const people = seedPeople(temp.db, 8);
    queueFor(temp.db, people.slice(0, 7), 'x');
    const d = dispatcher({ db: temp.db, senders: [telegramSender(temp.db, api.root, clock)], clock, log: silentLogger, pace: { telegram: { maxInFlight: 1 } } });
    await waitFor(() => api.callsOf('sendMessage').length >= 5, 'five refusals', 3_000);
    // A reply to the eighth person still goes at once; the two other notices wait.
    const identity = temp.db.$client.prepare("SELECT id FROM identities WHERE person_id = ?").get(people[7]) as { id: number };
    const id = Number(
      temp.db.$client
        .prepare("INSERT INTO outbox (dedupe_key, person_id, identity_id, channel, payload, not_before, reply) VALUES ('r', ?, ?, 'telegram', ?, 0, 1)")
        .run(people[7], identity.id, JSON.stringify({ text: 'trả lời' })).lastInsertRowid,
    );
    d.push([{ id, personId: people[7]!, identityId: identity.id, channel: 'telegram', payload: { text: 'trả lời' }, attempts: 0, externalId: String(100_007), reply: true, bulk: false, reminder: false }]);
    await waitFor(() => api.sentTexts(100_007).length === 1, 'the reply', 1_000);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(api.callsOf('sendMessage')).toHaveLength(6);
  });

  it('blocked on Telegram: recorded, and sent on the person\'s Zalo instead; a refused message fails for good', async () => {
    const temp = openTempDatabase();
    const api = await fake();
    const clock = fixedClock(10_000);
    const [blocked, refused, fine] = seedPeople(temp.db, 3);
    temp.db.$client.prepare("INSERT INTO identities (person_id, channel, external_id, last_inbound_at) VALUES (?, 'zalo', 'z1', 5)").run(blocked);
    api.fail('sendMessage', 403, 'Forbidden: bot was blocked by the user', { chatId: 100_000 });
    api.fail('sendMessage', 400, 'Bad Request: chat not found', { chatId: 100_001 });
    const zalo: { to: string; message: OutboundMessage }[] = [];
    const zaloSender: ChannelSender = { channel: 'zalo', send: async (to, message) => (zalo.push({ to, message }), { ok: true }) };
    queueFor(temp.db, [blocked!, refused!, fine!], 'x');
    dispatcher({ db: temp.db, senders: [telegramSender(temp.db, api.root, clock), zaloSender], clock, log: silentLogger });
    await waitFor(() => statusCounts(temp.db).sent === 2 && statusCounts(temp.db).failed === 1, 'all settled', 5_000);
    expect(zalo).toEqual([{ to: 'z1', message: { text: `x cho ${blocked}` } }]);
    expect(temp.db.$client.prepare('SELECT person_id AS p, channel, status, attempts, last_error AS e FROM outbox ORDER BY id').all()).toEqual([
      { p: blocked, channel: 'zalo', status: 'sent', attempts: 2, e: null },
      { p: refused, channel: 'telegram', status: 'failed', attempts: 1, e: 'Bad Request: chat not found' },
      { p: fine, channel: 'telegram', status: 'sent', attempts: 1, e: null },
    ]);
    expect(temp.db.$client.prepare("SELECT unreachable_reason AS r FROM identities WHERE external_id = '100000'").get()).toEqual({
      r: 'Forbidden: bot was blocked by the user',
    });
  });
});

describe('claims', () => {
  it('rows left "sending" by a dead process are sent again once their claim is stale; a live claim is left alone', async () => {
    const temp = openTempDatabase();
    const sent: string[] = [];
    const sender: ChannelSender = { channel: 'telegram', send: async (to) => (sent.push(to), { ok: true }) };
    const clock = fixedClock(100_000);
    const people = seedPeople(temp.db, 3);
    queueFor(temp.db, people, 'x');
    temp.db.$client.prepare("UPDATE outbox SET status = 'sending', attempts = 1, claimed_at = ? WHERE person_id = ?").run(100_000 - 4_000, people[0]);
    temp.db.$client.prepare("UPDATE outbox SET status = 'sending', attempts = 1, claimed_at = ? WHERE person_id = ?").run(100_000 - 1_000, people[1]);
    dispatcher({ db: temp.db, senders: [sender], clock, log: silentLogger, leaseMs: 3_000 });
    await waitFor(() => sent.length === 2, 'the stale row and the free one');
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(sent.sort()).toEqual(['100000', '100002']);
    clock.advance(3_000);
    await waitFor(() => sent.length === 3, 'the other once its claim is stale', 3_000);
    await waitFor(() => statusCounts(temp.db).sent === 3, 'the three recorded as sent');
    expect(statusCounts(temp.db)).toEqual({ sent: 3 });
  });

  it('a message sent while the database turned read-only is recorded once it is writable again, and not sent twice', async () => {
    const temp = openTempDatabase();
    const sent: string[] = [];
    // The disk goes read-only while the message is on its way (query_only: SQLite refuses writes as on a read-only file).
    const sender: ChannelSender = { channel: 'telegram', send: async (to) => (sent.push(to), temp.db.$client.pragma('query_only = ON'), { ok: true }) };
    const clock = fixedClock(100_000);
    queueFor(temp.db, seedPeople(temp.db, 1), 'x');
    dispatcher({ db: temp.db, senders: [sender], clock, log: silentLogger, leaseMs: 300 });
    await waitFor(() => sent.length === 1, 'the send');
    // Long enough read-only for its claim to be stale, had it not been kept.
    await new Promise((resolve) => setTimeout(resolve, 300));
    clock.advance(1_000);
    expect(statusCounts(temp.db)).toEqual({ sending: 1 });

    temp.db.$client.pragma('query_only = OFF');
    await waitFor(() => statusCounts(temp.db).sent === 1, 'the result recorded', 3_000);
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(sent).toEqual(['100000']);
    expect(temp.db.$client.prepare('SELECT attempts, claimed_by FROM outbox').get()).toEqual({ attempts: 1, claimed_by: null });
  });

  it('a slow send keeps its claim alive, so a second dispatcher does not take it', async () => {
    const temp = openTempDatabase();
    const sent: string[] = [];
    const slow: ChannelSender = {
      channel: 'telegram',
      send: async (to) => {
        await new Promise((resolve) => setTimeout(resolve, 700));
        sent.push(to);
        return { ok: true };
      },
    };
    queueFor(temp.db, seedPeople(temp.db, 1), 'x');
    dispatcher({ db: temp.db, senders: [slow], clock: systemClock, log: silentLogger, leaseMs: 200 });
    await waitFor(() => statusCounts(temp.db).sending === 1, 'the send under way');
    dispatcher({ db: temp.db, senders: [{ ...slow }], clock: systemClock, log: silentLogger, leaseMs: 200 });
    await waitFor(() => statusCounts(temp.db).sent === 1, 'sent', 3_000);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(sent).toEqual(['100000']);
  });
});
