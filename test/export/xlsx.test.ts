/**
 * XLSX exports read back with exceljs's reader, cell by cell: values and their types (dates are
 * dates shown dd/mm/yyyy, figures are numbers), headers, the frozen header row, filters, widths.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../src/db/connection.ts';
import { cliActor } from '../../src/domain/audit.ts';
import { DomainError } from '../../src/domain/errors.ts';
import { listPeriods } from '../../src/domain/movements.ts';
import { recordProgressReport } from '../../src/domain/progress.ts';
import { findRegistration } from '../../src/domain/registrations.ts';
import { exportMovement, type ExportOptions } from '../../src/export/index.ts';
import { t } from '../../src/i18n/index.ts';
import { loadSampleMovement } from '../../src/sample/load.ts';
import { openTempDatabase, useTempDatabases } from '../helpers/db.ts';
import { buildFixture, EXPORT_AT, LINK, NOTE_WITH_QUOTES, TEXTS, type Fixture } from './fixture.ts';

useTempDatabases();

const day = (iso: string) => new Date(`${iso}T00:00:00.000Z`);

async function readBook(path: string): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  return workbook;
}

/** The header row: under the sheet's heading (title, movement, date) and a blank line. */
const TOP = 5;

/** The sheet's cells as values, row by row (empty cells null), header included. */
function grid(ws: ExcelJS.Worksheet, columns: number): unknown[][] {
  const rows: unknown[][] = [];
  for (let r = TOP; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    rows.push(Array.from({ length: columns }, (_, c) => row.getCell(c + 1).value ?? null));
  }
  return rows;
}

const HEADERS = {
  'Tổng hợp': [
    'Cụm/khối',
    'Mã đơn vị',
    'Tên đơn vị',
    'Loại đơn vị',
    'Trạng thái',
    'Ngày gửi',
    'Nộp muộn / quá hạn',
    'Số chỉ tiêu',
    'CT vượt',
    'CT đạt',
    'CT đang thực hiện',
    'CT không đạt',
    'CT chưa báo cáo',
  ],
  'Đăng ký chỉ tiêu': ['Mã đơn vị', 'Tên đơn vị', 'Trạng thái', 'Lần gửi', 'Lý do trả lại', 'STT', 'Nội dung thi đua', 'Chỉ tiêu', 'Đơn vị tính', 'Kế hoạch', 'Thời hạn', 'Ghi chú'],
  'Danh hiệu': ['Mã đơn vị', 'Tên đơn vị', 'Cụm/khối', 'Trạng thái', 'Lần gửi', 'Danh hiệu đăng ký'],
  'Kết quả': [
    'Mã đơn vị',
    'Tên đơn vị',
    'Kỳ báo cáo',
    'Chỉ tiêu',
    'Đơn vị tính',
    'Kế hoạch',
    'Kết quả',
    'Lũy kế',
    '% kế hoạch',
    'Đánh giá',
    'Minh chứng',
    'Ghi chú',
    'Lần báo cáo',
    'Ngày báo cáo',
  ],
  'Đơn vị': ['Mã đơn vị', 'Tên đơn vị', 'Loại đơn vị', 'Mã cụm/khối', 'Cụm/khối', 'Hiệu lực từ', 'Hiệu lực đến'],
  'Cụm, khối': ['Mã cụm/khối', 'Loại', 'Tên cụm/khối', 'Cụm/khối trưởng', 'Cụm/khối phó', 'Số đơn vị', 'Minh họa'],
} as const;
type SheetName = keyof typeof HEADERS;

