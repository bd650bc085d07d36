/**
 * Every period and year report of a scripted 2020, read back with the independent DOCX reader: the
 * totals of each table equal the sum of its rows, the tables of page 1 and the annex agree, and all
 * of them equal the targets as the database holds them (each target of a sent registration counted
 * once, from the lines reported in that period). A unit that did not report a period is "chưa báo
 * cáo" there, never "không đạt".
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
import { listPeriods, resolveMovement } from '../../src/domain/movements.ts';
import { recordProgressReport, type ProgressLineInput } from '../../src/domain/progress.ts';
import { addTarget, approveRegistration, ensureRegistration, submitRegistration, type TargetInput } from '../../src/domain/registrations.ts';
import { loadSampleMovement } from '../../src/sample/load.ts';
import { readDocx, type DocxContent } from '../helpers/docx.ts';
import { openTempDatabase, removeTempDatabases } from '../helpers/db.ts';

const at = (day: string) => Date.parse(`${day}T03:00:00Z`); // 10:00 in Hà Nội
const liaison: Actor = { label: 'telegram:1' };
const board: Actor = { label: 'cli' };
/** The documents are made on 01/02/2021, every period of 2020 over and due. */
const NOW = at('2021-02-01');
const PERIODS = ['Q2020-1', 'Q2020-2', 'H2020-1', 'Q2020-3', 'Q2020-4', 'H2020-2', 'Y2020'];
const COUNT_KEYS = ['targets', 'exceeded', 'met', 'inProgress', 'notMet', 'notReported'] as const;
type Counts = Record<(typeof COUNT_KEYS)[number], number>;

let dir: string;
let db: Db;
let movementId: number;
const docs = new Map<string, DocxContent>();

/**
 * Sở Nội vụ reports every period (its qualitative target skipped in Quý IV); Sở Tư pháp only the
 * 6-month report; Sở Kế hoạch và Đầu tư only the year's, one target left out.
 */
