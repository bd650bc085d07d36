/**
 * The progress-report form for one period: the unit's targets (as approved) with their plans, and
 * columns for this period's result, whether it is the period's figure or the running total,
 * an evidence link and a note. Read back into progress lines with the guided report's rules.
 */
import type ExcelJS from 'exceljs';
import { asksRunningTotal, figureKind } from '../domain/figures.ts';
import type { ProgressLineInput } from '../domain/progress.ts';
import { readBasis, readEvidenceLink, readResult } from '../domain/result-fields.ts';
import { readNote } from '../domain/target-fields.ts';
import { excelDate } from '../export/xlsx.ts';
import { t, type Locale } from '../i18n/index.ts';
import { addDropDown, addInstructions, cellText, columnName, FIRST_DATA_ROW, findTable, newFormWorkbook, type FormColumn } from './layout.ts';
import { fileProblem, type FormProblem } from './problems.ts';
import { openForm } from './reading.ts';
import type { Movement, Period, Target } from '../domain/model.ts';

const RESULT_FORM_KEYS = ['no', 'text', 'measure', 'plan', 'due', 'result', 'basis', 'evidence', 'note', 'id'] as const;
type ResultFormKey = (typeof RESULT_FORM_KEYS)[number];

const COLUMNS: FormColumn<ResultFormKey>[] = [
  { key: 'no', width: 6 },
  { key: 'text', width: 55 },
  { key: 'measure', width: 14 },
  { key: 'plan', width: 14 },
  { key: 'due', width: 13 },
  { key: 'result', width: 18 },
  { key: 'basis', width: 14 },
  { key: 'evidence', width: 36 },
  { key: 'note', width: 30 },
  { key: 'id', width: 10, hidden: true },
];
const col = (key: ResultFormKey) => COLUMNS.findIndex((c) => c.key === key);
const STATES = ['not_started', 'in_progress', 'met', 'exceeded'] as const;

interface ResultFormInput {
  locale: Locale;
  movement: Pick<Movement, 'code' | 'name' | 'endsOn'>;
  unit: { code: string; name: string };
  period: Pick<Period, 'code' | 'kind'>;
  periodLabel: string;
  targets: Target[];
}

export async function writeResultForm(input: ResultFormInput): Promise<Buffer> {
  const { locale, movement, unit, period } = input;
  const states = STATES.map((state) => t(locale, 'qualitative-state', { state }));
  const bases = [t(locale, 'form-basis-period'), t(locale, 'form-basis-total')];
  const { workbook, sheet, listRange } = newFormWorkbook(
    locale,
    t(locale, 'form-results-sheet'),
    [unit.name.toUpperCase(), t(locale, 'form-results-title', { period: input.periodLabel }), movement.name, t(locale, 'form-results-subtitle')],
    COLUMNS,
    { form: 'results', movement: movement.code, unit: unit.code, period: period.code },
    [states, bases],
  );
  input.targets.forEach((target, i) => {
    const r = FIRST_DATA_ROW + i;
    const row = sheet.getRow(r);
    row.getCell(col('no') + 1).value = i + 1;
    row.getCell(col('text') + 1).value = target.text;
    row.getCell(col('text') + 1).alignment = { wrapText: true, vertical: 'top' };
    row.getCell(col('measure') + 1).value = target.kind === 'quantitative' ? target.measure : null;
    row.getCell(col('plan') + 1).value =
      target.kind === 'quantitative' ? target.plannedValue : t(locale, 'qualitative-state', { state: 'met' });
    row.getCell(col('due') + 1).value = target.dueOn ? excelDate(target.dueOn) : null;
    row.getCell(col('due') + 1).numFmt = 'dd/mm/yyyy';
    row.getCell(col('id') + 1).value = target.id;
    const listTitle = t(locale, 'form-list-title');
    if (target.kind === 'qualitative') addDropDown(sheet, col('result'), r, listRange(0), true, listTitle, t(locale, 'form-list-state'), r);
    else if (asksRunningTotal(figureKind(target.measure), period.kind)) addDropDown(sheet, col('basis'), r, listRange(1), true, listTitle, t(locale, 'form-list-basis'), r);
  });
  addInstructions(workbook, locale, t(locale, 'form-instructions-title'), [t(locale, 'form-results-help', { unit: unit.name, period: input.periodLabel })]);
  return Buffer.from(await (workbook as ExcelJS.Workbook).xlsx.writeBuffer());
}

