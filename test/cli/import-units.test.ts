import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { closeDatabase, openDatabase } from '../../src/db/connection.ts';
import { cliSandbox, useCliSandboxes, type CliSandbox } from '../helpers/cli.ts';

useCliSandboxes();

function query<T>(cli: CliSandbox, sql: string): T[] {
  const db = openDatabase(cli.dbPath);
  try {
    return db.$client.prepare(sql).all() as T[];
  } finally {
    closeDatabase(db);
  }
}

const membersOf = (cli: CliSandbox, group: string) =>
  query<{ code: string }>(
    cli,
    `SELECT u.code FROM group_members m JOIN groups g ON g.id = m.group_id JOIN units u ON u.id = m.unit_id WHERE g.code = '${group}' ORDER BY u.code`,
  ).map((r) => r.code);

// As Excel in the Vietnamese locale saves it: a byte-order mark, ";" between fields, CRLF.
const CSV = [
  'Mã đơn vị;Tên đơn vị;Loại;Cụm/Khối;Vai trò',
  'SNV;Sở Nội vụ;Sở;Khối Nội chính;Khối trưởng',
  'STP;Sở Tư pháp;;Khối Nội chính;Phó',
  'HNAM;UBND huyện Nam Sơn;Huyện;Cụm thi đua số 3;Trưởng',
  'HBAC;"UBND huyện Bắc Sơn; (mới)";huyện/thành phố;Cụm thi đua số 3;',
].join('\r\n');

