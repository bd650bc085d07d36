/**
 * Every documented Zalo send error, through the real senders against the fake OA and ZNS API, by
 * whose fault it is: the person's marks that contact unreachable; a passing one is retried; the
 * account's (balance, package, template, token, limits) marks nobody, makes the message wait or go
 * another way and tells the admins once (and /health) until a message goes through; a bad request
 * fails that message alone.
 */
import { describe, expect, it } from 'vitest';
import type { OutboundMessage } from '../../../src/chat/types.ts';
import { classifyZaloError } from '../../../src/channels/zalo/errors.ts';
import { ZaloClient } from '../../../src/channels/zalo/client.ts';
import { createZnsSender, trackingId } from '../../../src/channels/zalo/zns.ts';
import { ZaloTokens } from '../../../src/channels/zalo/tokens.ts';
import { drainOutbox } from '../../../src/delivery/outbox.ts';
import { cliActor } from '../../../src/domain/audit.ts';
import { consentToZns } from '../../../src/domain/contacts.ts';
import { checkHealth, problemText } from '../../../src/health/check.ts';
import { sendAndSettle, useZaloHarnesses, zaloHarness, ZNS_ENV, type ZaloHarness } from './harness.ts';

useZaloHarnesses();

const LIAISON = 'zalo-user-stc';
const ADMIN = 'zalo-user-admin';
const PHONE = '84912345678';
const reminder: OutboundMessage = {
  text: 'Nhắc việc',
  notice: { name: 'Trần Thị Bình', unit: 'Sở Tài chính', what: 'chưa đăng ký chỉ tiêu', due: '31/03/2020', movement: 'Phong trào' },
};

/** The OA's send errors (Zalo's OA API table, rechecked December 2026) and whose fault each is. */
const OA_ERRORS: [number, string, ReturnType<typeof classifyZaloError>][] = [
  [-230, 'User has not interacted with the OA in the past 7 days', 'unreachable'],
  [-232, 'User has not interacted with the OA', 'unreachable'],
  [-213, 'User has not followed the OA', 'unreachable'],
  [-227, 'User is banned or inactive', 'unreachable'],
  [-217, 'User has blocked messages from the OA', 'unreachable'],
  [-244, 'User has refused messages from the OA', 'unreachable'],
  [-32, 'Exceeded the rate limit', 'retry'],
  [-100, 'Unknown error', 'retry'],
  [-216, 'Access token is invalid', 'retry'],
  [-220, 'Access token has expired', 'retry'],
  [-211, 'Out of quota', 'account'],
  [-224, 'The OA package does not allow this', 'account'],
  [-320, 'The app needs a Zalo Cloud Account for paid messages', 'account'],
  [-321, 'The Zalo Cloud Account balance is not enough', 'account'],
  [-221, 'The OA is not verified', 'account'],
  [-223, 'Daily quota exceeded', 'account'],
  [-201, 'Parameters are invalid', 'bad-request'],
  [-210, 'Parameter exceeds the allowed limit', 'bad-request'],
  [-999, 'An error nobody documented', 'bad-request'],
];

/** ZNS's errors (zalo.cloud, "Cách xử lý mã lỗi") and whose fault each is. */
const ZNS_ERRORS: [number, string, ReturnType<typeof classifyZaloError>][] = [
  [-108, 'Phone number invalid', 'unreachable'],
  [-110, 'Zalo version unsupported', 'unreachable'],
  [-114, 'User is inactive, or rejects the message', 'unreachable'],
  [-118, 'Zalo account not existed', 'unreachable'],
  [-119, 'Account can not receive ZNS', 'unreachable'],
  [-139, 'User refused to receive ZNS', 'unreachable'],
  [-100, 'Unknown error', 'retry'],
  [-109, 'Template ID invalid', 'account'],
  [-112, 'Template data invalid (a parameter too long)', 'account'],
  [-115, 'Out of quota', 'account'],
  [-117, 'OA or app has no permission for this template', 'account'],
  [-131, 'Template not approved or disabled', 'account'],
  [-133, 'ZNS may not be sent at night', 'account'],
  [-144, 'OA exceeded its daily quota', 'account'],
  [-124, 'Access token invalid', 'account'],
  [-111, 'Template data empty', 'bad-request'],
];

