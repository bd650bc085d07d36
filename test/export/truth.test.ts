/**
 * What the exports must get right beyond the layout: formula-injection strings come back as plain
 * text in CSV and XLSX (OWASP: a ' in front, never a formula); a returned registration shows its
 * status, version and reason; "Lũy kế" is the running total of a count (never of a rate), as each
 * report left it; a unit whose deadline the Board extended is not overdue before its own date.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../src/db/connection.ts';
import { extendDeadline } from '../../src/domain/deadlines.ts';
import { listPeriods, resolveMovement } from '../../src/domain/movements.ts';
import { recordProgressReport } from '../../src/domain/progress.ts';
import { addTarget, ensureRegistration, returnRegistration, submitRegistration } from '../../src/domain/registrations.ts';
import { exportMovement } from '../../src/export/index.ts';
import { parseCsv } from '../../src/io/csv.ts';
import { readZip } from '../helpers/docx.ts';
import { openTempDatabase, useTempDatabases } from '../helpers/db.ts';
import { buildFixture, EXPORT_AT, type Fixture } from './fixture.ts';

useTempDatabases();

const at = (day: string) => Date.parse(`${day}T03:00:00Z`);
const actor = { label: 'test' };

/** The OWASP cheat sheet's examples (a tab or CR in front cannot be saved: texts are trimmed; see the CSV field test). */
const INJECTIONS = ['=HYPERLINK("http://x","y")', '+SUM(1,2)', "-2+3+cmd|' /C calc'!A0", '@SUM(1,1)'];

