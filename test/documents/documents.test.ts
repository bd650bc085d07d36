/**
 * The Board's documents made from the sample 2020 movement after a scripted half year, read back
 * with an independent reader (the zip and word/document.xml by hand): the Decree 30 header, the
 * title, the tables, the figures against the database; a unit with 60 long targets, a unit with
 * none; Vietnamese text intact.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/db/connection.ts';
import { contentAreas, units } from '../../src/db/schema.ts';
import { writeDocument } from '../../src/documents/index.ts';
import type { Actor } from '../../src/domain/audit.ts';
import { DomainError } from '../../src/domain/errors.ts';
import { listPeriods, resolveMovement } from '../../src/domain/movements.ts';
import { recordProgressReport } from '../../src/domain/progress.ts';
import {
  addTarget,
  approveRegistration,
  ensureRegistration,
  returnRegistration,
  setTitles,
  submitRegistration,
} from '../../src/domain/registrations.ts';
import { updateBoardSettings } from '../../src/domain/board-settings.ts';
import { setUnitSigner } from '../../src/domain/unit-signer.ts';
import { loadSampleMovement } from '../../src/sample/load.ts';
import { readDocx, tableStartingWith, type DocxContent } from '../helpers/docx.ts';
import { openTempDatabase, removeTempDatabases } from '../helpers/db.ts';

const at = (day: string) => Date.parse(`${day}T03:00:00Z`); // 10:00 in Hà Nội
const liaison: Actor = { label: 'telegram:1' };
const board: Actor = { label: 'cli' };
/** When the documents are made: 15/07/2020, after the 6-month reports were due (10/07). */
const NOW = at('2020-07-15');

const RATE = 'Tỷ lệ hồ sơ thủ tục hành chính được giải quyết đúng hạn, trước hạn';
const ACCIDENTS = 'Số vụ tai nạn giao thông nghiêm trọng liên quan đến xe công vụ';
const CONFERENCE = 'Tổ chức Hội nghị điển hình tiên tiến ngành Nội vụ giai đoạn 2015 - 2020';
const FDI = 'Thu hút vốn đầu tư trực tiếp';
/** A long text, all of Vietnamese's marks, to be printed whole and wrapped. */
const longText = (i: number) =>
  `Chỉ tiêu số ${i + 1}: Nâng cao chất lượng, hiệu quả công tác cải cách hành chính, hiện đại hóa nền hành chính; ứng dụng công nghệ thông tin trong quản lý, điều hành; bảo đảm 100% văn bản được ký số, gửi nhận trên môi trường điện tử (trừ văn bản mật) — ưu tiên xử lý hồ sơ của người dân ở các xã đặc biệt khó khăn, vùng bãi ngang ven biển huyện Hải Hậu, Giao Thủy, Nghĩa Hưng.`;

let dir: string;
let db: Db;
const docs: Partial<Record<'snv' | 'stp' | 'stc' | 'summary' | 'period', DocxContent>> = {};

