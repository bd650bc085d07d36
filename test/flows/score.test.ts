/**
 * /chamdiem through the chat core, for Cụm thi đua số 1 of the sample (TPND its head; HML, HVB, HYY,
 * HNT): HML scores itself in chat (the year's results filled in, "7,5" typed, a photo and a link
 * as evidence) and sends it; the head sees the five side by side, ranked with a tie, adjusts one
 * line with a reason (HML told), asks HVB to cross-score HML; the Board reads, changing nothing.
 * A liaison of another cluster, its head, and a liaison of a member unit are refused what is not theirs.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { saveSelfScores, sendSheet } from '../../src/domain/year-end/sheets.ts';
import { scoringTableOfGroup } from '../../src/domain/year-end/store.ts';
import { chatHarness, type ChatHarness } from '../helpers/chat.ts';
import { useTempDatabases } from '../helpers/db.ts';
import { fullMarks, hmlWithYearResults } from '../helpers/year-end-fixtures.ts';

useTempDatabases();

const ADMIN = '9100';
const HEAD = '9201'; // Cụm 1's head, of TPND
const HEAD2 = '9202'; // Cụm 2's head, of HHH
const HML = '9301';
const HVB = '9302';
const HYY = '9303';
const HHH = '9304'; // a liaison of Cụm 2
const VIEWER = '9400';

let h: ChatHarness;
const unitId = (code: string) => h.rows<{ id: number }>('SELECT id FROM units WHERE code = ?', code)[0]!.id;
const groupId = (code: string) => h.rows<{ id: number }>('SELECT id FROM groups WHERE code = ?', code)[0]!.id;
const personId = (name: string) => h.rows<{ id: number }>('SELECT id FROM people WHERE full_name = ?', name)[0]!.id;

/** A member's sheet kept and sent straight through the domain: every score criterion at its maximum, then `changes`. */
function sentSheet(code: string, changes: Record<string, number>) {
  const table = scoringTableOfGroup(h.db, groupId('CUM1'))!;
  const unit = { unitId: unitId(code), groupId: groupId('CUM1') };
  saveSelfScores(h.db, table, unit, fullMarks(table, changes), h.clock.now());
  sendSheet(h.db, table, unit, undefined, { personId: personId('Cán bộ TPND'), now: h.clock.now() });
}

const buttons = (who: string) => h.lastQuestion(who)?.choices?.map((c) => c.label) ?? [];
const notices = (name: string) =>
  h.rows<{ payload: string }>('SELECT o.payload FROM outbox o JOIN people p ON p.id = o.person_id WHERE p.full_name = ? ORDER BY o.id', name).map((r) => (JSON.parse(r.payload) as { text: string }).text);

beforeEach(() => {
  h = chatHarness();
  h.link(ADMIN, null, 'admin', 'Trần Văn Ban');
  h.link(HEAD, 'TPND', 'cluster_head', 'Cụm trưởng Một');
  h.link(HEAD2, 'HHH', 'cluster_head', 'Cụm trưởng Hai');
  h.link('9300', 'TPND', 'liaison', 'Cán bộ TPND');
  h.link(HML, 'HML', 'liaison', 'Cán bộ Mỹ Lộc');
  h.link(HVB, 'HVB', 'liaison', 'Cán bộ Vụ Bản');
  h.link(HYY, 'HYY', 'liaison', 'Cán bộ Ý Yên');
  h.link(HHH, 'HHH', 'liaison', 'Cán bộ Hải Hậu');
  h.link(VIEWER, null, 'viewer', 'Lãnh đạo');
  hmlWithYearResults(h.db, 0);
});