function scriptedYear(database: Db) {
  loadSampleMovement(database, board, at('2020-01-02'));
  const movement = resolveMovement(database, 'ND-2020');
  movementId = movement.id;
  const unit = (code: string) => database.select().from(units).where(eq(units.code, code)).get()!.id;
  const area = (n: number) => database.select().from(contentAreas).where(eq(contentAreas.number, n)).all().find((a) => a.movementId === movement.id)!.id;
  const period = (code: string) => listPeriods(database, movement.id).find((p) => p.code === code)!.id;
  const register = (code: string, targets: (Omit<TargetInput, 'contentAreaId'> & { area: number })[]) => {
    const reg = ensureRegistration(database, movement.id, unit(code), at('2020-02-20')).id;
    const ids = targets.map(({ area: n, ...t }) => addTarget(database, reg, { contentAreaId: area(n), ...t }, liaison, at('2020-02-20')).id);
    submitRegistration(database, reg, liaison, at('2020-02-25'));
    approveRegistration(database, reg, board, at('2020-02-27'));
    return { reg, ids };
  };
  const report = (reg: number, code: string, day: string, lines: ProgressLineInput[]) =>
    recordProgressReport(database, { registrationId: reg, periodId: period(code), lines }, liaison, at(day));

  const snv = register('SNV', [
    { area: 6, text: 'Tỷ lệ hồ sơ giải quyết đúng hạn', kind: 'quantitative', measure: '%', plannedValue: 98.5, direction: 'at_least', dueOn: '2020-12-31' },
    { area: 6, text: 'Số hồ sơ giải quyết trực tuyến', kind: 'quantitative', measure: 'hồ sơ', plannedValue: 1200, direction: 'at_least', dueOn: '2020-06-30' },
    { area: 9, text: 'Tổ chức hội nghị sơ kết', kind: 'qualitative', dueOn: '2020-09-30' },
  ]);
  const [rate, count, meeting] = snv.ids as [number, number, number];
  report(snv.reg, 'Q2020-1', '2020-04-05', [{ targetId: rate, value: 97 }, { targetId: count, value: 500 }, { targetId: meeting, assessment: 'not_started' }]);
  report(snv.reg, 'Q2020-2', '2020-07-05', [{ targetId: rate, value: 98.6 }, { targetId: count, value: 800 }, { targetId: meeting, assessment: 'in_progress' }]);
  report(snv.reg, 'H2020-1', '2020-07-06', [{ targetId: rate, value: 98.6 }, { targetId: count, value: 1300, cumulative: true }, { targetId: meeting, assessment: 'in_progress' }]);
  report(snv.reg, 'Q2020-3', '2020-10-05', [{ targetId: rate, value: 98 }, { targetId: count, value: 100 }, { targetId: meeting, assessment: 'in_progress' }]);
  report(snv.reg, 'Q2020-4', '2021-01-05', [{ targetId: rate, value: 98.4 }, { targetId: count, value: 50 }]);
  report(snv.reg, 'H2020-2', '2021-01-06', [{ targetId: rate, value: 98.4 }, { targetId: count, value: 150 }, { targetId: meeting, assessment: 'met' }]);
  report(snv.reg, 'Y2020', '2021-01-08', [{ targetId: rate, value: 98.7 }, { targetId: count, value: 1450 }, { targetId: meeting, assessment: 'met' }]);

  const stp = register('STP', [
    { area: 1, text: 'Giải ngân vốn đầu tư công', kind: 'quantitative', measure: 'tỷ đồng', plannedValue: 1.5, direction: 'at_least', dueOn: '2020-12-31' },
    { area: 9, text: 'Hoàn thành số hóa hồ sơ hộ tịch', kind: 'qualitative', dueOn: '2020-12-31' },
    { area: 5, text: 'Số vụ vi phạm', kind: 'quantitative', measure: 'vụ', plannedValue: 3, direction: 'at_most', dueOn: '2020-12-31' },
  ]);
  report(stp.reg, 'H2020-1', '2020-07-08', stp.ids.map((id, i) => (i === 1 ? { targetId: id, assessment: 'in_progress' as const } : { targetId: id, value: 0.5, cumulative: true })));

  const skhdt = register('SKHDT', [
    { area: 1, text: 'Thu hút vốn đầu tư trực tiếp', kind: 'quantitative', measure: 'tỷ đồng', plannedValue: 1500, direction: 'at_least', dueOn: '2020-12-31' },
    { area: 2, text: 'Xây dựng cơ sở dữ liệu doanh nghiệp', kind: 'qualitative' },
  ]);
  report(skhdt.reg, 'Y2020', '2021-01-20', [{ targetId: skhdt.ids[0]!, value: 1200 }]);
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'thidua-period-totals-'));
  db = openTempDatabase().db;
  scriptedYear(db);
  for (const code of PERIODS) docs.set(code, readDocx((await writeDocument(db, { kind: 'period', periodCode: code, dir, now: NOW })).path));
});

afterAll(() => {
  removeTempDatabases();
  rmSync(dir, { recursive: true, force: true });
});

/** "3 (75%)" → 3. */
const count = (cell: string) => Number(/^[\d.]+/.exec(cell)?.[0]?.replace(/\./g, '') ?? Number.NaN);
const countsOf = (row: string[]): Counts => Object.fromEntries(COUNT_KEYS.map((k, i) => [k, count(row[row.length - COUNT_KEYS.length + i]!)])) as Counts;
const sum = (rows: Counts[]): Counts => Object.fromEntries(COUNT_KEYS.map((k) => [k, rows.reduce((n, r) => n + r[k], 0)])) as Counts;

/** Each table that ends on a "Tổng cộng" row: its rows' counts and the total's. */
function countTables(doc: DocxContent) {
  return doc.tables
    .filter((t) => t.at(-1)?.some((cell) => cell === 'Tổng cộng'))
    .map((t) => ({ header: t[0]![0]!, rows: t.slice(1, -1).map(countsOf), total: countsOf(t.at(-1)!) }));
}