function scriptedHalfYear(database: Db) {
  loadSampleMovement(database, board, at('2020-01-02'));
  const movement = resolveMovement(database, 'ND-2020');
  const unit = (code: string) => database.select().from(units).where(eq(units.code, code)).get()!.id;
  const area = (n: number) => database.select().from(contentAreas).where(eq(contentAreas.number, n)).all().find((a) => a.movementId === movement.id)!.id;
  const period = (code: string) => listPeriods(database, movement.id).find((p) => p.code === code)!.id;

  // Sở Nội vụ: a rate, a ceiling and a qualitative target, two titles; on time, approved, three reports.
  const snv = ensureRegistration(database, movement.id, unit('SNV'), at('2020-03-01')).id;
  const rate = addTarget(database, snv, { contentAreaId: area(6), text: RATE, kind: 'quantitative', measure: '%', plannedValue: 98.5, direction: 'at_least', dueOn: '2020-12-31', note: 'Theo Kế hoạch số 12/KH-SNV' }, liaison, at('2020-03-01')).id;
  const accidents = addTarget(database, snv, { contentAreaId: area(5), text: ACCIDENTS, kind: 'quantitative', measure: 'vụ', plannedValue: 3, direction: 'at_most', dueOn: '2020-06-30' }, liaison, at('2020-03-01')).id;
  const conference = addTarget(database, snv, { contentAreaId: area(9), text: CONFERENCE, kind: 'qualitative', dueOn: '2020-06-30' }, liaison, at('2020-03-01')).id;
  setTitles(database, snv, ['tap-the-lao-dong-xuat-sac', 'co-thi-dua-ubnd-tinh'], liaison, at('2020-03-01'));
  setUnitSigner(database, unit('SNV'), { title: 'kt. giám đốc | phó giám đốc', name: 'Trần  Văn Bình' }, liaison, at('2020-03-01'));
  submitRegistration(database, snv, liaison, at('2020-03-10'));
  approveRegistration(database, snv, board, at('2020-03-12'));
  recordProgressReport(database, { registrationId: snv, periodId: period('Q2020-1'), lines: [{ targetId: rate, value: 97 }, { targetId: accidents, value: 1 }, { targetId: conference, assessment: 'in_progress' }] }, liaison, at('2020-04-05'));
  recordProgressReport(database, { registrationId: snv, periodId: period('Q2020-2'), lines: [{ targetId: rate, value: 98.7 }, { targetId: accidents, value: 1 }, { targetId: conference, assessment: 'met' }] }, liaison, at('2020-07-03'));
  recordProgressReport(database, { registrationId: snv, periodId: period('H2020-1'), lines: [{ targetId: rate, value: 98.7 }, { targetId: accidents, value: 2, cumulative: true }, { targetId: conference, assessment: 'met' }] }, liaison, at('2020-07-05'));

  // Sở Tư pháp: 60 long targets over the nine areas, sent after the deadline, nothing reported.
  const stp = ensureRegistration(database, movement.id, unit('STP'), at('2020-03-20')).id;
  for (let i = 0; i < 60; i++) {
    const quantitative = i % 2 === 0;
    addTarget(
      database,
      stp,
      quantitative
        ? { contentAreaId: area((i % 9) + 1), text: longText(i), kind: 'quantitative', measure: 'hồ sơ', plannedValue: 1000 + i, direction: 'at_least', dueOn: '2020-12-31' }
        : { contentAreaId: area((i % 9) + 1), text: longText(i), kind: 'qualitative', dueOn: '2020-12-31', note: 'Dòng một\nDòng hai' },
      liaison,
      at('2020-03-20'),
    );
  }
  submitRegistration(database, stp, liaison, at('2020-04-02'));

  // Sở Tài chính: a registration opened and nothing in it. Sở Kế hoạch và Đầu tư: sent, returned.
  ensureRegistration(database, movement.id, unit('STC'), at('2020-03-20'));
  const skhdt = ensureRegistration(database, movement.id, unit('SKHDT'), at('2020-03-20')).id;
  const fdi = addTarget(database, skhdt, { contentAreaId: area(1), text: FDI, kind: 'quantitative', measure: 'tỷ đồng', plannedValue: 1500, direction: 'at_least', dueOn: '2020-12-31' }, liaison, at('2020-03-20')).id;
  submitRegistration(database, skhdt, liaison, at('2020-03-25'));
  returnRegistration(database, skhdt, 'Bổ sung chỉ tiêu cải cách hành chính', board, at('2020-03-27'));
  // Its 6-month report comes two days after the due date (10/07).
  recordProgressReport(database, { registrationId: skhdt, periodId: period('H2020-1'), lines: [{ targetId: fdi, value: 700.5 }] }, liaison, at('2020-07-12'));
  // The Board's own signer, set with `thidua board`.
  updateBoardSettings(database, movement.id, { signerName: 'Nguyễn Thị Hoa' }, board, at('2020-01-02'));
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'thidua-docs-'));
  db = openTempDatabase().db;
  scriptedHalfYear(db);
  const make = async (kind: 'registration' | 'summary' | 'period', extra: { unit?: string; periodCode?: string } = {}) =>
    readDocx((await writeDocument(db, { kind, ...extra, dir, now: NOW })).path);
  docs.snv = await make('registration', { unit: 'SNV' });
  docs.stp = await make('registration', { unit: 'stp' });
  docs.stc = await make('registration', { unit: 'Sở Tài chính' });
  docs.summary = await make('summary');
  docs.period = await make('period', { periodCode: 'H2020-1' });
});

