/**
 * A sent-back form as rows of cells, whatever it came as (an .xlsx from Excel, WPS or Google
 * Sheets, or a CSV): each cell as the text a person sees, and whether it held a formula. Numbers
 * come back in Vietnamese notation (98,5), dates as dd/mm/yyyy, links as their address.
 */
import ExcelJS from 'exceljs';
import { parseCsv } from '../io/csv.ts';
import { decode } from '../io/table-reader.ts';
import { formatVnDate } from '../domain/vn-input.ts';

/** More rows than any unit has targets: a sheet longer than this is refused before it is read. */
export const MAX_FORM_ROWS = 1_000;
/** Cells in a whole file: a 1,000-row form has about 10,000. */
export const MAX_FORM_CELLS = 100 * MAX_FORM_ROWS;

interface GridCell {
  text: string;
  formula: boolean;
}

export interface GridRow {
  /** The spreadsheet's row number (1-based), as the person sees it. */
  line: number;
  /** By column, 0-based (A = 0). */
  cells: GridCell[];
}

export interface Grid {
  sheet: string;
  rows: GridRow[];
}

export interface ReadGrids {
  sheets: Grid[];
  /** Key-value pairs of the form's hidden `_meta` sheet (which form, unit, movement, period). */
  meta: Record<string, string>;
}

export class GridTooLong extends Error {
  constructor(readonly rows: number) {
    super(`sheet has ${rows} rows`);
  }
}

/** A file of more cells than MAX_FORM_CELLS. */
export class GridTooManyCells extends Error {}

export const META_SHEET = '_meta';

/** Spreadsheet column letters for a 0-based index (0 → A, 26 → AA). */
export function columnLetter(index: number): string {
  let n = index + 1;
  let letters = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

const vnNumber = (n: number) => String(n).replace('.', ',');

/** A number format that shows the value as a percentage ("0%", "0.0%", not a literal "\%"). */
const isPercentFormat = (numFmt: string | undefined) => numFmt !== undefined && /(^|[^\\"])%/.test(numFmt.replace(/"[^"]*"/g, ''));

/**
 * What a cell shows. Excel keeps "98,5%" typed in a cell as 0.985 with a % format: it is read as
 * the percentage shown (98,5%), never as 0,985.
 */
function cellOf(value: ExcelJS.CellValue, numFmt?: string): GridCell {
  if (value === null || value === undefined) return { text: '', formula: false };
  if (typeof value === 'string') return { text: value.trim(), formula: false };
  if (typeof value === 'number') {
    if (isPercentFormat(numFmt)) return { text: `${vnNumber(Number.parseFloat((value * 100).toPrecision(12)))}%`, formula: false };
    return { text: vnNumber(value), formula: false };
  }
  if (typeof value === 'boolean') return { text: String(value), formula: false };
  // exceljs builds dates so that their UTC parts are the calendar date shown in the sheet.
  if (value instanceof Date) return { text: Number.isNaN(value.getTime()) ? '' : formatVnDate(value.toISOString().slice(0, 10)), formula: false };
  if ('richText' in value) return { text: value.richText.map((r) => r.text).join('').trim(), formula: false };
  if ('hyperlink' in value) return { text: String(value.hyperlink ?? '').trim() || cellOf(value.text as ExcelJS.CellValue).text, formula: false };
  if ('formula' in value || 'sharedFormula' in value) return { text: cellOf((value as ExcelJS.CellFormulaValue).result as ExcelJS.CellValue, numFmt).text, formula: true };
  if ('error' in value) return { text: String(value.error), formula: true };
  return { text: '', formula: false };
}

async function readXlsx(bytes: Buffer): Promise<ReadGrids> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  const meta: Record<string, string> = {};
  const sheets: Grid[] = [];
  for (const ws of workbook.worksheets) {
    if (ws.name === META_SHEET) {
      ws.eachRow((row) => {
        const key = cellOf(row.getCell(1).value).text;
        if (key) meta[key] = cellOf(row.getCell(2).value).text;
      });
      continue;
    }
    if (ws.state !== 'visible') continue;
    if (ws.actualRowCount > MAX_FORM_ROWS) throw new GridTooLong(ws.actualRowCount);
    const rows: GridRow[] = [];
    ws.eachRow((row, line) => {
      const cells: GridCell[] = [];
      row.eachCell({ includeEmpty: false }, (cell, col) => {
        cells[col - 1] = cellOf(cell.value, cell.numFmt);
      });
      const filled = Array.from(cells, (c) => c ?? { text: '', formula: false });
      if (filled.some((c) => c.text !== '' || c.formula)) rows.push({ line, cells: filled });
    });
    sheets.push({ sheet: ws.name, rows });
  }
  return { sheets, meta };
}

/** Lines in a text, counted without splitting it. */
function lineCount(text: string): number {
  let lines = 1;
  for (let at = text.indexOf('\n'); at >= 0 && at < text.length - 1; at = text.indexOf('\n', at + 1)) lines++;
  return lines;
}

/** Characters that may separate a CSV's cells, counted: a line of millions of ";" is not parsed. */
function separatorCount(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x3b || c === 0x2c || c === 0x09) n++;
  }
  return n;
}

function readCsv(bytes: Buffer): ReadGrids {
  const text = decode(bytes);
  // Commas also sit in numbers and text; the bound is ten times what a full form needs.
  if (separatorCount(text) > 10 * MAX_FORM_CELLS) throw new GridTooManyCells();
  // Only one row past the limit is read: a CSV of a million lines is refused without holding them.
  const parsed = parseCsv(text, { maxRows: MAX_FORM_ROWS + 1 });
  if (parsed.length > MAX_FORM_ROWS) throw new GridTooLong(lineCount(text));
  const rows = parsed
    // A spreadsheet saved as CSV keeps what was shown; "=…" only reaches a CSV typed by hand.
    .map((r) => ({ line: r.line, cells: r.cells.map((c) => ({ text: c.trim(), formula: false })) }))
    .filter((r) => r.cells.some((c) => c.text !== ''));
  return { sheets: [{ sheet: 'CSV', rows }], meta: {} };
}

/** Reads a checked file (see file-check.ts); throws GridTooLong, GridTooManyCells (a CSV), or exceljs's error for a broken workbook. */
export async function readGrids(bytes: Buffer, kind: 'xlsx' | 'csv'): Promise<ReadGrids> {
  return kind === 'xlsx' ? readXlsx(bytes) : readCsv(bytes);
}
