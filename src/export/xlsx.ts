/**
 * Sheets to an .xlsx file with exceljs's streaming writer: each row is committed (turned into XML
 * and handed to the zip) as soon as it is made, and the writer waits for the compressor when it
 * falls behind, so memory stays flat. Dates are real Excel dates shown dd/mm/yyyy, numbers are
 * numbers; the formats carry the Vietnamese locale tag so LibreOffice shows 1.234,5 whatever its
 * own locale (Excel follows the viewer's settings). Header row bold, frozen, with filters.
 * Printed: A4 landscape, fitted to the page's width, the header row repeated on every page, page
 * numbers in the footer, every cell bordered, long texts wrapped. A text a spreadsheet would take for
 * a formula gets a ' in front (OWASP), and every text is written as a string cell, never a formula.
 */
import { once } from 'node:events';
import ExcelJS from 'exceljs';
import { EXCEL_MAX_ROWS, isPlanValue, neutraliseFormula, type CellValue, type ColumnSpec, type SheetSpec } from './model.ts';

/** LCID 0x042A: Vietnamese. */
const VI = '[$-42A]';

/** Number formats; one style object each, so exceljs registers each style once (it caches by identity). */
const NUMBER_FORMATS = {
  integer: `${VI}#,##0`,
  decimal: `${VI}#,##0.##`,
  percent: `${VI}#,##0%`,
  percentDecimal: `${VI}#,##0.0%`,
  date: 'dd/mm/yyyy',
  atLeast: `${VI}"≥ "#,##0`,
  atLeastDecimal: `${VI}"≥ "#,##0.##`,
  atMost: `${VI}"≤ "#,##0`,
  atMostDecimal: `${VI}"≤ "#,##0.##`,
} as const;

type Style = Partial<ExcelJS.Style>;
const THIN = { style: 'thin' } as const;
const BORDER: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };
const STYLES = Object.fromEntries(
  Object.entries(NUMBER_FORMATS).map(([k, numFmt]) => [k, { numFmt, border: BORDER, alignment: { vertical: 'top' } }]),
) as Record<keyof typeof NUMBER_FORMATS, Style>;
const TEXT: Style = { border: BORDER, alignment: { vertical: 'top', wrapText: true } };
export const XLSX_HEADER_STYLE: Style = {
  font: { bold: true },
  alignment: { vertical: 'middle', horizontal: 'center', wrapText: true },
  fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } },
  border: BORDER,
};

/** A4 landscape, as wide as the page and as many pages long as it takes, the header row on each. */
const XLSX_PAGE_SETUP: Partial<ExcelJS.PageSetup> = {
  paperSize: 9,
  orientation: 'landscape',
  fitToPage: true,
  fitToWidth: 1,
  fitToHeight: 0,
  printTitlesRow: '1:1',
  horizontalCentered: true,
  margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
};
/** "Trang 2/5" would need a locale; the page number and count alone read in any language. */
const XLSX_HEADER_FOOTER: Partial<ExcelJS.HeaderFooter> = { oddFooter: '&C&P / &N' };

/** A day 'YYYY-MM-DD' as the Date exceljs writes as that day's serial number (its UTC midnight). */
export function excelDate(iso: string): Date {
  return new Date(Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))));
}

/** The header row (at `row`, under the heading) stays in view. */
const xlsxViews = (row = 1): Partial<ExcelJS.WorksheetView>[] => [{ state: 'frozen', xSplit: 0, ySplit: row, topLeftCell: `A${row + 1}`, activeCell: `A${row + 1}` }];
export const XLSX_VIEWS = xlsxViews(1);

const HEADING_STYLES: Style[] = [{ font: { bold: true, size: 13 } }, { font: { bold: true } }, { font: { italic: true } }];

