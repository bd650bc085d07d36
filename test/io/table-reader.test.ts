import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readTable, TableReadError } from '../../src/io/table-reader.ts';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'table-reader-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

function write(name: string, content: string | Uint8Array): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

async function readError(path: string): Promise<TableReadError> {
  const error = await readTable(path).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(TableReadError);
  return error as TableReadError;
}

describe('readTable: CSV', () => {
  it('reads a BOM, semicolon, CRLF file from Excel with quoted fields and blank lines', async () => {
    const path = write(
      'danh-sach.csv',
      '\uFEFF\r\nSTT; Họ và tên ;Đơn vị;Ghi chú\r\n' +
        '1;Nguyễn Văn An;Sở Nội vụ;"Đạt; ""xuất sắc"""\r\n' +
        ';;;\r\n' +
        '\r\n' +
        '2; Trần Thị Bình ;"UBND huyện Hải Hậu";"dòng 1\r\ndòng 2, có dấu phẩy"\r\n' +
        '3;Lê Văn Cường\r\n',
    );
    expect(await readTable(path)).toEqual([
      {
        name: 'danh-sach',
        headers: ['STT', 'Họ và tên', 'Đơn vị', 'Ghi chú'],
        rows: [
          { line: 3, values: { STT: '1', 'Họ và tên': 'Nguyễn Văn An', 'Đơn vị': 'Sở Nội vụ', 'Ghi chú': 'Đạt; "xuất sắc"' } },
          {
            line: 6,
            values: {
              STT: '2',
              'Họ và tên': 'Trần Thị Bình',
              'Đơn vị': 'UBND huyện Hải Hậu',
              'Ghi chú': 'dòng 1\r\ndòng 2, có dấu phẩy',
            },
          },
          { line: 8, values: { STT: '3', 'Họ và tên': 'Lê Văn Cường', 'Đơn vị': '', 'Ghi chú': '' } },
        ],
      },
    ]);
  });

  it('reads a comma-separated LF file and drops columns without a header', async () => {
    const path = write('Khen Thuong.CSV', 'Mã,,Tên\n"A1","bỏ","Sở Nội vụ",thừa\n');
    expect(await readTable(path)).toEqual([
      { name: 'Khen Thuong', headers: ['Mã', 'Tên'], rows: [{ line: 2, values: { Mã: 'A1', Tên: 'Sở Nội vụ' } }] },
    ]);
  });

  it.runIf(supports('windows-1258'))('decodes bytes that are not UTF-8 as windows-1258', async () => {
    // "Đơn vị;Ghi chú\nSở Nội vụ;UBND huyện Hải Hậu" in windows-1258: tones are combining marks after the letter
    const text =
      '\xD0\xF5n vi\xF2;Ghi chu\xEC\n' + // Đơn vị;Ghi chú
      'S\xF5\xD2 N\xF4\xF2i vu\xF2;UBND huy\xEA\xF2n Ha\xD2i H\xE2\xF2u\n'; // Sở Nội vụ;UBND huyện Hải Hậu
    const path = write('cp1258.csv', Buffer.from(text, 'latin1'));
    expect(await readTable(path)).toEqual([
      {
        name: 'cp1258',
        headers: ['Đơn vị', 'Ghi chú'],
        rows: [{ line: 2, values: { 'Đơn vị': 'Sở Nội vụ', 'Ghi chú': 'UBND huyện Hải Hậu' } }],
      },
    ]);
  });

  it('rejects a file without any non-empty row', async () => {
    const error = await readError(write('trong.csv', '\uFEFF\r\n;;\r\n \r\n'));
    expect(error.code).toBe('no_header');
  });

  it('rejects a repeated header', async () => {
    const error = await readError(write('lap.csv', 'Tên;Đơn vị; Tên\n'));
    expect(error).toMatchObject({ code: 'duplicate_header', detail: 'lap: Tên' });
  });
});

