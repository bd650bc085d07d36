import { readFile } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import ExcelJS from 'exceljs';
import { parseCsv } from './csv.ts';

/** One data row, keyed by the header text exactly as written (trimmed). */
interface TableRow {
  line: number;
  values: Record<string, string>;
}
export interface Sheet {
  name: string;
  headers: string[];
  rows: TableRow[];
}

type TableReadErrorCode = 'unsupported_format' | 'unreadable' | 'no_header' | 'duplicate_header';

export class TableReadError extends Error {
  constructor(
    readonly code: TableReadErrorCode,
    readonly detail: string,
  ) {
    super(`${code}: ${detail}`);
    this.name = 'TableReadError';
  }
}

/** Reads a .csv or .xlsx file into sheets (a CSV is one sheet named after the file, without its extension).
 *  The first non-empty row of each sheet is the header; fully empty rows are skipped; every cell becomes a trimmed
 *  string. Columns with an empty header are dropped. Workbook sheets with no content at all are left out;
 *  'no_header' is thrown when nothing is left. Line numbers are the spreadsheet row numbers (1-based). */
export async function readTable(path: string): Promise<Sheet[]> {
  const ext = extname(path).toLowerCase();
  if (ext !== '.csv' && ext !== '.xlsx') throw new TableReadError('unsupported_format', basename(path));
  const raw = ext === '.csv' ? await readCsv(path) : await readXlsx(path);
  const sheets = raw.filter((s) => s.rows.length > 0).map(toSheet);
  if (sheets.length === 0) throw new TableReadError('no_header', basename(path));
  return sheets;
}

interface RawSheet {
  name: string;
  rows: { line: number; cells: string[] }[]; // non-empty rows only, cells trimmed
}

async function readCsv(path: string): Promise<RawSheet[]> {
  const bytes = await readFile(path).catch((e: unknown) => unreadable(path, e));
  const rows = parseCsv(decode(bytes)).map((r) => ({ line: r.line, cells: r.cells.map((c) => c.trim()) }));
  return [{ name: basename(path, extname(path)), rows: rows.filter((r) => r.cells.some((c) => c !== '')) }];
}

/** UTF-8 if the bytes are valid UTF-8, else the Vietnamese Windows code page (older Excel "CSV" saves). */
export function decode(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    // windows-1258 needs full ICU; windows-1252 is the nearest fallback. windows-1258 writes most Vietnamese
    // letters as base letter + combining tone mark, so recompose to the NFC form every other source gives.
    for (const label of ['windows-1258', 'windows-1252']) {
      try {
        return new TextDecoder(label).decode(bytes).normalize('NFC');
      } catch {}
    }
    return Buffer.from(bytes).toString('latin1');
  }
}

async function readXlsx(path: string): Promise<RawSheet[]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path).catch((e: unknown) => unreadable(path, e));
  return workbook.worksheets.map((ws) => {
    const rows: RawSheet['rows'] = [];
    ws.eachRow((row, line) => {
      const cells: string[] = [];
      row.eachCell((cell, col) => {
        cells[col - 1] = cellText(cell.value).trim();
      });
      const filled = Array.from(cells, (c) => c ?? '');
      if (filled.some((c) => c !== '')) rows.push({ line, cells: filled });
    });
    return { name: ws.name, rows };
  });
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  // exceljs builds dates so that their UTC parts are the calendar date shown in Excel
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if ('richText' in value) return value.richText.map((r) => r.text).join('');
  if ('hyperlink' in value) return cellText(value.text);
  if ('formula' in value || 'sharedFormula' in value) return cellText(value.result);
  if ('error' in value) return value.error;
  return '';
}

function toSheet({ name, rows }: RawSheet): Sheet {
  const [head, ...body] = rows;
  const columns = (head?.cells ?? []).map((header, index) => ({ header, index })).filter((c) => c.header !== '');
  const seen = new Set<string>();
  for (const { header } of columns) {
    if (seen.has(header)) throw new TableReadError('duplicate_header', `${name}: ${header}`);
    seen.add(header);
  }
  return {
    name,
    headers: columns.map((c) => c.header),
    rows: body.map((r) => ({
      line: r.line,
      values: Object.fromEntries(columns.map((c) => [c.header, r.cells[c.index] ?? ''])),
    })),
  };
}

function unreadable(path: string, cause: unknown): never {
  throw new TableReadError('unreadable', `${basename(path)}: ${cause instanceof Error ? cause.message : String(cause)}`);
}
