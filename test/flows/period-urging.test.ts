/**
 * A scripted 2020 where some units miss the 6-month report. Six units registered (Hải Hậu, Giao
 * Thủy, Xuân Trường of Cụm 2; Nam Định city of Cụm 1; Sở Nội vụ, Sở Tư pháp) and all sent Quý I.
 * The 6-month and Quý II reports were due 10/07: Sở Nội vụ and Sở Tư pháp sent them on time,
 * Xuân Trường late (14/07); Hải Hậu, Giao Thủy and Nam Định have not. On 16/07 the Board urges
 * and writes to exactly those, and the digest follows the period while it is owed.
 */
import { describe, expect, it } from 'vitest';
import { encodeChoice } from '../../src/chat/types.ts';
import { cliActor } from '../../src/domain/audit.ts';
import { currentMovement, listPeriods } from '../../src/domain/movements.ts';
import { recordProgressReport } from '../../src/domain/progress.ts';
import { runDueReminders } from '../../src/reminders/planner.ts';
import { addRule } from '../../src/reminders/rules.ts';
import { chatHarness, submittedRegistration, type ChatHarness } from '../helpers/chat.ts';
import { useTempDatabases } from '../helpers/db.ts';

useTempDatabases();

const ADMIN = '9100';
const HEAD = '9200'; // Cụm 2's head, of Hải Hậu
/** 10:00 in Hà Nội on the day given. */
const on = (day: string) => Date.parse(`${day}T03:00:00Z`);

const REGISTERED = ['HHH', 'HGT', 'HXT', 'TPND', 'SNV', 'STP'];
const SENT_SIX_MONTHS: Record<string, string> = { SNV: '2020-07-05', STP: '2020-07-09', HXT: '2020-07-14' };
const LIAISONS: [string, string, string][] = [
  ['21', 'HHH', 'Phạm Thu'],
  ['22', 'HGT', 'Đỗ Nam'],
  ['23', 'TPND', 'Lê Hà'],
  ['24', 'SNV', 'Nguyễn Hoa'],
  ['25', 'HXT', 'Vũ Minh'],
  ['26', 'SYT', 'Trần Y'], // Sở Y tế never registered
];

function report(h: ChatHarness, code: string, periodCode: string, day: string) {
  const movement = currentMovement(h.db)!;
  const period = listPeriods(h.db, movement.id).find((p) => p.code === periodCode)!;
  const [reg] = h.rows<{ id: number; target: number }>(
    'SELECT r.id, t.id AS target FROM registrations r JOIN units u ON u.id = r.unit_id JOIN targets t ON t.registration_id = r.id WHERE u.code = ?',
    code,
  );
  recordProgressReport(h.db, { registrationId: reg!.id, periodId: period.id, lines: [{ targetId: reg!.target, assessment: 'in_progress' }] }, cliActor, on(day));
}

function year(): ChatHarness {
  const h = chatHarness();
  h.link(ADMIN, null, 'admin', 'Trần Văn Ban');
  h.link(HEAD, 'HHH', 'cluster_head', 'Hoàng Cụm');
  for (const [who, code, name] of LIAISONS) h.link(who, code, 'liaison', name);
  h.db.$client.prepare("UPDATE people SET phone = '0912 345 678' WHERE full_name = 'Phạm Thu'").run();
  for (const code of REGISTERED) submittedRegistration(h, code);
  for (const code of REGISTERED) report(h, code, 'Q2020-1', '2020-04-05');
  for (const [code, day] of Object.entries(SENT_SIX_MONTHS)) {
    report(h, code, 'H2020-1', day);
    report(h, code, 'Q2020-2', day);
  }
  h.clock.set(on('2020-07-16'));
  return h;
}

const listed = (text: string) => [...text.matchAll(/^• (\S+) — /gm)].map((m) => m[1]!);
const urgeRows = (h: ChatHarness) =>
  h.rows<{ person: string; payload: string }>("SELECT p.full_name AS person, o.payload FROM outbox o JOIN people p ON p.id = o.person_id WHERE o.dedupe_key LIKE 'urge:%' ORDER BY p.full_name");

