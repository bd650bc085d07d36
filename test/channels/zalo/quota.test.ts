/**
 * What the OA spends: answers go as free replies (addressed by the person's message_id) while
 * Zalo's allowance lasts, every send's allowance is recorded from Zalo's answer, and proactive
 * messages stop at the month's budget the way the admin chose.
 */
import { describe, expect, it } from 'vitest';
import type { ChannelSender } from '../../../src/chat/channel.ts';
import type { OutboundMessage } from '../../../src/chat/types.ts';
import { drainOutbox } from '../../../src/delivery/outbox.ts';
import { BUDGET_SPENT, nextMonthStart, quotaSummary, saveBudget } from '../../../src/delivery/zalo-quota.ts';
import { DAY, useZaloHarnesses, zaloHarness, type ZaloHarness } from './harness.ts';

useZaloHarnesses();

const LIAISON = '246845883529197922';

async function linked(h: ZaloHarness): Promise<void> {
  await h.say(LIAISON, `/start ${h.invite('SNV')}`);
  // The question about ZNS asked at linking is declined here: it is not what these tests are about.
  await h.say(LIAISON, '/huy');
}

/** Linked, then silent for three days: outside the 48-hour free window, a message to them is proactive. */
async function linkedLongAgo(h: ZaloHarness): Promise<void> {
  await linked(h);
  h.clock.advance(3 * DAY);
}

const ledger = (h: ZaloHarness) => h.rows<{ kind: string; quota_type: string | null }>('SELECT kind, quota_type FROM zalo_quota_ledger ORDER BY id');

describe('answers as free replies', () => {
  it('every answer in a conversation carries the message it answers, and Zalo counts none as proactive', async () => {
    const h = await zaloHarness();
    await linked(h);
    for (const text of ['/dangky', '6', 'Tỷ lệ hồ sơ giải quyết đúng hạn', '1', '%', '98,5']) await h.say(LIAISON, text);
    const sent = h.fake.allowances(LIAISON);
    expect(sent.length).toBeGreaterThanOrEqual(8);
    expect(sent.filter((m) => m.replyTo === undefined)).toEqual([]);
    expect(new Set(sent.map((m) => m.quotaType))).toEqual(new Set(['reply']));
    expect(h.fake.proactiveCount()).toBe(0);
    // The ledger says the same, from Zalo's own answers.
    expect(ledger(h).every((r) => r.kind === 'reply' && r.quota_type === 'reply')).toBe(true);
    expect(ledger(h)).toHaveLength(sent.length);
    expect(quotaSummary(h.db, h.clock.now())).toMatchObject({ proactive: 0, replies: sent.length, left: 1000 });
  });

  it('the ninth answer to one message, and an answer after 48 hours, go by user id and are counted as proactive', async () => {
    const h = await zaloHarness();
    await linked(h);
    h.clock.advance(60_000);
    h.fake.inbound(LIAISON, 'question-1', h.clock.now());
    const before = ledger(h).length;
    const answer: OutboundMessage = { text: 'Trả lời', replyTo: { id: 'question-1', at: h.clock.now() } };
    for (let i = 0; i < 9; i++) expect(await h.channel.sender.send(LIAISON, answer)).toEqual({ ok: true });
    const sent = h.fake.allowances(LIAISON).slice(-9);
    expect(sent.map((m) => m.replyTo ?? 'by user id')).toEqual([...Array(8).fill('question-1'), 'by user id']);
    expect(ledger(h).slice(before).map((r) => r.kind)).toEqual([...Array(8).fill('reply'), 'proactive']);

    h.fake.inbound(LIAISON, 'question-2', h.clock.now());
    const late = { text: 'Trả lời muộn', replyTo: { id: 'question-2', at: h.clock.now() } };
    h.clock.advance(2 * DAY);
    await h.channel.sender.send(LIAISON, late);
    expect(h.fake.allowances(LIAISON).at(-1)).toMatchObject({ replyTo: undefined, quotaType: 'sub_quota' });
    expect(h.fake.proactiveCount()).toBe(2);
  });
});

