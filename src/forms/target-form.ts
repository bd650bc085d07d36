/**
 * The registration form (Mẫu 1a of TT 35/2011: nội dung chỉ tiêu | đơn vị tính | kế hoạch | ghi
 * chú, with the content area, kind, direction and due date the bot also keeps), written pre-filled
 * with the unit's targets, and read back into rows, then a plan (target-import.ts).
 */
import type ExcelJS from 'exceljs';
import { COMMON_MEASURES, type TargetRowCells } from '../domain/target-fields.ts';
import { formatVnDate } from '../domain/vn-input.ts';
import { excelDate } from '../export/xlsx.ts';
import { t, type Locale } from '../i18n/index.ts';
import type { Grid } from './grid.ts';
import { fileProblem } from './problems.ts';
import { openForm } from './reading.ts';
import { planTargetRows, type TargetImportContext, type TargetImportReading } from './target-import.ts';
import { addDropDown, addInstructions, cellText, columnName, FIRST_DATA_ROW, findTable, newFormWorkbook, SPARE_ROWS, type FormColumn } from './layout.ts';
import type { ContentArea, Movement, Target } from '../domain/model.ts';

const TARGET_FORM_KEYS = ['no', 'area', 'text', 'kind', 'measure', 'plan', 'direction', 'due', 'note', 'id'] as const;
type TargetFormKey = (typeof TARGET_FORM_KEYS)[number];

const COLUMNS: FormColumn<TargetFormKey>[] = [
  { key: 'no', width: 6 },
  { key: 'area', width: 36 },
  { key: 'text', width: 55 },
  { key: 'kind', width: 14 },
  { key: 'measure', width: 14 },
  { key: 'plan', width: 14 },
  { key: 'direction', width: 18 },
  { key: 'due', width: 13 },
  { key: 'note', width: 30 },
  { key: 'id', width: 10, hidden: true },
];
const col = (key: TargetFormKey) => COLUMNS.findIndex((c) => c.key === key);


const areaOption = (area: Pick<ContentArea, 'number' | 'title'>) => `${area.number}. ${area.title}`;

/** A target to write in the form: an existing one (with its id) or one carried from last year (id null). */
export type FormTarget = Pick<Target, 'contentAreaId' | 'text' | 'kind' | 'measure' | 'plannedValue' | 'direction' | 'dueOn' | 'note'> & { id: number | null };

interface TargetFormInput {
  locale: Locale;
  movement: Pick<Movement, 'code' | 'name' | 'endsOn'>;
  unit: { code: string; name: string };
  areas: ContentArea[];
  targets: FormTarget[];
  /** The registration deadline, shown in the instructions. */
  deadline: string;
  /** True when the rows are last year's targets, offered as a starting point. */
  fromLastYear?: boolean;
}