describe('exports that tell the truth', () => {
  let db: Db;
  let out: string;
  let fx: Fixture;

  beforeEach(() => {
    const temp = openTempDatabase();
    db = temp.db;
    out = join(temp.dir, 'exports');
    fx = buildFixture(db);
    const movement = fx.movement;
    // HGT: targets whose texts a spreadsheet would run, sent, then returned with a reason.
    const hgt = ensureRegistration(db, movement.id, fx.unit('HGT'), at('2020-03-20')).id;
    INJECTIONS.forEach((text, i) =>
      addTarget(db, hgt, { contentAreaId: fx.area(1), text, kind: 'qualitative', note: i === 0 ? '=1+1' : null }, actor, at('2020-03-20')),
    );
    submitRegistration(db, hgt, actor, at('2020-03-25'));
    returnRegistration(db, hgt, 'Bổ sung chỉ tiêu về cải cách hành chính', actor, at('2020-03-26'));
    // MTTQ: a count reported for each quarter alone, Quý II corrected; and a rate.
    const mttq = ensureRegistration(db, movement.id, fx.unit('MTTQ'), at('2020-03-20')).id;
    const count = addTarget(db, mttq, { contentAreaId: fx.area(2), text: 'Hộ gia đình được hỗ trợ', kind: 'quantitative', measure: 'hộ', plannedValue: 1000, direction: 'at_least', dueOn: '2020-12-31' }, actor, at('2020-03-20')).id;
    const rate = addTarget(db, mttq, { contentAreaId: fx.area(2), text: 'Tỷ lệ hộ hài lòng', kind: 'quantitative', measure: '%', plannedValue: 90, direction: 'at_least', dueOn: '2020-12-31' }, actor, at('2020-03-20')).id;
    submitRegistration(db, mttq, actor, at('2020-03-25'));
    const period = (code: string) => listPeriods(db, movement.id).find((p) => p.code === code)!.id;
    recordProgressReport(db, { registrationId: mttq, periodId: period('Q2020-1'), lines: [{ targetId: count, value: 100 }, { targetId: rate, value: 80 }] }, actor, at('2020-04-05'));
    recordProgressReport(db, { registrationId: mttq, periodId: period('Q2020-2'), lines: [{ targetId: count, value: 150 }, { targetId: rate, value: 85 }] }, actor, at('2020-07-02'));
    recordProgressReport(db, { registrationId: mttq, periodId: period('Q2020-2'), lines: [{ targetId: count, value: 200 }] }, actor, at('2020-07-04'));
  });

  it('formula-injection strings come back as plain text, a \' in front, in CSV and in XLSX', async () => {
    const csv = await exportMovement(db, { movementCode: 'TEST-2020', dir: out, now: EXPORT_AT, format: 'csv' });
    const targets = parseCsv(readFileSync(csv.files[1]!, 'utf8')).map((r) => r.cells);
    const hgt = targets.filter((r) => r[0] === 'HGT');
    expect(hgt.map((r) => r[7])).toEqual(INJECTIONS.map((text) => `'${text}`));
    expect(hgt[0]![11]).toBe("'=1+1");
    // Nothing in the file starts a field with a formula character.
    for (const row of targets) for (const cell of row) expect(cell).not.toMatch(/^[=+@\t\r]|^-(?!\d)/);

    const xlsx = await exportMovement(db, { movementCode: 'TEST-2020', dir: out, now: EXPORT_AT });
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(xlsx.files[0]!);
    const sheet = book.getWorksheet('Đăng ký chỉ tiêu')!;
    const cells = [];
    for (let r = 2; r <= sheet.rowCount; r++) if (sheet.getRow(r).getCell(1).value === 'HGT') cells.push(sheet.getRow(r).getCell(8));
    expect(cells.map((c) => c.value)).toEqual(INJECTIONS.map((text) => `'${text}`));
    expect(cells.every((c) => c.type === ExcelJS.ValueType.String)).toBe(true);
    // No formula anywhere in the workbook's sheets.
    for (const [name, data] of readZip(readFileSync(xlsx.files[0]!))) if (name.startsWith('xl/worksheets/')) expect(data.toString('utf8'), name).not.toContain('<f>');
  });

  it('a returned registration shows its status, version and the reason it was returned', async () => {
    const csv = await exportMovement(db, { movementCode: 'TEST-2020', dir: out, now: EXPORT_AT, format: 'csv' });
    const hgt = parseCsv(readFileSync(csv.files[1]!, 'utf8')).map((r) => r.cells).find((r) => r[0] === 'HGT')!;
    expect(hgt.slice(2, 5)).toEqual(['Trả lại', '1', 'Bổ sung chỉ tiêu về cải cách hành chính']);
  });

  it('"Lũy kế" is the running total of a count as each report left it, and nothing for a rate', async () => {
    const latest = await exportMovement(db, { movementCode: 'TEST-2020', dir: out, now: EXPORT_AT, format: 'csv' });
    const rows = (file: string) => parseCsv(readFileSync(file, 'utf8')).map((r) => r.cells).filter((r) => r[0] === 'MTTQ');
    // Period, target, value, lũy kế.
    expect(rows(latest.files[3]!).map((r) => [r[2], r[3], r[6], r[7]])).toEqual([
      ['Quý I/2020', 'Hộ gia đình được hỗ trợ', '100', '100'],
      ['Quý I/2020', 'Tỷ lệ hộ hài lòng', '80', ''],
      ['Quý II/2020', 'Hộ gia đình được hỗ trợ', '200', '300'],
    ]);
    const every = await exportMovement(db, { movementCode: 'TEST-2020', dir: join(out, 'all'), now: EXPORT_AT, format: 'csv', allRevisions: true });
    expect(rows(every.files[3]!).map((r) => [r[2], r[6], r[7], r[12]])).toEqual([
      ['Quý I/2020', '100', '100', '1'],
      ['Quý I/2020', '80', '', '1'],
      ['Quý II/2020', '150', '250', '1'],
      ['Quý II/2020', '85', '', '1'],
      ['Quý II/2020', '200', '300', '2'],
    ]);
  });

  it('a unit whose deadline was extended is not overdue before its own date', async () => {
    const movement = resolveMovement(db, 'TEST-2020');
    extendDeadline(db, movement, { unitId: fx.unit('STC'), until: '2020-07-31' }, actor, at('2020-03-30'));
    const csv = await exportMovement(db, { movementCode: 'TEST-2020', dir: out, now: EXPORT_AT, format: 'csv' });
    const summary = parseCsv(readFileSync(csv.files[0]!, 'utf8')).map((r) => r.cells);
    expect(summary.find((r) => r[1] === 'STC')![6]).toBe('');
    expect(summary.find((r) => r[1] === 'HGT')![6]).toBe('Quá hạn chưa nộp');
  });
});