/**
 * The targets of sent registrations as the database holds them, for a period: each target's
 * latest line in that period (none: chưa báo cáo); a quantitative one as its line was judged, a
 * qualitative one not done by its due date (the movement's end without one) không đạt.
 */
function fromDatabase(code: string): Counts {
  const rows = db.$client
    .prepare(
      `SELECT t.kind, coalesce(t.due_on, m.ends_on) AS due, p.ends_on AS asOf,
              (SELECT l.assessment FROM progress_lines l JOIN progress_reports pr ON pr.id = l.report_id
                WHERE l.target_id = t.id AND pr.period_id = p.id ORDER BY pr.revision DESC LIMIT 1) AS assessment,
              (SELECT count(*) FROM progress_lines l JOIN progress_reports pr ON pr.id = l.report_id
                WHERE l.target_id = t.id AND pr.period_id = p.id) AS lines
         FROM targets t JOIN registrations r ON r.id = t.registration_id JOIN movements m ON m.id = r.movement_id
         JOIN reporting_periods p ON p.movement_id = m.id AND p.code = ?
        WHERE r.movement_id = ? AND r.version > 0 AND t.deleted_at IS NULL`,
    )
    .all(code, movementId) as { kind: string; due: string; asOf: string; assessment: string | null; lines: number }[];
  const counts: Counts = { targets: 0, exceeded: 0, met: 0, inProgress: 0, notMet: 0, notReported: 0 };
  for (const r of rows) {
    counts.targets++;
    let a = r.assessment;
    if (r.lines === 0) a = null;
    else if (r.kind === 'qualitative' && r.asOf >= r.due && (a === 'in_progress' || a === 'not_started')) a = 'not_met';
    if (a === null) counts.notReported++;
    else if (a === 'exceeded') counts.exceeded++;
    else if (a === 'met') counts.met++;
    else if (a === 'not_met') counts.notMet++;
    else counts.inProgress++;
  }
  return counts;
}

describe('the period and year reports add up', () => {
  it.each(PERIODS)('%s: every table sums to its total, page 1 and the annex agree, and both equal the database', (code) => {
    const tables = countTables(docs.get(code)!);
    // Content areas and clusters on page 1, units in the annex.
    expect(tables.map((t) => t.header)).toEqual(['Nội dung thi đua', 'Cụm, khối thi đua', 'STT']);
    const expected = fromDatabase(code);
    expect(expected.targets).toBe(8);
    for (const table of tables) {
      expect(sum(table.rows), `${code}: rows of "${table.header}"`).toEqual(table.total);
      expect(table.total, `${code}: total of "${table.header}"`).toEqual(expected);
    }
  });

  it('the year report: a unit that sent only the 6-month report is chưa báo cáo, never không đạt, on page 1 and in the annex alike', () => {
    const doc = docs.get('Y2020')!;
    const annex = doc.tables.find((t) => t[0]?.[0] === 'STT')!;
    const stp = annex.find((r) => r[1] === 'Sở Tư pháp')!;
    expect(stp[3]).toBe('Chưa báo cáo');
    expect(countsOf(stp)).toEqual({ targets: 3, exceeded: 0, met: 0, inProgress: 0, notMet: 0, notReported: 3 });
    // Sở Kế hoạch và Đầu tư reported one of its two targets: the other is chưa báo cáo.
    const skhdt = annex.find((r) => r[1] === 'Sở Kế hoạch và Đầu tư')!;
    expect(countsOf(skhdt)).toEqual({ targets: 2, exceeded: 0, met: 0, inProgress: 0, notMet: 1, notReported: 1 });
    expect(doc.paragraphs.join('\n')).toMatch(/Sở Tư pháp/);
    // Quý IV is judged on its own reports, not on the year's sent after it.
    const q4 = docs.get('Q2020-4')!.tables.find((t) => t[0]?.[0] === 'STT')!;
    expect(countsOf(q4.find((r) => r[1] === 'Sở Nội vụ')!)).toEqual({ targets: 3, exceeded: 1, met: 0, inProgress: 0, notMet: 1, notReported: 1 });
  });
});