export async function writeTargetForm(input: TargetFormInput): Promise<Buffer> {
  const { locale, movement, unit, areas } = input;
  const year = movement.endsOn.slice(0, 4);
  const kinds = [t(locale, 'target-kind-quantitative'), t(locale, 'target-kind-qualitative')];
  const directions = [t(locale, 'form-direction-at_least'), t(locale, 'form-direction-at_most')];
  const { workbook, sheet, listRange } = newFormWorkbook(
    locale,
    t(locale, 'form-targets-sheet'),
    [unit.name.toUpperCase(), t(locale, 'form-targets-title', { year }), movement.name, t(locale, 'form-targets-subtitle')],
    COLUMNS,
    { form: 'targets', movement: movement.code, unit: unit.code },
    [areas.map(areaOption), kinds, COMMON_MEASURES, directions],
  );
  const areaById = new Map(areas.map((a) => [a.id, a]));
  input.targets.forEach((target, i) => {
    const area = areaById.get(target.contentAreaId);
    const row = sheet.getRow(FIRST_DATA_ROW + i);
    row.getCell(col('no') + 1).value = i + 1;
    row.getCell(col('area') + 1).value = area ? areaOption(area) : null;
    row.getCell(col('text') + 1).value = target.text;
    row.getCell(col('kind') + 1).value = kinds[target.kind === 'quantitative' ? 0 : 1]!;
    row.getCell(col('measure') + 1).value = target.kind === 'quantitative' ? target.measure : null;
    row.getCell(col('plan') + 1).value = target.kind === 'quantitative' ? target.plannedValue : null;
    row.getCell(col('direction') + 1).value = target.kind === 'quantitative' && target.direction ? directions[target.direction === 'at_least' ? 0 : 1]! : null;
    row.getCell(col('due') + 1).value = target.dueOn ? excelDate(target.dueOn) : null;
    row.getCell(col('note') + 1).value = target.note;
    row.getCell(col('id') + 1).value = target.id;
  });
  const lastRow = FIRST_DATA_ROW + input.targets.length + SPARE_ROWS;
  for (let r = FIRST_DATA_ROW; r <= lastRow; r++) {
    const row = sheet.getRow(r);
    row.getCell(col('due') + 1).numFmt = 'dd/mm/yyyy';
    row.getCell(col('text') + 1).alignment = { wrapText: true, vertical: 'top' };
  }
  const listTitle = t(locale, 'form-list-title');
  addDropDown(sheet, col('area'), lastRow, listRange(0), true, listTitle, t(locale, 'form-list-area'));
  addDropDown(sheet, col('kind'), lastRow, listRange(1), true, listTitle, t(locale, 'form-list-kind'));
  addDropDown(sheet, col('measure'), lastRow, listRange(2), false, listTitle, '');
  addDropDown(sheet, col('direction'), lastRow, listRange(3), true, listTitle, t(locale, 'form-list-direction'));
  addInstructions(workbook, locale, t(locale, 'form-instructions-title'), [
    t(locale, 'form-targets-help', { unit: unit.name, deadline: formatVnDate(input.deadline), end: formatVnDate(movement.endsOn) }),
    ...(input.fromLastYear ? [t(locale, 'form-targets-help-last-year')] : []),
  ]);
  return Buffer.from(await (workbook as ExcelJS.Workbook).xlsx.writeBuffer());
}

/** A data row of a sent-back registration form. */
interface TargetFormRow {
  line: number;
  /** The hidden id cell as written ('' for a new row). */
  id: string;
  cells: TargetRowCells;
  /** Columns (named "F (Kế hoạch)") whose cell holds a formula. */
  formulas: string[];
}

type TargetFormRead =
  | { ok: true; rows: TargetFormRow[]; columnName: (key: TargetFormKey) => string }
  /** The sheet has no header row of ours: not the registration form. */
  | { ok: false };

function readTargetRows(grids: Grid[]): TargetFormRead {
  const table = findTable(grids, TARGET_FORM_KEYS, ['area', 'text', 'plan']);
  if (!table) return { ok: false };
  const rows: TargetFormRow[] = [];
  for (const row of table.grid.rows) {
    if (row.line <= table.headerLine) continue;
    const get = (key: TargetFormKey) => cellText(table, row, key);
    const cells: TargetRowCells = {
      area: get('area'),
      text: get('text'),
      kind: get('kind'),
      measure: get('measure'),
      plan: get('plan'),
      direction: get('direction'),
      due: get('due'),
      note: get('note'),
    };
    const formulas = TARGET_FORM_KEYS.filter((key) => key !== 'no' && table.columns[key] !== undefined && row.cells[table.columns[key]!]?.formula).map((key) =>
      columnName(table, key),
    );
    // A row with only its number (or nothing we read) is an empty row of the form.
    if (Object.values(cells).every((v) => v === '') && get('id') === '' && formulas.length === 0) continue;
    rows.push({ line: row.line, id: get('id'), cells, formulas });
  }
  return { ok: true, rows, columnName: (key) => columnName(table, key) };
}

/** Reads a sent-back registration form of unit `unitCode` into a plan. */
export async function readTargetForm(bytes: Buffer, fileName: string, unitCode: string, context: TargetImportContext): Promise<TargetImportReading> {
  const opened = await openForm(bytes, fileName, { form: 'targets', unit: unitCode });
  if (!opened.ok) return opened;
  const read = readTargetRows(opened.grids.sheets);
  if (!read.ok) return { ok: false, problems: [fileProblem('form-file-no-header')] };
  return planTargetRows(read.rows, context, (column) => read.columnName(column as TargetFormKey), true);
}
