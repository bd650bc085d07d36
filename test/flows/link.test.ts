import { describe, expect, it } from 'vitest';
import { cliActor } from '../../src/domain/audit.ts';
import { createInvite } from '../../src/domain/invites.ts';
import { chatHarness } from '../helpers/chat.ts';
import { useTempDatabases } from '../helpers/db.ts';

useTempDatabases();

describe('linking a messenger account', () => {
  it('asks an unknown person for their code, then links them with it typed on its own', () => {
    const h = chatHarness();
    expect(h.say('7001', 'Xin chào')).toContain('Mời gửi mã mời');
    const invite = createInvite(h.db, { unitCode: 'HHH', role: 'liaison', personName: 'Phạm Thu' }, cliActor, h.clock.now());
    // Typed on a phone: lower case, spaces instead of the hyphen.
    const reply = h.say('7001', invite.code.toLowerCase().replace('-', ' '));
    expect(reply).toContain('Đã liên kết tài khoản. Xin chào Phạm Thu — Cán bộ đầu mối, UBND huyện Hải Hậu.');
    expect(h.rows("SELECT p.full_name, p.role, u.code AS unit FROM identities i JOIN people p ON p.id = i.person_id JOIN units u ON u.id = p.unit_id WHERE i.external_id = '7001'")).toEqual([
      { full_name: 'Phạm Thu', role: 'liaison', unit: 'HHH' },
    ]);
    expect(h.lastQuestion('7001')?.choices?.map((c) => c.id)).toEqual(['go:register', 'go:report', 'go:myunit', 'go:yearend', 'go:lang']);
    // Linked people are greeted by name and unit.
    expect(h.say('7001', '/start')).toContain('Phạm Thu — Cán bộ đầu mối, UBND huyện Hải Hậu');
  });

  it('counts wrong codes and locks the account out for a while after the fifth', () => {
    const h = chatHarness();
    const invite = createInvite(h.db, { unitCode: 'SNV', role: 'liaison' }, cliActor, h.clock.now());
    expect(h.say('7002', '/start AAAAA-BBBBBBB')).toContain('Mã này không đúng hoặc không có. Xin kiểm tra lại từng ký tự. Còn 4 lần thử.');
    // A greeting gets a welcome explaining invite codes, and is not counted as a wrong code.
    expect(h.say('7002', 'chưa có mã')).toContain('mỗi cán bộ cần một mã mời do Ban Thi đua - Khen thưởng cấp');
    expect(h.say('7002', 'Chào anh')).toContain('Có mã rồi thì gửi mã vào đây');
    // Something code-like but malformed is explained and not counted either.
    expect(h.say('7002', '12345')).toContain('Mã mời gồm 12 ký tự chữ và số');
    expect(h.say('7002', 'QQQQQ-QQQQQQQ')).toContain('Còn 3 lần thử');
    // A real invite's selector with a wrong rest gets the very same answer as a code nobody issued.
    expect(h.say('7002', `${invite.code.slice(0, 6)}0000000`)).toContain('Mã này không đúng hoặc không có. Xin kiểm tra lại từng ký tự. Còn 2 lần thử.');
    expect(h.say('7002', 'ZZZZZ-ZZZZZZZ')).toContain('Còn 1 lần thử');
    expect(h.say('7002', 'ZZZZZ-ZZZZZZY')).toContain('Xin thử lại sau 30 phút');
    // Even the right code is refused while locked, and nothing is linked.
    expect(h.say('7002', `/start ${invite.code}`)).toContain('Xin thử lại sau 30 phút');
    expect(h.rows("SELECT person_id FROM identities WHERE external_id = '7002'")).toEqual([{ person_id: null }]);
    // After the lock, the right code works.
    h.clock.advance(31 * 60_000);
    expect(h.say('7002', `/start ${invite.code}`)).toContain('Đã liên kết tài khoản');
  });

  it('a stranger guessing at a real invite locks only their own account: the invite still works for its person', () => {
    const h = chatHarness();
    const invite = createInvite(h.db, { unitCode: 'SNV', role: 'liaison' }, cliActor, h.clock.now());
    const selector = invite.code.slice(0, 6);
    const answers = ['1111111', '2222222', '3333333', '4444444'].map((rest) => h.say('9999', `${selector}${rest}`));
    expect(answers.map((a) => /Mã này không đúng hoặc không có/.test(a))).toEqual([true, true, true, true]);
    expect(h.say('9999', `${selector}5555555`)).toContain('Xin thử lại sau 30 phút');
    expect(h.say('7003', `/start ${invite.code}`)).toContain('Đã liên kết tài khoản');
    expect(h.rows("SELECT failed_attempts, locked_at FROM invites")).toEqual([{ failed_attempts: 5, locked_at: null }]);
  });

  it('refuses a used or expired code with a clear reason', () => {
    const h = chatHarness();
    const invite = createInvite(h.db, { unitCode: 'SNV', role: 'liaison', validDays: 1 }, cliActor, h.clock.now());
    h.say('7003', `/start ${invite.code}`);
    expect(h.say('7004', `/start ${invite.code}`)).toContain('Mã này đã được dùng');
    const late = createInvite(h.db, { unitCode: 'STP', role: 'liaison', validDays: 1 }, cliActor, h.clock.now());
    h.clock.advance(2 * 86_400_000);
    expect(h.say('7005', `/start ${late.code}`)).toContain('Mã này đã hết hạn');
  });

  it('speaks English once asked to, and remembers it', () => {
    const h = chatHarness();
    h.link('7006', 'SNV');
    h.say('7006', '/ngonngu');
    expect(h.press('7006', 'English')).toBe('From now on the assistant answers in English.');
    expect(h.say('7006', '/menu')).toContain('What would you like to do?');
    expect(h.rows("SELECT p.locale FROM people p JOIN identities i ON i.person_id = p.id WHERE i.external_id = '7006'")).toEqual([{ locale: 'en' }]);
    expect(h.say('7006', '/lang vi')).toBe('Từ nay trợ lý sẽ trả lời bằng tiếng Việt.');
  });

  it('opens the main actions from the menu by number or by name', () => {
    const h = chatHarness();
    h.link('7007', 'SNV');
    h.say('7007', 'menu');
    expect(h.say('7007', '3')).toContain('Sở Nội vụ · Khối Nội chính');
    h.say('7007', '/menu');
    expect(h.say('7007', 'dang ky')).toContain('Bắt đầu đăng ký chỉ tiêu thi đua của Sở Nội vụ');
  });
});