const KIND = { unreachable: 'unreachable', retry: 'temporary', account: 'account', 'bad-request': 'permanent' } as const;

async function linkLiaison(h: ZaloHarness): Promise<number> {
  await h.say(LIAISON, `/start ${h.invite('STC', 'liaison', 'Trần Thị Bình')}`);
  await h.say(LIAISON, '/huy');
  const personId = h.rows<{ id: number }>('SELECT person_id AS id FROM identities WHERE external_id = ?', LIAISON)[0]!.id;
  consentToZns(h.db, personId, PHONE, cliActor, h.clock.now());
  return personId;
}

async function linkAdmin(h: ZaloHarness): Promise<void> {
  await h.say(ADMIN, `/start ${h.invite(null, 'admin', 'Quản trị viên')}`);
  await h.say(ADMIN, '/huy');
}

const marked = (h: ZaloHarness, channel: string) =>
  h.rows<{ reason: string | null }>('SELECT unreachable_reason AS reason FROM identities WHERE channel = ? AND person_id IS NOT NULL', channel)[0]!.reason;
const unmark = (h: ZaloHarness) => h.db.$client.prepare('UPDATE identities SET unreachable_at = NULL, unreachable_reason = NULL').run();
const adminNotices = (h: ZaloHarness) => h.rows<{ payload: string }>("SELECT payload FROM outbox WHERE dedupe_key LIKE 'acct:%'").map((r) => JSON.parse(r.payload).text as string);
const clearProblems = (h: ZaloHarness) => h.db.$client.prepare("DELETE FROM settings WHERE key LIKE 'zalo.account-problem.%'").run();

describe('an OA send error, by whose fault it is', () => {
  it.each(OA_ERRORS)('%i (%s): %s', async (code, message, expected) => {
    const h = await zaloHarness();
    await linkLiaison(h);
    expect(classifyZaloError(code)).toBe(expected);
    // Token errors are refreshed and tried once more: Zalo answers the same both times.
    for (let i = 0; i < 2; i++) h.fake.nextApi.push({ path: '/v3.0/oa/message/cs', body: { error: code, message } });
    const result = await sendAndSettle(h, h.channel.sender, LIAISON, { text: 'Thông báo' });
    expect(result).toMatchObject({ ok: false, kind: KIND[expected] });
    expect(marked(h, 'zalo') !== null).toBe(expected === 'unreachable');
    expect(h.rows("SELECT key FROM settings WHERE key = 'zalo.account-problem.zalo'").length).toBe(expected === 'account' ? 1 : 0);
  });
});

