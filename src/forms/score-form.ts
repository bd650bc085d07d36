/**
 * The self-assessment form of one unit: its cluster's scoring table criterion by criterion, grouped
 * by section, each with its maximum; the points column filled with what the unit kept so far, else
 * what the year's results give (marked so); a column for evidence (a link) and a note; the total as
 * a formula (deductions taken off). Read back into the points to keep, with problems by row.
 */
import type ExcelJS from 'exceljs';
import { parseVnNumber } from '../domain/vn-input.ts';
import { readEvidenceLink } from '../domain/result-fields.ts';
import { readNote, type FieldMessage } from '../domain/target-fields.ts';
import { sheetTotal, type ScoreSheet, type ScoringTable } from '../domain/year-end/scoring.ts';
import type { StoredSheet } from '../domain/year-end/sheets.ts';
import { t, type Locale } from '../i18n/index.ts';
import { columnLetter } from './grid.ts';
import { addInstructions, cellText, columnName, FIRST_DATA_ROW, findTable, newFormWorkbook, type FormColumn } from './layout.ts';
import { fileProblem, type FormProblem } from './problems.ts';
import { openForm } from './reading.ts';

const SCORE_FORM_KEYS = ['no', 'code', 'criterion', 'criterion-kind', 'max', 'source', 'points', 'evidence', 'note'] as const;
type ScoreFormKey = (typeof SCORE_FORM_KEYS)[number];

const COLUMNS: FormColumn<ScoreFormKey>[] = [
  { key: 'no', width: 6 },
  { key: 'code', width: 10 },
  { key: 'criterion', width: 60 },
  { key: 'criterion-kind', width: 14 },
  { key: 'max', width: 10 },
  { key: 'source', width: 20 },
  { key: 'points', width: 14 },
  { key: 'evidence', width: 36 },
  { key: 'note', width: 30 },
];
const col = (key: ScoreFormKey) => COLUMNS.findIndex((c) => c.key === key);

interface ScoreFormInput {
  locale: Locale;
  movement: { code: string; name: string };
  unit: { code: string; name: string };
  group: { code: string; name: string };
  table: ScoringTable;
  /** The unit's sheet as it stands (its own points, else the year's results'). */
  sheet: StoredSheet;
}

/** "G7:G12,G14": the rows as runs of one column, for a SUM. */
function rangesOf(letter: string, rows: number[]): string {
  const runs: string[] = [];
  for (let i = 0; i < rows.length; ) {
    let j = i;
    while (j + 1 < rows.length && rows[j + 1] === rows[j]! + 1) j++;
    runs.push(rows[i] === rows[j] ? `${letter}${rows[i]}` : `${letter}${rows[i]}:${letter}${rows[j]}`);
    i = j + 1;
  }
  return runs.join(',');
}

export async function writeScoreForm(input: ScoreFormInput): Promise<Buffer> {
  const { locale, movement, unit, group, table, sheet: stored } = input;
  const { workbook, sheet } = newFormWorkbook(
    locale,
    t(locale, 'score-form-sheet'),
    [unit.name.toUpperCase(), t(locale, 'score-form-title'), `${group.name} · ${movement.name}`, t(locale, 'score-form-subtitle')],
    COLUMNS,
    { form: 'score', movement: movement.code, unit: unit.code, group: group.code },
    [],
  );
  const lineOf = new Map(stored.lines.map((l) => [l.code, l]));
  const added: number[] = [];
  const taken: number[] = [];
  let r = FIRST_DATA_ROW;
  let section: string | undefined;
  table.criteria.forEach((c, i) => {
    if (c.section !== section) {
      section = c.section;
      const cell = sheet.getRow(r++).getCell(col('criterion') + 1);
      cell.value = c.section;
      cell.font = { bold: true };
    }
    const row = sheet.getRow(r);
    const line = lineOf.get(c.code);
    row.getCell(col('no') + 1).value = i + 1;
    row.getCell(col('code') + 1).value = c.code;
    row.getCell(col('criterion') + 1).value = c.title;
    row.getCell(col('criterion') + 1).alignment = { wrapText: true, vertical: 'top' };
    row.getCell(col('criterion-kind') + 1).value = t(locale, 'score-form-kind', { kind: c.kind });
    row.getCell(col('max') + 1).value = c.max;
    row.getCell(col('source') + 1).value = line?.prefilled ? t(locale, 'score-form-from-results') : null;
    row.getCell(col('points') + 1).value = line?.self ?? null;
    row.getCell(col('points') + 1).numFmt = '0.##';
    const evidence = stored.evidence.get(c.code);
    if (evidence?.kind === 'link') row.getCell(col('evidence') + 1).value = evidence.ref;
    (c.kind === 'deduction' ? taken : added).push(r);
    r++;
  });
  const points = columnLetter(col('points'));
  const total = sheet.getRow(r + 1);
  total.getCell(col('criterion') + 1).value = t(locale, 'score-form-total');
  total.getCell(col('criterion') + 1).font = { bold: true };
  const formula = `SUM(${rangesOf(points, added)})${taken.length > 0 ? `-SUM(${rangesOf(points, taken)})` : ''}`;
  total.getCell(col('points') + 1).value = { formula, result: stored.total };
  total.getCell(col('points') + 1).font = { bold: true };
  addInstructions(workbook, locale, t(locale, 'form-instructions-title'), [t(locale, 'score-form-help', { unit: unit.name, group: group.name })]);
  return Buffer.from(await (workbook as ExcelJS.Workbook).xlsx.writeBuffer());
}