afterAll(() => {
  removeTempDatabases();
  rmSync(dir, { recursive: true, force: true });
});

/** Text of the whole document, paragraphs joined. */
const text = (doc: DocxContent) => doc.paragraphs.join('\n');

describe('every document is laid out as Decree 30/2020 asks', () => {
  it.each(['snv', 'summary', 'period'] as const)('%s: A4, margins, Times New Roman, the national header, place and date, signature block', (key) => {
    const doc = docs[key]!;
    // A4 portrait first (twips): 210 × 297 mm; margins top/bottom 20 mm, left 30 mm, right 15 mm.
    expect(doc.sections[0]).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    expect(doc.sections[0]).toMatch(/w:top="1134" w:right="850" w:bottom="1134" w:left="1701"/);
    // The first page shows no number; the others do, in the header.
    expect(doc.sections[0]).toContain('<w:titlePg/>');
    expect(doc.xml).toContain('w:ascii="Times New Roman"');
    const header = doc.tables[0]!;
    // The reports bear the day they are made; a sent registration the day it was sent (10/03), whenever it is printed.
    const day = key === 'snv' ? 'ngày 10 tháng 3 năm 2020' : 'ngày 15 tháng 7 năm 2020';
    expect(header[0]![1]).toBe(`CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n\nNam Định, ${day}`);
    // The number is left blank to fill in.
    expect(header[0]![0]).toMatch(/Số:\s+\/(BC-SNV|ĐK-SNV)$/);
    expect(text(doc)).toContain('Nơi nhận:');
  });

  it('the Board\'s reports name the body above and the Board, go to the People\'s Committee, are signed by its head', () => {
    for (const doc of [docs.summary!, docs.period!]) {
      expect(doc.tables[0]![0]![0]).toBe('UBND TỈNH NAM ĐỊNH\nSỞ NỘI VỤ\n\nSố:        /BC-SNV');
      expect(doc.paragraphs).toContain('BÁO CÁO');
      expect(doc.paragraphs).toContain('Kính gửi: Ủy ban nhân dân tỉnh Nam Định');
      const signature = doc.tables.find((t) => t[0]?.[0]?.startsWith('Nơi nhận:'))!;
      expect(signature[0]![0]).toContain('- UBND tỉnh (để báo cáo);');
      expect(signature[0]![1]).toMatch(/^GIÁM ĐỐC\n(\n)+Nguyễn Thị Hoa$/);
      // The annex is a landscape A4 page of its own.
      expect(doc.sections[0]).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
      expect(doc.sections[1]).toMatch(/<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/);
    }
  });
});

