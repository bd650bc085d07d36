import { describe, expect, it, vi } from 'vitest';
import { createZaloChannel } from '../../../src/channels/zalo/adapter.ts';
import { ChatCore } from '../../../src/chat/core.ts';
import { loadConfig } from '../../../src/config.ts';
import { ALL_FLOWS } from '../../../src/flows/index.ts';
import { countRows } from '../../helpers/db.ts';
import { APP_ID, fixture, fixtureJson, OA_SECRET_KEY } from './fake-zalo.ts';
import { sign, textOf, useZaloHarnesses, zaloHarness } from './harness.ts';

useZaloHarnesses();

const USER = '246845883529197922';
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

describe('the Zalo webhook refuses what does not come from Zalo', () => {
  it('answers 401 to a wrong or missing signature, stores nothing and logs no body', async () => {
    const h = await zaloHarness();
    const raw = JSON.stringify({ ...h.textEvent(USER, 'bí mật của đơn vị'), timestamp: String(h.clock.now()) });
    expect(await h.post(raw, { signature: sign(raw, String(h.clock.now()), 'wrong key') })).toBe(401);
    expect(await h.post(raw, { signature: null })).toBe(401);
    expect(await h.post(raw, { signature: 'mac=not-hex' })).toBe(401);
    // Signed over other bytes (the same JSON, re-serialised with spaces).
    expect(await h.post(JSON.stringify(JSON.parse(raw), null, 1), { signature: sign(raw, String(h.clock.now())) })).toBe(401);
    expect(countRows(h.db, 'inbound_queue')).toBe(0);
    expect(countRows(h.db, 'identities')).toBe(0);
    expect(h.fake.requests).toEqual([]);
    const refused = h.logged('zalo webhook refused');
    expect(refused.map((l) => l.reason)).toEqual(['bad signature', 'no signature', 'bad signature', 'bad signature']);
    expect(h.logs.join('')).not.toContain('bí mật');
  });

  it('refuses a correctly signed call older than the redelivery horizon, or stamped too far ahead', async () => {
    const h = await zaloHarness();
    const at = async (offset: number, msgId: string) => {
      const timestamp = String(h.clock.now() + offset);
      const raw = JSON.stringify({ ...h.textEvent(USER, 'xin chào', msgId), timestamp });
      return h.post(raw, { timestamp });
    };
    expect(await at(-24 * HOUR - MINUTE, 'old')).toBe(401);
    expect(await at(11 * MINUTE, 'ahead')).toBe(401);
    expect(countRows(h.db, 'inbound_queue')).toBe(0);
    expect(h.logged('zalo webhook refused').map((l) => l.reason)).toEqual(['timestamp out of range', 'timestamp out of range']);
    // Within the horizon, however late: Zalo's last redeliveries come 1 h and more after the message.
    expect(await at(-23 * HOUR, 'late')).toBe(200);
    expect(countRows(h.db, 'inbound_queue')).toBe(1);
  });

  it('the horizon is ZALO_REDELIVERY_HOURS', async () => {
    const h = await zaloHarness({ ZALO_REDELIVERY_HOURS: '2' });
    const at = async (offset: number, msgId: string) => {
      const timestamp = String(h.clock.now() + offset);
      return h.post(JSON.stringify({ ...h.textEvent(USER, 'xin chào', msgId), timestamp }), { timestamp });
    };
    expect(await at(-2 * HOUR - MINUTE, 'past-2h')).toBe(401);
    expect(await at(-2 * HOUR + MINUTE, 'within-2h')).toBe(200);
  });
});

