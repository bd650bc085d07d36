import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateRawSync, crc32 } from 'node:zlib';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { ConsoleChat } from '../../src/channels/console/adapter.ts';
import { ChatCore } from '../../src/chat/core.ts';
import { fixedClock } from '../../src/util/clock.ts';
import { checkFormFile } from '../../src/forms/file-check.ts';
import { ALL_FLOWS } from '../../src/flows/index.ts';
import { loadSampleMovement } from '../../src/sample/load.ts';
import { silentLogger } from '../../src/util/log.ts';
import { openTempDatabase, useTempDatabases, type TempDatabase } from '../helpers/db.ts';
import { FilledForm } from '../helpers/forms.ts';

useTempDatabases();

const NOW = Date.UTC(2020, 1, 15, 3, 0);

/** A zip of the given entries (stored deflated), as any zip tool writes it. */
function zip(entries: { name: string; data: Buffer }[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const { name, data } of entries) {
    const packed = deflateRawSync(data);
    const nameBytes = Buffer.from(name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc32(data), 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc32(data), 16);
    central.writeUInt32LE(packed.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, packed);
    centrals.push(central, nameBytes);
    offset += 30 + nameBytes.length + packed.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

async function inFormWait(temp: TempDatabase): Promise<{ chat: ConsoleChat; formPath: string }> {
  loadSampleMovement(temp.db, { label: 'test' }, NOW);
  const clock = fixedClock(NOW);
  const core = new ChatCore({ db: temp.db, clock, flows: ALL_FLOWS, log: silentLogger });
  const chat = new ConsoleChat({ core, db: temp.db, locale: 'vi', clock, formsDir: join(temp.dir, 'forms') });
  await chat.handleLine('/as SNV');
  await chat.handleLine('/dangky');
  const sent = await chat.handleLine('Nhận biểu mẫu Excel');
  return { chat, formPath: /📎 [^:]+: (\S+\.xlsx)/.exec(sent)![1]! };
}

const snvTargetCount = (temp: TempDatabase) =>
  (
    temp.db.$client
      .prepare("SELECT count(*) AS n FROM targets t JOIN registrations r ON r.id = t.registration_id JOIN units u ON u.id = r.unit_id WHERE u.code = 'SNV'")
      .get() as { n: number }
  ).n;

describe('files refused whole before any row is read', () => {
  it('refuses 10,000 rows, a zip bomb, a file that is not a workbook, .xls and .ods, each with its reason, saving nothing', async () => {
    const temp = openTempDatabase();
    const { chat, formPath } = await inFormWait(temp);
    const send = async (name: string, bytes: Buffer) => {
      const path = join(temp.dir, name);
      writeFileSync(path, bytes);
      return chat.handleLine(`/file ${path}`);
    };

    const long = await FilledForm.open(formPath);
    for (let i = 1; i <= 10_000; i++) long.set(i, { area: '6', text: `Chỉ tiêu số ${i} của đơn vị`, measure: '%', plan: 90 });
    expect(await send('dai.xlsx', Buffer.from(await long.workbook.xlsx.writeBuffer()))).toContain('Bảng có 10.005 dòng, quá nhiều cho một bản đăng ký (tối đa 1.000 dòng)');

    // 60 MB of XML packed into a few kilobytes: refused from the zip's directory, never unpacked.
    const bomb = zip([
      { name: '[Content_Types].xml', data: Buffer.from('<Types/>') },
      { name: 'xl/workbook.xml', data: Buffer.from('<workbook/>') },
      { name: 'xl/worksheets/sheet1.xml', data: Buffer.alloc(60 * 1024 * 1024, 0x20) },
    ]);
    expect(bomb.length).toBeLessThan(200_000);
    expect(await send('bom.xlsx', bomb)).toContain('khi giải nén lớn bất thường');

    expect(await send('anh.xlsx', Buffer.from('%PDF-1.4 not a workbook at all'))).toContain('không phải bảng tính Excel (.xlsx) đọc được');
    expect(await send('cu.xls', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0]))).toContain('lưu lại dưới dạng .xlsx');
    expect(await send('lo.ods', zip([{ name: 'mimetype', data: Buffer.from('application/vnd.oasis.opendocument.spreadsheet') }, { name: 'content.xml', data: Buffer.from('<x/>') }]))).toContain(
      'Tệp .ods chưa đọc được',
    );
    // A broken zip named .xlsx (a download cut short).
    expect(await send('cut.xlsx', zip([{ name: 'xl/workbook.xml', data: Buffer.from('<workbook/>') }]).subarray(0, 40))).toContain('không phải bảng tính Excel');
    // The report form is not the registration form.
    const other = new ExcelJS.Workbook();
    other.addWorksheet('_meta').addRows([['form', 'results'], ['unit', 'SNV']]);
    other.addWorksheet('x').addRow(['a']);
    expect(await send('bao-cao.xlsx', Buffer.from(await other.xlsx.writeBuffer()))).toContain('Đây là biểu mẫu báo cáo kết quả');
    expect(snvTargetCount(temp)).toBe(0);
  });

  it('takes a CSV saved from the form', async () => {
    const temp = openTempDatabase();
    const { chat } = await inFormWait(temp);
    const csv = [
      'STT;Nội dung thi đua;Nội dung chỉ tiêu;Loại chỉ tiêu;Đơn vị tính;Kế hoạch;Yêu cầu;Thời hạn;Ghi chú;Mã (không sửa)',
      '1;6. Cải cách hành chính;Tỷ lệ hồ sơ giải quyết đúng hạn;Định lượng;%;98,5;Không thấp hơn;31/12/2020;;',
      '2;8;Không để xảy ra sự cố mất an toàn thông tin;Định tính;;;;;;',
    ].join('\r\n');
    const path = join(temp.dir, 'dang-ky.csv');
    writeFileSync(path, `\uFEFF${csv}`);
    expect(await chat.handleLine(`/file ${path}`)).toContain('Thêm 2, sửa 0, xóa 0');
    await chat.handleLine('Lưu');
    expect(snvTargetCount(temp)).toBe(2);
  });

  it('tells the kinds apart from the bytes alone', () => {
    expect(checkFormFile(Buffer.alloc(0))).toEqual({ kind: 'refused', reason: 'empty' });
    expect(checkFormFile(Buffer.alloc(11 * 1024 * 1024, 1))).toEqual({ kind: 'refused', reason: 'too-big' });
    expect(checkFormFile(zip([{ name: 'word/document.xml', data: Buffer.from('<w/>') }]), 'x.docx')).toEqual({ kind: 'refused', reason: 'not-workbook' });
    expect(checkFormFile(Buffer.from('a;b;c\n1;2;3'), 'x.csv')).toEqual({ kind: 'csv' });
  });
});
