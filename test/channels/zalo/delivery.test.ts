import { describe, expect, it } from 'vitest';
import type { ChannelSender } from '../../../src/chat/channel.ts';
import type { OutboundMessage } from '../../../src/chat/types.ts';
import { drainOutbox } from '../../../src/delivery/outbox.ts';
import { ZaloClient } from '../../../src/channels/zalo/client.ts';
import { sendFailure, ZaloTransportError } from '../../../src/channels/zalo/errors.ts';
import { readTokenPair } from '../../../src/db/zalo-tokens.ts';
import { silentLogger } from '../../../src/util/log.ts';
import { fixtureJson } from './fake-zalo.ts';
import { DAY, sendAndSettle, textOf, useZaloHarnesses, zaloHarness, type ZaloHarness } from './harness.ts';

useZaloHarnesses();

const LIAISON = '246845883529197922';
const ADMIN = '3521178826104492837';

/** A stand-in for the Telegram channel's sender (built elsewhere): records what it was asked to send. */
function recordingTelegram(): ChannelSender & { sent: { to: string; message: OutboundMessage }[] } {
  const sent: { to: string; message: OutboundMessage }[] = [];
  return { channel: 'telegram', sent, send: async (to, message) => (sent.push({ to, message }), { ok: true }) };
}

/** The admin linked on Zalo, and a notice for them waiting in the outbox (sent by the test's own drains). */
async function adminWithNotice(h: ZaloHarness, withTelegram: boolean) {
  await h.say(ADMIN, `/start ${h.invite(null, 'admin', 'Trần Văn Ban')}`);
  await h.outbox.stop();
  const { id: identityId, person_id: personId } = h.rows<{ id: number; person_id: number }>('SELECT id, person_id FROM identities WHERE external_id = ?', ADMIN)[0]!;
  if (withTelegram) {
    h.db.$client
      .prepare("INSERT INTO identities (person_id, channel, external_id, last_inbound_at) VALUES (?, 'telegram', '777000', ?)")
      .run(personId, h.clock.now() - DAY);
  }
  h.clock.advance(8 * DAY); // the admin has not written to the OA for 8 days
  h.db.$client
    .prepare("INSERT INTO outbox (dedupe_key, person_id, identity_id, channel, payload, not_before) VALUES ('submitted:SNV', ?, ?, 'zalo', ?, ?)")
    .run(personId, identityId, JSON.stringify({ text: 'Sở Nội vụ đã gửi bản đăng ký.' }), h.clock.now());
  return { personId, identityId };
}

describe('people Zalo will not deliver to', () => {
  it('a -230 answer marks the person unreachable on Zalo and the notice goes to their Telegram', async () => {
    const h = await zaloHarness();
    await adminWithNotice(h, true);
    h.fake.refuseUser.set(ADMIN, fixtureJson('error.window_expired.json'));
    const telegram = recordingTelegram();

    expect(await drainOutbox(h.db, [h.channel.sender, telegram], h.clock, h.log)).toMatchObject({ sent: 0, retried: 1 });
    expect(h.rows("SELECT unreachable_at, unreachable_reason FROM identities WHERE channel = 'zalo' AND external_id = ?", ADMIN)).toEqual([
      { unreachable_at: h.clock.now(), unreachable_reason: 'window-expired' },
    ]);
    expect(await drainOutbox(h.db, [h.channel.sender, telegram], h.clock, h.log)).toMatchObject({ sent: 1 });
    expect(telegram.sent).toEqual([{ to: '777000', message: { text: 'Sở Nội vụ đã gửi bản đăng ký.' } }]);
    expect(h.rows('SELECT channel, status, attempts FROM outbox WHERE reply = 0')).toEqual([{ channel: 'telegram', status: 'sent', attempts: 2 }]);
    // One try on Zalo, not retried there.
    // The link reply (a free reply to the admin's message), then the refused notice (by user id).
    const toAdmin = h.fake.requests.filter((r) => r.path === '/v3.0/oa/message/cs' && (r.body.recipient.user_id === ADMIN || r.body.recipient.message_id?.endsWith(ADMIN)));
    expect(toAdmin.map((r) => Object.keys(r.body.recipient))).toEqual([['message_id'], ['user_id']]);
  });

  it('without another channel the notice is recorded as unreachable, and the person is listed as such', async () => {
    const h = await zaloHarness();
    await adminWithNotice(h, false);
    h.fake.refuseUser.set(ADMIN, fixtureJson('error.window_expired.json'));
    expect(await drainOutbox(h.db, [h.channel.sender], h.clock, h.log)).toMatchObject({ unreachable: 1 });
    expect(h.rows('SELECT status, last_error FROM outbox WHERE reply = 0')).toEqual([{ status: 'unreachable', last_error: 'window-expired' }]);
    // Nothing more is tried.
    expect(await drainOutbox(h.db, [h.channel.sender], h.clock, h.log)).toMatchObject({ sent: 0, retried: 0, unreachable: 0 });
    // Writing to the OA again reopens the window.
    h.fake.refuseUser.delete(ADMIN);
    await h.say(ADMIN, 'xin chào');
    expect(h.rows("SELECT unreachable_at FROM identities WHERE external_id = ?", ADMIN)).toEqual([{ unreachable_at: null }]);
  });

  it('-213 (not a follower) and -227 (inactive) are unreachable too; -32 and a 5xx are retried later', async () => {
    const h = await zaloHarness();
    const send = () => sendAndSettle(h, h.channel.sender, LIAISON, { text: 'Nhắc báo cáo quý I' });
    await h.say(LIAISON, 'xin chào');
    h.fake.nextApi.push({ body: fixtureJson('error.not_follower.constructed.json') });
    expect(await send()).toEqual({ ok: false, kind: 'unreachable', error: 'not-follower' });
    h.fake.nextApi.push({ body: fixtureJson('error.user_inactive.json') });
    expect(await send()).toEqual({ ok: false, kind: 'unreachable', error: 'user-inactive' });
    expect(h.rows('SELECT unreachable_reason FROM identities')).toEqual([{ unreachable_reason: 'user-inactive' }]);
    h.fake.nextApi.push({ body: fixtureJson('error.rate_limit.constructed.json') });
    expect(await send()).toMatchObject({ ok: false, kind: 'temporary' });
    h.fake.nextApi.push({ status: 502, body: { error: -1, message: 'Bad gateway' } });
    expect(await send()).toMatchObject({ ok: false, kind: 'temporary', error: 'Zalo answered HTTP 502' });
    h.fake.nextApi.push({ body: { error: -210, message: 'Parameters invalid' } });
    expect(await send()).toEqual({ ok: false, kind: 'permanent', error: 'zalo -210: Parameters invalid' });
    expect(await send()).toEqual({ ok: true });
  });

  it('Zalo out of reach is a temporary failure', async () => {
    const tokens = { accessToken: async () => 'TOKEN', refresh: async () => 'TOKEN' };
    const client = new ZaloClient({ apiBase: 'http://127.0.0.1:1', tokens, log: silentLogger, timeoutMs: 2000 });
    const error = await client.sendText('42', 'xin chào').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ZaloTransportError);
    expect(sendFailure(error)).toMatchObject({ ok: false, kind: 'temporary' });
  });

  it('a reply that cannot go out now waits in the outbox instead of being lost', async () => {
    const h = await zaloHarness();
    h.fake.nextApi.push({ path: '/v3.0/oa/message/cs', body: fixtureJson('error.rate_limit.constructed.json') });
    await h.say(LIAISON, 'xin chào');
    expect(h.fake.messages(LIAISON)).toEqual([]);
    const [row] = h.rows<{ channel: string; status: string; not_before: number; payload: string }>('SELECT channel, status, not_before, payload FROM outbox');
    expect(row).toMatchObject({ channel: 'zalo', status: 'pending' });
    expect(row!.not_before).toBeGreaterThan(h.clock.now());
    h.clock.set(row!.not_before);
    h.outbox.kick();
    await h.settled();
    expect(textOf(h.fake.messages(LIAISON))).toContain('Mời gửi mã mời');
    expect(h.rows('SELECT status, attempts FROM outbox')).toEqual([{ status: 'sent', attempts: 2 }]);
  });
});