describe('readTable: XLSX', () => {
  async function writeWorkbook(name: string): Promise<string> {
    const wb = new ExcelJS.Workbook();
    const reg = wb.addWorksheet('Đăng ký');
    // row 1 stays empty: the header is on row 2
    reg.getRow(2).values = ['STT', 'Họ và tên', 'Đơn vị', 'Ngày sinh', 'Điểm', 'Tổng', 'Xếp loại', 'Đảng viên'];
    reg.getRow(3).values = [
      1,
      '  Nguyễn Văn An ',
      'Sở Nội vụ',
      new Date(Date.UTC(1985, 3, 12)),
      9.5,
      { formula: 'E3*2', result: 19 },
      { richText: [{ text: 'Hoàn thành ' }, { text: 'xuất sắc', font: { bold: true } }] },
      true,
    ];
    // row 4 is left empty; row 5 has only blank text
    reg.getRow(5).values = ['', '   '];
    reg.getRow(6).values = [
      2,
      'Trần Thị Bình',
      { text: 'UBND huyện Hải Hậu', hyperlink: 'https://haihau.namdinh.gov.vn' },
      new Date(Date.UTC(1990, 11, 31)),
      1234567.25,
      { formula: 'E6*2', result: 2469134.5 },
      'Hoàn thành',
      false,
    ];
    const awards = wb.addWorksheet('Khen thưởng');
    awards.addRow(['Mã', 'Tên tập thể', 'Số tiền']);
    awards.addRow(['KT01', 'Phòng Nội vụ', 1500000]);
    awards.addRow(['KT02', 'Sở Nội vụ']);
    wb.addWorksheet('Trống');
    const path = join(dir, name);
    await wb.xlsx.writeFile(path);
    return path;
  }

  it('reads every sheet with typed cells as strings and spreadsheet row numbers', async () => {
    const sheets = await readTable(await writeWorkbook('thi-dua.xlsx'));
    expect(sheets).toEqual([
      {
        name: 'Đăng ký',
        headers: ['STT', 'Họ và tên', 'Đơn vị', 'Ngày sinh', 'Điểm', 'Tổng', 'Xếp loại', 'Đảng viên'],
        rows: [
          {
            line: 3,
            values: {
              STT: '1',
              'Họ và tên': 'Nguyễn Văn An',
              'Đơn vị': 'Sở Nội vụ',
              'Ngày sinh': '1985-04-12',
              Điểm: '9.5',
              Tổng: '19',
              'Xếp loại': 'Hoàn thành xuất sắc',
              'Đảng viên': 'true',
            },
          },
          {
            line: 6,
            values: {
              STT: '2',
              'Họ và tên': 'Trần Thị Bình',
              'Đơn vị': 'UBND huyện Hải Hậu',
              'Ngày sinh': '1990-12-31',
              Điểm: '1234567.25',
              Tổng: '2469134.5',
              'Xếp loại': 'Hoàn thành',
              'Đảng viên': 'false',
            },
          },
        ],
      },
      {
        name: 'Khen thưởng',
        headers: ['Mã', 'Tên tập thể', 'Số tiền'],
        rows: [
          { line: 2, values: { Mã: 'KT01', 'Tên tập thể': 'Phòng Nội vụ', 'Số tiền': '1500000' } },
          { line: 3, values: { Mã: 'KT02', 'Tên tập thể': 'Sở Nội vụ', 'Số tiền': '' } },
        ],
      },
    ]);
  });

  it('matches the extension case-insensitively', async () => {
    const sheets = await readTable(await writeWorkbook('THI-DUA.XLSX'));
    expect(sheets.map((s) => s.name)).toEqual(['Đăng ký', 'Khen thưởng']);
  });

  it('rejects a corrupt workbook as unreadable', async () => {
    const bytes = Uint8Array.from({ length: 2048 }, (_, i) => (i * 7919 + 13) % 256);
    const error = await readError(write('hong.xlsx', bytes));
    expect(error.code).toBe('unreadable');
  });

  it('rejects a missing file as unreadable', async () => {
    expect((await readError(join(dir, 'khong-co.xlsx'))).code).toBe('unreadable');
    expect((await readError(join(dir, 'khong-co.csv'))).code).toBe('unreadable');
  });

  it('rejects old .xls and other formats', async () => {
    expect(await readError(write('cu.XLS', 'x'))).toMatchObject({ code: 'unsupported_format', detail: 'cu.XLS' });
    expect((await readError(write('ghi-chu.txt', 'x'))).code).toBe('unsupported_format');
  });
});

function supports(encoding: string): boolean {
  try {
    new TextDecoder(encoding);
    return true;
  } catch {
    return false;
  }
}
