import { describe, expect, it } from 'vitest';
import { cliActor } from '../../src/domain/audit.ts';
import { currentMovement, listContentAreas } from '../../src/domain/movements.ts';
import { addTarget, approveRegistration, ensureRegistration, submitRegistration } from '../../src/domain/registrations.ts';
import { chatHarness, type ChatHarness } from '../helpers/chat.ts';
import { useTempDatabases } from '../helpers/db.ts';

useTempDatabases();

const ADMIN = '1';
const LIAISON = '11';

const outboxTexts = (h: ChatHarness) =>
  h.rows<{ payload: string; person: string }>('SELECT o.payload, p.full_name AS person FROM outbox o JOIN people p ON p.id = o.person_id ORDER BY o.id').map((r) => `${r.person}: ${JSON.parse(r.payload).text}`);

function approvedSnv(h: ChatHarness): number {
  const movement = currentMovement(h.db)!;
  const unitId = h.rows<{ id: number }>("SELECT id FROM units WHERE code = 'SNV'")[0]!.id;
  const reg = ensureRegistration(h.db, movement.id, unitId, h.clock.now());
  addTarget(h.db, reg.id, { contentAreaId: listContentAreas(h.db, movement.id)[0]!.id, text: 'Giải quyết hồ sơ đúng hạn', kind: 'quantitative', measure: '%', plannedValue: 98.5, direction: 'at_least' }, cliActor, h.clock.now());
  submitRegistration(h.db, reg.id, cliActor, h.clock.now());
  approveRegistration(h.db, reg.id, cliActor, h.clock.now());
  return reg.id;
}

describe('the Board reopens, extends, and compares versions', () => {
  it('the liaison asks to reopen an approved registration; the Board reopens it with a reason; resent with a note, the Board sees what changed', () => {
    const h = chatHarness();
    h.link(ADMIN, null, 'admin', 'Trần Ban');
    h.link(LIAISON, 'SNV', 'liaison', 'Nguyễn Thị Hoa');
    const reg = approvedSnv(h);

    expect(h.say(LIAISON, '/dangky')).toContain('nên chưa sửa được. Nếu cần điều chỉnh, đề nghị liên hệ Ban để mở lại.');
    h.press(LIAISON, 'Đề nghị Ban mở lại để điều chỉnh');
    expect(h.say(LIAISON, 'Bổ sung chỉ tiêu cải cách hành chính')).toContain('Đã gửi đề nghị mở lại bản đăng ký tới Ban');
    expect(outboxTexts(h)).toContain('Trần Ban: 🔓 Sở Nội vụ đề nghị mở lại bản đăng ký thi đua đã duyệt để điều chỉnh. Nội dung: Bổ sung chỉ tiêu cải cách hành chính\nXem đơn vị bằng /tinhhinh để mở lại.');

    h.say(ADMIN, '/tinhhinh SNV');
    h.press(ADMIN, 'Mở lại bản đăng ký');
    expect(h.say(ADMIN, 'Theo đề nghị của đơn vị')).toContain('✔ Đã mở lại bản đăng ký; đơn vị đã được báo.');
    expect(h.rows('SELECT status, review_comment AS reason FROM registrations WHERE id = ?', reg)).toEqual([{ status: 'returned', reason: 'Theo đề nghị của đơn vị' }]);
    expect(h.rows("SELECT count(*) AS n FROM audit_log WHERE action = 'registration.reopen'")).toEqual([{ n: 1 }]);
    expect(outboxTexts(h).at(-1)).toContain('Nguyễn Thị Hoa: 🔓 Ban Thi đua - Khen thưởng đã mở lại bản đăng ký thi đua của đơn vị (lần 1) để điều chỉnh. Lý do: Theo đề nghị của đơn vị');

    h.say(LIAISON, '/dangky');
    h.press(LIAISON, 'Sửa chỉ tiêu');
    h.press(LIAISON, 'Giải quyết hồ sơ đúng hạn');
    h.press(LIAISON, 'Kế hoạch (con số)');
    h.say(LIAISON, '99');
    h.press(LIAISON, 'Sửa chỉ tiêu');
    h.press(LIAISON, 'Giải quyết hồ sơ đúng hạn');
    h.press(LIAISON, 'Thời hạn');
    h.press(LIAISON, 'Cuối phong trào');
    h.press(LIAISON, 'Gửi bản đăng ký');
    h.press(LIAISON, 'Gửi kèm ghi chú cho Ban');
    expect(h.say(LIAISON, 'Đã nâng kế hoạch theo Kế hoạch 45/KH-UBND')).toContain('✔ Đã gửi bản đăng ký (lần 2)');
    expect(h.rows('SELECT version, note FROM registration_versions WHERE registration_id = ? ORDER BY version', reg)).toEqual([
      { version: 1, note: null },
      { version: 2, note: 'Đã nâng kế hoạch theo Kế hoạch 45/KH-UBND' },
    ]);

    h.say(ADMIN, '/duyet');
    const detail = h.press(ADMIN, 'SNV');
    expect(detail).toContain('Thay đổi so với lần 1:');
    expect(detail).toContain('Ghi chú của đơn vị: Đã nâng kế hoạch theo Kế hoạch 45/KH-UBND');
    expect(detail).toContain('~ Sửa: Giải quyết hồ sơ đúng hạn — kế hoạch 98,5 → 99; thời hạn — → 31/12/2020');
  });

  it('the Board extends the deadline for one unit in chat; it is no longer quá hạn, and its liaison is told', () => {
    const h = chatHarness();
    h.link(ADMIN, null, 'admin', 'Trần Ban');
    h.link('21', 'HHH', 'liaison', 'Phạm Thu');
    h.clock.set(Date.UTC(2020, 3, 2, 3)); // 02/04/2020
    expect(h.say(ADMIN, '/tinhhinh HHH')).toContain('UBND huyện Hải Hậu');
    h.press(ADMIN, 'Gia hạn đăng ký cho đơn vị này');
    expect(h.say(ADMIN, '20/3')).toContain('Ngày gia hạn (20/03/2020) phải sau hạn hiện tại (31/03/2020).');
    expect(h.say(ADMIN, '15/4')).toContain('✔ Đã gia hạn đăng ký cho đơn vị đến 15/04/2020.');
    expect(h.rows("SELECT r.deadline_on AS deadline FROM registrations r JOIN units u ON u.id = r.unit_id WHERE u.code = 'HHH'")).toEqual([{ deadline: '2020-04-15' }]);
    expect(outboxTexts(h)).toEqual(['Phạm Thu: ⏳ Ban Thi đua - Khen thưởng đã gia hạn nộp bản đăng ký thi đua của đơn vị đến 15/04/2020.']);
    expect(h.say(ADMIN, '/dondoc')).toContain('• HHH — UBND huyện Hải Hậu: Chưa gửi · Phạm Thu');
  });

  it('the Board extends the deadline for all units in chat', () => {
    const h = chatHarness();
    h.link(ADMIN, null, 'admin', 'Trần Ban');
    h.say(ADMIN, '/tinhhinh');
    h.press(ADMIN, 'Gia hạn đăng ký cho tất cả');
    expect(h.say(ADMIN, '10/4/2020')).toContain('✔ Đã gia hạn đăng ký cho tất cả đơn vị đến 10/04/2020.');
    expect(currentMovement(h.db)!.registrationDeadline).toBe('2020-04-10');
  });
});
