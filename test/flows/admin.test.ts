import { describe, expect, it } from 'vitest';
import { cliActor } from '../../src/domain/audit.ts';
import { currentMovement, listContentAreas, listPeriods } from '../../src/domain/movements.ts';
import { recordProgressReport } from '../../src/domain/progress.ts';
import { addTarget, ensureRegistration, submitRegistration } from '../../src/domain/registrations.ts';
import { upsertGroup, upsertUnit } from '../../src/domain/units.ts';
import { chatHarness, submittedRegistration, type ChatHarness } from '../helpers/chat.ts';
import { useTempDatabases } from '../helpers/db.ts';

useTempDatabases();

const ADMIN = '9100';

const outboxTexts = (h: ChatHarness) => h.rows<{ payload: string; person: string }>('SELECT o.payload, p.full_name AS person FROM outbox o JOIN people p ON p.id = o.person_id ORDER BY o.id').map((r) => `${r.person}: ${JSON.parse(r.payload).text}`);

describe('who may see what', () => {
  it('a liaison sees only their own unit', () => {
    const h = chatHarness();
    h.link('1', 'SNV');
    expect(h.say('1', '/tinhhinh SNV')).toContain('Sở Nội vụ · Khối Nội chính');
    expect(h.say('1', '/tinhhinh STP')).toContain('Anh/chị không có quyền xem đơn vị này.');
    expect(h.say('1', '/duyet')).toContain('chỉ dành cho cán bộ Ban Thi đua - Khen thưởng');
    expect(h.say('1', '/moi')).toContain('chỉ dành cho cán bộ Ban Thi đua - Khen thưởng');
  });

  it('a cluster head sees its own cluster and not another', () => {
    const h = chatHarness();
    h.link('2', 'HHH', 'cluster_head'); // Hải Hậu heads Cụm thi đua số 2
    expect(h.say('2', '/tinhhinh HGT')).toContain('UBND huyện Giao Thủy');
    expect(h.say('2', '/tinhhinh SNV')).toContain('Anh/chị không có quyền xem đơn vị này.');
    const overview = h.say('2', '/tinhhinh');
    expect(overview).toContain('Tổng số: 5 đơn vị');
    // Then registration's counterpart for each period, the first to end first while none has ended; then the chart of what is shown.
    expect(h.lastQuestion('2')?.choices?.map((c) => c.label)).toEqual(['Cụm thi đua số 2', 'Tìm đơn vị', '📅 Quý I/2020', '📅 Quý II/2020', '📅 6 tháng đầu năm 2020', '📅 Quý III/2020', '📅 Quý IV/2020', '📅 6 tháng cuối năm 2020', '📅 Năm 2020', '📊 Biểu đồ']);
  });

  it('someone not linked is only told how to link', () => {
    const h = chatHarness();
    expect(h.say('3', '/tinhhinh')).toContain('Mời gửi mã mời');
    expect(h.say('3', '/duyet')).toContain('Mời gửi mã mời');
    expect(h.rows('SELECT count(*) AS n FROM conversations c JOIN identities i ON i.id = c.identity_id WHERE c.flow <> ? ', 'link')).toEqual([{ n: 0 }]);
  });
});

