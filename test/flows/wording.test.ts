/**
 * Words an officer reads in chat (issue 22, item 9): options offered only when they can do
 * something, buttons that do not look alike for different acts, /help from the menu listing every
 * command of the role, and no question whose only answer is "Không".
 */
import { describe, expect, it } from 'vitest';
import { cliActor } from '../../src/domain/audit.ts';
import { approveRegistration } from '../../src/domain/registrations.ts';
import { chatHarness, submittedRegistration, type ChatHarness } from '../helpers/chat.ts';
import { useTempDatabases } from '../helpers/db.ts';

useTempDatabases();

const ADMIN = '9200';

const labels = (h: ChatHarness, who: string) => h.lastQuestion(who)!.choices!.map((c) => c.label);

describe('wording an officer can trust', () => {
  it('"Gia hạn đăng ký" is offered for a unit still to send, never for one sent or approved', () => {
    const h = chatHarness();
    h.link(ADMIN, null, 'admin', 'Trần Văn Ban');
    approveRegistration(h.db, submittedRegistration(h, 'SNV'), cliActor, h.clock.now());
    submittedRegistration(h, 'STP');
    h.say(ADMIN, '/tinhhinh SNV');
    expect(labels(h, ADMIN)).toEqual(['🔓 Mở lại bản đăng ký', '⬅ Quay lại']);
    h.say(ADMIN, '/tinhhinh STP');
    expect(labels(h, ADMIN)).toEqual(['⬅ Quay lại']);
    h.say(ADMIN, '/tinhhinh STC');
    expect(labels(h, ADMIN)).toEqual(['⏳ Gia hạn đăng ký cho đơn vị này', '⬅ Quay lại']);
  });

  it('"Trả lại" and "Quay lại" do not look alike on the review buttons', () => {
    const h = chatHarness();
    h.link(ADMIN, null, 'admin', 'Trần Văn Ban');
    submittedRegistration(h, 'SNV');
    h.say(ADMIN, '/duyet');
    h.press(ADMIN, 'Sở Nội vụ');
    const [approve, giveBack, back] = labels(h, ADMIN);
    expect([approve, giveBack, back]).toEqual(['✅ Duyệt', '↩️ Trả lại', '⬅ Quay lại']);
  });

  it('/dondoc with nobody to receive messages says what to do instead of asking a question whose only answer is "Không"', () => {
    const h = chatHarness();
    h.link(ADMIN, null, 'admin', 'Trần Văn Ban');
    const reply = h.say(ADMIN, '/dondoc');
    expect(reply).toContain('Không đơn vị nào trong danh sách có người nhận tin');
    expect(reply).toMatch(/tạo mã mời cho cán bộ đầu mối bằng \/moi\.$/);
    expect(reply).not.toContain('1. Không');
    expect(h.lastQuestion(ADMIN)?.choices ?? []).toEqual([]);
    expect(h.rows('SELECT count(*) AS n FROM outbox')).toEqual([{ n: 0 }]);
  });

  it('/help on the menu lists every command of the role, /taidangky and /donvi among them', () => {
    const h = chatHarness();
    h.link('9201', 'SNV');
    h.say('9201', '/menu');
    const help = h.say('9201', '/help');
    for (const command of ['/dangky', '/baocao', '/donvi', '/taidangky', '/nguoiky']) expect(help).toContain(command);
    expect(help).toContain('Chọn việc cần làm.');
  });

  it('the menu names what the export makes: figures and Word documents', () => {
    const h = chatHarness();
    h.link(ADMIN, null, 'admin', 'Trần Văn Ban');
    h.say(ADMIN, '/menu');
    expect(labels(h, ADMIN)).toContain('Xuất số liệu, văn bản (Excel, Word)');
    h.say(ADMIN, '/xuat');
    h.press(ADMIN, 'Báo cáo kết quả một kỳ');
    const year = labels(h, ADMIN).indexOf('Năm 2020') + 1;
    expect(h.say(ADMIN, String(year))).toContain('Đang soạn báo cáo kết quả năm 2020…');
  });
});
