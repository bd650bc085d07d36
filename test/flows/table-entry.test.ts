import { describe, expect, it } from 'vitest';
import { chatHarness, type ChatHarness } from '../helpers/chat.ts';
import { useTempDatabases } from '../helpers/db.ts';

useTempDatabases();

const LIAISON = '1001';

function liveTargets(h: ChatHarness) {
  return h.rows<{ id: number; text: string; kind: string; measure: string | null; planned_value: number | null; direction: string | null; due_on: string | null; note: string | null; area: number }>(
    `SELECT t.id, t.text, t.kind, t.measure, t.planned_value, t.direction, t.due_on, t.note, a.number AS area
       FROM targets t JOIN registrations r ON r.id = t.registration_id JOIN units u ON u.id = r.unit_id
       JOIN content_areas a ON a.id = t.content_area_id
      WHERE u.code = 'SNV' AND t.deleted_at IS NULL ORDER BY t.position`,
  );
}

const FIVE_LINES = [
  '6; Tỷ lệ hồ sơ giải quyết đúng hạn; ≥ 98,5 %; 31/12',
  '9\tSố lớp tập huấn nghiệp vụ thi đua\t4 lớp\t30/11/2020',
  '1; Giải ngân vốn đầu tư công; 1,2 tỷ đồng; 31/01/2021; theo kế hoạch vốn',
  '8; Không để xảy ra sự cố mất an toàn thông tin; hoàn thành; 31/12',
  '9; Tổ chức hội nghị điển hình tiên tiến; ; 30/11',
].join('\n');

describe('several targets in one message', () => {
  it('reads each line, shows it back, and saves all on one confirmation', () => {
    const h = chatHarness();
    h.link(LIAISON, 'SNV');
    h.say(LIAISON, '/dangky');
    const readBack = h.say(LIAISON, FIVE_LINES);
    expect(readBack).toContain('Đã đọc các dòng như sau:');
    expect(readBack).toContain('Nội dung 6 · Tỷ lệ hồ sơ giải quyết đúng hạn — ≥ 98,5% · hạn 31/12/2020');
    expect(readBack).toContain('Nội dung 1 · Giải ngân vốn đầu tư công — ≥ 1,2 tỷ đồng · hạn 31/01/2021');
    expect(readBack).toContain('Nội dung 8 · Không để xảy ra sự cố mất an toàn thông tin — Hoàn thành');
    // The date after the movement's end is allowed, with the warning the guided question gives.
    expect(readBack).toContain('Lưu ý:');
    expect(liveTargets(h)).toHaveLength(0);

    expect(h.press(LIAISON, 'Lưu và gửi Ban')).toContain('✔ Đã lưu.');
    expect(h.press(LIAISON, 'Gửi')).toContain('Bản đăng ký chưa có danh hiệu thi đua nào');
    expect(h.press(LIAISON, 'Không đăng ký danh hiệu')).toContain('Đã gửi bản đăng ký');
    expect(liveTargets(h).map((x) => [x.area, x.kind, x.measure, x.planned_value, x.due_on, x.note])).toEqual([
      [6, 'quantitative', '%', 98.5, '2020-12-31', null],
      [9, 'quantitative', 'lớp', 4, '2020-11-30', null],
      [1, 'quantitative', 'tỷ đồng', 1.2, '2021-01-31', 'theo kế hoạch vốn'],
      [8, 'qualitative', null, null, '2020-12-31', null],
      [9, 'qualitative', null, null, '2020-11-30', null],
    ]);
  });

  it('refuses all the lines when one is wrong, saying which and why', () => {
    const h = chatHarness();
    h.link(LIAISON, 'SNV');
    h.say(LIAISON, '/dangky');
    const answer = h.say(LIAISON, '6; Tỷ lệ hồ sơ đúng hạn; ≥ 98,5 %; 31/12\n12; Chỉ tiêu sai nội dung; 5 xã; 31/02');
    expect(answer).toContain('Chưa đọc được các dòng này, chưa có gì được lưu');
    expect(answer).toContain('Dòng 2, cột Nội dung thi đua: "12" không phải nội dung thi đua nào');
    expect(answer).toContain('Dòng 2, cột Thời hạn: "31/02" không phải ngày có thật');
    expect(liveTargets(h)).toHaveLength(0);
  });
});

/** SNV's liaison saved the five targets of FIVE_LINES. */
function savedFive(): ChatHarness {
  const h = chatHarness();
  h.link(LIAISON, 'SNV');
  h.say(LIAISON, '/dangky');
  h.say(LIAISON, FIVE_LINES);
  h.press(LIAISON, 'Lưu');
  return h;
}