describe('XLSX export', () => {
  let db: Db;
  let out: string;
  let fx: Fixture;

  beforeEach(() => {
    const temp = openTempDatabase();
    db = temp.db;
    out = join(temp.dir, 'exports');
    fx = buildFixture(db);
  });

  const exportXlsx = async (options: Partial<ExportOptions> = {}) => {
    const result = await exportMovement(db, { movementCode: 'TEST-2020', dir: out, now: EXPORT_AT, ...options });
    return { result, book: await readBook(result.files[0]!) };
  };
  const sheet = (book: ExcelJS.Workbook, name: string) => {
    const ws = book.getWorksheet(name);
    expect(ws, `sheet ${name}`).toBeDefined();
    return ws!;
  };
  const data = (book: ExcelJS.Workbook, name: SheetName) => grid(sheet(book, name), HEADERS[name].length).slice(1);

  it('writes one workbook with the six sheets: Vietnamese headers, bold and frozen, with filters and widths', async () => {
    const { result, book } = await exportXlsx();
    expect(result.files).toEqual([join(out, 'thidua-TEST-2020-20200715-100000.xlsx')]);
    expect(readdirSync(out)).toEqual(['thidua-TEST-2020-20200715-100000.xlsx']);
    expect(book.worksheets.map((w) => w.name)).toEqual(Object.keys(HEADERS));
    expect(result.sheets.map((s) => [s.key, s.name, s.rows])).toEqual([
      ['summary', 'Tổng hợp', 5],
      ['targets', 'Đăng ký chỉ tiêu', 4],
      ['titles', 'Danh hiệu', 1],
      ['results', 'Kết quả', 4],
      ['units', 'Đơn vị', 5],
      ['groups', 'Cụm, khối', 2],
    ]);
    expect(result.rows).toEqual({ summary: 5, targets: 4, titles: 1, results: 4, units: 5, groups: 2 });
    expect(result.movement).toMatchObject({ code: 'TEST-2020' });
    expect(book.title).toBe('Phong trào thi đua thử nghiệm 2020');

    for (const [name, headers] of Object.entries(HEADERS)) {
      const ws = sheet(book, name);
      const header = ws.getRow(TOP);
      expect(headers.map((_, i) => header.getCell(i + 1).value), name).toEqual(headers);
      expect(headers.map((_, i) => header.getCell(i + 1).font?.bold), name).toEqual(headers.map(() => true));
      expect(ws.views[0], name).toMatchObject({ state: 'frozen', ySplit: TOP });
      const last = String.fromCharCode(64 + headers.length);
      // Printed A4 landscape, as wide as the page, the header row on every page.
      expect(ws.pageSetup, name).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '5:5' });
      expect(ws.autoFilter, name).toBe(`A5:${last}${ws.rowCount}`);
    }
    const widths = (name: string) => sheet(book, name).columns.map((c) => c.width);
    expect(widths('Tổng hợp')).toEqual([28, 12, 42, 20, 14, 12, 16, 11, 9, 9, 11, 10, 11]);
    expect(widths('Kết quả')).toEqual([12, 26, 14, 44, 12, 12, 12, 12, 12, 12, 28, 24, 10, 13]);
  });

  it('Tổng hợp: one row per unit by cluster/block, with status, date sent, nộp muộn or quá hạn chưa nộp, and its targets counted by where they stand, never averaged', async () => {
    const { book } = await exportXlsx();
    const rows = data(book, 'Tổng hợp');
    expect(rows).toEqual([
      //                                                                                     vượt đạt đang không chưa-báo-cáo
      ['Cụm 1', 'HGT', 'Huyện Giao Thủy', 'Huyện, thành phố', 'Chưa đăng ký', null, 'Quá hạn chưa nộp', 0, null, null, null, null, null],
      ['Cụm 1', 'HHH', 'Huyện Hải Hậu', 'Huyện, thành phố', 'Chờ duyệt', day('2020-04-02'), 'Nộp muộn', 1, 0, 0, 0, 0, 1],
      // On 15/07: the training done with distinction, complaints within the ceiling by 30/06, the rate due 31/12 in progress.
      ['Khối A', 'SNV', 'Sở Nội vụ', 'Sở', 'Đã duyệt', day('2020-03-10'), null, 3, 1, 1, 1, 0, 0],
      ['Khối A', 'STC', 'Sở Tài chính', 'Sở', 'Chưa gửi', null, 'Quá hạn chưa nộp', 1, null, null, null, null, null],
      [null, 'MTTQ', 'Ủy ban MTTQ tỉnh', 'Đoàn thể', 'Chưa đăng ký', null, 'Quá hạn chưa nộp', 0, null, null, null, null, null],
    ]);
    const ws = sheet(book, 'Tổng hợp');
    // SNV: the date sent is a real date shown dd/mm/yyyy; the figures are numbers.
    const sent = ws.getCell('F8');
    expect(sent.type).toBe(ExcelJS.ValueType.Date);
    expect(sent.numFmt).toBe('dd/mm/yyyy');
    expect(ws.getCell('H8').type).toBe(ExcelJS.ValueType.Number);
    expect(ws.getCell('H8').numFmt).toBe('[$-42A]#,##0');
    // The targets are counted: whole numbers.
    expect(ws.getCell('I8').type).toBe(ExcelJS.ValueType.Number);
    expect(ws.getCell('I8').numFmt).toBe('[$-42A]#,##0');
  });

  it('Đăng ký chỉ tiêu: the registration form (Mẫu 1a) of the registrations sent, with status and version, the plan a number shown with ≥ or ≤', async () => {
    const { book } = await exportXlsx();
    expect(data(book, 'Đăng ký chỉ tiêu')).toEqual([
      ['HHH', 'Huyện Hải Hậu', 'Chờ duyệt', 1, null, 1, '2. Nông thôn mới', TEXTS.hhh, null, 'Hoàn thành', day('2020-11-30'), null],
      ['SNV', 'Sở Nội vụ', 'Đã duyệt', 1, null, 1, '1. Hạ tầng', TEXTS.ontime, '%', 98.5, day('2020-12-31'), NOTE_WITH_QUOTES],
      ['SNV', 'Sở Nội vụ', 'Đã duyệt', 1, null, 2, '2. Nông thôn mới', TEXTS.complaints, 'vụ', 3, day('2020-06-30'), null],
      ['SNV', 'Sở Nội vụ', 'Đã duyệt', 1, null, 3, '3. Giáo dục', TEXTS.training, null, 'Hoàn thành', null, null],
    ]);
    const ws = sheet(book, 'Đăng ký chỉ tiêu');
    expect([ws.getCell('J7').type, ws.getCell('J7').numFmt]).toEqual([ExcelJS.ValueType.Number, '[$-42A]"≥ "#,##0.##']);
    expect([ws.getCell('J8').type, ws.getCell('J8').numFmt]).toEqual([ExcelJS.ValueType.Number, '[$-42A]"≤ "#,##0']);
    expect([ws.getCell('K6').type, ws.getCell('K6').numFmt]).toEqual([ExcelJS.ValueType.Date, 'dd/mm/yyyy']);
    expect(ws.getCell('F6').type).toBe(ExcelJS.ValueType.Number);
    // Bordered, long texts wrapped.
    expect(ws.getCell('H7').border).toMatchObject({ top: { style: 'thin' }, left: { style: 'thin' }, bottom: { style: 'thin' }, right: { style: 'thin' } });
    expect(ws.getCell('H7').alignment).toMatchObject({ wrapText: true, vertical: 'top' });
    expect(ws.getCell('E7').border).toMatchObject({ top: { style: 'thin' } });

    // STC's draft only when asked for.
    const drafts = await exportXlsx({ includeDrafts: true });
    const stc = data(drafts.book, 'Đăng ký chỉ tiêu').find((r) => r[0] === 'STC')!;
    expect(stc.slice(2, 10)).toEqual(['Chưa gửi', 0, null, 1, '1. Hạ tầng', TEXTS.budget, 'triệu đồng', 1234.5]);
    expect(sheet(drafts.book, 'Đăng ký chỉ tiêu').getCell('J10').numFmt).toBe('[$-42A]"≥ "#,##0.##');
  });

  it('Danh hiệu: the titles each unit seeks', async () => {
    const { book } = await exportXlsx();
    expect(data(book, 'Danh hiệu')).toEqual([['SNV', 'Sở Nội vụ', 'Khối A', 'Đã duyệt', 1, 'Tập thể lao động xuất sắc']]);
  });

  it('Kết quả: the latest revision of each report, with period, result, running total, % of plan, assessment and evidence', async () => {
    const { book } = await exportXlsx();
    expect(data(book, 'Kết quả')).toEqual([
      // Q1 was corrected: only revision 2 (the first target) shows.
      // A rate is not a running total (the column stays empty) and is never added up: Quý II's 40% is 40,6% of 98,5%, in progress until 31/12.
      ['SNV', 'Sở Nội vụ', 'Quý I/2020', TEXTS.ontime, '%', 98.5, 60, null, expect.closeTo(0.609, 9), 'Đang thực hiện', LINK, 'Số liệu đã rà soát lại', 2, day('2020-04-09')],
      ['SNV', 'Sở Nội vụ', 'Quý II/2020', TEXTS.ontime, '%', 98.5, 40, null, expect.closeTo(0.406, 9), 'Đang thực hiện', null, null, 1, day('2020-07-03')],
      // Lũy kế: the count's running total (reported as such in Quý II: 2).
      ['SNV', 'Sở Nội vụ', 'Quý II/2020', TEXTS.complaints, 'vụ', 3, 2, 2, expect.closeTo(0.667, 9), 'Đạt', 'Ảnh: AgACAgIAAxkBAAIB', null, 1, day('2020-07-03')],
      // One spelling in the column: "Đạt", "Đang thực hiện" as the qualitative "Hoàn thành…" beside them; the plan beside the result.
      ['SNV', 'Sở Nội vụ', 'Quý II/2020', TEXTS.training, null, 'Hoàn thành', null, null, null, 'Hoàn thành xuất sắc', null, 'Đã tổ chức 2 hội nghị', 1, day('2020-07-03')],
    ]);
    const ws = sheet(book, 'Kết quả');
    expect([ws.getCell('F6').type, ws.getCell('F6').numFmt]).toEqual([ExcelJS.ValueType.Number, '[$-42A]"≥ "#,##0.##']);
    expect([ws.getCell('G6').type, ws.getCell('G6').numFmt]).toEqual([ExcelJS.ValueType.Number, '[$-42A]#,##0']);
    expect([ws.getCell('I6').type, ws.getCell('I6').numFmt]).toEqual([ExcelJS.ValueType.Number, '[$-42A]#,##0.0%']);
    expect([ws.getCell('N6').type, ws.getCell('N6').numFmt]).toEqual([ExcelJS.ValueType.Date, 'dd/mm/yyyy']);
    // The heading above the table: what the sheet is, of which movement, as of when.
    expect([1, 2, 3].map((r) => ws.getRow(r).getCell(1).value)).toEqual(['KẾT QUẢ THỰC HIỆN CHỈ TIÊU THI ĐUA', 'Phong trào thi đua thử nghiệm 2020', 'Số liệu đến 15/07/2020 10:00']);
    expect(ws.getRow(1).getCell(1).font?.bold).toBe(true);
  });

  it('Kết quả with every revision on request', async () => {
    const { result, book } = await exportXlsx({ allRevisions: true });
    expect(result.rows.results).toBe(7);
    expect(data(book, 'Kết quả').map((r) => [r[2], r[3], r[6], r[12]])).toEqual([
      ['Quý I/2020', TEXTS.ontime, 50, 1],
      ['Quý I/2020', TEXTS.complaints, 1, 1],
      ['Quý I/2020', TEXTS.training, null, 1],
      ['Quý I/2020', TEXTS.ontime, 60, 2],
      ['Quý II/2020', TEXTS.ontime, 40, 1],
      ['Quý II/2020', TEXTS.complaints, 2, 1],
      ['Quý II/2020', TEXTS.training, null, 1],
    ]);
  });

  it('Đơn vị and Cụm, khối', async () => {
    const { book } = await exportXlsx();
    expect(data(book, 'Đơn vị')).toEqual([
      ['HGT', 'Huyện Giao Thủy', 'Huyện, thành phố', 'CUM-1', 'Cụm 1', null, null],
      ['HHH', 'Huyện Hải Hậu', 'Huyện, thành phố', 'CUM-1', 'Cụm 1', null, null],
      ['MTTQ', 'Ủy ban MTTQ tỉnh', 'Đoàn thể', null, null, null, null],
      ['SNV', 'Sở Nội vụ', 'Sở', 'KHOI-A', 'Khối A', null, null],
      ['STC', 'Sở Tài chính', 'Sở', 'KHOI-A', 'Khối A', null, null],
    ]);
    expect(data(book, 'Cụm, khối')).toEqual([
      ['CUM-1', 'Cụm', 'Cụm 1', 'Huyện Hải Hậu', 'Huyện Giao Thủy', 2, 'Không'],
      ['KHOI-A', 'Khối', 'Khối A', 'Sở Nội vụ', null, 2, 'Không'],
    ]);
  });

  it('filters by cluster/block: only its units, their targets and results, and the group itself', async () => {
    const { result, book } = await exportXlsx({ groupCode: 'khoi-a' });
    expect(result.group).toBe('KHOI-A');
    expect(result.files).toEqual([join(out, 'thidua-TEST-2020-KHOI-A-20200715-100000.xlsx')]);
    expect(data(book, 'Tổng hợp').map((r) => r[1])).toEqual(['SNV', 'STC']);
    expect(data(book, 'Đăng ký chỉ tiêu').map((r) => r[0])).toEqual(['SNV', 'SNV', 'SNV']);
    expect(data(book, 'Kết quả')).toHaveLength(4);
    expect(data(book, 'Đơn vị').map((r) => r[0])).toEqual(['SNV', 'STC']);
    expect(data(book, 'Cụm, khối').map((r) => r[0])).toEqual(['KHOI-A']);

    const cum = await exportXlsx({ groupCode: 'CUM-1' });
    expect(cum.result.rows).toEqual({ summary: 2, targets: 1, titles: 0, results: 0, units: 2, groups: 1 });
    // An empty sheet keeps its header, frozen and filtered.
    const empty = sheet(cum.book, 'Kết quả');
    expect(empty.rowCount).toBe(TOP);
    expect(empty.autoFilter).toBe('A5:N5');
  });

  it('filters by period: its results only, and % of plan as of its end', async () => {
    const q1 = await exportXlsx({ periodCode: 'Q2020-1' });
    expect(q1.result.period).toBe('Q2020-1');
    expect(data(q1.book, 'Kết quả').map((r) => [r[2], r[3], r[6]])).toEqual([['Quý I/2020', TEXTS.ontime, 60]]);
    // SNV at the end of Q1: the training done, the rate and the complaints (due 30/06) in progress.
    expect(data(q1.book, 'Tổng hợp')[2]!.slice(8)).toEqual([0, 1, 2, 0, 0]);

    const q2 = await exportXlsx({ periodCode: 'Q2020-2' });
    expect(data(q2.book, 'Kết quả').map((r) => r[2])).toEqual(['Quý II/2020', 'Quý II/2020', 'Quý II/2020']);
    // The targets, units and groups are not limited by a period.
    expect(q2.result.rows).toMatchObject({ summary: 5, targets: 4, units: 5, groups: 2 });
  });

  it('continues a sheet past the row limit on "Name (2)", each part with its header, frozen and filtered', async () => {
    const { result, book } = await exportXlsx({ maxRowsPerSheet: 3 });
    expect(book.worksheets.map((w) => `${w.name}:${w.rowCount - TOP}`)).toEqual([
      'Tổng hợp:2',
      'Tổng hợp (2):2',
      'Tổng hợp (3):1',
      'Đăng ký chỉ tiêu:2',
      'Đăng ký chỉ tiêu (2):2',
      'Danh hiệu:1',
      'Kết quả:2',
      'Kết quả (2):2',
      'Đơn vị:2',
      'Đơn vị (2):2',
      'Đơn vị (3):1',
      'Cụm, khối:2',
    ]);
    expect(result.sheets.filter((s) => s.key === 'results').map((s) => [s.name, s.rows])).toEqual([
      ['Kết quả', 2],
      ['Kết quả (2)', 2],
    ]);
    expect(result.rows.summary).toBe(5);
    const second = sheet(book, 'Kết quả (2)');
    expect(HEADERS['Kết quả'].map((_, i) => second.getRow(TOP).getCell(i + 1).value)).toEqual(HEADERS['Kết quả']);
    expect(second.views[0]).toMatchObject({ state: 'frozen', ySplit: TOP });
    expect(second.autoFilter).toBe('A5:N7');
    // Each part opens with the same heading.
    expect(second.getRow(1).getCell(1).value).toBe('KẾT QUẢ THỰC HIỆN CHỈ TIÊU THI ĐUA');
    // The rows go on where the first part stopped.
    expect(grid(second, 14).slice(1).map((r) => r[3])).toEqual([TEXTS.complaints, TEXTS.training]);
    expect(grid(sheet(book, 'Tổng hợp (3)'), 9)[1]![1]).toBe('MTTQ');
  });

  it('refuses an unknown movement, cluster/block or period with a clear message, and writes nothing', async () => {
    const refusal = async (options: Partial<ExportOptions>) => {
      const error = await exportMovement(db, { movementCode: 'TEST-2020', dir: out, now: EXPORT_AT, ...options }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(DomainError);
      const { code, args } = error as DomainError;
      return t('vi', code, args);
    };
    expect(await refusal({ movementCode: 'KHONG-CO' })).toBe('Không có phong trào mã "KHONG-CO".');
    expect(await refusal({ movementCode: undefined, movementId: 999 })).toBe('Không có phong trào mã "999".');
    expect(await refusal({ groupCode: 'CUM-9' })).toBe('Phong trào TEST-2020 không có cụm/khối mã "CUM-9". Các mã có: CUM-1, KHOI-A');
    expect(await refusal({ periodCode: 'Q2021-1' })).toBe(
      'Phong trào TEST-2020 không có kỳ báo cáo mã "Q2021-1". Các kỳ có: Q2020-1, Q2020-2, H2020-1, Q2020-3, Q2020-4, H2020-2, Y2020',
    );
    expect(existsSync(out)).toBe(false);
  });

  it('uses the open movement when none is named, and never overwrites an earlier export', async () => {
    const first = await exportMovement(db, { dir: out, now: EXPORT_AT });
    const second = await exportMovement(db, { dir: out, now: EXPORT_AT });
    expect(first.movement.code).toBe('TEST-2020');
    expect(second.files).toEqual([join(out, 'thidua-TEST-2020-20200715-100000-2.xlsx')]);
    expect(readdirSync(out).sort()).toEqual(['thidua-TEST-2020-20200715-100000-2.xlsx', 'thidua-TEST-2020-20200715-100000.xlsx']);
  });

  it('reads one snapshot while the bot keeps writing on its own connection', async () => {
    const running = exportMovement(db, { movementCode: 'TEST-2020', dir: out, now: EXPORT_AT });
    // The export has begun (its read transaction is open); a liaison reports Q3 meanwhile.
    const period = listPeriods(db, fx.movement.id).find((p) => p.code === 'Q2020-3')!;
    const snv = findRegistration(db, fx.movement.id, fx.unit('SNV'))!;
    recordProgressReport(db, { registrationId: snv.id, periodId: period.id, lines: [{ targetId: fx.targetIds.ontime, value: 10 }] }, cliActor, EXPORT_AT);
    const during = await running;
    expect(during.rows.results).toBe(4);
    const after = await exportMovement(db, { movementCode: 'TEST-2020', dir: out, now: EXPORT_AT });
    expect(after.rows.results).toBe(5);
  });

  it('speaks English when asked, with the same figures', async () => {
    const { book } = await exportXlsx({ locale: 'en' });
    expect(book.worksheets.map((w) => w.name)).toEqual(['Summary', 'Registered targets', 'Titles', 'Results', 'Units', 'Clusters, blocks']);
    const summary = grid(sheet(book, 'Summary'), 13);
    expect(summary[0]).toEqual([
      'Cluster/block',
      'Unit code',
      'Unit name',
      'Kind of unit',
      'Status',
      'Submitted on',
      'Sent late / overdue',
      'Targets',
      'Targets exceeded',
      'Targets met',
      'Targets in progress',
      'Targets not met',
      'Targets not reported',
    ]);
    expect(summary[2]![6]).toBe('Sent late');
    expect(summary[3]).toEqual(['Khối A', 'SNV', 'Sở Nội vụ', 'Department', 'Approved', day('2020-03-10'), null, 3, 1, 1, 1, 0, 0]);
    expect(grid(sheet(book, 'Results'), 14)[3]![9]).toBe('Met');
  });
});