describe("a unit's registration", () => {
  it('lists its targets by content area, plans with their unit and due dates in their own column, for its signer to sign', () => {
    const doc = docs.snv!;
    expect(doc.paragraphs).toContain('BẢN ĐĂNG KÝ');
    expect(doc.paragraphs).toContain('Chỉ tiêu và danh hiệu thi đua năm 2020');
    // Sở Nội vụ is the standing body itself: its own registration goes above it, not to itself.
    expect(doc.paragraphs).toContain('Kính gửi: Ủy ban nhân dân tỉnh Nam Định');
    expect(text(doc)).not.toContain('Kính gửi: Sở Nội vụ');
    expect(text(doc)).toContain('Thực hiện Công văn số 77/UBND-VP8 ngày 25/01/2020 của UBND tỉnh Nam Định về việc phát động Phong trào thi đua năm 2020, Sở Nội vụ đăng ký');
    const table = tableStartingWith(doc, 'STT');
    expect(table[0]).toEqual(['STT', 'Nội dung chỉ tiêu', 'Kế hoạch', 'Thời hạn', 'Ghi chú']);
    // Area bands in the areas' order, each target under its own.
    expect(table.slice(1).map((r) => (r.length === 1 ? r[0]!.slice(0, 2) : r))).toEqual([
      '5.',
      ['1', ACCIDENTS, '≤ 3 vụ', '30/06/2020', ''],
      '6.',
      ['2', RATE, '≥ 98,5%', '31/12/2020', 'Theo Kế hoạch số 12/KH-SNV'],
      '9.',
      ['3', CONFERENCE, 'Hoàn thành', '30/06/2020', ''],
    ]);
    expect(doc.paragraphs).toContain('- Tập thể lao động xuất sắc');
    expect(doc.paragraphs).toContain('- Cờ thi đua của UBND tỉnh');
    const signature = doc.tables.at(-1)!;
    // The signer the unit gave (asked once in chat): position on two lines, upper case, and name.
    expect(signature[0]![1]).toMatch(/^KT\. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC\n\(Ký tên, đóng dấu\)\n(\n)+Trần Văn Bình$/);
    expect(signature[0]![0]).toBe('Nơi nhận:\n- Như trên;\n- Hội đồng Thi đua - Khen thưởng tỉnh;\n- Lưu: VT, Ban TĐKT.');
    // Sent and approved: no draft mark.
    expect(text(doc)).not.toContain('Bản dự thảo');
  });

  it('prints 60 long targets whole, Vietnamese intact, a two-line note on two lines', () => {
    const table = tableStartingWith(docs.stp!, 'STT');
    const targets = table.filter((r) => r.length === 5).slice(1);
    expect(targets).toHaveLength(60);
    expect(table.filter((r) => r.length === 1)).toHaveLength(9);
    const texts = targets.map((r) => r[1]);
    for (let i = 0; i < 60; i++) expect(texts).toContain(longText(i));
    expect(targets.find((r) => r[1] === longText(1))!.slice(3)).toEqual(['31/12/2020', 'Dòng một\nDòng hai']);
    expect(targets.find((r) => r[1] === longText(0))![2]).toBe('≥ 1.000 hồ sơ');
    // Another unit's registration goes to the standing body, signed by its head until it names a signer.
    expect(docs.stp!.paragraphs).toContain('Kính gửi: Sở Nội vụ (Ban Thi đua - Khen thưởng)');
    expect(docs.stp!.tables.at(-1)![0]![1]).toMatch(/^THỦ TRƯỞNG ĐƠN VỊ\n\(Ký tên, đóng dấu\)\n(\n)+$/);
    // Sent on 02/04: dated that day.
    expect(docs.stp!.tables[0]![0]![1]).toMatch(/ngày 02 tháng 4 năm 2020$/);
    // The header row repeats on every page, rows are not split.
    expect(docs.stp!.xml).toContain('<w:tblHeader/>');
    expect(docs.stp!.xml).toContain('<w:cantSplit/>');
  });

  it('says so when a unit has no targets, and marks a registration not sent as a draft', () => {
    const doc = docs.stc!;
    expect(doc.paragraphs).toContain('Đơn vị chưa đăng ký chỉ tiêu thi đua nào.');
    expect(doc.paragraphs).toContain('Đơn vị không đăng ký danh hiệu thi đua.');
    expect(doc.tables.some((t) => t[0]?.[0] === 'STT')).toBe(false);
    expect(text(doc)).toContain('(Bản dự thảo: bản đăng ký đang ở trạng thái "Chưa gửi"');
  });

  it('refuses a unit that does not exist', async () => {
    await expect(writeDocument(db, { kind: 'registration', unit: 'KHONGCO', dir, now: NOW })).rejects.toThrow(DomainError);
  });
});

