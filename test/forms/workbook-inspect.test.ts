import { crc32, deflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { inspectWorkbook } from '../../src/forms/workbook-inspect.ts';
import { zip, type ZipPart } from '../helpers/hostile-files.ts';

const part = (name: string, text: string): ZipPart => {
  const bytes = Buffer.from(text);
  return { name, packed: deflateRawSync(bytes), size: bytes.length, crc: crc32(bytes) };
};

/** A sheet of `rows` filled rows, each padded with blanks so that the sheet (over 1 MB) is inflated as a stream, its tags cut at every place. */
function paddedSheet(rows: number, padding: number): Buffer {
  const body = Array.from({ length: rows }, (_, i) => `<row r="${i + 1}"><c r="A${i + 1}" t="inlineStr"><is><t>x</t></is></c>${' '.repeat(padding + (i % 7))}</row>`).join('');
  return zip([
    part('xl/workbook.xml', '<workbook/>'),
    part('xl/worksheets/sheet1.xml', `<worksheet><sheetData>${body}</sheetData></worksheet>`),
  ]);
}

describe('a workbook measured from the inside', () => {
  it('counts filled rows exactly while the sheet streams in pieces: 1,000 pass, 1,001 are too long', async () => {
    expect(await inspectWorkbook(paddedSheet(1_000, 1_100))).toEqual({ ok: true });
    expect(await inspectWorkbook(paddedSheet(1_001, 1_100))).toEqual({ ok: false, reason: 'too-long', rows: 1_001 });
  });

  it('takes a form formatted far below its filled rows (5,000 styled empty rows), as Excel saves one', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Đăng ký');
    for (let r = 1; r <= 10; r++) sheet.getCell(r, 2).value = `Chỉ tiêu ${r}`;
    for (let r = 11; r <= 5_000; r++) sheet.getCell(r, 2).border = { bottom: { style: 'thin' } };
    expect(await inspectWorkbook(Buffer.from(await workbook.xlsx.writeBuffer()))).toEqual({ ok: true });
  });

  it('refuses an entry whose deflated data is cut short, or packed in a way no workbook is', async () => {
    const sheet = part('xl/worksheets/sheet1.xml', `<worksheet><sheetData>${'<row><c><v>1</v></c></row>'.repeat(100)}</sheetData></worksheet>`);
    const cut = { ...sheet, packed: sheet.packed.subarray(0, sheet.packed.length >> 1) };
    expect(await inspectWorkbook(zip([part('xl/workbook.xml', '<workbook/>'), cut]))).toEqual({ ok: false, reason: 'not-workbook' });
    const bzip = zip([part('xl/workbook.xml', '<workbook/>'), sheet]);
    bzip.writeUInt16LE(12, bzip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02])) + 10); // the sheet's method in the directory: bzip2
    expect(await inspectWorkbook(bzip)).toEqual({ ok: false, reason: 'not-workbook' });
  });
});