/** The cell's value and style for the column's type. */
export function xlsxCell(column: ColumnSpec, value: CellValue): [ExcelJS.CellValue, Style] {
  if (value === null) return [null, TEXT];
  if (typeof value === 'string' && column.type !== 'date') return [neutraliseFormula(value), TEXT];
  switch (column.type) {
    case 'integer':
    case 'number':
      if (typeof value !== 'number') break;
      return [value, Number.isInteger(value) ? STYLES.integer : STYLES.decimal];
    case 'percent':
      if (typeof value !== 'number') break;
      return [value / 100, Number.isInteger(value) ? STYLES.percent : STYLES.percentDecimal];
    case 'date':
      if (typeof value !== 'string') break;
      return [excelDate(value), STYLES.date];
    case 'plan':
      if (!isPlanValue(value)) break;
      if (value.direction === 'at_most') return [value.value, Number.isInteger(value.value) ? STYLES.atMost : STYLES.atMostDecimal];
      return [value.value, Number.isInteger(value.value) ? STYLES.atLeast : STYLES.atLeastDecimal];
    default:
      break;
  }
  return [isPlanValue(value) ? value.value : typeof value === 'string' ? neutraliseFormula(value) : value, TEXT];
}

/** The default style of a column, for figures typed into it later. */
function columnStyle(column: ColumnSpec): Style | undefined {
  switch (column.type) {
    case 'integer':
      return STYLES.integer;
    case 'number':
      return STYLES.decimal;
    case 'percent':
      return STYLES.percentDecimal;
    case 'date':
      return STYLES.date;
    default:
      return undefined;
  }
}

/** Column widths and default formats. */
export function xlsxColumns(columns: ColumnSpec[]): Partial<ExcelJS.Column>[] {
  return columns.map((c) => {
    const style = columnStyle(c);
    return style ? { width: c.width, style } : { width: c.width };
  });
}

/** Node's and readable-stream's writables both keep their queue in `_writableState`. */
interface QueueState {
  _writableState?: { length: number };
}
interface SheetStream {
  pipes?: (QueueState & NodeJS.EventEmitter)[];
  buffers?: unknown[];
}

/** Bytes the compressor may have queued before the writer stops and waits for it. */
const HIGH_WATER = 4 * 1024 * 1024;
const nextTick = () => new Promise<void>((resolve) => setImmediate(resolve));
const pause = () => new Promise<void>((resolve) => setTimeout(resolve, 1));

/**
 * Lets the zip's compressor keep up. exceljs's sheet stream (a StreamBuf) ignores backpressure:
 * rows committed in a loop would pile the whole sheet up in memory, and the compressor (zlib on
 * the thread pool) only gets its next chunk when the event loop turns. So: turn it whenever
 * something is queued, and wait while too much is.
 */
export async function drain(worksheet: ExcelJS.Worksheet): Promise<void> {
  const stream = (worksheet as unknown as { stream: SheetStream }).stream;
  for (;;) {
    const pipe = stream.pipes?.[0];
    if (!pipe) {
      // Not handed to the zip yet: let it catch up if much is waiting.
      if ((stream.buffers?.length ?? 0) <= 64) return;
      await nextTick();
      continue;
    }
    const queued = pipe._writableState?.length ?? 0;
    if (queued === 0) return;
    if (queued <= HIGH_WATER) return nextTick();
    await pause();
  }
}

interface WrittenSheet {
  name: string;
  rows: number;
}

interface XlsxOptions {
  /** Rows a sheet may hold, header included; more continue on "Name (2)". Excel's limit by default. */
  maxRowsPerSheet?: number;
  title?: string;
  created?: Date;
}

/** Points per line of 11-point text. */
const LINE_HEIGHT = 15;

/**
 * Characters a line of each column holds when its text wraps; 0 for a column whose strings do not
 * wrap (dates). Most letters are narrower than the digit a unit of column width is measured in.
 */
const charsPerLine = (columns: readonly ColumnSpec[]): number[] => columns.map((c) => (c.type === 'date' ? 0 : Math.max(1, Math.floor(c.width * 1.1))));

/**
 * How many lines the row's longest wrapped text takes in its column (each paragraph at least one).
 * Spreadsheets do not always fit a row to wrapped text when they open a file (LibreOffice does
 * not), so the height is set. Counted from lengths alone: this runs for every row.
 */
function linesOf(perLine: readonly number[], values: readonly CellValue[]): number {
  let most = 1;
  for (let i = 0; i < perLine.length; i++) {
    const value = values[i];
    const width = perLine[i]!;
    if (typeof value !== 'string' || width === 0) continue;
    let lines = 0;
    for (let start = 0; ; ) {
      const end = value.indexOf('\n', start);
      const length = (end < 0 ? value.length : end) - start;
      lines += length > width ? Math.ceil(length / width) : 1;
      if (end < 0) break;
      start = end + 1;
    }
    if (lines > most) most = lines;
  }
  return most;
}