describe('editing one field of a saved target', () => {
  it('picks the target, the field, one answer, saved; the other fields stay', () => {
    const h = savedFive();
    const before = liveTargets(h);

    h.press(LIAISON, 'Sửa chỉ tiêu');
    h.press(LIAISON, 'Tỷ lệ hồ sơ');
    h.press(LIAISON, 'Thời hạn');
    expect(h.say(LIAISON, '30/11')).toContain('✔ Đã lưu thay đổi.');
    h.press(LIAISON, 'Sửa chỉ tiêu');
    h.press(LIAISON, 'Tỷ lệ hồ sơ');
    h.press(LIAISON, 'Ghi chú');
    h.say(LIAISON, 'Theo Kế hoạch 45/KH-UBND');

    const after = liveTargets(h);
    expect(after[0]).toEqual({ ...before[0], due_on: '2020-11-30', note: 'Theo Kế hoạch 45/KH-UBND' });
    expect(after.slice(1)).toEqual(before.slice(1));
  });

  it('a qualitative target made quantitative is asked for its unit and plan before it is saved', () => {
    const h = savedFive();
    h.press(LIAISON, 'Sửa chỉ tiêu');
    h.press(LIAISON, 'hội nghị điển hình');
    expect(h.press(LIAISON, 'Kế hoạch (con số)')).toContain('Chỉ tiêu định tính không có kế hoạch bằng số');
    h.press(LIAISON, 'Loại chỉ tiêu');
    h.press(LIAISON, 'Định lượng');
    h.say(LIAISON, 'hội nghị');
    h.say(LIAISON, '2');
    expect(h.press(LIAISON, 'Không thấp hơn')).toContain('✔ Đã lưu thay đổi.');
    expect(liveTargets(h).at(-1)).toMatchObject({ kind: 'quantitative', measure: 'hội nghị', planned_value: 2, direction: 'at_least' });
  });

  it('keeps every option at its number while the whole target is gone through again: a typed 6 is area 6', () => {
    const h = savedFive();
    h.press(LIAISON, 'Sửa chỉ tiêu');
    h.press(LIAISON, 'Số lớp tập huấn');
    h.press(LIAISON, 'Sửa lần lượt tất cả');
    const options = h.lastQuestion(LIAISON)!.choices!.map((c) => c.label);
    expect(options.at(-1)).toContain('Giữ nguyên');
    h.say(LIAISON, '6');
    expect(h.lastQuestion(LIAISON)!.choices!.at(-1)!.label).toContain('Giữ nguyên');
    // Kind: 1 is still "Định lượng", as when adding.
    h.press(LIAISON, 'Giữ nguyên');
    expect(h.say(LIAISON, '1')).toContain('Đơn vị tính');
    h.press(LIAISON, 'Giữ nguyên');
    h.press(LIAISON, 'Giữ nguyên');
    h.press(LIAISON, 'Giữ nguyên');
    h.press(LIAISON, 'Giữ nguyên');
    h.press(LIAISON, 'Bỏ qua');
    h.press(LIAISON, 'Lưu');
    expect(liveTargets(h)[1]).toMatchObject({ area: 6, text: 'Số lớp tập huấn nghiệp vụ thi đua', planned_value: 4 });
  });
});

describe('the Board entering a unit’s table in chat', () => {
  it('opens the unit’s registration by its code, takes its targets, and the audit log names the admin', () => {
    const h = chatHarness();
    h.link('9001', null, 'admin', 'Trần Văn Ban');
    expect(h.say('9001', '/dangky')).toContain('Chỉ cán bộ đầu mối');
    expect(h.say('9001', '/dangky XYZ')).toContain('Không tìm thấy đơn vị "XYZ"');
    expect(h.say('9001', '/dangky SNV')).toContain('Bắt đầu đăng ký chỉ tiêu thi đua của Sở Nội vụ');
    h.say('9001', FIVE_LINES);
    h.press('9001', 'Lưu');
    expect(liveTargets(h)).toHaveLength(5);
    const admin = h.rows<{ id: number }>("SELECT id FROM people WHERE role = 'admin'")[0]!.id;
    expect(h.rows<{ n: number }>("SELECT count(*) AS n FROM audit_log WHERE action = 'target.create' AND actor_person_id = ?", admin)[0]!.n).toBe(5);
  });

  it('asks for the unit’s form with /dangky SNV bieumau', () => {
    const h = chatHarness();
    h.link('9001', null, 'admin', 'Trần Văn Ban');
    const result = h.core.handle({ channel: 'telegram', externalId: '9001', text: '/dangky SNV bieumau' });
    expect(result.replies.map((r) => r.text).join('\n')).toContain('Biểu mẫu đăng ký đang được chuẩn bị');
    const snv = h.rows<{ id: number }>("SELECT r.id FROM registrations r JOIN units u ON u.id = r.unit_id WHERE u.code = 'SNV'")[0]!.id;
    expect(result.jobs).toMatchObject([{ kind: 'form-out', form: 'targets', registrationId: snv }]);
  });
});

describe('a filled form sent with no question waiting for it', () => {
  it('is answered with how to send it, and the menu; nothing changes', () => {
    const h = chatHarness();
    h.link(LIAISON, 'SNV');
    h.say(LIAISON, '/huy');
    const replies = h.send(LIAISON, { file: { kind: 'document', ref: 'BQACAgUAAxkBAAIC', name: 'dang-ky-SNV-2020.xlsx', size: 9_000 } });
    expect(replies.map((r) => r.text).join('\n')).toContain('Trợ lý đã nhận tệp dang-ky-SNV-2020.xlsx nhưng không có câu hỏi nào đang chờ tệp');
    expect(replies.at(-1)!.choices!.map((c) => c.id)).toContain('go:register');
    expect(liveTargets(h)).toEqual([]);
  });
});
