/**
 * What an .xlsx really holds, measured before exceljs sees it. exceljs unpacks every entry whole
 * and builds an object for every row and cell, so a zip whose headers lie about its sizes, or an
 * honest sheet of a million rows, would take the whole bot's memory. Here each entry is inflated
 * in small steps (fflate), counting the bytes that come out and stopping at the cap; the
 * worksheets' XML is scanned as it comes out for rows and cells, and the shared strings for their
 * count. Nothing unpacked is kept, and the event loop is let go between steps.
 */
import { setImmediate as nextTurn } from 'node:timers/promises';
import { Inflate } from 'fflate';
import { MAX_FORM_ROWS } from './grid.ts';
import { MAX_UNPACKED_BYTES, zipEntries, type ZipEntry } from './file-check.ts';

/** Rows in a sheet's XML, filled or not: formatting may reach past the filled rows, not this far. */
export const MAX_SHEET_ROWS = 20 * MAX_FORM_ROWS;
/** Cells (or shared strings) in the whole workbook: a 1,000-row form has about 10,000. */
export const MAX_CELLS = 100 * MAX_FORM_ROWS;

export type WorkbookVerdict =
  | { ok: true }
  | { ok: false; reason: 'zip-bomb' | 'not-workbook' }
  | { ok: false; reason: 'too-long'; rows: number }
  | { ok: false; reason: 'too-many-cells' };

/** Compressed bytes pushed at a time: at most ~1,000 times that comes out of one push. */
const STEP = 4 * 1024;
/** Unpacked bytes between two turns given back to the event loop. */
const YIELD_EVERY = 1024 * 1024;

class Overrun extends Error {}

/** Counts rows with something in them, all rows, and cells, in XML arriving in pieces. */
class SheetCounter {
  rows = 0;
  filledRows = 0;
  cells = 0;
  strings = 0;
  private filled = false;
  private carry = '';

  push(text: string, final: boolean): void {
    const all = this.carry + text;
    // A tag name cut at the end of this piece is read with the next one.
    const lastOpen = all.lastIndexOf('<');
    const cut = !final && lastOpen > all.length - 6 ? lastOpen : all.length;
    this.carry = all.slice(cut);
    for (const match of all.slice(0, cut).matchAll(/<(\/?)(row|c|v|is|f|si)[\s/>]/g)) {
      const [, close, name] = match;
      if (name === 'row') {
        if (close) {
          if (this.filled) this.filledRows++;
        } else this.rows++;
        this.filled = false;
      } else if (close) continue;
      else if (name === 'c') this.cells++;
      else if (name === 'si') this.strings++;
      else this.filled = true;
    }
  }
}

/** Inflates one entry, handing each piece to `onText`; throws Overrun past `budget` bytes in all. */
async function inflateEntry(bytes: Buffer, entry: ZipEntry, budget: { left: number; sinceYield: number }, onText?: (text: string, final: boolean) => void): Promise<void> {
  if (entry.offset + 30 > bytes.length || bytes.readUInt32LE(entry.offset) !== 0x04034b50) throw new Error('no local header');
  const start = entry.offset + 30 + bytes.readUInt16LE(entry.offset + 26) + bytes.readUInt16LE(entry.offset + 28);
  const data = bytes.subarray(start, start + entry.packed);
  if (data.length < entry.packed) throw new Error('entry cut short');
  const take = (chunk: Uint8Array, final: boolean) => {
    budget.left -= chunk.length;
    budget.sinceYield += chunk.length;
    if (budget.left < 0) throw new Overrun();
    onText?.(Buffer.from(chunk.buffer, chunk.byteOffset, chunk.length).toString('latin1'), final);
  };
  if (entry.method === 0) {
    take(data, true);
    return;
  }
  if (entry.method !== 8) throw new Error(`compression method ${entry.method}`);
  let ended = false;
  const inflate = new Inflate((chunk, final) => {
    ended ||= final;
    take(chunk, final);
  });
  for (let at = 0; at < data.length; at += STEP) {
    inflate.push(data.subarray(at, at + STEP), at + STEP >= data.length);
    if (budget.sinceYield >= YIELD_EVERY) {
      budget.sinceYield = 0;
      await nextTurn();
    }
  }
  if (!ended) throw new Error('deflate stream cut short');
}

// As exceljs tells its entries apart (by name, the sheet's anywhere in the path).
const isSheet = (name: string) => /xl\/worksheets\/sheet(\d+)[.]xml/.test(name);
const isSharedStrings = (name: string) => name.replace(/^\//, '') === 'xl/sharedStrings.xml';

/** Unpacks a checked .xlsx (see file-check.ts) just far enough to know exceljs may read it. */
export async function inspectWorkbook(bytes: Buffer): Promise<WorkbookVerdict> {
  const entries = zipEntries(bytes);
  if (!entries || entries === 'too-many') return { ok: false, reason: entries ? 'zip-bomb' : 'not-workbook' };
  const budget = { left: MAX_UNPACKED_BYTES, sinceYield: 0 };
  let cells = 0;
  let strings = 0;
  let longest = 0;
  try {
    for (const entry of entries) {
      const counted = isSheet(entry.name) || isSharedStrings(entry.name);
      const counter = new SheetCounter();
      await inflateEntry(bytes, entry, budget, counted ? (text, final) => counter.push(text, final) : undefined);
      if (isSheet(entry.name)) {
        if (counter.filledRows > MAX_FORM_ROWS || counter.rows > MAX_SHEET_ROWS) longest = Math.max(longest, counter.filledRows > MAX_FORM_ROWS ? counter.filledRows : counter.rows);
        cells += counter.cells;
      } else if (counted) strings += counter.strings;
    }
  } catch (error) {
    return { ok: false, reason: error instanceof Overrun ? 'zip-bomb' : 'not-workbook' };
  }
  if (longest > 0) return { ok: false, reason: 'too-long', rows: longest };
  if (cells > MAX_CELLS || strings > MAX_CELLS) return { ok: false, reason: 'too-many-cells' };
  return { ok: true };
}