describe("the Board's aggregate report on registration", () => {
  it('counts on time, late and not sent as /tinhhinh does, naming the late units and the flag seekers', () => {
    const doc = docs.summary!;
    expect(doc.paragraphs).toContain('Kết quả đăng ký thi đua năm 2020 của các cơ quan, đơn vị, địa phương');
    const all = text(doc);
    // 34 units; SNV on time (approved), STP late; SKHDT returned and the rest: not sent.
    expect(all).toContain('Tổng số 34 đơn vị tham gia phong trào; 2 đơn vị đã gửi bản đăng ký, trong đó 1 đơn vị gửi đúng hạn và 1 đơn vị nộp muộn (sau ngày 31/03/2020); 32 đơn vị chưa gửi. Ban Thi đua - Khen thưởng đã duyệt 1 bản đăng ký.');
    expect(all).toContain('Các đơn vị nộp muộn (1): Sở Tư pháp.');
    expect(all).toContain('Các đơn vị quá hạn chưa nộp (32): 32 đơn vị (danh sách tại Phụ lục).');
    expect(all).toContain('- Tập thể lao động xuất sắc: 1 đơn vị.');
    expect(all).toContain('Các đơn vị đăng ký Cờ thi đua của UBND tỉnh (1), sẽ được bình xét, suy tôn trong cụm, khối: Sở Nội vụ.');
    const byGroup = tableStartingWith(doc, 'Cụm, khối thi đua');
    expect(byGroup.find((r) => r[0] === 'Khối Nội chính')).toEqual(['Khối Nội chính', '4', '1 (25%)', '1 (25%)', '2 (50%)', '1']);
    expect(byGroup.at(-1)).toEqual(['Tổng cộng', '34', '1 (2,9%)', '1 (2,9%)', '32 (94,1%)', '1']);
    const byKind = tableStartingWith(doc, 'Loại đơn vị');
    expect(byKind.find((r) => r[0] === 'Sở')).toEqual(['Sở', '15', '1 (6,7%)', '1 (6,7%)', '13 (86,7%)', '1']);
    // Targets by area count sent registrations only (the returned one was sent): area 1 has STP's 7 and SKHDT's 1.
    expect(all).toContain('1. Đẩy nhanh tiến độ dự án, công trình trọng điểm; kết cấu hạ tầng; thu ngân sách: 8 chỉ tiêu của 2 đơn vị.');
    expect(all).toContain(`- ${RATE} (≥ 98,5%, Sở Nội vụ);`);
  });

  it('has an annex row for every unit taking part, with status, date sent, lateness, targets and titles', () => {
    const annex = tableStartingWith(docs.summary!, 'STT');
    expect(annex[0]).toEqual(['STT', 'Đơn vị', 'Cụm, khối thi đua', 'Trạng thái', 'Ngày gửi', 'Đúng hạn / muộn', 'Số chỉ tiêu', 'Danh hiệu đăng ký']);
    expect(annex).toHaveLength(35);
    expect(annex.find((r) => r[1] === 'Sở Nội vụ')!.slice(2)).toEqual(['Khối Nội chính', 'Đã duyệt', '10/03/2020', 'Đúng hạn', '3', 'Tập thể lao động xuất sắc; Cờ thi đua của UBND tỉnh']);
    expect(annex.find((r) => r[1] === 'Sở Tư pháp')!.slice(3, 7)).toEqual(['Chờ duyệt', '02/04/2020', 'Nộp muộn', '60']);
    expect(annex.find((r) => r[1] === 'Sở Kế hoạch và Đầu tư')!.slice(3, 6)).toEqual(['Trả lại', '25/03/2020', 'Quá hạn chưa nộp']);
  });
});

describe('the period report (sơ kết 6 tháng)', () => {
  it('counts each target once against plan as of the period end: before its due date a target is in progress', () => {
    const doc = docs.period!;
    expect(doc.paragraphs).toContain('Kết quả thực hiện chỉ tiêu thi đua 6 tháng đầu năm 2020');
    const all = text(doc);
    expect(all).toContain('Có 3 đơn vị đã gửi bản đăng ký thi đua; 2 đơn vị đã báo cáo kết quả (trong đó 1 đơn vị báo cáo sau hạn 10/07/2020); 1 đơn vị chưa báo cáo.');
    expect(all).toContain('Các đơn vị báo cáo sau hạn 10/07/2020 (1): Sở Kế hoạch và Đầu tư.');
    const byArea = tableStartingWith(doc, 'Nội dung thi đua');
    expect(byArea[0]).toEqual(['Nội dung thi đua', 'Số chỉ tiêu', 'Vượt', 'Đạt', 'Đang thực hiện', 'Không đạt', 'Chưa báo cáo']);
    // Area 5: SNV's accidents (2 ≤ 3 by its due date 30/06: đạt) and STP's 7 not reported.
    expect(byArea.find((r) => r[0]!.startsWith('5.'))!.slice(1)).toEqual(['8', '0', '1 (12,5%)', '0', '0', '7 (87,5%)']);
    // Area 6: the rate stands at 98,7 ≥ 98,5 but is due 31/12: in progress, not "vượt" yet.
    expect(byArea.find((r) => r[0]!.startsWith('6.'))!.slice(1, 5)).toEqual(['8', '0', '0', '1 (12,5%)']);
    expect(byArea.at(-1)).toEqual(['Tổng cộng', '64', '0', '2 (3,1%)', '2 (3,1%)', '0', '60 (93,8%)']);
    const annex = tableStartingWith(doc, 'STT');
    expect(annex.find((r) => r[1] === 'Sở Nội vụ')!.slice(3)).toEqual(['05/07/2020', '3', '0', '2 (66,7%)', '1 (33,3%)', '0', '0']);
    expect(annex.find((r) => r[1] === 'Sở Tư pháp')![3]).toBe('Chưa báo cáo');
  });

  it('asks for a period that exists', async () => {
    await expect(writeDocument(db, { kind: 'period', periodCode: 'Q9', dir, now: NOW })).rejects.toMatchObject({ code: 'err-export-period-unknown' });
  });
});

