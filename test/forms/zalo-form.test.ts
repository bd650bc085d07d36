import { describe, expect, it } from 'vitest';
import { FilledForm } from '../helpers/forms.ts';
import { fixtureJson } from '../channels/zalo/fake-zalo.ts';
import { createSignedLinks } from '../../src/http/signed-links.ts';
import { DAY, textOf, useZaloHarnesses, zaloHarness, type ZaloHarness } from '../channels/zalo/harness.ts';

useZaloHarnesses();

const USER = '246845883529197922';

/** A user_send_file event as Zalo sends it, its link pointing at the fake's file storage. */
function fileEvent(h: ZaloHarness, name: string, size: number, msgId: string): Record<string, unknown> {
  const sample = fixtureJson('user_send_file.constructed.json');
  // Zalo knows the message the bot will answer by its id.
  h.fake.inbound(USER, msgId, h.clock.now());
  const attachment = { type: 'file', payload: { size: String(size), name, checksum: 'x', type: 'xlsx', url: `${h.fake.base}/files/${encodeURIComponent(name)}` } };
  return { ...sample, sender: { id: USER }, message: { msg_id: msgId, attachments: [attachment] } };
}

function sentFormPath(h: ZaloHarness): string {
  const row = h.rows<{ payload: string }>("SELECT payload FROM outbox WHERE json_extract(payload, '$.file') IS NOT NULL ORDER BY id DESC")[0]!;
  return (JSON.parse(row.payload) as { file: { path: string } }).file.path;
}

const snvTargets = (h: ZaloHarness) =>
  h.rows(
    "SELECT t.text, t.kind, t.planned_value FROM targets t JOIN registrations r ON r.id = t.registration_id JOIN units u ON u.id = r.unit_id WHERE u.code = 'SNV' AND t.deleted_at IS NULL ORDER BY t.id",
  );

describe('the registration form over Zalo', () => {
  it('uploads the form to the person, downloads the filled one from the user_send_file link at once, saves on confirmation', async () => {
    const h = await zaloHarness({}, { links: (harness) => createSignedLinks({ db: harness.db, baseUrl: 'https://thidua.example.vn', secret: 'k'.repeat(32), clock: harness.clock, log: harness.log, defaultTtlMs: DAY }) });
    await h.say(USER, `/start ${h.invite('SNV')}`);
    await h.say(USER, '/dangky');
    await h.say(USER, 'Nhận biểu mẫu Excel');
    // Zalo's upload takes no workbook: the form went out as the person's own signed link.
    expect(h.fake.messages(USER).some((m) => /dang-ky-SNV-2020\.xlsx.*https:\/\/thidua\.example\.vn\/files\//s.test(m.text ?? ''))).toBe(true);

    const form = await FilledForm.open(sentFormPath(h));
    form
      .set(1, { area: '9. Công tác thi đua, khen thưởng', text: 'Số lớp tập huấn nghiệp vụ thi đua', kind: 'Định lượng', measure: 'lớp', plan: 4 })
      .set(2, { area: '6', text: 'Tỷ lệ hồ sơ giải quyết đúng hạn', measure: '%', plan: '98,5', direction: 'Không thấp hơn' })
      .set(3, { area: '8', text: 'Không để xảy ra sự cố mất an toàn thông tin', kind: 'Định tính' });
    const bytes = Buffer.from(await form.workbook.xlsx.writeBuffer());
    h.fake.files.set('dang-ky-SNV-2020.xlsx', bytes);
    expect(await h.postEvent(fileEvent(h, 'dang-ky-SNV-2020.xlsx', bytes.length, 'file-1'))).toBe(200);
    const summary = textOf(h.newMessages(USER));
    expect(h.fake.downloads).toEqual(['dang-ky-SNV-2020.xlsx']);
    expect(summary).toContain('Đã nhận tệp dang-ky-SNV-2020.xlsx');
    expect(summary).toContain('Thêm 3, sửa 0, xóa 0');
    expect(snvTargets(h)).toEqual([]);

    expect(textOf(await h.press(USER, 'Lưu'))).toContain('✔ Đã lưu.');
    expect(snvTargets(h)).toEqual([
      { text: 'Số lớp tập huấn nghiệp vụ thi đua', kind: 'quantitative', planned_value: 4 },
      { text: 'Tỷ lệ hồ sơ giải quyết đúng hạn', kind: 'quantitative', planned_value: 98.5 },
      { text: 'Không để xảy ra sự cố mất an toàn thông tin', kind: 'qualitative', planned_value: null },
    ]);
  });

  it('a file whose link is gone is asked for again, and nothing changes', async () => {
    const h = await zaloHarness();
    await h.say(USER, `/start ${h.invite('SNV')}`);
    await h.say(USER, '/dangky');
    await h.say(USER, 'Nhận biểu mẫu Excel');
    await h.postEvent(fileEvent(h, 'het-han.xlsx', 5_000, 'file-2'));
    const answer = textOf(h.newMessages(USER));
    expect(answer).toContain('Chưa tải được tệp từ ứng dụng nhắn tin. Xin gửi lại tệp.');
    expect(snvTargets(h)).toEqual([]);
  });
});