describe('a ZNS send error, by whose fault it is', () => {
  it('each documented code: only the person’s mark the number; no account problem writes anyone off', async () => {
    const h = await zaloHarness(ZNS_ENV);
    await linkLiaison(h);
    for (const [code, message, expected] of ZNS_ERRORS) {
      expect(classifyZaloError(code), `${code}`).toBe(expected);
      for (let i = 0; i < 2; i++) h.fake.nextApi.push({ path: '/message/template', body: { error: code, message } });
      const result = await sendAndSettle(h, h.channel.zns!, PHONE, reminder);
      h.fake.nextApi = h.fake.nextApi.filter((a) => a.path !== '/message/template');
      expect(result, `${code}`).toMatchObject({ ok: false, kind: KIND[expected] });
      expect(marked(h, 'zns') !== null, `${code}`).toBe(expected === 'unreachable');
      unmark(h);
      clearProblems(h);
    }
    expect(h.fake.zns).toEqual([]);
  });

  it('a reminder ZNS refuses for the account’s balance waits, marks nobody, tells the admins once and shows in /health until a send goes through', async () => {
    const h = await zaloHarness(ZNS_ENV);
    await linkAdmin(h);
    const personId = await linkLiaison(h);
    await h.outbox.stop();
    // The person is outside Zalo's window: ZNS is the way to them.
    h.db.$client.prepare("UPDATE identities SET unreachable_at = ?, unreachable_reason = 'window-expired' WHERE channel = 'zalo' AND external_id = ?").run(h.clock.now(), LIAISON);
    const zns = h.rows<{ id: number }>("SELECT id FROM identities WHERE channel = 'zns'")[0]!.id;
    const queue = (key: string) =>
      h.db.$client
        .prepare("INSERT INTO outbox (dedupe_key, person_id, identity_id, channel, payload, not_before) VALUES (?, ?, ?, 'zns', ?, ?)")
        .run(key, personId, zns, JSON.stringify(reminder), h.clock.now());
    queue('r1');
    queue('r2');
    h.fake.nextApi.push({ path: '/message/template', body: { error: -115, message: 'Out of quota' } }, { path: '/message/template', body: { error: -115, message: 'Out of quota' } });
    await drainOutbox(h.db, [h.channel.zns!], h.clock, h.log);

    expect(h.rows("SELECT dedupe_key, status, channel, not_before - ? AS wait FROM outbox WHERE dedupe_key IN ('r1', 'r2')", h.clock.now())).toEqual([
      { dedupe_key: 'r1', status: 'pending', channel: 'zns', wait: 3_600_000 },
      { dedupe_key: 'r2', status: 'pending', channel: 'zns', wait: 3_600_000 },
    ]);
    expect(marked(h, 'zns')).toBeNull();
    const told = adminNotices(h);
    expect(told).toHaveLength(1);
    expect(told[0]).toContain('Tài khoản ZNS của Ban đang gặp sự cố (mã -115');
    const health = () => checkHealth({ db: h.db, databasePath: h.temp.path, messengers: ['zalo'], backupDir: h.temp.dir, now: h.clock.now() });
    const problem = health().problems.find((p) => p.code === 'zalo-account-problem');
    expect(problemText(problem!, 'vi', 'Asia/Ho_Chi_Minh')).toContain('Tài khoản ZNS của Ban có sự cố từ 15/02/2020');

    // Topped up: the reminders go an hour later, the problem is over.
    h.clock.advance(3_600_000);
    expect(await drainOutbox(h.db, [h.channel.zns!], h.clock, h.log)).toMatchObject({ sent: 2 });
    expect(h.fake.zns.map((z) => z.phone)).toEqual([PHONE, PHONE]);
    expect(health().problems.map((p) => p.code)).not.toContain('zalo-account-problem');
    expect(adminNotices(h)).toHaveLength(1);
  });

  it('the night-time ban holds the reminder until 06:00, Vietnamese time', async () => {
    const h = await zaloHarness(ZNS_ENV);
    await linkLiaison(h);
    h.clock.set(Date.parse('2020-02-17T23:10+07:00'));
    h.fake.nextApi.push({ path: '/message/template', body: { error: -133, message: 'Sending ZNS at night is not allowed' } });
    expect(await h.channel.zns!.send(PHONE, reminder)).toMatchObject({ kind: 'account', retryAfterMs: Date.parse('2020-02-18T06:00+07:00') - h.clock.now() });
  });

  it('an expired ZNS token (-124) is refreshed like the OA’s, and the template sent with the new one', async () => {
    const h = await zaloHarness(ZNS_ENV);
    await linkLiaison(h);
    h.fake.valid.access = 'REVOKED-BY-ZALO-NOW-0000';
    expect(await h.channel.zns!.send(PHONE, reminder)).toEqual({ ok: true });
    expect(h.fake.oauthCalls()).toHaveLength(1);
    const tries = h.fake.requests.filter((r) => r.path === '/message/template');
    expect(tries.map((r) => r.answeredOk)).toEqual([false, true]);
    expect(tries[1]!.headers['access_token']).toBe(h.fake.valid.access);
  });

  it('a send that timed out is retried with the same tracking_id, so Zalo cannot charge it twice', async () => {
    const h = await zaloHarness(ZNS_ENV);
    const personId = await linkLiaison(h);
    await h.outbox.stop();
    const tokens = new ZaloTokens({ db: h.db, clock: h.clock, log: h.log, oauthBase: h.fake.base, appId: '1', appSecret: 'test-app-secret' });
    const client = new ZaloClient({ apiBase: h.fake.base, znsBase: h.fake.base, tokens, log: h.log, timeoutMs: 150 });
    const zns = createZnsSender({ db: h.db, client, clock: h.clock, log: h.log, templateId: '424242', params: { name: 'ten_can_bo' } });
    const identity = h.rows<{ id: number }>("SELECT id FROM identities WHERE channel = 'zns'")[0]!.id;
    const row = Number(
      h.db.$client
        .prepare("INSERT INTO outbox (dedupe_key, person_id, identity_id, channel, payload, not_before) VALUES ('t1', ?, ?, 'zns', ?, ?)")
        .run(personId, identity, JSON.stringify(reminder), h.clock.now()).lastInsertRowid,
    );
    h.fake.apiDelayMs = 400; // past the client's timeout: Zalo took it, the bot never heard
    expect(await drainOutbox(h.db, [zns], h.clock, h.log)).toMatchObject({ retried: 1 });
    h.fake.apiDelayMs = 0;
    h.clock.advance(60_000);
    expect(await drainOutbox(h.db, [zns], h.clock, h.log)).toMatchObject({ sent: 1 });
    const tracking = h.fake.requests.filter((r) => r.path === '/message/template').map((r) => r.body.tracking_id);
    expect(tracking).toEqual([trackingId(row), trackingId(row)]);
    expect(tracking[0]).toBe(`thidua-o${row}`);
  });
});

