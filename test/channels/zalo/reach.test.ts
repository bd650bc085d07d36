/**
 * A reminder to people Zalo's 7-day window has shut out, against the fake OA (which refuses
 * messages by user id to anyone silent for 7 days, -230) and the fake ZNS API: it goes to the
 * person's Telegram if linked, else by a ZNS template message to the phone they agreed to give at
 * linking, else onto the Board's call list with the person's and the unit's phone; each exactly once.
 */
import { describe, expect, it } from 'vitest';
import type { ChannelSender } from '../../../src/chat/channel.ts';
import type { OutboundMessage } from '../../../src/chat/types.ts';
import { runCli } from '../../../src/cli/main.ts';
import { latestReminderOutcomes } from '../../../src/delivery/reach.ts';
import { drainOutbox } from '../../../src/delivery/outbox.ts';
import { cliActor } from '../../../src/domain/audit.ts';
import { fixedClock } from '../../../src/util/clock.ts';
import { currentMovement } from '../../../src/domain/movements.ts';
import { addRule } from '../../../src/reminders/rules.ts';
import { runDueReminders } from '../../../src/reminders/planner.ts';
import { textOf, useZaloHarnesses, zaloHarness, ZNS_ENV, type ZaloHarness } from './harness.ts';

useZaloHarnesses();

/** On Telegram too; agreed to ZNS with the invite's number; neither. */
const ON_TELEGRAM = 'zalo-user-snv';
const BY_ZNS = 'zalo-user-stc';
const TO_CALL = 'zalo-user-hhh';
/** Monday 24/02/2020 09:00 in Hà Nội: nine days after they last wrote. */
const MONDAY = Date.parse('2020-02-24T09:00+07:00');

function recordingTelegram(): ChannelSender & { sent: { to: string; message: OutboundMessage }[] } {
  const sent: { to: string; message: OutboundMessage }[] = [];
  return { channel: 'telegram', sent, send: async (to, message) => (sent.push({ to, message }), { ok: true }) };
}

async function linkAll(h: ZaloHarness) {
  const ask = await h.say(ON_TELEGRAM, `/start ${h.invite('SNV', 'liaison', 'Nguyễn Văn An')}`);
  expect(textOf(ask)).toContain('tin ZNS của Zalo theo số điện thoại');
  expect(textOf(await h.press(ON_TELEGRAM, 'Không đồng ý'))).toContain('không dùng số điện thoại');
  const code = h.invite('STC', 'liaison', 'Trần Thị Bình');
  h.db.$client.prepare('UPDATE invites SET phone = ? WHERE id = (SELECT max(id) FROM invites)').run('0912 345 678');
  await h.say(BY_ZNS, `/start ${code}`);
  expect(textOf(await h.say(BY_ZNS, '12345'))).toContain('không phải số di động Việt Nam');
  expect(textOf(await h.press(BY_ZNS, 'Đồng ý, số 0912 345 678'))).toContain('Đã lưu số 0912345678');
  await h.say(TO_CALL, `/start ${h.invite('HHH', 'liaison', 'Lê Văn Cường')}`);
  await h.press(TO_CALL, 'Không đồng ý');
  const person = (externalId: string) => h.rows<{ id: number }>('SELECT person_id AS id FROM identities WHERE external_id = ?', externalId)[0]!.id;
  h.db.$client.prepare("INSERT INTO identities (person_id, channel, external_id, last_inbound_at) VALUES (?, 'telegram', '777001', ?)").run(person(ON_TELEGRAM), h.clock.now());
  h.db.$client.prepare("UPDATE units SET phone = '0228 3649 123' WHERE code = 'HHH'").run();
}