describe('Zalo delivering again what the bot did not answer (an outage, a deploy, a power cut)', () => {
  it('takes the same signed event delivered 15 minutes and 1 hour later, and answers it once', async () => {
    const h = await zaloHarness();
    const timestamp = String(h.clock.now());
    const raw = JSON.stringify({ ...h.textEvent(USER, 'xin chào', 'outage-1'), timestamp });
    const signature = sign(raw, timestamp);
    // The first deliveries (at once, after 30 s and 5 min) found the bot down; the 15-minute one finds it back.
    h.clock.advance(15 * MINUTE);
    expect(await h.post(raw, { signature })).toBe(200);
    expect(textOf(h.newMessages(USER))).toContain('Mời gửi mã mời');
    // Zalo did not get that answer (the network), and delivers the same bytes again an hour after the message.
    h.clock.advance(45 * MINUTE);
    expect(await h.post(raw, { signature })).toBe(200);
    expect(h.newMessages(USER)).toEqual([]);
    expect(countRows(h.db, 'inbound_queue')).toBe(1);
    expect(h.logged('zalo delivery repeated')).toMatchObject([{ key: 'outage-1' }]);
    expect(h.logged('zalo webhook refused')).toEqual([]);
  });

  it('recognises a late repeat of an event without msg_id (a follow) by its body', async () => {
    const h = await zaloHarness();
    const sample = fixtureJson('follow.official-example.json');
    const follower = sample.follower.id as string;
    const timestamp = String(h.clock.now());
    const raw = JSON.stringify({ ...sample, timestamp });
    h.clock.advance(15 * MINUTE);
    expect(await h.post(raw, { timestamp })).toBe(200);
    expect(h.newMessages(follower)).toHaveLength(1);
    h.clock.advance(HOUR);
    expect(await h.post(raw, { timestamp })).toBe(200);
    expect(h.newMessages(follower)).toEqual([]);
    expect(h.rows('SELECT key FROM inbound_queue')).toEqual([{ key: expect.stringMatching(/^follow:sha256:[0-9a-f]{64}$/) }]);
  });

  it('an unfollow delivered late, after the person followed again and wrote, does not write them off', async () => {
    const h = await zaloHarness();
    const sample = fixtureJson('unfollow.constructed.json');
    const follower = sample.follower.id as string;
    await h.say(follower, 'xin chào');
    h.clock.advance(MINUTE);
    const timestamp = String(h.clock.now());
    const unfollow = JSON.stringify({ ...sample, timestamp });
    expect(await h.post(unfollow, { timestamp })).toBe(200);
    expect(h.rows('SELECT unreachable_reason FROM identities')).toEqual([{ unreachable_reason: 'unfollowed' }]);
    // They follow again and write; Zalo, not sure the unfollow was taken, delivers it again an hour after it was sent.
    h.clock.advance(10 * MINUTE);
    await h.say(follower, 'tôi quay lại rồi');
    h.clock.advance(50 * MINUTE);
    expect(await h.post(unfollow, { timestamp })).toBe(200);
    expect(h.rows('SELECT unreachable_at, unreachable_reason FROM identities')).toEqual([{ unreachable_at: null, unreachable_reason: null }]);
  });

  it('refuses a replay after the horizon, and a forged signature at any age', async () => {
    const h = await zaloHarness();
    const timestamp = String(h.clock.now());
    const raw = JSON.stringify({ ...h.textEvent(USER, 'xin chào', 'replayed'), timestamp });
    h.clock.advance(HOUR);
    expect(await h.post(raw, { timestamp, signature: sign(raw, timestamp, 'not the OA key') })).toBe(401);
    expect(await h.post(raw, { timestamp })).toBe(200);
    expect(h.newMessages(USER)).toHaveLength(1);
    h.clock.advance(24 * HOUR);
    expect(await h.post(raw, { timestamp })).toBe(401);
    expect(h.newMessages(USER)).toEqual([]);
    expect(h.logged('zalo webhook refused').map((l) => l.reason)).toEqual(['bad signature', 'timestamp out of range']);
  });
});

describe('the Zalo webhook and a body that is not JSON', () => {
  it('answers 400 to a body that is not JSON', async () => {
    const h = await zaloHarness();
    const raw = '{"event_name": "user_send_text", "sender": {';
    expect(await h.post(raw)).toBe(400);
    expect(countRows(h.db, 'inbound_queue')).toBe(0);
    expect(h.logged('zalo webhook refused')).toMatchObject([{ reason: 'malformed JSON', status: 400 }]);
  });
});