interface ResultImportPlan {
  lines: (ProgressLineInput & { line: number })[];
  /** Targets whose result was left blank. */
  skipped: number;
  warnings: FormProblem[];
}

export type ResultImportReading = { ok: true; plan: ResultImportPlan } | { ok: false; problems: FormProblem[] };

/** Reads a sent-back report form of unit `unitCode` for `period`; `targets`: the registration's live targets. */
export async function readResultForm(bytes: Buffer, fileName: string, unitCode: string, period: Pick<Period, 'code' | 'kind'>, targets: Target[]): Promise<ResultImportReading> {
  const opened = await openForm(bytes, fileName, { form: 'results', unit: unitCode });
  if (!opened.ok) return opened;
  if (opened.grids.meta.period && opened.grids.meta.period !== period.code) return { ok: false, problems: [fileProblem('form-file-other-period', { period: opened.grids.meta.period })] };
  const table = findTable(opened.grids.sheets, RESULT_FORM_KEYS, ['id', 'result']);
  if (!table) return { ok: false, problems: [fileProblem('form-file-no-header')] };
  const byId = new Map(targets.map((target) => [String(target.id), target]));
  const problems: FormProblem[] = [];
  const plan: ResultImportPlan = { lines: [], skipped: 0, warnings: [] };
  const seen = new Set<string>();
  for (const row of table.grid.rows) {
    if (row.line <= table.headerLine) continue;
    const get = (key: ResultFormKey) => cellText(table, row, key);
    const at = (key: ResultFormKey, key2: string, args?: Record<string, string | number>) =>
      problems.push({ line: row.line, column: columnName(table, key), message: { key: key2, ...(args ? { args } : {}) } });
    for (const key of RESULT_FORM_KEYS) if (table.columns[key] !== undefined && row.cells[table.columns[key]!]?.formula) at(key, 'form-err-formula');
    const id = get('id');
    const target = byId.get(id);
    if (!target || seen.has(id)) {
      if (id !== '' || get('result') !== '') at('id', seen.has(id) ? 'form-err-id-twice' : 'form-err-id');
      continue;
    }
    seen.add(id);
    if (get('result') === '') {
      if (get('evidence') !== '' || get('note') !== '') at('result', 'form-err-required');
      else plan.skipped++;
      continue;
    }
    const result = readResult(get('result'), target);
    const basis = readBasis(get('basis'));
    const evidence = readEvidenceLink(get('evidence'));
    const note = readNote(get('note'));
    if (!result.ok) problems.push({ line: row.line, column: columnName(table, 'result'), message: result.problem });
    if (!basis.ok) problems.push({ line: row.line, column: columnName(table, 'basis'), message: basis.problem });
    if (!evidence.ok) problems.push({ line: row.line, column: columnName(table, 'evidence'), message: evidence.problem });
    if (!note.ok) problems.push({ line: row.line, column: columnName(table, 'note'), message: note.problem });
    if (!result.ok || !basis.ok || !evidence.ok || !note.ok) continue;
    if (result.value.warning) plan.warnings.push({ line: row.line, column: columnName(table, 'result'), message: result.value.warning });
    plan.lines.push({
      line: row.line,
      targetId: target.id,
      value: result.value.value,
      cumulative: basis.value,
      assessment: result.value.assessment,
      evidenceKind: evidence.value ? 'link' : null,
      evidenceRef: evidence.value,
      note: note.value,
    });
  }
  if (problems.length > 0) return { ok: false, problems };
  if (plan.lines.length === 0) return { ok: false, problems: [fileProblem('form-file-no-results')] };
  return { ok: true, plan };
}