/** HML scores every criterion still empty in chat, as a liaison would. */
function hmlScoresInChat() {
  const sheet = h.say(HML, '/chamdiem');
  expect(sheet).toContain('Bảng tự chấm điểm thi đua — UBND huyện Mỹ Lộc (Cụm thi đua số 1, bảng điểm BD-CUM)');
  expect(sheet).toContain('• I.1 Tỷ lệ chỉ tiêu đăng ký thi đua đạt và vượt kế hoạch: 30/40 (từ kết quả năm)');
  expect(sheet).toContain('• I.2 Tỷ lệ chỉ tiêu vượt kế hoạch: 5/10 (từ kết quả năm)');
  expect(sheet).toContain('• I.3 Thu ngân sách, xây dựng nông thôn mới nâng cao, kiểu mẫu: —/10');
  expect(sheet).toContain('Tổng điểm: 35 — còn tiêu chí chưa chấm');

  h.press(HML, 'I.3');
  expect(h.say(HML, 'bảy rưỡi')).toContain('Xin gõ số điểm, ví dụ 7,5');
  expect(h.say(HML, '12')).toContain('Điểm tiêu chí I.3 phải từ 0 đến 10.');
  expect(h.rows('SELECT * FROM score_lines WHERE criterion_code = ?', 'I.3')).toEqual([]);
  expect(h.say(HML, '7,5')).toContain('✔ Đã ghi I.3: 7,5 điểm.');
  expect(h.send(HML, { file: { kind: 'photo', ref: 'AgAC-bien-ban-thu-ngan-sach' } }).map((m) => m.text).join('\n')).toContain('✔ Đã nhận minh chứng.');
  for (const [code, points] of [['II.1', '5'], ['II.2', '10'], ['II.3', '5'], ['III.1', '10'], ['III.2', '5'], ['III.3', '5']] as const) {
    h.press(HML, `${code}:`);
    h.say(HML, points);
    if (code === 'III.1') expect(h.say(HML, 'https://dichvucong.namdinh.gov.vn/par-index-2020')).toContain('✔ Đã nhận minh chứng.');
    else h.press(HML, 'Không có minh chứng');
  }
}

describe('the liaison’s self-assessment', () => {
  it('scores criterion by criterion with evidence, the year’s results filled in, and sends to the head, who is told', () => {
    hmlScoresInChat();
    expect(h.lastText(HML)).toContain('Tổng điểm: 82,5\nChưa gửi Cụm trưởng.');
    expect(h.press(HML, 'Gửi Cụm trưởng')).toContain('Gửi bảng tự chấm (82,5 điểm) cho Cụm trưởng?');
    expect(h.press(HML, 'Gửi Cụm trưởng')).toContain('✔ Đã gửi bảng tự chấm cho Cụm trưởng.');

    const lines = h.rows<{ criterion_code: string; self: number; prefilled: number; evidence_kind: string | null; evidence_ref: string | null }>(
      'SELECT l.criterion_code, l.self, l.prefilled, l.evidence_kind, l.evidence_ref FROM score_lines l JOIN score_sheets s ON s.id = l.sheet_id WHERE s.unit_id = ? ORDER BY l.criterion_code',
      unitId('HML'),
    );
    expect(lines.find((l) => l.criterion_code === 'I.1')).toMatchObject({ self: 30, prefilled: 1 });
    expect(lines.find((l) => l.criterion_code === 'I.3')).toMatchObject({ self: 7.5, prefilled: 0, evidence_kind: 'photo', evidence_ref: 'AgAC-bien-ban-thu-ngan-sach' });
    expect(lines.find((l) => l.criterion_code === 'III.1')).toMatchObject({ self: 10, evidence_kind: 'link', evidence_ref: 'https://dichvucong.namdinh.gov.vn/par-index-2020' });
    expect(h.rows('SELECT sent_at FROM score_sheets WHERE unit_id = ?', unitId('HML'))).toEqual([{ sent_at: h.clock.now() }]);
    expect(notices('Cụm trưởng Một')).toEqual(['HML — UBND huyện Mỹ Lộc đã gửi bảng tự chấm điểm thi đua (Cụm thi đua số 1): 82,5 điểm.']);
    expect(notices('Cụm trưởng Hai')).toEqual([]);

    // Sent: shown, no longer changed.
    const again = h.say(HML, '/chamdiem');
    expect(again).toContain('Đã gửi Cụm trưởng ngày 15/02/2020.');
    expect(buttons(HML)).toEqual(['Xong']);
    expect(h.say(HML, 'I.3')).toContain('Bảng tự chấm đã gửi Cụm trưởng, không sửa được nữa');
    expect(h.rows('SELECT l.self FROM score_lines l JOIN score_sheets s ON s.id = l.sheet_id WHERE s.unit_id = ? AND l.criterion_code = ?', unitId('HML'), 'I.3')).toEqual([{ self: 7.5 }]);
  });

  it('hands the whole sheet over to the Excel form from /chamdiem, for the liaison of a sheet not yet sent', () => {
    h.say(HML, '/chamdiem');
    expect(buttons(HML)).toContain('📥 Chấm bằng tệp Excel');
    expect(h.press(HML, '📥 Chấm bằng tệp Excel')).toContain('Biểu mẫu tự chấm điểm đang được chuẩn bị và sẽ được gửi vào đây ngay.');
    expect(h.rows<{ flow: string }>('SELECT c.flow FROM conversations c JOIN identities i ON i.id = c.identity_id WHERE i.external_id = ?', HML)).toEqual([{ flow: 'score-form' }]);

    h.say(HEAD, '/chamdiem');
    expect(buttons(HEAD)).not.toContain('📥 Chấm bằng tệp Excel');
  });

  it('refuses to send a sheet with a criterion not scored, and changes nothing', () => {
    h.say(HML, '/chamdiem');
    h.press(HML, 'Gửi Cụm trưởng');
    expect(h.press(HML, 'Gửi Cụm trưởng')).toContain('Còn tiêu chí chưa chấm điểm');
    expect(h.rows('SELECT sent_at FROM score_sheets WHERE unit_id = ?', unitId('HML'))).toEqual([]);
    expect(notices('Cụm trưởng Một')).toEqual([]);
  });

  it('speaks English as /score, with Vietnamese numbers still read', () => {
    h.say(HYY, '/lang');
    h.press(HYY, 'English');
    const sheet = h.say(HYY, '/score');
    expect(sheet).toContain('Self-assessment — UBND huyện Ý Yên (Cụm thi đua số 1, table BD-CUM)');
    expect(sheet).toContain('• D.1 Báo cáo chậm, không tham gia hoạt động của Cụm: minus —/5');
    h.press(HYY, 'II.2');
    expect(h.say(HYY, '8,5')).toContain('✔ Recorded II.2: 8,5 points.');
    expect(h.rows('SELECT l.self FROM score_lines l JOIN score_sheets s ON s.id = l.sheet_id WHERE s.unit_id = ?', unitId('HYY'))).toEqual([{ self: 8.5 }]);
  });
});