describe('what an office would otherwise retype', () => {
  it('the aggregate annex runs by cluster/block, then by name, one block after another', () => {
    const annex = tableStartingWith(docs.summary!, 'STT').slice(1);
    const groups = annex.map((r) => r[2]!);
    // Each cluster/block's units together, never interleaved.
    const blocks = groups.filter((g, i) => i === 0 || g !== groups[i - 1]);
    expect(new Set(blocks).size).toBe(blocks.length);
    for (let i = 1; i < annex.length; i++) if (groups[i] === groups[i - 1]) expect(annex[i - 1]![1]!.localeCompare(annex[i]![1]!, 'vi')).toBeLessThan(0);
    expect(annex.map((r) => r[0])).toEqual(annex.map((_, i) => String(i + 1)));
  });

  it("the period report's second annex gives every target its plan, result, % of plan and verdict, as the database has them", () => {
    const doc = docs.period!;
    expect(doc.paragraphs).toContain('PHỤ LỤC 2');
    const annex = doc.tables.find((t) => t[0]?.[5] === 'Đánh giá')!;
    expect(annex[0]).toEqual(['STT', 'Nội dung chỉ tiêu', 'Kế hoạch', 'Kết quả', '% kế hoạch', 'Đánh giá']);
    const rows = annex.slice(1);
    const bandAt = (name: string) => rows.findIndex((r) => r.length === 1 && r[0]!.startsWith(name));
    const snv = rows.slice(bandAt('Sở Nội vụ') + 1, bandAt('Sở Nội vụ') + 4);
    expect(rows[bandAt('Sở Nội vụ')]![0]).toBe('Sở Nội vụ (Khối Nội chính)');
    // In the registration's own numbering (content area 5, 6, 9): the same numbers as the unit's signed paper.
    expect(snv).toEqual([
      ['1', ACCIDENTS, '≤ 3 vụ', '2 vụ', '66,7%', 'Đạt'],
      ['2', RATE, '≥ 98,5%', '98,7%', '100,2%', 'Đang thực hiện'],
      ['3', CONFERENCE, 'Hoàn thành', 'Hoàn thành', '', 'Đạt'],
    ]);
    expect(rows[bandAt('Sở Kế hoạch và Đầu tư') + 1]).toEqual(['1', FDI, '≥ 1.500 tỷ đồng', '700,5 tỷ đồng', '46,7%', 'Đang thực hiện']);
    // One row per target of every sent registration, as many as the database holds.
    const sentTargets = db.$client
      .prepare('SELECT count(*) FROM targets t JOIN registrations r ON r.id = t.registration_id WHERE r.version > 0 AND t.deleted_at IS NULL')
      .pluck()
      .get() as number;
    expect(rows.filter((r) => r.length === 6)).toHaveLength(sentTargets);
    // Its verdicts add up to the report's totals.
    const verdicts = rows.filter((r) => r.length === 6).map((r) => r[5]);
    const totals = tableStartingWith(doc, 'Nội dung thi đua').at(-1)!;
    expect([verdicts.filter((v) => v === 'Đạt').length, verdicts.filter((v) => v === 'Đang thực hiện').length, verdicts.filter((v) => v === 'Chưa báo cáo').length]).toEqual(
      [totals[3], totals[4], totals[6]].map((c) => Number(c!.split(' ')[0])),
    );
  });

  it("every report's totals are the sum of its rows and of its annex, and match the database", () => {
    const count = (cell: string) => Number(cell.split(' ')[0]!.replace('.', ''));
    // The summary: by group and by kind add up to the total row; the annex has one row per unit counted.
    const summary = docs.summary!;
    for (const header of ['Cụm, khối thi đua', 'Loại đơn vị']) {
      const table = tableStartingWith(summary, header);
      const rows = table.slice(1, -1);
      const total = table.at(-1)!;
      for (let c = 1; c < total.length; c++) expect(rows.reduce((s, r) => s + count(r[c]!), 0), `${header} column ${c}`).toBe(count(total[c]!));
    }
    const totals = tableStartingWith(summary, 'Cụm, khối thi đua').at(-1)!;
    const annex = tableStartingWith(summary, 'STT').slice(1);
    expect(annex).toHaveLength(count(totals[1]!));
    expect(annex.filter((r) => r[5] === 'Đúng hạn')).toHaveLength(count(totals[2]!));
    expect(annex.filter((r) => r[5] === 'Nộp muộn')).toHaveLength(count(totals[3]!));
    const participating = db.$client.prepare('SELECT count(*) FROM units').pluck().get() as number;
    expect(count(totals[1]!)).toBe(participating);

    // The period report: areas, groups and the unit annex all add up to the same total row.
    const period = docs.period!;
    const areaTotal = tableStartingWith(period, 'Nội dung thi đua').at(-1)!;
    for (const header of ['Nội dung thi đua', 'Cụm, khối thi đua']) {
      const table = tableStartingWith(period, header);
      const rows = table.slice(1, -1);
      expect(table.at(-1)).toEqual(areaTotal);
      for (let c = 1; c < areaTotal.length; c++) expect(rows.reduce((s, r) => s + count(r[c]!), 0), `${header} column ${c}`).toBe(count(areaTotal[c]!));
    }
    const units = tableStartingWith(period, 'STT');
    const unitRows = units.slice(1, -1);
    expect(units.at(-1)!.slice(4)).toEqual(areaTotal.slice(1));
    for (let c = 4; c < units[0]!.length; c++) expect(unitRows.reduce((s, r) => s + count(r[c]!), 0)).toBe(count(units.at(-1)![c]!));
  });

  it('proposes what the figures call for, and prints no empty "IV. ĐỀ XUẤT, KIẾN NGHỊ" when there is nothing', async () => {
    for (const doc of [docs.summary!, docs.period!]) {
      const at = doc.paragraphs.indexOf('IV. ĐỀ XUẤT, KIẾN NGHỊ');
      expect(doc.paragraphs[at + 1]).toMatch(/^Đề nghị Ủy ban nhân dân tỉnh chỉ đạo \d+ đơn vị chưa/);
    }
    // Before any unit has sent a registration, a period report has nothing to propose.
    const empty = openTempDatabase().db;
    loadSampleMovement(empty, board, at('2020-01-02'));
    const doc = readDocx((await writeDocument(empty, { kind: 'period', periodCode: 'Q2020-1', dir, now: at('2020-04-20') })).path);
    expect(text(doc)).not.toContain('ĐỀ XUẤT, KIẾN NGHỊ');
    expect(text(doc)).not.toContain('sau hạn');
    expect(text(doc)).toContain('Có 0 đơn vị đã gửi bản đăng ký thi đua; 0 đơn vị đã báo cáo kết quả; 0 đơn vị chưa báo cáo.');
  });

  it("the Board's own proposals from `thidua board` are printed in section IV", async () => {
    const movement = resolveMovement(db, 'ND-2020');
    updateBoardSettings(db, movement.id, { proposals: ['Đề nghị khen thưởng kịp thời các đơn vị hoàn thành vượt mức chỉ tiêu.'] }, board, NOW);
    try {
      const doc = readDocx((await writeDocument(db, { kind: 'summary', dir, now: NOW })).path);
      const at = doc.paragraphs.indexOf('IV. ĐỀ XUẤT, KIẾN NGHỊ');
      expect(doc.paragraphs[at + 2]).toBe('Đề nghị khen thưởng kịp thời các đơn vị hoàn thành vượt mức chỉ tiêu.');
    } finally {
      updateBoardSettings(db, movement.id, { proposals: null }, board, NOW);
    }
  });
});
