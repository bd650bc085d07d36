import { describe, expect, it } from 'vitest';
import { chatHarness } from '../helpers/chat.ts';
import { useTempDatabases } from '../helpers/db.ts';

useTempDatabases();

describe('/phatsong in chat', () => {
  it('sends an announcement to a cluster after a preview, then reports its delivery', () => {
    const h = chatHarness();
    h.link('70', null, 'admin', 'Trần Văn Ban');
    h.link('71', 'HHH', 'liaison', 'Phạm Thu');
    h.link('72', 'HGT', 'liaison', 'Đỗ Nam');
    h.link('73', 'SNV', 'liaison', 'Nguyễn Hoa');

    expect(h.say('70', '/phatsong')).toContain('Bước 1/3. Gửi thông báo đến ai?');
    h.press('70', 'Cụm thi đua số 2');
    expect(h.say('70', 'ngắn')).toContain('Xin gõ nội dung thông báo');
    const preview = h.say('70', 'Đề nghị các đơn vị gửi báo cáo 6 tháng trước ngày 10/7.');
    // Counted as they are: 5 units asked for, 2 of them reached through the 2 people linked; never "2 người của 5 đơn vị".
    expect(preview).toContain('Thông báo gửi tới 5 đơn vị; đến được 2 đơn vị (2 người); 3 đơn vị chưa có ai liên kết tài khoản nên không nhận được');
    expect(preview).toContain('Đề nghị các đơn vị gửi báo cáo 6 tháng trước ngày 10/7.');
    expect(h.rows('SELECT count(*) AS n FROM outbox')).toEqual([{ n: 0 }]);

    const sent = h.press('70', 'Gửi');
    // Queued, not yet sent: it says so beside "0 đã gửi, 2 đang chờ".
    expect(sent).toContain('✔ Đã xếp 2 tin vào hàng gửi; tình hình gửi ở dưới');
    expect(sent).not.toContain('Đã gửi 2 tin');
    expect(sent).toContain('Báo cáo gửi: 2 tin — ✅ 0 đã gửi, 🕓 2 đang chờ');
    const rows = h.rows<{ name: string; payload: string }>('SELECT p.full_name AS name, o.payload FROM outbox o JOIN people p ON p.id = o.person_id ORDER BY p.full_name');
    expect(rows.map((r) => r.name)).toEqual(['Phạm Thu', 'Đỗ Nam']);
    expect(JSON.parse(rows[0]!.payload).text).toContain('Đề nghị các đơn vị gửi báo cáo 6 tháng trước ngày 10/7.');

    h.db.$client.prepare("UPDATE outbox SET status = 'sent' WHERE person_id = (SELECT id FROM people WHERE full_name = 'Phạm Thu')").run();
    expect(h.press('70', 'Cập nhật')).toContain('✅ 1 đã gửi, 🕓 1 đang chờ');
  });

  it('is for the Ban only', () => {
    const h = chatHarness();
    h.link('74', 'HHH', 'cluster_head');
    expect(h.say('74', '/phatsong')).toContain('chỉ dành cho cán bộ Ban Thi đua - Khen thưởng');
  });
});