describe('a reminder to people outside Zalo’s 7-day window', () => {
  it('goes to Telegram, else by ZNS, else onto the call list, each exactly once', async () => {
    const h = await zaloHarness(ZNS_ENV);
    await linkAll(h);
    expect(h.rows("SELECT external_id, person_id IS NOT NULL AS linked FROM identities WHERE channel = 'zns'")).toEqual([{ external_id: '84912345678', linked: 1 }]);
    await h.outbox.stop();
    h.fake.enforceWindow = true;
    h.clock.set(MONDAY);
    const movement = currentMovement(h.db)!;
    addRule(h.db, movement.id, { kind: 'cron', cron: '0 9 * * 1', subject: 'registration' }, cliActor, h.clock.now() - 60_000);
    const fired = runDueReminders(h.db, h.clock.now());
    expect(fired.map((f) => f.queued)).toEqual([3]);

    const telegram = recordingTelegram();
    const senders = [h.channel.sender, h.channel.zns!, telegram];
    for (let round = 0; round < 4; round++) await drainOutbox(h.db, senders, h.clock, h.log);

    // Zalo tried once each, refused (-230); nothing proactive spent.
    const tries = (user: string) => h.fake.requests.filter((r) => r.path === '/v3.0/oa/message/cs' && r.body.recipient.user_id === user);
    for (const user of [ON_TELEGRAM, BY_ZNS, TO_CALL]) expect(tries(user).map((r) => r.answeredOk)).toEqual([false]);
    expect(h.fake.proactiveCount()).toBe(0);

    expect(telegram.sent.map((s) => s.to)).toEqual(['777001']);
    expect(telegram.sent[0]!.message.text).toContain('Sở Nội vụ');
    expect(h.fake.zns).toEqual([
      {
        phone: '84912345678',
        templateId: '424242',
        data: { ten_can_bo: 'Trần Thị Bình', don_vi: 'Sở Tài chính', noi_dung: 'chưa đăng ký chỉ tiêu', han_chot: '31/03/2020' },
      },
    ]);
    expect(h.rows("SELECT kind, recipient FROM zalo_quota_ledger WHERE kind = 'zns'")).toEqual([{ kind: 'zns', recipient: '84912345678' }]);
    expect(h.rows("SELECT channel, status FROM outbox WHERE dedupe_key LIKE 'rm:%' ORDER BY person_id")).toEqual([
      { channel: 'telegram', status: 'sent' },
      { channel: 'zns', status: 'sent' },
      { channel: 'zalo', status: 'unreachable' },
    ]);
    expect(latestReminderOutcomes(h.db).map((r) => [r.unitCode, r.outcome])).toEqual([
      ['HHH', 'none'],
      ['SNV', 'telegram'],
      ['STC', 'zns'],
    ]);

    // Nothing more goes anywhere however often the outbox is drained.
    await drainOutbox(h.db, senders, h.clock, h.log);
    expect([telegram.sent.length, h.fake.zns.length, tries(TO_CALL).length]).toEqual([1, 1, 1]);

    // The Board's call list: who was not reached, with the person's and the unit's phone.
    let stdout = '';
    const code = await runCli(['call-list'], {
      env: { DATABASE_PATH: h.temp.path },
      clock: fixedClock(h.clock.now()),
      io: { stdout: (s) => (stdout += `${s}\n`), stderr: () => undefined, interactive: false },
    });
    expect(code).toBe(0);
    expect(stdout).toContain('1 người chưa liên lạc được');
    expect(stdout).toContain('Lê Văn Cường — UBND huyện Hải Hậu: chưa liên lạc được · người: chưa có số · đơn vị: 0228 3649 123');
    expect(stdout).not.toContain('Trần Thị Bình');
  });

  it('on Zalo, within the window, the reminder asks for the tap that keeps it open', async () => {
    const h = await zaloHarness();
    await h.say(TO_CALL, `/start ${h.invite('HHH', 'liaison', 'Lê Văn Cường')}`);
    await h.outbox.stop();
    h.clock.set(MONDAY - 2 * 86_400_000 + 3_600_000); // Saturday: quiet; the rule fires on Monday
    h.fake.inbound(TO_CALL, 'late-hello');
    h.clock.set(MONDAY);
    h.fake.enforceWindow = true;
    addRule(h.db, currentMovement(h.db)!.id, { kind: 'cron', cron: '0 9 * * 1', subject: 'registration' }, cliActor, h.clock.now() - 60_000);
    runDueReminders(h.db, h.clock.now());
    await drainOutbox(h.db, [h.channel.sender], h.clock, h.log);
    const reminder = h.fake.messages(TO_CALL).at(-1)!;
    expect(reminder.text).toContain('Chỉ cần bấm một nút bên dưới');
    expect(reminder.buttons!.map((b) => b.payload)).toEqual(['#0:go:register', '#0:go:register:form']);
    expect(h.fake.proactiveCount()).toBe(1);
  });
});
