import { describe, expect, it } from 'vitest';
import type { ChannelSender } from '../../src/chat/channel.ts';
import { cliActor } from '../../src/domain/audit.ts';
import { fixedClock } from '../../src/util/clock.ts';
import { drainOutbox } from '../../src/delivery/outbox.ts';
import {
  broadcastReport,
  cancelBroadcast,
  confirmBroadcast,
  draftBroadcast,
  listBroadcasts,
  parseAudience,
  previewBroadcast,
} from '../../src/reminders/broadcast.ts';
import { silentLogger } from '../../src/util/log.ts';
import { cliSandbox, useCliSandboxes } from '../helpers/cli.ts';
import { openTempDatabase, useTempDatabases } from '../helpers/db.ts';
import { refusal } from '../helpers/errors.ts';
import { outboxRows, vn, world } from './helpers.ts';

useTempDatabases();
useCliSandboxes();

const NOW = vn('2020-04-06T09:00');


function setup() {
  const { db } = openTempDatabase();
  const w = world(db);
  w.addPerson('HHH-head', 'cluster_head', 'HHH', { locale: 'en' });
  w.addPerson('STC-nochat', 'liaison', 'STC', { chatId: null });
  w.addPerson('viewer', 'viewer', 'SNV');
  w.submit('SNV', vn('2020-03-20T09:00'));
  w.submit('STC', vn('2020-03-20T09:00'));
  return w;
}

describe('broadcasts', () => {
  it('audiences: all, late (older drafts), a period’s report missing or sent, a cluster/block, a kind of unit; liaisons and cluster heads only', () => {
    const w = setup();
    const names = (audience: string) =>
      previewBroadcast(w.db, w.movement, { text: 'Họp giao ban', audience: parseAudience(audience) }, NOW)
        .recipients.map((r) => r.name.replace('Cán bộ ', ''))
        .sort();
    expect(names('all')).toEqual(['HGT', 'HHH', 'HHH-head', 'MTTQ', 'SNV', 'STC', 'STC-nochat']);
    // Late on 06/04: no registration sent by the deadline (HHH, HGT, MTTQ); SNV and STC sent.
    expect(names('late')).toEqual(['HGT', 'HHH', 'HHH-head', 'MTTQ']);
    expect(names('group:CUM-1')).toEqual(['HGT', 'HHH', 'HHH-head']);
    expect(names('group:khoi-a')).toEqual(['SNV', 'STC', 'STC-nochat']);
    expect(names('kind:huyen')).toEqual(['HGT', 'HHH', 'HHH-head']);
    // The Q1 report (ended 31/03, due 10/04): SNV and STC report on it; SNV has sent it.
    w.report('SNV', 'Q2020-1', vn('2020-04-05T09:00'));
    expect(names('report-missing:Q2020-1')).toEqual(['STC', 'STC-nochat']);
    expect(names('report-sent:q2020-1')).toEqual(['SNV']);
    expect(refusal(() => names('report-missing:Q2021-9'))).toBe('err-broadcast-unknown-period');
    expect(refusal(() => parseAudience('everyone'))).toBe('err-broadcast-bad-audience');
    expect(refusal(() => names('group:CUM-9'))).toBe('err-broadcast-unknown-group');
    expect(refusal(() => names('kind:xa'))).toBe('err-broadcast-unknown-kind');
    expect(refusal(() => previewBroadcast(w.db, w.movement, { text: '   ', audience: { kind: 'all' } }, NOW))).toBe('err-broadcast-empty');
    expect(refusal(() => previewBroadcast(w.db, w.movement, { text: 'x'.repeat(2001), audience: { kind: 'all' } }, NOW))).toBe('err-broadcast-too-long');
  });

  it('preview, confirm (twice: nothing more), then the delivery report: sent, failed, unreachable', async () => {
    const w = setup();
    const { broadcast, preview } = draftBroadcast(w.db, w.movement, { text: 'Nộp báo cáo quý I trước 10/4.', audience: { kind: 'all' } }, cliActor, NOW);
    expect(preview.recipients).toHaveLength(7);
    expect(preview.noAccount).toBe(1);
    expect(preview.messages.vi.text).toBe('📢 Thông báo của Ban Thi đua - Khen thưởng\n\nNộp báo cáo quý I trước 10/4.');
    expect(outboxRows(w.db)).toEqual([]);
    expect(broadcast.status).toBe('draft');

    const confirmed = confirmBroadcast(w.db, broadcast.id, cliActor, NOW);
    expect(confirmed.queued).toBe(7);
    expect(confirmed.broadcast).toMatchObject({ status: 'queued', recipients: 7, confirmedAt: NOW });
    expect(confirmBroadcast(w.db, broadcast.id, cliActor, NOW + 1000).queued).toBe(0);
    expect(outboxRows(w.db)).toHaveLength(7);
    expect(outboxRows(w.db).find((r) => r.person === w.person['HHH-head'])!.text).toBe(
      '📢 Notice from the Emulation and Commendation Board\n\nNộp báo cáo quý I trước 10/4.',
    );
    expect(broadcastReport(w.db, broadcast.id)).toMatchObject({ total: 7, pending: 6, sent: 0, failed: 0, unreachable: 1 });

    // Deliver: one chat blocked the bot, one message refused.
    const blocked = String(w.chat.HGT);
    const refusedChat = String(w.chat.MTTQ);
    const sender: ChannelSender = {
      channel: 'telegram',
      send: async (to) =>
        to === blocked
          ? { ok: false, kind: 'unreachable', error: 'Forbidden: bot was blocked by the user' }
          : to === refusedChat
            ? { ok: false, kind: 'permanent', error: 'Bad Request: message is too long' }
            : { ok: true },
    };
    await drainOutbox(w.db, [sender], fixedClock(NOW), silentLogger);
    const report = broadcastReport(w.db, broadcast.id);
    expect(report).toMatchObject({ total: 7, pending: 0, sent: 4, failed: 1, unreachable: 2, sentBy: { telegram: 4 } });
    expect(report.problems.map((p) => [p.name, p.status, p.error])).toEqual([
      ['Cán bộ HGT', 'unreachable', 'Forbidden: bot was blocked by the user'],
      ['Cán bộ MTTQ', 'failed', 'Bad Request: message is too long'],
      ['Cán bộ STC-nochat', 'unreachable', 'no messenger account linked'],
    ]);
    expect(listBroadcasts(w.db).map((b) => b.id)).toEqual([broadcast.id]);
  });

  it('a cancelled draft cannot be confirmed', () => {
    const w = setup();
    const { broadcast } = draftBroadcast(w.db, w.movement, { text: 'Nhầm', audience: { kind: 'overdue' } }, cliActor, NOW);
    cancelBroadcast(w.db, broadcast.id, cliActor, NOW);
    expect(refusal(() => confirmBroadcast(w.db, broadcast.id, cliActor, NOW))).toBe('err-broadcast-not-draft');
    expect(refusal(() => confirmBroadcast(w.db, 999, cliActor, NOW))).toBe('err-broadcast-unknown');
    expect(outboxRows(w.db)).toEqual([]);
  });
});