describe('thidua import-units', () => {
  it('shows what a CSV with Vietnamese headers would change, without writing, in a dry run', async () => {
    const cli = cliSandbox();
    await cli.run('load-sample');
    const file = join(cli.dir, 'don-vi.csv');
    writeFileSync(file, `\uFEFF${CSV}`);
    const run = await cli.run('import-units', file, '--dry-run');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('+ đơn vị mới HNAM: UBND huyện Nam Sơn');
    expect(run.stdout).toContain('+ cụm/khối mới CUM-THI-DUA-SO-3');
    expect(run.stdout).toContain('Chạy thử: 2 đơn vị mới, 0 cập nhật, 2 giữ nguyên');
    expect(query(cli, "SELECT code FROM units WHERE code IN ('HNAM','HBAC')")).toEqual([]);
    expect(membersOf(cli, 'KHOI-NC')).toEqual(['SNV', 'STP', 'TTT', 'VPUBND']);
  });

  it('imports units and sets the members, head and deputy of the clusters it names', async () => {
    const cli = cliSandbox();
    await cli.run('load-sample');
    const auditCount = () => query<{ n: number }>(cli, "SELECT count(*) AS n FROM audit_log WHERE action IN ('unit.create', 'group.create', 'group.update')")[0]!.n;
    const auditBefore = auditCount();
    const file = join(cli.dir, 'don-vi.csv');
    writeFileSync(file, `\uFEFF${CSV}`);
    const run = await cli.run('import-units', file, '--json');
    expect(run.code).toBe(0);
    expect(query(cli, "SELECT code, name, kind FROM units WHERE code IN ('HNAM','HBAC') ORDER BY code")).toEqual([
      { code: 'HBAC', name: 'UBND huyện Bắc Sơn; (mới)', kind: 'huyen' },
      { code: 'HNAM', name: 'UBND huyện Nam Sơn', kind: 'huyen' },
    ]);
    // The file is the list for the groups it names: Khối Nội chính now has exactly SNV and STP.
    expect(membersOf(cli, 'KHOI-NC')).toEqual(['SNV', 'STP']);
    expect(membersOf(cli, 'CUM-THI-DUA-SO-3')).toEqual(['HBAC', 'HNAM']);
    expect(
      query(cli, "SELECT g.kind, h.code AS head, d.code AS deputy FROM groups g LEFT JOIN units h ON h.id = g.head_unit_id LEFT JOIN units d ON d.id = g.deputy_unit_id WHERE g.code IN ('KHOI-NC', 'CUM-THI-DUA-SO-3') ORDER BY g.code"),
    ).toEqual([
      { kind: 'cum', head: 'HNAM', deputy: null },
      { kind: 'khoi', head: 'SNV', deputy: 'STP' },
    ]);
    // Two units created, one group created, one changed: each in the audit log.
    expect(auditCount() - auditBefore).toBe(4);
  });

  it('reads the same list from an XLSX workbook, with dates and an old unit closed', async () => {
    const cli = cliSandbox();
    await cli.run('load-sample');
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Danh sách');
    sheet.addRow(['Mã ĐV', 'Tên đơn vị', 'Loại đơn vị', 'Hiệu lực từ', 'Hiệu lực đến']);
    sheet.addRow(['HML', 'UBND huyện Mỹ Lộc', 'Huyện', new Date(Date.UTC(2000, 0, 1)), '30/06/2025']);
    sheet.addRow(['SKHDT', 'Sở Kế hoạch và Đầu tư', 'Sở', '', '']);
    const file = join(cli.dir, 'don-vi.xlsx');
    await workbook.xlsx.writeFile(file);
    const run = await cli.run('import-units', file);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(query(cli, "SELECT valid_from, valid_to FROM units WHERE code = 'HML'")).toEqual([{ valid_from: '2000-01-01', valid_to: '2025-06-30' }]);
    expect(run.stdout).toContain('~ HML: validTo "—" → "2025-06-30"');
  });

  it('refuses a list with errors whole and says what is wrong on which line', async () => {
    const cli = cliSandbox();
    await cli.run('load-sample');
    const file = join(cli.dir, 'loi.csv');
    writeFileSync(
      file,
      ['Mã đơn vị,Tên đơn vị,Loại,Cụm/Khối,Vai trò', 'NEW1,Đơn vị mới,Sở,,', 'SNV,Sở Nội vụ,Bộ,,', 'NEW1,Trùng mã,Sở,,', 'X Y,Mã có dấu cách,Sở,,', 'HHH,UBND huyện Hải Hậu,Huyện,,Trưởng', 'NEW2,Đơn vị hai,Sở,,,'].join('\n'),
    );
    const run = await cli.run('import-units', file);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('dòng 3 [kind]: không hiểu loại đơn vị "Bộ"');
    expect(run.stderr).toContain('dòng 4 [code]: mã NEW1 đã có ở dòng 2');
    expect(run.stderr).toContain('dòng 5 [code]');
    expect(run.stderr).toContain('dòng 6 [group]');
    expect(query(cli, "SELECT code FROM units WHERE code LIKE 'NEW%'")).toEqual([]);
  });

  it('reads the units’ office phones (whom the Board calls when reminders reach nobody), keeps a phone an empty cell leaves out, refuses one it cannot read', async () => {
    const cli = cliSandbox();
    await cli.run('load-sample');
    const file = join(cli.dir, 'dien-thoai.csv');
    writeFileSync(file, ['Mã đơn vị,Tên đơn vị,Loại,Điện thoại', 'SNV,Sở Nội vụ,Sở,0228 3649 123', 'STP,Sở Tư pháp,Sở,'].join('\n'));
    expect((await cli.run('import-units', file)).code).toBe(0);
    expect(query(cli, "SELECT code, phone FROM units WHERE code IN ('SNV', 'STP') ORDER BY code")).toEqual([
      { code: 'SNV', phone: '0228 3649 123' },
      { code: 'STP', phone: null },
    ]);
    writeFileSync(file, ['Mã đơn vị,Tên đơn vị,Loại,Điện thoại', 'SNV,Sở Nội vụ,Sở,', 'STP,Sở Tư pháp,Sở,gọi anh Nam'].join('\n'));
    const refused = await cli.run('import-units', file);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('dòng 3 [phone]: Số điện thoại "gọi anh Nam" không hợp lệ');
    writeFileSync(file, ['Mã đơn vị,Tên đơn vị,Loại,Điện thoại', 'SNV,Sở Nội vụ,Sở,'].join('\n'));
    expect((await cli.run('import-units', file)).code).toBe(0);
    expect(query(cli, "SELECT phone FROM units WHERE code = 'SNV'")).toEqual([{ phone: '0228 3649 123' }]);
  });

  it('says plainly when the file is not a spreadsheet it can read', async () => {
    const cli = cliSandbox();
    const file = join(cli.dir, 'cu.xls');
    writeFileSync(file, 'old binary');
    const run = await cli.run('import-units', file);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('lưu lại dạng .xlsx');
  });
});
