import { describe, expect, it } from 'vitest';
import { returnRegistration } from '../../src/domain/registrations.ts';
import { chatHarness, type ChatHarness } from '../helpers/chat.ts';
import { useTempDatabases } from '../helpers/db.ts';

useTempDatabases();

const LIAISON = '1001';
const ADMIN = '9001';

function liveTargets(h: ChatHarness, unit = 'SNV') {
  return h.rows<{ text: string; kind: string; measure: string | null; planned_value: number | null; direction: string | null; due_on: string | null; note: string | null; area: number }>(
    `SELECT t.text, t.kind, t.measure, t.planned_value, t.direction, t.due_on, t.note, a.number AS area
       FROM targets t JOIN registrations r ON r.id = t.registration_id JOIN units u ON u.id = r.unit_id
       JOIN content_areas a ON a.id = t.content_area_id
      WHERE u.code = ? AND t.deleted_at IS NULL ORDER BY t.position`,
    unit,
  );
}

/** Adds one quantitative target, answering by typing and by buttons alike. */
function addQuantitative(h: ChatHarness, who: string, area: string, text: string, planned: string, measure = '%') {
  h.say(who, area);
  h.say(who, text);
  h.press(who, 'Định lượng');
  h.say(who, measure);
  return h.say(who, planned);
}