describe('the cluster head’s review', () => {
  beforeEach(() => {
    hmlScoresInChat();
    h.press(HML, 'Gửi Cụm trưởng');
    h.press(HML, 'Gửi Cụm trưởng');
    sentSheet('TPND', { 'I.1': 35 }); // 95
    sentSheet('HVB', { 'I.1': 30 }); // 90
    sentSheet('HYY', { 'I.1': 32, 'II.2': 8 }); // 90: tied with HVB
  });

  it('shows the members side by side, ranked with the tie flagged and the legal preference noted, not applied', () => {
    const board = h.say(HEAD, '/chamdiem');
    expect(board).toContain('Bảng điểm thi đua — Cụm thi đua số 1 (bảng điểm BD-CUM)');
    expect(board).toContain(
      [
        'Xếp hạng (4/5 đơn vị đã gửi bảng tự chấm):',
        '1. TPND — UBND thành phố Nam Định: 95 điểm',
        '2. ⚖ HVB — UBND huyện Vụ Bản: 90 điểm',
        '2. ⚖ HYY — UBND huyện Ý Yên: 90 điểm',
        '4. HML — UBND huyện Mỹ Lộc: 82,5 điểm',
      ].join('\n'),
    );
    expect(board).toContain('Theo Nghị định 152/2025/NĐ-CP, Điều 4 khoản 6');
    expect(board).toContain('Chưa gửi (1 đơn vị), điểm đang chấm:\n• HNT — UBND huyện Nam Trực: 0 điểm');
    expect(buttons(HEAD)).toContain('🔁 Phân công chấm chéo');
  });

  it('adjusts a line of a sent sheet with a reason: kept beside the unit’s own, the unit told and shown it', () => {
    h.say(HEAD, '/chamdiem');
    const detail = h.press(HEAD, 'HML');
    expect(detail).toContain('• I.3 Thu ngân sách, xây dựng nông thôn mới nâng cao, kiểu mẫu: 7,5/10 📎 ảnh');
    h.press(HEAD, 'Điều chỉnh điểm');
    h.press(HEAD, 'I.3');
    expect(h.say(HEAD, '11')).toContain('Điểm tiêu chí I.3 phải từ 0 đến 10.');
    h.say(HEAD, '6');
    expect(h.say(HEAD, 'ít')).toContain('lý do');
    expect(h.say(HEAD, 'Biên bản thu ngân sách chưa có xác nhận của Kho bạc')).toContain('✔ Đã điều chỉnh I.3 thành 6 điểm');

    expect(h.rows('SELECT l.self, l.adjusted_to, l.adjust_reason, l.adjusted_by FROM score_lines l JOIN score_sheets s ON s.id = l.sheet_id WHERE s.unit_id = ? AND l.criterion_code = ?', unitId('HML'), 'I.3')).toEqual([
      { self: 7.5, adjusted_to: 6, adjust_reason: 'Biên bản thu ngân sách chưa có xác nhận của Kho bạc', adjusted_by: personId('Cụm trưởng Một') },
    ]);
    expect(notices('Cán bộ Mỹ Lộc')).toEqual([
      'Cụm trưởng (Cụm thi đua số 1) đã điều chỉnh điểm tiêu chí I.3 Thu ngân sách, xây dựng nông thôn mới nâng cao, kiểu mẫu của đơn vị: từ 7,5 thành 6 điểm. Lý do: Biên bản thu ngân sách chưa có xác nhận của Kho bạc. Tổng điểm hiện nay: 81.',
    ]);
    const own = h.say(HML, '/chamdiem');
    expect(own).toContain('↳ Cụm trưởng điều chỉnh: 6 — lý do: Biên bản thu ngân sách chưa có xác nhận của Kho bạc');
    expect(own).toContain('Tổng điểm: 81 (tự chấm 82,5, sau điều chỉnh của Cụm trưởng 81)');
    expect(h.say(HEAD, '/chamdiem')).toContain('4. HML — UBND huyện Mỹ Lộc: 81 điểm (tự chấm 82,5)');
  });

  it('assigns chấm chéo: the scorer’s liaison is told, scores in chat, and the head sees the cross score beside the self-score', () => {
    h.say(HEAD, '/chamdiem');
    h.press(HEAD, 'Phân công chấm chéo');
    h.press(HEAD, 'HVB');
    expect(buttons(HEAD)).not.toContain('HVB — UBND huyện Vụ Bản');
    expect(h.press(HEAD, 'HML')).toContain('✔ Đã phân công HVB — UBND huyện Vụ Bản chấm chéo cho HML — UBND huyện Mỹ Lộc');
    expect(h.rows('SELECT scorer_unit_id AS scorer, scored_unit_id AS scored FROM cross_scorings')).toEqual([{ scorer: unitId('HVB'), scored: unitId('HML') }]);
    expect(notices('Cán bộ Vụ Bản')).toEqual(['Cụm trưởng (Cụm thi đua số 1) phân công đơn vị anh/chị chấm chéo cho HML — UBND huyện Mỹ Lộc. Gõ /chamdiem để chấm.']);

    h.say(HVB, '/chamdiem');
    expect(buttons(HVB)).toEqual(['📝 Bảng tự chấm của đơn vị', '🔁 Chấm chéo: HML — UBND huyện Mỹ Lộc', 'Xong']);
    expect(h.press(HVB, 'Chấm chéo')).toContain('Chấm chéo cho HML — UBND huyện Mỹ Lộc (Cụm thi đua số 1)');
    const given: Record<string, string> = { 'I.1': '28', 'I.2': '5', 'I.3': '6', 'II.1': '5', 'II.2': '8', 'II.3': '5', 'III.1': '9', 'III.2': '5', 'III.3': '5' };
    for (const [code, points] of Object.entries(given)) {
      h.press(HVB, `${code}:`);
      h.say(HVB, points);
    }
    expect(h.lastText(HVB)).toContain('Tổng điểm chấm chéo: 76');
    h.press(HVB, 'Gửi Cụm trưởng');
    expect(h.press(HVB, 'Gửi Cụm trưởng')).toContain('✔ Đã gửi kết quả chấm chéo cho Cụm trưởng.');
    expect(h.rows<{ n: number }>('SELECT count(*) AS n FROM cross_score_lines')[0]!.n).toBe(9);
    expect(notices('Cụm trưởng Một').at(-1)).toBe('HVB — UBND huyện Vụ Bản đã chấm chéo cho HML — UBND huyện Mỹ Lộc (Cụm thi đua số 1): 76 điểm.');

    expect(h.say(HEAD, '/chamdiem')).toContain('4. HML — UBND huyện Mỹ Lộc: 82,5 điểm · chấm chéo: HVB 76');
    expect(h.press(HEAD, 'HML')).toContain('• I.3 Thu ngân sách, xây dựng nông thôn mới nâng cao, kiểu mẫu: 7,5/10 📎 ảnh\n↳ Chấm chéo (HVB): 6');
    // The scored unit's own sheet is untouched by the cross score.
    expect(h.rows('SELECT l.self FROM score_lines l JOIN score_sheets s ON s.id = l.sheet_id WHERE s.unit_id = ? AND l.criterion_code = ?', unitId('HML'), 'I.3')).toEqual([{ self: 7.5 }]);
  });

  it('the Board reads any cluster, changing nothing', () => {
    h.say(ADMIN, '/chamdiem');
    expect(buttons(ADMIN)).toEqual(['CUM1 — Cụm thi đua số 1', 'CUM2 — Cụm thi đua số 2', 'KHOI-DT — Khối Đoàn thể', 'KHOI-KT — Khối Kinh tế tổng hợp', 'KHOI-NC — Khối Nội chính', 'KHOI-VX — Khối Văn hóa - Xã hội']);
    const board = h.press(ADMIN, 'CUM1');
    expect(board).toContain('Bảng điểm thi đua — Cụm thi đua số 1 (bảng điểm BD-CUM) · chỉ xem');
    expect(board).toContain('1. TPND — UBND thành phố Nam Định: 95 điểm');
    expect(buttons(ADMIN)).not.toContain('🔁 Phân công chấm chéo');
    h.press(ADMIN, 'HML');
    expect(buttons(ADMIN)).toEqual(['⬅ Quay lại']);
    expect(h.say(ADMIN, '/chamdiem cum1')).toContain('Bảng điểm thi đua — Cụm thi đua số 1');
  });

  it('refuses a liaison of another cluster, its head, a member unit’s liaison and a viewer what is not theirs', () => {
    // Cụm 2's liaison sees its own unit's sheet, nothing of Cụm 1.
    const other = h.say(HHH, '/chamdiem');
    expect(other).toContain('Bảng tự chấm điểm thi đua — UBND huyện Hải Hậu (Cụm thi đua số 2');
    expect(other).not.toMatch(/Mỹ Lộc|Vụ Bản|Ý Yên|Nam Định/);
    expect(h.say(HHH, '/chamdiem CUM1')).toContain('Đơn vị này không thuộc cụm/khối của bạn.');
    // Cụm 2's head reviews Cụm 2 only.
    expect(h.say(HEAD2, '/chamdiem CUM1')).toContain('Đơn vị này không thuộc cụm/khối của bạn.');
    const board2 = h.say(HEAD2, '/chamdiem');
    expect(board2).toContain('Cụm thi đua số 2');
    expect(board2).not.toMatch(/Mỹ Lộc|Vụ Bản|Ý Yên/);
    // A member unit's liaison sees its own sheet only: no other member's points, no ranking, no review.
    expect(h.say(HYY, '/chamdiem HML')).toContain('Đơn vị này không thuộc cụm/khối của bạn.');
    const own = h.say(HYY, '/chamdiem');
    expect(own).toContain('UBND huyện Ý Yên');
    expect(own).not.toMatch(/Mỹ Lộc|Xếp hạng|82,5/);
    expect(buttons(HYY)).toEqual(['Xong']);
    // A button of the head's review pressed by a liaison is a stale button: nothing happens.
    expect(h.send(HYY, { choice: '1:u:' + unitId('HML') }).map((m) => m.text).join('\n')).toContain('Nút này thuộc câu hỏi cũ');
    expect(h.say(VIEWER, '/chamdiem')).toContain('Chỉ cán bộ đầu mối, Cụm trưởng/Khối trưởng và Ban Thi đua - Khen thưởng dùng được lệnh chấm điểm.');
    expect(h.rows('SELECT * FROM cross_scorings')).toEqual([]);
    expect(h.rows('SELECT * FROM score_lines WHERE adjusted_to IS NOT NULL')).toEqual([]);
  });
});