describe('the monthly budget of proactive messages', () => {
  const notice: OutboundMessage = { text: 'Thông báo của Ban' };

  /** A notice for the liaison, waiting in the outbox as 'n1' (sent by the test's own drains); returns the person. */
  function queueNotice(h: ZaloHarness): number {
    const { id, person_id } = h.rows<{ id: number; person_id: number }>("SELECT id, person_id FROM identities WHERE channel = 'zalo'")[0]!;
    h.db.$client
      .prepare("INSERT INTO outbox (dedupe_key, person_id, identity_id, channel, payload, not_before) VALUES ('n1', ?, ?, 'zalo', ?, ?)")
      .run(person_id, id, JSON.stringify(notice), h.clock.now());
    return person_id;
  }

  it('counts proactive sends and refuses the one beyond the budget, reported, while free replies still go', async () => {
    const h = await zaloHarness();
    await linkedLongAgo(h);
    saveBudget(h.db, { monthly: 3, over: 'report' }, h.clock.now());
    const results = [];
    for (let i = 0; i < 5; i++) results.push(await h.channel.sender.send(LIAISON, notice));
    expect(results.map((r) => (r.ok ? 'sent' : `${r.kind}: ${r.error}`))).toEqual(['sent', 'sent', 'sent', `permanent: ${BUDGET_SPENT}`, `permanent: ${BUDGET_SPENT}`]);
    expect(h.fake.proactiveCount()).toBe(3);
    const replies = await h.say(LIAISON, '/donvi');
    expect(replies.length).toBeGreaterThan(0);
    expect(h.fake.proactiveCount()).toBe(3);
    expect(quotaSummary(h.db, h.clock.now())).toMatchObject({ proactive: 3, left: 0, budget: { monthly: 3, over: 'report' } });
  });

  it('"wait": the message waits in the outbox for the first of next month, with no attempt spent', async () => {
    const h = await zaloHarness();
    await linkedLongAgo(h);
    saveBudget(h.db, { monthly: 0, over: 'wait' }, h.clock.now());
    await h.outbox.stop();
    queueNotice(h);
    expect(await drainOutbox(h.db, [h.channel.sender], h.clock, h.log)).toMatchObject({ sent: 0, retried: 1 });
    expect(h.rows("SELECT status, not_before, attempts, last_error FROM outbox WHERE dedupe_key = 'n1'")).toEqual([
      { status: 'pending', not_before: nextMonthStart(h.clock.now()), attempts: 0, last_error: BUDGET_SPENT },
    ]);
    expect(h.rows("SELECT unreachable_at FROM identities WHERE channel = 'zalo'")).toEqual([{ unreachable_at: null }]);
    expect(quotaSummary(h.db, h.clock.now()).held).toBe(1);
  });

  it('"fallback": the message goes by the person\'s Telegram, and the Zalo account is not marked unreachable', async () => {
    const h = await zaloHarness();
    await linkedLongAgo(h);
    saveBudget(h.db, { monthly: 0, over: 'fallback' }, h.clock.now());
    await h.outbox.stop();
    const personId = queueNotice(h);
    h.db.$client.prepare("INSERT INTO identities (person_id, channel, external_id, last_inbound_at) VALUES (?, 'telegram', '777000', ?)").run(personId, h.clock.now() - DAY);
    const telegram: ChannelSender & { sent: string[] } = { channel: 'telegram', sent: [], send: async (to) => (telegram.sent.push(to), { ok: true }) };
    await drainOutbox(h.db, [h.channel.sender, telegram], h.clock, h.log);
    await drainOutbox(h.db, [h.channel.sender, telegram], h.clock, h.log);
    expect(telegram.sent).toEqual(['777000']);
    expect(h.rows("SELECT channel, status FROM outbox WHERE dedupe_key = 'n1'")).toEqual([{ channel: 'telegram', status: 'sent' }]);
    expect(h.rows("SELECT unreachable_at FROM identities WHERE channel = 'zalo'")).toEqual([{ unreachable_at: null }]);
    expect(h.fake.proactiveCount()).toBe(0);
  });

  it('a follow-up to someone who wrote within the free window goes though the budget is spent, and is not counted', async () => {
    const h = await zaloHarness();
    h.fake.freeWindow = true;
    await linked(h);
    saveBudget(h.db, { monthly: 0, over: 'wait' }, h.clock.now());
    h.clock.advance(20 * 3_600_000);
    expect(await h.channel.sender.send(LIAISON, notice)).toEqual({ ok: true });
    expect(h.fake.allowances(LIAISON).at(-1)).toEqual({ userId: LIAISON, replyTo: undefined, quotaType: 'reply' });
    expect(h.fake.proactiveCount()).toBe(0);
    expect(quotaSummary(h.db, h.clock.now())).toMatchObject({ proactive: 0, held: 0 });
    // The window is configuration: at 12 hours, the same follow-up 20 hours on is proactive and waits.
    const strict = await zaloHarness({ ZALO_FREE_WINDOW_HOURS: '12' });
    await linked(strict);
    saveBudget(strict.db, { monthly: 0, over: 'wait' }, strict.clock.now());
    strict.clock.advance(20 * 3_600_000);
    expect(await strict.channel.sender.send(LIAISON, notice)).toMatchObject({ ok: false, kind: 'deferred', error: BUDGET_SPENT });
  });

  it('believes Zalo: what its answer says a follow-up used is what is counted', async () => {
    const h = await zaloHarness();
    await linked(h);
    h.clock.advance(3_600_000);
    const before = ledger(h).length;
    // Zalo (under its newer rules) takes the follow-up as free…
    h.fake.nextApi.push({ path: '/v3.0/oa/message/cs', body: { error: 0, message: 'Success', data: { message_id: 'f1', quota: { quota_type: 'reply', remain: '7', total: '8' } } } });
    await h.channel.sender.send(LIAISON, notice);
    // …or as one of the month's: either way its word is recorded.
    h.fake.nextApi.push({ path: '/v3.0/oa/message/cs', body: { error: 0, message: 'Success', data: { message_id: 'f2', quota: { quota_type: 'sub_quota', remain: '990', total: '1000' } } } });
    await h.channel.sender.send(LIAISON, notice);
    // Saying nothing, a follow-up within the window is taken as free.
    h.fake.nextApi.push({ path: '/v3.0/oa/message/cs', body: { error: 0, message: 'Success', data: { message_id: 'f3' } } });
    await h.channel.sender.send(LIAISON, notice);
    expect(ledger(h).slice(before)).toEqual([
      { kind: 'reply', quota_type: 'reply' },
      { kind: 'proactive', quota_type: 'sub_quota' },
      { kind: 'reply', quota_type: null },
    ]);
    expect(quotaSummary(h.db, h.clock.now())).toMatchObject({ proactive: 1, zaloRemain: 990 });
  });

  it('in doubt, asks Zalo before holding a message back: a person who interacted lately (a tap the bot did not see) gets it', async () => {
    const h = await zaloHarness();
    await linkedLongAgo(h);
    saveBudget(h.db, { monthly: 0, over: 'report' }, h.clock.now());
    h.fake.inbound(LIAISON, 'unseen-tap', h.clock.now() - 3_600_000);
    expect(await h.channel.sender.send(LIAISON, notice)).toEqual({ ok: true });
    expect(h.fake.requests.filter((r) => r.path === '/v3.0/oa/quota/message').map((r) => r.body)).toEqual([{ user_id: LIAISON }]);
    // Zalo says the person has been silent as long as the bot thinks: held back.
    h.clock.advance(3 * DAY);
    expect(await h.channel.sender.send(LIAISON, notice)).toMatchObject({ ok: false, kind: 'permanent', error: BUDGET_SPENT });
  });

  it('the monthly budget until an admin sets one is configuration (ZALO_MONTHLY_BUDGET)', async () => {
    const h = await zaloHarness({ ZALO_MONTHLY_BUDGET: '2' });
    await linkedLongAgo(h);
    saveBudget(h.db, { over: 'report' }, h.clock.now());
    const results = [];
    for (let i = 0; i < 3; i++) results.push((await h.channel.sender.send(LIAISON, notice)).ok);
    expect(results).toEqual([true, true, false]);
    expect(quotaSummary(h.db, h.clock.now()).budget).toEqual({ monthly: 2, over: 'report' });
  });
});