describe('registering targets in chat', () => {
  it('links with a code, registers three targets, edits and deletes, picks titles and submits; the admins are told', () => {
    const h = chatHarness();
    h.link(ADMIN, null, 'admin', 'Trần Văn Ban');
    expect(h.link(LIAISON, 'SNV', 'liaison', 'Nguyễn Thị Hoa')).toContain('Xin chào Nguyễn Thị Hoa — Cán bộ đầu mối, Sở Nội vụ');

    const intro = h.say(LIAISON, '/dangky');
    expect(intro).toContain('Bắt đầu đăng ký chỉ tiêu thi đua của Sở Nội vụ');
    expect(intro).toContain('Bước 1.');

    // 1: typed answers all the way, the area picked by a few words without accents.
    expect(h.say(LIAISON, 'cai cach hanh chinh')).toContain('Bước 2.');
    h.say(LIAISON, 'Tỷ lệ thủ tục hành chính giải quyết đúng hạn');
    h.say(LIAISON, '1');
    h.say(LIAISON, '%');
    expect(h.say(LIAISON, '98,5')).toContain('✔ Đã ghi: 98,5%');
    h.say(LIAISON, 'không thấp hơn');
    expect(h.say(LIAISON, 'ngày 30 tháng 11')).toContain('✔ Đã ghi ngày: 30/11/2020');
    h.say(LIAISON, 'Theo Chỉ số PAR Index');
    expect(h.press(LIAISON, 'Lưu')).toContain('✔ Đã lưu chỉ tiêu.');

    // 2: buttons, an ambiguous number, a unit of measure of our own.
    h.press(LIAISON, 'Thêm chỉ tiêu');
    h.press(LIAISON, 'Công tác thi đua');
    h.say(LIAISON, 'Số cán bộ được tập huấn nghiệp vụ thi đua');
    h.press(LIAISON, 'Định lượng');
    h.say(LIAISON, 'lượt người');
    // A count: the dot separates thousands, no question asked.
    expect(h.say(LIAISON, '1.500')).toContain('✔ Đã ghi: 1.500 lượt người');
    h.press(LIAISON, 'Không thấp hơn');
    h.press(LIAISON, 'Cuối phong trào');
    h.press(LIAISON, 'Bỏ qua');
    h.press(LIAISON, 'Lưu');

    // 3: qualitative: no measure, plan or direction asked.
    h.press(LIAISON, 'Thêm chỉ tiêu');
    h.say(LIAISON, '6');
    // The step counter does not jump (3/9 then 4/6): no total until the kind of target decides it.
    expect(h.say(LIAISON, 'Vận hành hệ thống quản lý văn bản điện tử liên thông')).toContain('Bước 3. Chỉ tiêu định lượng');
    expect(h.press(LIAISON, 'Định tính')).toContain('Bước 4/6');
    h.say(LIAISON, '30/6');
    h.press(LIAISON, 'Bỏ qua');
    h.press(LIAISON, 'Lưu');

    // Edit the second target's plan alone: pick the target, the field, answer, saved.
    h.press(LIAISON, 'Sửa chỉ tiêu');
    h.press(LIAISON, 'tập huấn');
    h.press(LIAISON, 'Kế hoạch (con số)');
    expect(h.say(LIAISON, '2.000')).toContain('✔ Đã lưu thay đổi.');

    // Delete the third.
    h.press(LIAISON, 'Xóa chỉ tiêu');
    h.press(LIAISON, 'văn bản điện tử');
    expect(h.press(LIAISON, 'Có, xóa')).toContain('Đã xóa chỉ tiêu.');

    // Add it again, then titles.
    h.press(LIAISON, 'Thêm chỉ tiêu');
    h.say(LIAISON, '8');
    h.say(LIAISON, 'Bảo đảm an toàn thông tin cho cổng thông tin của Sở');
    h.press(LIAISON, 'Định tính');
    h.press(LIAISON, 'Cuối phong trào');
    h.say(LIAISON, 'Không để xảy ra sự cố');
    const menu = h.press(LIAISON, 'Lưu');
    expect(menu).toContain('1. (Nội dung 6) Tỷ lệ thủ tục hành chính giải quyết đúng hạn — KH: ≥ 98,5%; hạn 30/11/2020; Theo Chỉ số PAR Index');
    // Numbered as printed: by content area (8 before 9), whatever the order they were entered in.
    expect(menu).toContain('2. (Nội dung 8) Bảo đảm an toàn thông tin cho cổng thông tin của Sở — KH: Hoàn thành; hạn 31/12/2020; Không để xảy ra sự cố');
    expect(menu).toContain('3. (Nội dung 9) Số cán bộ được tập huấn nghiệp vụ thi đua — KH: ≥ 2.000 lượt người; hạn 31/12/2020');

    h.press(LIAISON, 'Danh hiệu');
    h.press(LIAISON, 'Tập thể lao động xuất sắc');
    expect(h.lastQuestion(LIAISON)?.choices?.some((c) => c.label === '☑ Tập thể lao động xuất sắc')).toBe(true);
    h.press(LIAISON, 'Cờ thi đua của UBND');
    h.press(LIAISON, 'Xong');

    h.press(LIAISON, 'Gửi bản đăng ký');
    const sent = h.press(LIAISON, 'Gửi');
    expect(sent).toContain('✔ Đã gửi bản đăng ký (lần 1). Trạng thái: Chờ duyệt.');
    expect(sent).not.toContain('muộn');

    expect(liveTargets(h)).toEqual([
      { text: 'Tỷ lệ thủ tục hành chính giải quyết đúng hạn', kind: 'quantitative', measure: '%', planned_value: 98.5, direction: 'at_least', due_on: '2020-11-30', note: 'Theo Chỉ số PAR Index', area: 6 },
      { text: 'Số cán bộ được tập huấn nghiệp vụ thi đua', kind: 'quantitative', measure: 'lượt người', planned_value: 2000, direction: 'at_least', due_on: '2020-12-31', note: null, area: 9 },
      { text: 'Bảo đảm an toàn thông tin cho cổng thông tin của Sở', kind: 'qualitative', measure: null, planned_value: null, direction: null, due_on: '2020-12-31', note: 'Không để xảy ra sự cố', area: 8 },
    ]);
    expect(h.rows("SELECT status, version, late FROM registrations r JOIN units u ON u.id = r.unit_id WHERE u.code = 'SNV'")).toEqual([{ status: 'submitted', version: 1, late: 0 }]);
    expect(h.rows('SELECT title FROM registration_titles ORDER BY title')).toEqual([{ title: 'co-thi-dua-ubnd-tinh' }, { title: 'tap-the-lao-dong-xuat-sac' }]);
    const [version] = h.rows<{ snapshot: string }>('SELECT snapshot FROM registration_versions');
    expect(JSON.parse(version!.snapshot).targets).toHaveLength(3);

    // The admin gets one message in the outbox, on the channel they use.
    const notices = h.rows<{ payload: string; status: string; channel: string }>('SELECT payload, status, channel FROM outbox');
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatchObject({ status: 'pending', channel: 'telegram' });
    expect(JSON.parse(notices[0]!.payload).text).toBe('📥 Sở Nội vụ vừa gửi bản đăng ký thi đua (lần 1, 3 chỉ tiêu). Trạng thái: Chờ duyệt.');

    // Once sent, it cannot be edited from chat.
    expect(h.say(LIAISON, '/dangky')).toContain('nên chưa sửa được');
    // Only the next steps the sent message offered (typed "1" picks one) are kept.
    expect(h.rows("SELECT count(*) AS n FROM conversations WHERE step <> 'offered'")).toEqual([{ n: 0 }]);
  });

  it('shows the reason of a returned registration, and sends the corrected one as version 2', () => {
    const h = chatHarness();
    h.link(LIAISON, 'HGT');
    h.say(LIAISON, '/dangky');
    h.say(LIAISON, '2');
    h.say(LIAISON, 'Huyện đạt chuẩn nông thôn mới nâng cao');
    h.press(LIAISON, 'Định tính');
    h.press(LIAISON, 'Cuối phong trào');
    h.press(LIAISON, 'Bỏ qua');
    h.press(LIAISON, 'Lưu');
    h.press(LIAISON, 'Gửi bản đăng ký');
    h.press(LIAISON, 'Gửi');
    h.press(LIAISON, 'Không đăng ký danh hiệu');
    const regId = h.rows<{ id: number }>("SELECT r.id FROM registrations r JOIN units u ON u.id = r.unit_id WHERE u.code = 'HGT'")[0]!.id;

    returnRegistration(h.db, regId, 'Cần bổ sung chỉ tiêu về OCOP', { label: 'test-admin' }, h.clock.now());
    const reopened = h.say(LIAISON, '/dangky');
    expect(reopened).toContain('Trạng thái: Trả lại');
    expect(reopened).toContain('⚠ Ban đã trả lại bản đăng ký. Lý do: Cần bổ sung chỉ tiêu về OCOP');

    h.press(LIAISON, 'Thêm chỉ tiêu');
    addQuantitative(h, LIAISON, '2', 'Sản phẩm OCOP được công nhận', '30', 'sản phẩm');
    h.press(LIAISON, 'Không thấp hơn');
    h.press(LIAISON, 'Cuối phong trào');
    h.press(LIAISON, 'Bỏ qua');
    h.press(LIAISON, 'Lưu');
    h.press(LIAISON, 'Gửi bản đăng ký');
    // Sent once without titles: not asked again.
    expect(h.press(LIAISON, 'Gửi')).toContain('(lần 2)');

    expect(h.rows('SELECT status, version, review_comment FROM registrations WHERE id = ?', regId)).toEqual([{ status: 'submitted', version: 2, review_comment: null }]);
    const versions = h.rows<{ version: number; outcome: string | null; review_comment: string | null; snapshot: string }>(
      'SELECT version, outcome, review_comment, snapshot FROM registration_versions WHERE registration_id = ? ORDER BY version',
      regId,
    );
    expect(versions.map((v) => [v.version, v.outcome, v.review_comment, JSON.parse(v.snapshot).targets.length])).toEqual([
      [1, 'returned', 'Cần bổ sung chỉ tiêu về OCOP', 1],
      [2, null, null, 2],
    ]);
  });

  it('accepts a registration after the deadline and marks it late', () => {
    const h = chatHarness();
    h.clock.set(Date.UTC(2020, 3, 2, 3, 0)); // 02/04/2020
    h.link(LIAISON, 'STP');
    h.say(LIAISON, '/dangky');
    h.say(LIAISON, '6');
    h.say(LIAISON, 'Rà soát văn bản quy phạm pháp luật đúng hạn');
    h.press(LIAISON, 'Định tính');
    h.press(LIAISON, 'Cuối phong trào');
    h.press(LIAISON, 'Bỏ qua');
    h.press(LIAISON, 'Lưu');
    h.press(LIAISON, 'Gửi bản đăng ký');
    h.press(LIAISON, 'Gửi');
    expect(h.press(LIAISON, 'Không đăng ký danh hiệu')).toContain('Bản đăng ký được ghi nhận là nộp muộn (hạn 31/03/2020)');
    expect(h.rows("SELECT late FROM registrations r JOIN units u ON u.id = r.unit_id WHERE u.code = 'STP'")).toEqual([{ late: 1 }]);
  });

  it('keeps a registration to people of the unit: viewers and unlinked people cannot register', () => {
    const h = chatHarness();
    expect(h.say('5005', '/dangky')).toContain('Mời gửi mã mời');
    h.link('6006', 'SNV', 'viewer');
    expect(h.say('6006', '/dangky')).toContain('Chỉ cán bộ đầu mối của đơn vị mới đăng ký');
    expect(h.rows('SELECT count(*) AS n FROM registrations r JOIN units u ON u.id = r.unit_id WHERE u.code = ?', 'SNV')).toEqual([{ n: 0 }]);
  });
});