describe('the Ban TĐKT at work', () => {
  it('sees the movement at a glance, drills into a cluster and pages through it', () => {
    const h = chatHarness();
    h.link(ADMIN, null, 'admin', 'Trần Văn Ban');
    submittedRegistration(h, 'SNV');
    const movement = currentMovement(h.db)!;
    for (let i = 1; i <= 10; i++) upsertUnit(h.db, { code: `XA${i}`, name: `UBND xã số ${i}`, kind: 'xa' }, cliActor, 0);
    upsertGroup(h.db, movement.id, { code: 'CUM-XA', kind: 'cum', name: 'Cụm các xã', members: Array.from({ length: 10 }, (_, i) => `XA${i + 1}`) }, cliActor, 0);

    const overview = h.say(ADMIN, '/tinhhinh');
    expect(overview).toContain('Tổng số: 44 đơn vị — ✅ 0 đã duyệt, 🕓 1 chờ duyệt');
    expect(overview).toContain('Khối Nội chính: 4 đơn vị — ✅ 0 đã duyệt, 🕓 1 chờ duyệt');
    const page1 = h.press(ADMIN, 'Cụm các xã');
    expect(page1).toContain('Trang 1/2');
    expect(h.lastQuestion(ADMIN)?.choices).toHaveLength(8 + 3); // 8 units, the next page, the chart, back
    expect(h.press(ADMIN, 'Trang sau')).toContain('Trang 2/2');
    expect(h.press(ADMIN, 'XA9')).toContain('UBND xã số 9');
    h.press(ADMIN, 'Quay lại');
    expect(h.say(ADMIN, 'noi vu')).toContain('Sở Nội vụ · Khối Nội chính');
  });

  it('status counts targets by where they stand instead of averaging tỷ đồng with percentages', () => {
    const h = chatHarness();
    h.link(ADMIN, null, 'admin');
    const movement = currentMovement(h.db)!;
    const area = listContentAreas(h.db, movement.id)[0]!.id;
    const q1 = listPeriods(h.db, movement.id)[0]!.id;
    const targets: Record<string, number> = {};
    for (const [code, measure, planned, dueOn] of [['SNV', 'tỷ đồng', 1500, '2020-03-31'], ['STP', '%', 98.5, '2020-12-31']] as const) {
      const unitId = h.rows<{ id: number }>('SELECT id FROM units WHERE code = ?', code)[0]!.id;
      const reg = ensureRegistration(h.db, movement.id, unitId, h.clock.now());
      targets[code] = addTarget(h.db, reg.id, { contentAreaId: area, text: `Chỉ tiêu của ${code}`, kind: 'quantitative', measure, plannedValue: planned, direction: 'at_least', dueOn }, cliActor, 0).id;
      if (code === 'SNV') addTarget(h.db, reg.id, { contentAreaId: area, text: 'Chỉ tiêu chưa báo cáo', kind: 'qualitative', dueOn }, cliActor, 0);
      submitRegistration(h.db, reg.id, cliActor, h.clock.now());
    }
    const regOf = (code: string) => h.rows<{ id: number }>('SELECT r.id FROM registrations r JOIN units u ON u.id = r.unit_id WHERE u.code = ?', code)[0]!.id;
    recordProgressReport(h.db, { registrationId: regOf('SNV'), periodId: q1, lines: [{ targetId: targets.SNV!, value: 700, cumulative: true }] }, cliActor, h.clock.now());
    recordProgressReport(h.db, { registrationId: regOf('STP'), periodId: q1, lines: [{ targetId: targets.STP!, value: 99, cumulative: true }] }, cliActor, h.clock.now());
    h.clock.set(Date.UTC(2020, 3, 15, 3)); // 15/04/2020: SNV's target was due 31/03, STP's is due at the end of the year
    const overview = h.say(ADMIN, '/tinhhinh');
    expect(overview).toMatch(/Tổng số: 34 đơn vị — .*\n {3}Chỉ tiêu: 0 vượt, 0 đạt, 1 đang thực hiện, 1 không đạt, 1 chưa báo cáo/);
    expect(overview).toMatch(/Khối Nội chính: 4 đơn vị — .*\n {3}Chỉ tiêu: 0 vượt, 0 đạt, 1 đang thực hiện, 1 không đạt, 1 chưa báo cáo/);
    expect(overview).not.toContain('bình quân');

    // A correction of SNV's (1.600 tỷ đồng) shows at once.
    recordProgressReport(h.db, { registrationId: regOf('SNV'), periodId: q1, lines: [{ targetId: targets.SNV!, value: 1600, cumulative: true }] }, cliActor, h.clock.now());
    h.say(ADMIN, '/huy');
    expect(h.say(ADMIN, '/tinhhinh')).toMatch(/Tổng số: 34 đơn vị — .*\n {3}Chỉ tiêu: 1 vượt, 0 đạt, 1 đang thực hiện, 0 không đạt, 1 chưa báo cáo/);
  });

  it('approves one registration and returns another with a reason; the liaisons are told', () => {
    const h = chatHarness();
    h.link(ADMIN, null, 'admin');
    h.link('11', 'SNV', 'liaison', 'Nguyễn Thị Hoa');
    h.link('12', 'STP', 'liaison', 'Lê Văn Tư');
    const snv = submittedRegistration(h, 'SNV');
    const stp = submittedRegistration(h, 'STP');

    expect(h.say(ADMIN, '/duyet')).toContain('Có 2 bản đăng ký chờ duyệt');
    expect(h.press(ADMIN, 'SNV')).toContain('Bản đăng ký của Sở Nội vụ — lần 1');
    expect(h.press(ADMIN, 'Duyệt')).toContain('✔ Đã duyệt');
    h.press(ADMIN, 'STP');
    h.press(ADMIN, 'Trả lại');
    expect(h.say(ADMIN, 'ngắn')).toContain('Xin ghi rõ lý do');
    const last = h.say(ADMIN, 'Thiếu chỉ tiêu về cải cách hành chính');
    expect(last).toContain('✔ Đã trả lại');
    // Nothing left to review: the conversation ends instead of waiting on an empty list.
    expect(last).toContain('Không có bản đăng ký nào đang chờ duyệt.');
    expect(h.rows("SELECT count(*) AS n FROM conversations WHERE flow = 'review'")).toEqual([{ n: 0 }]);

    expect(h.rows('SELECT id, status, review_comment FROM registrations WHERE id IN (?, ?) ORDER BY id', snv, stp)).toEqual([
      { id: snv, status: 'approved', review_comment: null },
      { id: stp, status: 'returned', review_comment: 'Thiếu chỉ tiêu về cải cách hành chính' },
    ]);
    expect(h.rows("SELECT action FROM audit_log WHERE action IN ('registration.approve', 'registration.return') ORDER BY id")).toEqual([
      { action: 'registration.approve' },
      { action: 'registration.return' },
    ]);
    expect(outboxTexts(h)).toEqual([
      'Nguyễn Thị Hoa: ✅ Ban Thi đua - Khen thưởng đã duyệt bản đăng ký thi đua của đơn vị (lần 1).',
      'Lê Văn Tư: ↩️ Ban Thi đua - Khen thưởng đã trả lại bản đăng ký thi đua của đơn vị (lần 1). Lý do: Thiếu chỉ tiêu về cải cách hành chính\nMời sửa và gửi lại.',
    ]);
  });

  it('/dondoc lists the units that have not sent, with their liaison and phone or nobody to receive, and urges them all once a day', () => {
    const h = chatHarness();
    h.link(ADMIN, null, 'admin');
    h.link('21', 'HHH', 'liaison', 'Phạm Thu');
    h.link('22', 'HGT', 'liaison', 'Đỗ Nam');
    h.db.$client.prepare("UPDATE people SET phone = '0912 345 678' WHERE full_name = 'Phạm Thu'").run();
    for (const code of ['SNV', 'STP', 'SKHDT', 'STC', 'SCT', 'SNNPTNT', 'SGTVT', 'SXD', 'STNMT', 'STTTT', 'SLDTBXH', 'SVHTTDL', 'SKHCN', 'SGDDT', 'VPUBND', 'TTT', 'BQLKCN', 'MTTQ', 'LDLD', 'TDTN', 'HLHPN', 'HND', 'HCCB', 'TPND', 'HML', 'HVB', 'HYY', 'HNT', 'HTN', 'HXT', 'HNH'])
      submittedRegistration(h, code);
    h.clock.set(Date.UTC(2020, 3, 2, 3)); // 02/04/2020
    // The Q1 report is being asked for too (due 10/04): the registration is chosen.
    expect(h.say(ADMIN, '/dondoc')).toContain('Đôn đốc đơn vị chưa gửi gì?');
    expect(h.lastQuestion(ADMIN)?.choices?.map((c) => c.label)).toEqual(['📝 Bản đăng ký (3 đơn vị chưa gửi)', '📊 Báo cáo Quý I/2020 (31 đơn vị chưa gửi)']);
    const list = h.press(ADMIN, 'Bản đăng ký');
    expect(list).toContain('Đã quá hạn đăng ký (31/03/2020); 3 đơn vị chưa gửi bản đăng ký:');
    expect(list).toContain('• HGT — UBND huyện Giao Thủy: Chưa đăng ký · quá hạn chưa nộp · Đỗ Nam');
    expect(list).toContain('• HHH — UBND huyện Hải Hậu: Chưa gửi · quá hạn chưa nộp · Phạm Thu (0912 345 678)');
    expect(list).toContain('• SYT — Sở Y tế: Chưa đăng ký · quá hạn chưa nộp · chưa có người nhận tin');
    expect(list).toContain('1 đơn vị chưa có người nhận tin');
    expect(h.press(ADMIN, 'Đôn đốc tất cả (2 đơn vị có người nhận)')).toContain('✔ Đã gửi tin đôn đốc đến 2 đơn vị. 1 đơn vị chưa có người nhận tin: SYT.');
    h.say(ADMIN, '/cham');
    h.press(ADMIN, 'Bản đăng ký');
    expect(h.press(ADMIN, 'Đôn đốc tất cả')).toContain('Không gửi thêm tin nào: 2 đơn vị đã được đôn đốc hôm nay');
    const urges = outboxTexts(h);
    expect(urges).toHaveLength(2);
    expect(urges).toContain('Phạm Thu: ⏰ Đề nghị UBND huyện Hải Hậu khẩn trương gửi bản đăng ký thi đua năm 2020 (hạn 31/03, đã quá 2 ngày). Bấm nút dưới đây để đăng ký.');
    expect(JSON.parse(h.rows<{ payload: string }>('SELECT payload FROM outbox LIMIT 1')[0]!.payload).choices).toEqual([{ id: 'go:register', label: 'Đăng ký chỉ tiêu' }]);
  });

  it('/dondoc urges only the units chosen', () => {
    const h = chatHarness();
    h.link(ADMIN, null, 'admin');
    h.link('21', 'HHH', 'liaison', 'Phạm Thu');
    h.link('22', 'HGT', 'liaison', 'Đỗ Nam');
    h.say(ADMIN, '/dondoc');
    h.press(ADMIN, 'Chọn đơn vị để đôn đốc');
    expect(h.lastQuestion(ADMIN)?.choices?.map((c) => c.label)).toEqual(['☐ HGT — UBND huyện Giao Thủy', '☐ HHH — UBND huyện Hải Hậu', 'Không']);
    h.say(ADMIN, 'hhh');
    expect(h.press(ADMIN, 'Gửi đôn đốc (1 đơn vị)')).toContain('✔ Đã gửi tin đôn đốc đến 1 đơn vị.');
    expect(outboxTexts(h)).toEqual([expect.stringMatching(/^Phạm Thu: ⏰ Đề nghị UBND huyện Hải Hậu khẩn trương gửi bản đăng ký thi đua năm 2020 \(hạn 31\/03, còn \d+ ngày\)/)]);
  });

  it('creates an invite from chat that links the new liaison, with the bot’s deep link', () => {
    const h = chatHarness();
    h.db.$client.prepare("INSERT INTO settings (key, value, updated_at) VALUES ('telegram.username', 'thidua_namdinh_bot', 0)").run();
    h.link(ADMIN, null, 'admin');
    h.say(ADMIN, '/moi');
    expect(h.lastQuestion(ADMIN)?.choices?.map((c) => c.id)).toEqual(['liaison', 'cluster_head', 'viewer']);
    h.press(ADMIN, 'Cán bộ đầu mối');
    h.say(ADMIN, 'hai hau');
    const created = h.say(ADMIN, 'Vũ Thị Lan');
    const code = /Mã mời: (\S+)/.exec(created)![1]!;
    expect(created).toContain(`https://t.me/thidua_namdinh_bot?start=${code}`);
    expect(h.say('31', `/start ${code}`)).toContain('Xin chào Vũ Thị Lan — Cán bộ đầu mối, UBND huyện Hải Hậu');
  });
});
