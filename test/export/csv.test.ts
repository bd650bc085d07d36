/**
 * CSV exports as a Vietnamese-locale Excel reads them: one UTF-8 file per sheet starting with a
 * byte-order mark, ";"-separated, decimal commas, quoted as RFC 4180 says; read back with the
 * project's own CSV reader.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../src/db/connection.ts';
import { csvField, csvLine } from '../../src/export/csv.ts';
import { exportMovement, type ExportOptions } from '../../src/export/index.ts';
import { parseCsv } from '../../src/io/csv.ts';
import { openTempDatabase, useTempDatabases } from '../helpers/db.ts';
import { buildFixture, EXPORT_AT, LINK, NOTE_WITH_QUOTES, TEXTS } from './fixture.ts';

useTempDatabases();

const BASE = 'thidua-TEST-2020-20200715-100000';

describe('CSV export', () => {
  let db: Db;
  let out: string;

  beforeEach(() => {
    const temp = openTempDatabase();
    db = temp.db;
    out = join(temp.dir, 'exports');
    buildFixture(db);
  });

  const exportCsv = (options: Partial<ExportOptions> = {}) =>
    exportMovement(db, { movementCode: 'TEST-2020', dir: out, now: EXPORT_AT, format: 'csv', ...options });
  const read = (path: string) => parseCsv(readFileSync(path, 'utf8')).map((r) => r.cells);

  it('writes one file per sheet, each starting with the UTF-8 byte-order mark', async () => {
    const result = await exportCsv();
    const names = ['tong-hop', 'dang-ky-chi-tieu', 'danh-hieu', 'ket-qua', 'don-vi', 'cum-khoi'].map((s) => `${BASE}-${s}.csv`);
    expect(result.files.map((f) => basename(f))).toEqual(names);
    expect(readdirSync(out).sort()).toEqual([...names].sort());
    expect(result.sheets.map((s) => [s.name, basename(s.file), s.rows])).toEqual([
      ['Tổng hợp', names[0], 5],
      ['Đăng ký chỉ tiêu', names[1], 4],
      ['Danh hiệu', names[2], 1],
      ['Kết quả', names[3], 4],
      ['Đơn vị', names[4], 5],
      ['Cụm, khối', names[5], 2],
    ]);
    for (const file of result.files) {
      const bytes = readFileSync(file);
      expect([...bytes.subarray(0, 3)], file).toEqual([0xef, 0xbb, 0xbf]);
      expect(bytes.includes(Buffer.from([0xef, 0xbb, 0xbf]), 3), file).toBe(false);
      expect(bytes.toString('utf8').endsWith('\r\n'), file).toBe(true);
    }
  });

  it('reads back to the same cells: dates dd/mm/yyyy, numbers with a decimal comma, plans with their sign, quoted texts intact', async () => {
    const result = await exportCsv();
    const [summary, targets, titles, results, units, groups] = result.files.map(read) as [string[][], string[][], string[][], string[][], string[][], string[][]];
    expect(summary).toEqual([
      ['Cụm/khối', 'Mã đơn vị', 'Tên đơn vị', 'Loại đơn vị', 'Trạng thái', 'Ngày gửi', 'Nộp muộn / quá hạn', 'Số chỉ tiêu', 'CT vượt', 'CT đạt', 'CT đang thực hiện', 'CT không đạt', 'CT chưa báo cáo'],
      ['Cụm 1', 'HGT', 'Huyện Giao Thủy', 'Huyện, thành phố', 'Chưa đăng ký', '', 'Quá hạn chưa nộp', '0', '', '', '', '', ''],
      ['Cụm 1', 'HHH', 'Huyện Hải Hậu', 'Huyện, thành phố', 'Chờ duyệt', '02/04/2020', 'Nộp muộn', '1', '0', '0', '0', '0', '1'],
      ['Khối A', 'SNV', 'Sở Nội vụ', 'Sở', 'Đã duyệt', '10/03/2020', '', '3', '1', '1', '1', '0', '0'],
      ['Khối A', 'STC', 'Sở Tài chính', 'Sở', 'Chưa gửi', '', 'Quá hạn chưa nộp', '1', '', '', '', '', ''],
      ['', 'MTTQ', 'Ủy ban MTTQ tỉnh', 'Đoàn thể', 'Chưa đăng ký', '', 'Quá hạn chưa nộp', '0', '', '', '', '', ''],
    ]);
    expect(targets.slice(1)).toEqual([
      ['HHH', 'Huyện Hải Hậu', 'Chờ duyệt', '1', '', '1', '2. Nông thôn mới', TEXTS.hhh, '', 'Hoàn thành', '30/11/2020', ''],
      ['SNV', 'Sở Nội vụ', 'Đã duyệt', '1', '', '1', '1. Hạ tầng', TEXTS.ontime, '%', '≥ 98,5', '31/12/2020', NOTE_WITH_QUOTES],
      ['SNV', 'Sở Nội vụ', 'Đã duyệt', '1', '', '2', '2. Nông thôn mới', TEXTS.complaints, 'vụ', '≤ 3', '30/06/2020', ''],
      ['SNV', 'Sở Nội vụ', 'Đã duyệt', '1', '', '3', '3. Giáo dục', TEXTS.training, '', 'Hoàn thành', '', ''],
    ]);
    expect(titles.slice(1)).toEqual([['SNV', 'Sở Nội vụ', 'Khối A', 'Đã duyệt', '1', 'Tập thể lao động xuất sắc']]);
    expect(results.slice(1)).toEqual([
      ['SNV', 'Sở Nội vụ', 'Quý I/2020', TEXTS.ontime, '%', '≥ 98,5', '60', '', '60,9', 'Đang thực hiện', LINK, 'Số liệu đã rà soát lại', '2', '09/04/2020'],
      ['SNV', 'Sở Nội vụ', 'Quý II/2020', TEXTS.ontime, '%', '≥ 98,5', '40', '', '40,6', 'Đang thực hiện', '', '', '1', '03/07/2020'],
      ['SNV', 'Sở Nội vụ', 'Quý II/2020', TEXTS.complaints, 'vụ', '≤ 3', '2', '2', '66,7', 'Đạt', 'Ảnh: AgACAgIAAxkBAAIB', '', '1', '03/07/2020'],
      ['SNV', 'Sở Nội vụ', 'Quý II/2020', TEXTS.training, '', 'Hoàn thành', '', '', '', 'Hoàn thành xuất sắc', '', 'Đã tổ chức 2 hội nghị', '1', '03/07/2020'],
    ]);
    expect(units).toHaveLength(6);
    expect(groups.slice(1)).toEqual([
      ['CUM-1', 'Cụm', 'Cụm 1', 'Huyện Hải Hậu', 'Huyện Giao Thủy', '2', 'Không'],
      ['KHOI-A', 'Khối', 'Khối A', 'Sở Nội vụ', '', '2', 'Không'],
    ]);
    // Quoted only where needed, quotes doubled.
    const raw = readFileSync(result.files[1]!, 'utf8');
    expect(raw).toContain(`;"${NOTE_WITH_QUOTES.replaceAll('"', '""')}"\r\n`);
    expect(raw).toContain(`;${TEXTS.ontime};%;≥ 98,5;`);
  });

  it('filters by cluster/block and by period as the workbook does', async () => {
    const khoi = await exportCsv({ groupCode: 'KHOI-A', periodCode: 'Q2020-2' });
    expect(basename(khoi.files[0]!)).toBe('thidua-TEST-2020-KHOI-A-Q2020-2-20200715-100000-tong-hop.csv');
    expect(khoi.rows).toEqual({ summary: 2, targets: 3, titles: 1, results: 3, units: 2, groups: 1 });
    expect(read(khoi.files[3]!).slice(1).map((r) => r[2])).toEqual(['Quý II/2020', 'Quý II/2020', 'Quý II/2020']);
  });

  it('continues a long sheet in a second file, with the header again', async () => {
    const result = await exportCsv({ maxRowsPerSheet: 3 });
    const results = result.sheets.filter((s) => s.key === 'results');
    expect(results.map((s) => [s.name, basename(s.file), s.rows])).toEqual([
      ['Kết quả', `${BASE}-ket-qua.csv`, 2],
      ['Kết quả (2)', `${BASE}-ket-qua-2.csv`, 2],
    ]);
    const second = read(results[1]!.file);
    expect(second[0]![0]).toBe('Mã đơn vị');
    expect(second.slice(1).map((r) => r[3])).toEqual([TEXTS.complaints, TEXTS.training]);
    expect(readFileSync(results[1]!.file)[0]).toBe(0xef);
    expect(result.files).toHaveLength(12);
  });
});

describe('CSV fields', () => {
  it('are quoted only when they hold the separator, a quote, a line break or edge spaces', () => {
    expect(['abc', 'a;b', 'say "hi"', 'two\nlines', 'cr\r', ' lead', 'trail ', 'Tỷ lệ 98,5%, đạt', ''].map(csvField)).toEqual([
      'abc',
      '"a;b"',
      '"say ""hi"""',
      '"two\nlines"',
      '"cr\r"',
      '" lead"',
      '"trail "',
      'Tỷ lệ 98,5%, đạt',
      '',
    ]);
    const columns = [
      { header: 'a', width: 1, type: 'text' as const },
      { header: 'b', width: 1, type: 'date' as const },
      { header: 'c', width: 1, type: 'plan' as const },
      { header: 'd', width: 1, type: 'number' as const },
    ];
    // Numbers as a Vietnamese-locale Excel reads them: a decimal comma, no thousands separator.
    const line = csvLine(columns, ['x; "y"', '2020-03-31', { value: 0.5, direction: 'at_most' }, -1234.5]);
    expect(line).toBe('"x; ""y""";31/03/2020;≤ 0,5;-1234,5\r\n');
    expect(parseCsv(line).map((r) => r.cells)).toEqual([['x; "y"', '31/03/2020', '≤ 0,5', '-1234,5']]);
    // A text a spreadsheet would run as a formula gets a ' in front (OWASP); a negative number stays a number.
    expect(csvLine([columns[0]!, columns[0]!, columns[0]!, columns[3]!], ['\tTab', '\rCR', '-bullet', -5])).toBe(`'\tTab;"'\rCR";'-bullet;-5\r\n`);
  });
});