describe('the access token', () => {
  it('refused mid-conversation (-216): refreshed once, the new pair stored, the reply sent again', async () => {
    const h = await zaloHarness();
    await h.say(LIAISON, `/start ${h.invite('SNV', 'liaison', 'Lê Minh')}`);
    await h.say(LIAISON, '/dangky');
    const old = readTokenPair(h.db)!;
    h.fake.valid.access = 'REVOKED-BY-ZALO-000000'; // Zalo no longer takes the stored token

    const reply = await h.say(LIAISON, '6');
    expect(textOf(reply)).toContain('Bước 2.');
    const [refresh] = h.fake.oauthCalls();
    expect(h.fake.oauthCalls()).toHaveLength(1);
    expect(refresh!.method).toBe('POST');
    expect(refresh!.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(refresh!.headers['secret_key']).toBe('test-app-secret');
    expect(refresh!.body).toEqual({ refresh_token: old.refreshToken, app_id: '360846524940903967', grant_type: 'refresh_token' });

    const sample = fixtureJson('oauth_token.response.json');
    expect(readTokenPair(h.db)).toEqual({ accessToken: sample.access_token, refreshToken: sample.refresh_token, expiresAt: h.clock.now() + 90_000_000 });
    const sends = h.fake.requests.filter((r) => r.path === '/v3.0/oa/message/cs').slice(-2);
    expect(sends.map((r) => [r.headers['access_token'], r.answeredOk])).toEqual([
      [old.accessToken, false],
      [sample.access_token, true],
    ]);
    // The conversation goes on with the new token, without refreshing again.
    expect(textOf(await h.say(LIAISON, 'Tỷ lệ hồ sơ đúng hạn'))).toContain('Bước 3.');
    expect(h.fake.oauthCalls()).toHaveLength(1);
  });

  it('a refresh Zalo refuses (error body with HTTP 200) keeps the old pair, and the reply waits in the outbox', async () => {
    const h = await zaloHarness();
    const old = readTokenPair(h.db)!;
    h.fake.valid.access = 'REVOKED-BY-ZALO-000000';
    h.fake.nextOauth.push({ body: fixtureJson('oauth_error.constructed.json') });
    await h.say(LIAISON, 'xin chào');
    expect(h.fake.oauthCalls()).toHaveLength(1);
    expect(readTokenPair(h.db)).toEqual(old);
    expect(h.rows('SELECT status, last_error FROM outbox')).toEqual([
      { status: 'pending', last_error: expect.stringContaining('Zalo refused the token refresh: -14014 Invalid refresh_token') },
    ]);
    expect(h.logs.join('')).not.toContain(old.refreshToken);
  });
});
