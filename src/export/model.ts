/**
 * What an export is made of, independent of the file format: sheets of typed columns whose rows
 * are produced one at a time (from SQLite, never all at once). The XLSX and CSV writers turn the
 * same rows into cells or text.
 */

/**
 * How a column's values are written.
 * - `text`: a string.
 * - `integer`, `number`: a number (XLSX: a number cell with a Vietnamese-friendly format).
 * - `percent`: a number in percent units (98.5 means 98,5%); XLSX writes 0.985 formatted as a percentage.
 * - `date`: an ISO day `YYYY-MM-DD`; XLSX writes a real date shown dd/mm/yyyy, CSV writes dd/mm/yyyy.
 * - `plan`: a {@link PlanValue} (a number with ≥ or ≤ in front) or a string (e.g. "Định tính").
 */
export type ColumnType = 'text' | 'integer' | 'number' | 'percent' | 'date' | 'plan';

interface PlanValue {
  value: number;
  direction: 'at_least' | 'at_most';
}

export type CellValue = string | number | PlanValue | null;

export interface ColumnSpec {
  header: string;
  /** Width in characters (XLSX). */
  width: number;
  type: ColumnType;
}

export const SHEET_KEYS = ['summary', 'targets', 'titles', 'results', 'units', 'groups'] as const;
export type SheetKey = (typeof SHEET_KEYS)[number];

export interface SheetSpec {
  key: SheetKey;
  /** The sheet's name in the workbook ("Tổng hợp"); a continuation sheet adds " (2)". */
  name: string;
  /** File-name part for CSV: `tong-hop`. */
  slug: string;
  columns: ColumnSpec[];
  /** XLSX: lines above the header row (the sheet's title, the movement, the date), repeated on each part. */
  heading?: string[];
  /** The data rows, in order, one array of cells (one per column) each; read lazily. */
  rows(): Iterable<CellValue[]>;
}

/** Excel's limit of rows on a sheet (header included). */
export const EXCEL_MAX_ROWS = 1_048_576;

export const isPlanValue = (v: CellValue): v is PlanValue => typeof v === 'object' && v !== null;

/** =, +, -, @, tab, carriage return: checked on the first character alone (every text cell goes through this). */
const FORMULA_STARTS = new Set([0x3d, 0x2b, 0x2d, 0x40, 0x09, 0x0d]);

/**
 * The OWASP rule against formula injection: a text that starts with =, +, -, @, a tab or a carriage
 * return would be taken for a formula by a spreadsheet opening the file; a ' in front keeps it text
 * (`=HYPERLINK("http://x","y")` → `'=HYPERLINK("http://x","y")`).
 */
export const neutraliseFormula = (text: string): string => (FORMULA_STARTS.has(text.charCodeAt(0)) ? `'${text}` : text);