describe('urging and notices for a period', () => {
  it('/dondoc offers the registration and the reports owed, the period in course first, and lists exactly the units missing the 6-month report', () => {
    const h = year();
    expect(h.say(ADMIN, '/dondoc')).toContain('Đôn đốc đơn vị chưa gửi gì?');
    expect(h.lastQuestion(ADMIN)?.choices?.map((c) => c.label)).toEqual([
      '📝 Bản đăng ký (28 đơn vị chưa gửi)',
      '📊 Báo cáo 6 tháng đầu năm 2020 (3 đơn vị chưa gửi)',
      '📊 Báo cáo Quý II/2020 (3 đơn vị chưa gửi)',
    ]);
    const list = h.press(ADMIN, 'Báo cáo 6 tháng');
    expect(list).toContain('Đã quá hạn báo cáo 6 tháng đầu năm 2020 (10/07/2020); 3 đơn vị chưa gửi báo cáo:');
    expect(listed(list)).toEqual(['HGT', 'HHH', 'TPND']);
    expect(list).toContain('• HHH — UBND huyện Hải Hậu: Chưa gửi báo cáo · quá hạn chưa nộp · Phạm Thu (0912 345 678)');
    // Xuân Trường sent late, Sở Y tế never registered: neither owes this report.
    expect(list).not.toContain('HXT');
    expect(list).not.toContain('SYT');

    // Cụm 2's head sees the two of its cluster only.
    h.say(HEAD, '/dondoc');
    expect(listed(h.press(HEAD, 'Báo cáo 6 tháng'))).toEqual(['HGT', 'HHH']);
  });

  it('urging twice in a day sends once and says so, even after a restart; the registration is another obligation; the next day urges again', () => {
    const h = year();
    h.say(ADMIN, '/dondoc');
    h.press(ADMIN, 'Báo cáo 6 tháng');
    // The same button delivered twice (a double tap, or the messenger sending the update again).
    const urgeAll = encodeChoice(h.lastQuestion(ADMIN)!.seq ?? 0, 'urge');
    expect(h.send(ADMIN, { choice: urgeAll }).map((r) => r.text)).toEqual(['✔ Đã gửi tin đôn đốc đến 3 đơn vị.']);
    h.send(ADMIN, { choice: urgeAll });
    const urged = urgeRows(h);
    expect(urged.map((r) => r.person)).toEqual(['Lê Hà', 'Phạm Thu', 'Đỗ Nam']);
    const thu = JSON.parse(urged[1]!.payload);
    expect(thu.text).toBe(
      '⏰ Đề nghị UBND huyện Hải Hậu khẩn trương gửi báo cáo kết quả thực hiện chỉ tiêu thi đua 6 tháng đầu năm 2020 (hạn 10/07, đã quá 6 ngày). Bấm nút dưới đây để báo cáo.',
    );
    expect(thu.choices).toEqual([{ id: 'go:report', label: 'Báo cáo kết quả' }]);

    h.restart();
    h.clock.set(on('2020-07-16') + 3 * 3_600_000);
    h.say(ADMIN, '/dondoc');
    h.press(ADMIN, 'Báo cáo 6 tháng');
    const again = h.press(ADMIN, 'Đôn đốc tất cả');
    expect(again).toBe('Không gửi thêm tin nào: 3 đơn vị đã được đôn đốc hôm nay (mỗi đơn vị một tin mỗi ngày).\nĐã được đôn đốc hôm nay: HGT lúc 10:00, HHH lúc 10:00, TPND lúc 10:00.');
    expect(urgeRows(h)).toHaveLength(3);
    expect(h.rows('SELECT count(*) AS n FROM urges')).toEqual([{ n: 3 }]);

    // The registration is urged apart: Sở Y tế's liaison, the only one reachable among the unregistered.
    h.say(ADMIN, '/dondoc');
    h.press(ADMIN, 'Bản đăng ký');
    expect(h.press(ADMIN, 'Đôn đốc tất cả (1 đơn vị có người nhận)')).toContain('✔ Đã gửi tin đôn đốc đến 1 đơn vị.');
    expect(urgeRows(h).map((r) => r.person)).toEqual(['Lê Hà', 'Phạm Thu', 'Trần Y', 'Đỗ Nam']);

    // A new day: urged again.
    h.clock.set(on('2020-07-17'));
    h.say(ADMIN, '/dondoc');
    h.press(ADMIN, 'Báo cáo 6 tháng');
    h.press(ADMIN, 'Chọn đơn vị');
    h.say(ADMIN, 'HHH');
    expect(h.press(ADMIN, 'Gửi đôn đốc (1 đơn vị)')).toBe('✔ Đã gửi tin đôn đốc đến 1 đơn vị.');
    expect(urgeRows(h).filter((r) => r.person === 'Phạm Thu')).toHaveLength(2);
  });

  it('/thongbao to "chưa gửi báo cáo 6 tháng" previews and reaches exactly the people of the units missing it', () => {
    const h = year();
    h.say(ADMIN, '/thongbao');
    const labels = h.lastQuestion(ADMIN)!.choices!.map((c) => c.label);
    expect(labels).toContain('Đơn vị chưa gửi báo cáo 6 tháng đầu năm 2020');
    expect(labels).toContain('Đơn vị đã gửi báo cáo Quý II/2020');
    expect(labels.join('|')).not.toContain('quá hạn chưa nộp');

    // Those that sent it: Sở Nội vụ and Xuân Trường are linked, Sở Tư pháp is not.
    h.press(ADMIN, 'Đơn vị đã gửi báo cáo 6 tháng');
    const sentPreview = h.say(ADMIN, 'Cảm ơn các đơn vị đã gửi báo cáo 6 tháng.');
    expect(sentPreview).toContain('Đối tượng: Đơn vị đã gửi báo cáo 6 tháng đầu năm 2020.');
    expect(sentPreview).toContain('Thông báo gửi tới 3 đơn vị; đến được 2 đơn vị (2 người); 1 đơn vị chưa có ai liên kết tài khoản');
    h.press(ADMIN, 'Hủy');

    h.say(ADMIN, '/thongbao');
    h.press(ADMIN, 'Chưa gửi báo cáo 6 tháng');
    const preview = h.say(ADMIN, 'Đề nghị gửi ngay báo cáo 6 tháng đầu năm.');
    // Hải Hậu's people are its liaison and Cụm 2's head: 3 units, 4 people.
    expect(preview).toContain('Đối tượng: Đơn vị chưa gửi báo cáo 6 tháng đầu năm 2020.');
    expect(preview).toContain('Thông báo gửi tới 3 đơn vị; đến được 3 đơn vị (4 người):');
    expect(h.rows('SELECT count(*) AS n FROM outbox')).toEqual([{ n: 0 }]);
    h.press(ADMIN, 'Gửi');
    const sent = h.rows<{ person: string; unit: string; payload: string }>(
      'SELECT p.full_name AS person, u.code AS unit, o.payload FROM outbox o JOIN people p ON p.id = o.person_id JOIN units u ON u.id = p.unit_id ORDER BY u.code, p.full_name',
    );
    expect(sent.map((r) => `${r.unit} ${r.person}`)).toEqual(['HGT Đỗ Nam', 'HHH Hoàng Cụm', 'HHH Phạm Thu', 'TPND Lê Hà']);
    for (const r of sent) expect(JSON.parse(r.payload).text).toContain('Đề nghị gửi ngay báo cáo 6 tháng đầu năm.');
  });

  it('the digest to the admin and to Cụm 2’s head covers the 6-month report while it is owed, and only then', () => {
    const h = year();
    const movement = currentMovement(h.db)!;
    addRule(h.db, movement.id, { kind: 'cron', cron: '30 8 * * 1-5', subject: 'digest' }, cliActor, on('2020-07-15'));
    const digests = () =>
      h.rows<{ person: string; payload: string }>("SELECT p.full_name AS person, o.payload FROM outbox o JOIN people p ON p.id = o.person_id WHERE o.dedupe_key LIKE 'dg:%' ORDER BY o.id");

    runDueReminders(h.db, Date.parse('2020-07-16T01:31:00Z')); // Thursday 16/07, 08:31
    const first = digests();
    expect(first.map((d) => d.person)).toEqual(['Trần Văn Ban', 'Hoàng Cụm']);
    const admin = JSON.parse(first[0]!.payload).text as string;
    expect(admin).toContain('📊 Báo cáo 6 tháng đầu năm 2020 (hạn 10/07/2020, đã quá hạn 6 ngày): 3/6 đơn vị đã gửi; 3 đơn vị chưa gửi.');
    expect(admin).toContain('📊 Báo cáo Quý II/2020 (hạn 10/07/2020, đã quá hạn 6 ngày): 3/6 đơn vị đã gửi; 3 đơn vị chưa gửi.');
    expect(admin).toContain('📝 Bản đăng ký (hạn 31/03/2020): 28 đơn vị quá hạn chưa gửi.');
    // The period in course first; Quý I, sent by all, is not mentioned.
    expect(admin.indexOf('6 tháng đầu năm 2020')).toBeLessThan(admin.indexOf('Quý II/2020'));
    expect(admin).not.toContain('Quý I/2020');
    const head = JSON.parse(first[1]!.payload).text as string;
    expect(head).toContain('📊 Báo cáo 6 tháng đầu năm 2020 (hạn 10/07/2020, đã quá hạn 6 ngày): 1/3 đơn vị đã gửi; 2 đơn vị chưa gửi.\nCụm thi đua số 2 (2):\n• UBND huyện Giao Thủy\n• UBND huyện Hải Hậu');
    expect(head).not.toContain('Nam Định');
    expect(head).not.toContain('Sở ');

    // The three send both reports; Monday's digest no longer mentions them (the registration is still owed).
    for (const code of ['HHH', 'HGT', 'TPND']) {
      report(h, code, 'H2020-1', '2020-07-17');
      report(h, code, 'Q2020-2', '2020-07-17');
    }
    runDueReminders(h.db, Date.parse('2020-07-20T01:31:00Z'));
    const monday = digests().slice(first.length);
    expect(monday.map((d) => d.person)).toEqual(['Trần Văn Ban', 'Hoàng Cụm']);
    for (const d of monday) {
      expect(JSON.parse(d.payload).text).toContain('📝 Bản đăng ký');
      expect(JSON.parse(d.payload).text).not.toContain('Báo cáo');
    }
  });
});