describe('the Zalo webhook acknowledges and sorts what Zalo sends', () => {
  it('logs and acknowledges an event it does not know, and a known event it cannot read', async () => {
    const h = await zaloHarness();
    expect(await h.postEvent(fixtureJson('user_reacted_message.constructed.json'))).toBe(200);
    expect(h.logged('zalo event unknown')).toMatchObject([{ level: 'warn', event: 'user_reacted_message' }]);
    expect(await h.postEvent({ event_name: 'user_send_text', message: { text: 'hi', msg_id: 'm' } })).toBe(200);
    expect(h.logged('zalo event not understood')).toMatchObject([{ event: 'user_send_text', problems: ['sender: invalid_type'] }]);
    expect(countRows(h.db, 'inbound_queue')).toBe(0);
    expect(h.fake.requests).toEqual([]);
  });

  // The answer to the OA's form (user_submit_info) is stored: test/channels/zalo/consent.test.ts.
  it('ignores the OA’s own echoes and receipts', async () => {
    const h = await zaloHarness();
    expect(await h.postEvent(fixtureJson('oa_send_text.constructed.json'))).toBe(200);
    expect(await h.postEvent(fixtureJson('user_seen_message.constructed.json'))).toBe(200);
    expect(countRows(h.db, 'inbound_queue')).toBe(0);
    expect(countRows(h.db, 'identities')).toBe(0);
    expect(h.fake.requests).toEqual([]);
  });

  it('handles a delivery repeated by Zalo (same msg_id) once', async () => {
    const h = await zaloHarness();
    const timestamp = String(h.clock.now());
    const raw = JSON.stringify({ ...h.textEvent(USER, 'xin chào', 'dup-1'), timestamp });
    expect(await h.post(raw, { timestamp })).toBe(200);
    h.clock.advance(30_000); // Zalo's first retry comes after 30 s
    expect(await h.post(raw, { timestamp })).toBe(200);
    expect(countRows(h.db, 'inbound_queue')).toBe(1);
    expect(h.fake.messages(USER)).toHaveLength(1);
    expect(h.logged('zalo delivery repeated')).toMatchObject([{ key: 'dup-1' }]);
  });

  it('greets a new follower with the request for a code, remembers their Zalo name, and marks an unfollow', async () => {
    const h = await zaloHarness();
    const follower = fixtureJson('follow.official-example.json').follower.id as string;
    expect(await h.postEvent(fixtureJson('follow.official-example.json'))).toBe(200);
    expect(textOf(h.newMessages(follower))).toContain('Mời gửi mã mời');
    expect(h.rows('SELECT external_id, display_name, unreachable_at FROM identities')).toEqual([
      { external_id: follower, display_name: 'Nguyễn Thị Hoa', unreachable_at: null },
    ]);
    expect(h.fake.requests.filter((r) => r.path === '/v3.0/oa/user/detail').map((r) => JSON.parse(r.query.get('data')!))).toEqual([{ user_id: follower }]);

    h.clock.advance(MINUTE);
    expect(await h.postEvent(fixtureJson('unfollow.constructed.json'))).toBe(200);
    expect(h.rows('SELECT unreachable_at, unreachable_reason FROM identities')).toEqual([{ unreachable_at: h.clock.now(), unreachable_reason: 'unfollowed' }]);
    expect(h.fake.messages(follower)).toHaveLength(1); // nothing sent to someone who left

    // Writing again (after following again) makes them reachable.
    await h.say(follower, 'xin chào');
    expect(h.rows('SELECT unreachable_at FROM identities')).toEqual([{ unreachable_at: null }]);
  });
});

