/**
 * What the two forms have in common: a title block, a header row, the data rows below it with a
 * hidden id column (so an edited row is recognised as the same target), a short instructions
 * sheet, a hidden sheet of the lists the drop-downs offer, and a hidden `_meta` sheet naming the
 * form, the unit, the movement and the period. Headers and texts come from the locale files; the
 * reader recognises a header in either language.
 */
import ExcelJS from 'exceljs';
import { LOCALES, type FORM_KINDS } from '../util/vocabulary.ts';
import { t, type Locale } from '../i18n/index.ts';
import { fold } from '../util/text.ts';
import { XLSX_HEADER_STYLE } from '../export/xlsx.ts';
import { columnLetter, META_SHEET, type Grid, type GridRow } from './grid.ts';

export interface FormColumn<K extends string> {
  key: K;
  width: number;
  hidden?: boolean;
}

type FormKindName = (typeof FORM_KINDS)[number];

/** The header row's place: a title block above it. */
const HEADER_ROW = 5;
export const FIRST_DATA_ROW = HEADER_ROW + 1;
/** Rows below the filled ones that still get drop-downs and formats, for targets added in the sheet. */
export const SPARE_ROWS = 100;
const LISTS_SHEET = 'DanhMuc';

const headerLabel = (locale: Locale, key: string) => t(locale, `form-col-${key}`);

export interface FormMeta {
  form: FormKindName;
  movement: string;
  unit: string;
  period?: string;
  /** The cluster/block of a score sheet. */
  group?: string;
}

/** A new workbook with the data sheet's title block and header row, the lists sheet and `_meta`. */
export function newFormWorkbook<K extends string>(
  locale: Locale,
  sheetName: string,
  titleLines: string[],
  columns: FormColumn<K>[],
  meta: FormMeta,
  lists: string[][],
): { workbook: ExcelJS.Workbook; sheet: ExcelJS.Worksheet; listRange: (index: number) => string } {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Trợ lý Thi đua';
  const sheet = workbook.addWorksheet(sheetName, {
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
    views: [{ state: 'frozen', ySplit: HEADER_ROW, topLeftCell: `A${FIRST_DATA_ROW}`, activeCell: `B${FIRST_DATA_ROW}` }],
  });
  sheet.columns = columns.map((c) => ({ key: c.key, width: c.width, hidden: c.hidden === true }));
  titleLines.forEach((line, i) => {
    const cell = sheet.getCell(i + 1, 1);
    cell.value = line;
    cell.font = { bold: i < 2, size: i === 1 ? 14 : 12 };
  });
  const header = sheet.getRow(HEADER_ROW);
  header.values = columns.map((c) => headerLabel(locale, c.key));
  header.eachCell((cell) => (cell.style = XLSX_HEADER_STYLE));
  header.height = 32;

  const listSheet = workbook.addWorksheet(LISTS_SHEET, { state: 'hidden' });
  lists.forEach((values, col) => values.forEach((value, row) => (listSheet.getCell(row + 1, col + 1).value = value)));
  const listRange = (index: number) => `${LISTS_SHEET}!$${columnLetter(index)}$1:$${columnLetter(index)}$${Math.max(1, lists[index]!.length)}`;

  const metaSheet = workbook.addWorksheet(META_SHEET, { state: 'veryHidden' });
  Object.entries({ ...meta, locale }).forEach(([key, value], i) => {
    metaSheet.getCell(i + 1, 1).value = key;
    metaSheet.getCell(i + 1, 2).value = value ?? '';
  });
  return { workbook, sheet, listRange };
}

/** A drop-down over a column's data rows; `strict` refuses other values, else it only suggests. */
export function addDropDown(sheet: ExcelJS.Worksheet, column: number, lastRow: number, formula: string, strict: boolean, title: string, message: string, firstRow = FIRST_DATA_ROW): void {
  const letter = columnLetter(column);
  // Range validations: one entry for the whole column (exceljs writes the address as the sqref).
  (sheet as unknown as { dataValidations: { add(address: string, v: ExcelJS.DataValidation): void } }).dataValidations.add(
    `${letter}${firstRow}:${letter}${lastRow}`,
    {
      type: 'list',
      allowBlank: true,
      formulae: [formula],
      showErrorMessage: strict,
      errorStyle: 'stop',
      errorTitle: title,
      error: message,
    },
  );
}

/** The instructions sheet: one paragraph a row. */
export function addInstructions(workbook: ExcelJS.Workbook, locale: Locale, title: string, lines: string[]): void {
  const sheet = workbook.addWorksheet(t(locale, 'form-instructions-sheet'));
  sheet.getColumn(1).width = 110;
  sheet.getCell(1, 1).value = title;
  sheet.getCell(1, 1).font = { bold: true, size: 14 };
  lines.forEach((line, i) => {
    const cell = sheet.getCell(i + 3, 1);
    cell.value = line;
    cell.alignment = { wrapText: true, vertical: 'top' };
  });
}

/** Where the header row is and which column holds what, recognised in any of our languages. */
interface FoundTable<K extends string> {
  grid: Grid;
  headerLine: number;
  columns: Partial<Record<K, number>>;
  headers: Partial<Record<K, string>>;
}

export function findTable<K extends string>(grids: Grid[], keys: readonly K[], required: readonly K[]): FoundTable<K> | undefined {
  const labels = new Map<string, K>();
  for (const locale of LOCALES) for (const key of keys) labels.set(fold(headerLabel(locale, key)), key);
  for (const grid of grids) {
    for (const row of grid.rows.slice(0, 15)) {
      const columns: Partial<Record<K, number>> = {};
      const headers: Partial<Record<K, string>> = {};
      row.cells.forEach((cell, i) => {
        const key = labels.get(fold(cell.text));
        if (key !== undefined && columns[key] === undefined) {
          columns[key] = i;
          headers[key] = cell.text;
        }
      });
      if (required.every((k) => columns[k] !== undefined)) return { grid, headerLine: row.line, columns, headers };
    }
  }
  return undefined;
}

/** A data row's cell text for a column ('' when the column is absent or the cell empty). */
export const cellText = <K extends string>(table: FoundTable<K>, row: GridRow, key: K): string => {
  const index = table.columns[key];
  return index === undefined ? '' : (row.cells[index]?.text ?? '');
};

/** "F (Kế hoạch)": how a problem names its column. */
export const columnName = <K extends string>(table: FoundTable<K>, key: K): string => {
  const index = table.columns[key];
  return index === undefined ? (table.headers[key] ?? key) : `${columnLetter(index)} (${table.headers[key]})`;
};