describe('thidua broadcast', () => {
  it('previews without --yes, queues with it, reports after', async () => {
    const cli = cliSandbox();
    await cli.run('load-sample');
    const { openDatabase, closeDatabase } = await import('../../src/db/connection.ts');
    const db = openDatabase(cli.dbPath);
    const unit = db.$client.prepare("SELECT id FROM units WHERE code = 'HHH'").get() as { id: number };
    const person = db.$client.prepare("INSERT INTO people (full_name, role, unit_id) VALUES ('Phạm Thu', 'liaison', ?)").run(unit.id).lastInsertRowid;
    db.$client.prepare("INSERT INTO identities (person_id, channel, external_id, last_inbound_at) VALUES (?, 'telegram', '4242', 1)").run(person);
    closeDatabase(db);

    const preview = await cli.run('broadcast', '--text', 'Họp trực tuyến lúc 14:00', '--audience', 'group:CUM2');
    expect(preview.code).toBe(0);
    expect(preview.stdout).toContain('Xem trước: gửi tới 5 đơn vị (Cụm thi đua số 2); đến được 1 đơn vị (1 người); 4 đơn vị chưa có ai liên kết tài khoản,');
    expect(preview.stdout).toContain('📢 Thông báo của Ban Thi đua - Khen thưởng\n\nHọp trực tuyến lúc 14:00');
    expect(preview.stdout).toContain('  Phạm Thu — UBND huyện Hải Hậu · Telegram');
    expect(preview.stdout).toContain('Chưa gửi gì. Chạy lại với --yes để gửi.');
    expect((await cli.run('broadcast', '--text', 'x', '--audience', 'group:CUM1')).stdout).toContain('Không có ai thuộc đối tượng');

    const sent = await cli.run('broadcast', '--text', 'Họp trực tuyến lúc 14:00', '--audience', 'group:CUM2', '--yes', '--json');
    expect(JSON.parse(sent.stdout)).toEqual({ id: 1, queued: 1, recipients: 1, noAccount: 0 });
    const report = await cli.run('broadcast', '--report', '1');
    expect(report.stdout).toBe('Thông báo #1 (group:CUM2): 1 người — đã gửi 0, đang chờ 1, lỗi 0, không liên lạc được 0.\n');
    expect((await cli.run('broadcast', '--audience', 'all')).code).toBe(2);
    expect((await cli.run('broadcast', '--text', 'x', '--audience', 'nobody')).stderr).toContain('Đối tượng "nobody" không hợp lệ');
    expect((await cli.run('broadcast', '--help', '--lang', 'en')).stdout).toContain('--audience');
  });
});