/**
 * Every data row's style (none of its own). exceljs gives each new row a fresh `{}` and, on
 * writing, registers a style object it has not seen before by rendering it to XML: one shared
 * object is registered once instead of once per row.
 */
const ROW_STYLE: Style = {};

/** How often (in rows) the writer checks whether the compressor is behind. */
const CHECK_EVERY = 64;

/** Writes the sheets to `path` (created or replaced). */
export async function writeXlsx(path: string, sheets: SheetSpec[], options: XlsxOptions = {}): Promise<{ sheets: (WrittenSheet & { key: SheetSpec['key'] })[] }> {
  const maxRows = options.maxRowsPerSheet ?? EXCEL_MAX_ROWS;
  if (!Number.isInteger(maxRows) || maxRows < 2 || maxRows > EXCEL_MAX_ROWS) throw new RangeError(`maxRowsPerSheet must be 2 to ${EXCEL_MAX_ROWS}`);
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useStyles: true, useSharedStrings: false });
  workbook.creator = 'Trợ lý Thi đua';
  workbook.lastModifiedBy = 'Trợ lý Thi đua';
  workbook.created = workbook.modified = options.created ?? new Date();
  Object.assign(workbook, { title: options.title ?? '', language: 'vi-VN' });

  const written: (WrittenSheet & { key: SheetSpec['key'] })[] = [];
  for (const spec of sheets) {
    const ncols = spec.columns.length;
    const perLine = charsPerLine(spec.columns);
    let part = 0;
    let worksheet!: ExcelJS.Worksheet;
    let rowNumber = 0;
    const heading = spec.heading ?? [];
    // The header row: under the heading's lines and a blank line.
    const top = heading.length > 0 ? heading.length + 2 : 1;
    const rowsPerPart = Math.min(maxRows, EXCEL_MAX_ROWS - (top - 1));
    const open = () => {
      part++;
      const name = part === 1 ? spec.name : `${spec.name} (${part})`;
      worksheet = workbook.addWorksheet(name, { views: xlsxViews(top), pageSetup: { ...XLSX_PAGE_SETUP, printTitlesRow: `${top}:${top}` }, headerFooter: XLSX_HEADER_FOOTER });
      worksheet.columns = xlsxColumns(spec.columns);
      heading.forEach((line, i) => {
        const row = worksheet.getRow(i + 1);
        const c = row.getCell(1);
        c.value = neutraliseFormula(line);
        c.style = HEADING_STYLES[Math.min(i, HEADING_STYLES.length - 1)]!;
        row.commit();
      });
      const header = worksheet.getRow(top);
      header.height = 30;
      spec.columns.forEach((c, i) => {
        const h = header.getCell(i + 1);
        h.value = c.header;
        h.style = XLSX_HEADER_STYLE;
      });
      header.commit();
      rowNumber = top;
      written.push({ key: spec.key, name, rows: 0 });
    };
    const close = async () => {
      worksheet.autoFilter = { from: { row: top, column: 1 }, to: { row: rowNumber, column: ncols } };
      const zipped = once((worksheet as unknown as { stream: NodeJS.EventEmitter }).stream, 'zipped');
      worksheet.commit();
      await zipped;
    };

    open();
    for (const values of spec.rows()) {
      if (rowNumber - top + 1 >= rowsPerPart) {
        await close();
        open();
      }
      rowNumber++;
      const row = worksheet.getRow(rowNumber);
      // exceljs's typings leave the row's style out; its Row has one.
      (row as unknown as { style: Style }).style = ROW_STYLE;
      const lines = linesOf(perLine, values);
      if (lines > 1) row.height = lines * LINE_HEIGHT;
      for (let i = 0; i < ncols; i++) {
        const value = values[i] ?? null;
        const c = row.getCell(i + 1);
        // An empty cell is bordered too, so the printed table has no gaps.
        if (value === null) {
          c.style = TEXT;
          continue;
        }
        const [v, style] = xlsxCell(spec.columns[i]!, value);
        c.value = v;
        c.style = style;
      }
      row.commit();
      written[written.length - 1]!.rows++;
      if (rowNumber % CHECK_EVERY === 0) await drain(worksheet);
    }
    await close();
  }
  await workbook.commit();
  return { sheets: written };
}