describe('XLSX export of the sample movement', () => {
  it('has its 34 units and 6 clusters/blocks; a cluster keeps only its members', async () => {
    const temp = openTempDatabase();
    const summary = loadSampleMovement(temp.db, cliActor, EXPORT_AT);
    const all = await exportMovement(temp.db, { movementId: summary.movementId, dir: temp.dir, now: EXPORT_AT });
    // The sample's targets are drafts: in the export only when asked for.
    expect(all.rows).toEqual({ summary: 34, targets: 0, titles: 0, results: 0, units: 34, groups: 6 });
    const drafts = await exportMovement(temp.db, { movementId: summary.movementId, dir: temp.dir, now: EXPORT_AT, includeDrafts: true });
    expect(drafts.rows.targets).toBe(6);
    const cum1 = await exportMovement(temp.db, { movementId: summary.movementId, groupCode: 'CUM1', dir: temp.dir, now: EXPORT_AT });
    expect(cum1.rows).toMatchObject({ summary: 5, units: 5, groups: 1 });
    const book = await readBook(cum1.files[0]!);
    expect(grid(book.getWorksheet('Cụm, khối')!, 7)[1]).toEqual(['CUM1', 'Cụm', expect.any(String), expect.any(String), expect.any(String), 5, 'Có']);
  });
});