interface ScoreImportLine {
  line: number;
  code: string;
  points: number;
  evidenceRef: string | null;
  note: string | null;
}

export interface ScoreImportPlan {
  lines: ScoreImportLine[];
  /** Criteria whose points the year's results filled in, left as they were (kept as filled in). */
  prefilledKept: number;
  /** Criteria left blank. */
  blank: number;
  /** The sheet's total once saved, and whether every score criterion then has points. */
  total: number;
  complete: boolean;
}

export type ScoreImportReading = { ok: true; plan: ScoreImportPlan } | { ok: false; problems: FormProblem[] };

/** The points in a cell: a number from 0 to the criterion's maximum, Vietnamese notation ("7,5"). */
function readPoints(raw: string, max: number): { ok: true; value: number } | { ok: false; problem: FieldMessage } {
  const reading = parseVnNumber(raw);
  if (reading.kind === 'ambiguous') return { ok: false, problem: { key: 'form-err-number-ambiguous', args: { value: raw } } };
  if (reading.kind !== 'ok' || reading.percent) return { ok: false, problem: { key: 'form-err-number', args: { value: raw } } };
  if (reading.value < 0 || reading.value > max) return { ok: false, problem: { key: 'score-form-err-range', args: { value: raw, max } } };
  return { ok: true, value: Math.round(reading.value * 100) / 100 };
}

/**
 * Reads a sent-back self-assessment form of unit `unitCode` against its table and its sheet as it
 * stands: a sheet already sent to the cluster head takes nothing.
 */
export async function readScoreForm(bytes: Buffer, fileName: string, unitCode: string, table: ScoringTable, sheet: StoredSheet): Promise<ScoreImportReading> {
  const opened = await openForm(bytes, fileName, { form: 'score', unit: unitCode });
  if (!opened.ok) return opened;
  if (sheet.sentAt !== null) return { ok: false, problems: [fileProblem('err-score-already-sent')] };
  const found = findTable(opened.grids.sheets, SCORE_FORM_KEYS, ['code', 'points']);
  if (!found) return { ok: false, problems: [fileProblem('form-file-no-header')] };
  const criteria = new Map(table.criteria.map((c) => [c.code.toUpperCase(), c]));
  const before = new Map(sheet.lines.map((l) => [l.code, l]));
  const problems: FormProblem[] = [];
  const lines: ScoreImportLine[] = [];
  const seen = new Set<string>();
  let prefilledKept = 0;
  let blank = 0;
  for (const row of found.grid.rows) {
    if (row.line <= found.headerLine) continue;
    const get = (key: ScoreFormKey) => cellText(found, row, key);
    const at = (key: ScoreFormKey, message: FieldMessage) => problems.push({ line: row.line, column: columnName(found, key), message });
    const code = get('code');
    // A section's heading or the total (its formula may come back as a plain number from a CSV): no criterion code on the row.
    if (code === '') {
      if (get('points') !== '' && get('criterion') === '') at('code', { key: 'score-form-err-no-code' });
      continue;
    }
    const criterion = criteria.get(code.toUpperCase());
    if (!criterion) {
      at('code', { key: 'score-form-err-code', args: { code } });
      continue;
    }
    if (seen.has(criterion.code)) {
      at('code', { key: 'score-form-err-code-twice', args: { code: criterion.code } });
      continue;
    }
    seen.add(criterion.code);
    if (row.cells[found.columns.points!]?.formula) {
      at('points', { key: 'form-err-formula' });
      continue;
    }
    const raw = get('points');
    const evidence = readEvidenceLink(get('evidence'));
    const note = readNote(get('note'));
    if (!evidence.ok) at('evidence', evidence.problem);
    if (!note.ok) at('note', note.problem);
    if (raw === '') {
      if ((evidence.ok && evidence.value) || (note.ok && note.value)) at('points', { key: 'form-err-required' });
      else blank++;
      continue;
    }
    const points = readPoints(raw, criterion.max);
    if (!points.ok) at('points', points.problem);
    if (!points.ok || !evidence.ok || !note.ok) continue;
    const was = before.get(criterion.code);
    // Points the year's results filled in, left untouched and with nothing added: they stay marked as filled in.
    if (was?.prefilled && was.self === points.value && !evidence.value && !note.value) {
      prefilledKept++;
      continue;
    }
    lines.push({ line: row.line, code: criterion.code, points: points.value, evidenceRef: evidence.value, note: note.value });
  }
  if (problems.length > 0) return { ok: false, problems };
  if (lines.length === 0) return { ok: false, problems: [fileProblem('score-form-no-points')] };
  const entered = new Map(lines.map((l) => [l.code, l.points]));
  const after: ScoreSheet = { ...sheet, lines: sheet.lines.map((l) => (entered.has(l.code) ? { ...l, self: entered.get(l.code)!, prefilled: false } : l)) };
  return { ok: true, plan: { lines, prefilledKept, blank, ...sheetTotal(table, after) } };
}