describe('answering at once, processing after', () => {
  it('answers 200 before the replies are sent; the reply is saved with the update and goes out through the outbox', async () => {
    const h = await zaloHarness();
    h.fake.apiDelayMs = 400; // a slow OA API
    const timestamp = String(h.clock.now());
    const raw = JSON.stringify({ ...h.textEvent(USER, 'xin chào', 'slow-1'), timestamp });
    const started = performance.now();
    const response = await fetch(`http://127.0.0.1:${h.server.port}/zalo/webhook`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-zevent-signature': sign(raw, timestamp) },
      body: raw,
    });
    expect(response.status).toBe(200);
    expect(performance.now() - started).toBeLessThan(300);
    expect(h.fake.messages(USER)).toHaveLength(0);
    await h.channel.stop();
    expect(h.rows('SELECT processed_at FROM inbound_queue')).toEqual([{ processed_at: h.clock.now() }]);
    expect(h.rows('SELECT reply FROM outbox')).toEqual([{ reply: 1 }]);
    await h.outbox.whenIdle();
    expect(h.fake.messages(USER)).toHaveLength(1);
    expect(h.rows('SELECT status FROM outbox')).toEqual([{ status: 'sent' }]);
  });

  it('keeps what arrives while stopped in the queue, and a new start handles it first', async () => {
    const h = await zaloHarness();
    await h.channel.stop();
    expect(await h.postEvent(h.textEvent(USER, 'xin chào', 'while-stopped'))).toBe(200);
    expect(h.rows('SELECT key, processed_at FROM inbound_queue')).toEqual([{ key: 'while-stopped', processed_at: null }]);
    expect(h.fake.messages(USER)).toHaveLength(0);

    const config = loadConfig({ ZALO_APP_ID: APP_ID, ZALO_APP_SECRET: 'test-app-secret', ZALO_OA_SECRET_KEY: OA_SECRET_KEY, ZALO_API_BASE: h.fake.base, ZALO_OAUTH_BASE: h.fake.base });
    const core = new ChatCore({ db: h.db, clock: h.clock, flows: ALL_FLOWS, log: h.log });
    const restarted = createZaloChannel({ config, db: h.db, core, clock: h.clock, log: h.log, keepAliveMs: 0, outbound: h.outbox });
    await new Promise((resolve) => setImmediate(resolve));
    await restarted.idle();
    await h.outbox.whenIdle();
    await restarted.stop();
    expect(h.fake.messages(USER)).toHaveLength(1);
    expect(h.rows('SELECT processed_at FROM inbound_queue')).toEqual([{ processed_at: h.clock.now() }]);
  });

  it('a fault of ours while handling an update: the person is told nothing was saved, the next update goes on', async () => {
    const h = await zaloHarness();
    const handle = vi.spyOn(ChatCore.prototype, 'handle').mockImplementationOnce(() => {
      throw new Error('disk I/O error');
    });
    try {
      expect(await h.postEvent(h.textEvent(USER, 'xin chào', 'boom-1'))).toBe(200);
      expect(textOf(h.newMessages(USER))).toBe('Có lỗi xảy ra, chưa có gì được lưu. Anh/chị vui lòng gửi lại.');
      expect(h.rows('SELECT key, error IS NOT NULL AS failed FROM inbound_queue')).toEqual([{ key: 'boom-1', failed: 1 }]);
      expect(textOf(await h.say(USER, 'xin chào'))).toContain('Mời gửi mã mời');
    } finally {
      handle.mockRestore();
    }
  });

  it('checks the signature of the sample payload exactly as received', async () => {
    const h = await zaloHarness();
    const vector = fixtureJson('signature_test_vector.json');
    // The sample's own timestamp is from 1974: correctly signed, and refused as a replay.
    expect(await h.post(fixture('user_send_text.official-example.json'), { timestamp: vector.timestamp, signature: vector.expected_header_value })).toBe(401);
    expect(h.logged('zalo webhook refused')).toMatchObject([{ reason: 'timestamp out of range' }]);
    h.clock.set(Number(vector.timestamp));
    expect(await h.post(fixture('user_send_text.official-example.json'), { timestamp: vector.timestamp, signature: vector.expected_header_value })).toBe(200);
    expect(h.rows('SELECT key FROM inbound_queue')).toEqual([{ key: '96d3cdf3af150460909' }]);
  });
});