describe('an OA account problem', () => {
  it('a notice refused for the package goes by the person’s other channel, nobody marked, the admins told once', async () => {
    const h = await zaloHarness();
    await linkAdmin(h);
    const personId = await linkLiaison(h);
    await h.outbox.stop();
    h.db.$client.prepare("INSERT INTO identities (person_id, channel, external_id, last_inbound_at) VALUES (?, 'telegram', '777000', ?)").run(personId, h.clock.now() - 60_000);
    const zalo = h.rows<{ id: number }>("SELECT id FROM identities WHERE channel = 'zalo' AND external_id = ?", LIAISON)[0]!.id;
    h.db.$client
      .prepare("INSERT INTO outbox (dedupe_key, person_id, identity_id, channel, payload, not_before) VALUES ('n1', ?, ?, 'zalo', ?, ?)")
      .run(personId, zalo, JSON.stringify({ text: 'Thông báo' }), h.clock.now());
    for (let i = 0; i < 3; i++) h.fake.nextApi.push({ path: '/v3.0/oa/message/cs', body: { error: -224, message: 'The OA package does not allow this' } });
    const telegram = { channel: 'telegram' as const, sent: [] as string[], send: async (to: string) => (telegram.sent.push(to), { ok: true as const }) };
    await drainOutbox(h.db, [h.channel.sender, telegram], h.clock, h.log);
    await drainOutbox(h.db, [h.channel.sender, telegram], h.clock, h.log);
    expect(telegram.sent).toEqual(['777000']);
    expect(h.rows("SELECT channel, status FROM outbox WHERE dedupe_key = 'n1'")).toEqual([{ channel: 'telegram', status: 'sent' }]);
    expect(marked(h, 'zalo')).toBeNull();
    expect(adminNotices(h)).toHaveLength(1);
    expect(adminNotices(h)[0]).toContain('Tài khoản Zalo OA của Ban đang gặp sự cố (mã -224');
  });
});

describe('numbers written off by an earlier version', () => {
  it('are reachable again when the channel starts, unless Zalo had said the number itself was the problem', async () => {
    const first = await zaloHarness(ZNS_ENV);
    await linkLiaison(first);
    const other = first.db.$client.prepare("INSERT INTO identities (channel, external_id, unreachable_at, unreachable_reason) VALUES ('zns', ?, ?, ?)");
    other.run('84987654321', first.clock.now(), 'zalo -118: Zalo account not existed');
    first.db.$client.prepare("UPDATE identities SET unreachable_at = ?, unreachable_reason = 'zalo -115: Out of quota' WHERE external_id = ?").run(first.clock.now(), PHONE);
    // The bot restarts on the same database.
    await first.channel.stop();
    await first.outbox.stop();
    await first.server.close();
    await first.start(ZNS_ENV);
    expect(first.rows("SELECT external_id, unreachable_reason FROM identities WHERE channel = 'zns' ORDER BY external_id")).toEqual([
      { external_id: PHONE, unreachable_reason: null },
      { external_id: '84987654321', unreachable_reason: 'zalo -118: Zalo account not existed' },
    ]);
  });
});
