/**
 * Sheets to CSV as Excel in the Vietnamese locale reads them: one UTF-8 file per sheet with a
 * byte-order mark (so Vietnamese shows correctly), fields separated by ";" (the list separator of
 * that locale), numbers with a decimal comma and no thousands separator (1234,5), dates dd/mm/yyyy,
 * a plan with its sign ("≥ 98,5"); CRLF line ends, fields quoted only when they need it (RFC 4180).
 * A text that a spreadsheet would take for a formula gets a ' in front (OWASP). Written through a
 * file stream, waiting for it when it is behind.
 */
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { formatVnDate } from '../domain/vn-input.ts';
import { EXCEL_MAX_ROWS, isPlanValue, neutraliseFormula, type CellValue, type ColumnSpec, type SheetSpec } from './model.ts';

const CSV_SEPARATOR = ';';
const NEEDS_QUOTES = /[";\r\n]|^\s|\s$/;

/** One field, quoted when it holds the separator, a quote, a line break or edge spaces. */
export function csvField(text: string): string {
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** 1234.5 → "1234,5": what a Vietnamese-locale Excel reads as a number (no thousands separator to misread). */
const vnNumber = (n: number) => String(n).replace('.', ',');

function text(column: ColumnSpec, value: CellValue): string {
  if (value === null) return '';
  if (isPlanValue(value)) return `${value.direction === 'at_most' ? '≤' : '≥'} ${vnNumber(value.value)}`;
  if (typeof value === 'number') return vnNumber(value);
  if (column.type === 'date') return formatVnDate(value);
  return neutraliseFormula(value);
}

export const csvLine = (columns: ColumnSpec[], values: readonly CellValue[]) =>
  `${columns.map((c, i) => csvField(text(c, values[i] ?? null))).join(CSV_SEPARATOR)}\r\n`;

interface CsvPart {
  key: SheetSpec['key'];
  name: string;
  path: string;
  rows: number;
}

/** Rows gathered into one write (fewer, larger writes). */
const BATCH_BYTES = 64 * 1024;

/**
 * Writes each sheet to `pathOf(sheet, part)`; a sheet longer than `maxRowsPerSheet` (header
 * included; Excel's limit by default, since Excel cannot open longer files) continues in part 2….
 */
export async function writeCsv(
  sheets: SheetSpec[],
  pathOf: (sheet: SheetSpec, part: number) => string,
  options: { maxRowsPerSheet?: number } = {},
): Promise<CsvPart[]> {
  const maxRows = options.maxRowsPerSheet ?? EXCEL_MAX_ROWS;
  if (!Number.isInteger(maxRows) || maxRows < 2) throw new RangeError('maxRowsPerSheet must be at least 2');
  const parts: CsvPart[] = [];
  for (const spec of sheets) {
    const header = `\uFEFF${spec.columns.map((c) => csvField(c.header)).join(CSV_SEPARATOR)}\r\n`;
    let out: ReturnType<typeof createWriteStream> | null = null;
    let part = 0;
    let rowsInPart = 0;
    let batch = '';
    const flush = async () => {
      if (batch.length === 0 || !out) return;
      const ok = out.write(batch);
      batch = '';
      if (!ok) await once(out, 'drain');
    };
    const close = async () => {
      await flush();
      if (!out) return;
      const closed = once(out, 'close');
      out.end();
      await closed;
    };
    const open = async () => {
      part++;
      const path = pathOf(spec, part);
      out = createWriteStream(path);
      await once(out, 'open');
      batch = header;
      rowsInPart = 1;
      parts.push({ key: spec.key, name: part === 1 ? spec.name : `${spec.name} (${part})`, path, rows: 0 });
    };

    await open();
    for (const values of spec.rows()) {
      if (rowsInPart >= maxRows) {
        await close();
        await open();
      }
      batch += csvLine(spec.columns, values);
      rowsInPart++;
      parts[parts.length - 1]!.rows++;
      if (batch.length >= BATCH_BYTES) await flush();
    }
    await close();
  }
  return parts;
}
