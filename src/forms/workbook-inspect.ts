/**
 * What an .xlsx really holds, measured before exceljs sees it. exceljs unpacks every entry whole
 * and builds an object for every row and cell, so a zip whose headers lie about its sizes, or an
 * honest sheet of a million rows, would take the whole bot's memory. Here each entry is inflated
 * (at once when it is small, else as a stream on zlib's thread pool), counting the bytes that come
 * out and stopping at the cap; the worksheets' XML is scanned as it comes out for rows and cells,
 * and the shared strings for their count. Nothing unpacked is kept. An honest form takes about a
 * millisecond.
 */
import { createInflateRaw, inflateRawSync } from 'node:zlib';
import { MAX_FORM_CELLS, MAX_FORM_ROWS } from './grid.ts';
import { MAX_UNPACKED_BYTES, zipEntries, type ZipEntry } from './file-check.ts';

/** Rows in a sheet's XML, filled or not: formatting may reach past the filled rows, not this far. */
const MAX_SHEET_ROWS = 20 * MAX_FORM_ROWS;

type WorkbookVerdict =
  | { ok: true }
  | { ok: false; reason: 'zip-bomb' | 'not-workbook' }
  | { ok: false; reason: 'too-long'; rows: number }
  | { ok: false; reason: 'too-many-cells' };

/** Unpacked bytes handed over at a time. */
const CHUNK = 64 * 1024;
/** An entry up to this size is inflated in one call: a stream's turns through the thread pool cost more than it does. */
const SMALL = 1024 * 1024;

class Overrun extends Error {}

const LT = 0x3c;
const SLASH = 0x2f;
/** After a tag's name: space, tab, line break, "/" or ">". */
const ends = (b: number | undefined) => b === 0x20 || b === 0x3e || b === SLASH || b === 0x0a || b === 0x0d || b === 0x09;

/**
 * Counts rows with something in them, all rows, cells and shared strings in XML arriving in
 * pieces. Byte by byte rather than by regular expression: a sheet of 40 MB is millions of tags.
 */
class SheetCounter {
  rows = 0;
  filledRows = 0;
  cells = 0;
  strings = 0;
  private filled = false;
  private carry: Uint8Array = new Uint8Array(0);

  push(chunk: Uint8Array, final: boolean): void {
    const b = this.carry.length > 0 ? Buffer.concat([this.carry, chunk]) : chunk;
    this.carry = new Uint8Array(0);
    const n = b.length;
    for (let i = 0; i < n; i++) {
      if (b[i] !== LT) continue;
      // A tag cut at the end of this piece is read with the next one ("</row>" is six bytes).
      if (!final && i > n - 6) {
        this.carry = b.slice(i);
        return;
      }
      const close = b[i + 1] === SLASH;
      const at = close ? i + 2 : i + 1;
      const c0 = b[at];
      if (c0 === 0x72 && b[at + 1] === 0x6f && b[at + 2] === 0x77 && ends(b[at + 3])) {
        // row
        if (close) {
          if (this.filled) this.filledRows++;
        } else this.rows++;
        this.filled = false;
      } else if (close) continue;
      else if (c0 === 0x63 && ends(b[at + 1])) this.cells++; // c
      else if ((c0 === 0x76 || c0 === 0x66) && ends(b[at + 1])) this.filled = true; // v, f
      else if (c0 === 0x69 && b[at + 1] === 0x73 && ends(b[at + 2])) this.filled = true; // is
      else if (c0 === 0x73 && b[at + 1] === 0x69 && ends(b[at + 2])) this.strings++; // si
    }
  }
}

/** An entry unpacking to at most SMALL bytes, inflated at once (every entry of an honest form); undefined for a larger one. */
function inflateSmall(data: Buffer): Buffer | undefined {
  try {
    return inflateRawSync(data, { maxOutputLength: SMALL });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') return undefined;
    throw error;
  }
}

/**
 * Inflates one entry, handing each piece to `onData`; throws Overrun past `budget` bytes in all.
 * zlib inflates on libuv's thread pool, a piece at a time, so the event loop only scans.
 */
async function inflateEntry(bytes: Buffer, entry: ZipEntry, budget: { left: number }, onData?: (chunk: Uint8Array, final: boolean) => void): Promise<void> {
  if (entry.offset + 30 > bytes.length || bytes.readUInt32LE(entry.offset) !== 0x04034b50) throw new Error('no local header');
  const start = entry.offset + 30 + bytes.readUInt16LE(entry.offset + 26) + bytes.readUInt16LE(entry.offset + 28);
  const data = bytes.subarray(start, start + entry.packed);
  if (data.length < entry.packed) throw new Error('entry cut short');
  const take = (chunk: Uint8Array) => {
    budget.left -= chunk.length;
    if (budget.left < 0) throw new Overrun();
    onData?.(chunk, false);
  };
  if (entry.method === 0) take(data);
  else if (entry.method === 8) {
    const small = inflateSmall(data);
    if (small) {
      take(small);
      onData?.(new Uint8Array(0), true);
      return;
    }
    const inflate = createInflateRaw({ chunkSize: CHUNK });
    inflate.end(data);
    // Leaving the loop (an Overrun) destroys the stream: nothing more is inflated.
    for await (const chunk of inflate) take(chunk as Buffer);
  } else throw new Error(`compression method ${entry.method}`);
  onData?.(new Uint8Array(0), true);
}

// As exceljs tells its entries apart (by name, the sheet's anywhere in the path).
const isSheet = (name: string) => /xl\/worksheets\/sheet(\d+)[.]xml/.test(name);
const isSharedStrings = (name: string) => name.replace(/^\//, '') === 'xl/sharedStrings.xml';

/** Unpacks a checked .xlsx (see file-check.ts) just far enough to know exceljs may read it. */
export async function inspectWorkbook(bytes: Buffer): Promise<WorkbookVerdict> {
  const entries = zipEntries(bytes);
  if (!entries || entries === 'too-many') return { ok: false, reason: entries ? 'zip-bomb' : 'not-workbook' };
  const budget = { left: MAX_UNPACKED_BYTES };
  let cells = 0;
  let strings = 0;
  let longest = 0;
  try {
    for (const entry of entries) {
      const counted = isSheet(entry.name) || isSharedStrings(entry.name);
      const counter = new SheetCounter();
      await inflateEntry(bytes, entry, budget, counted ? (chunk, final) => counter.push(chunk, final) : undefined);
      if (isSheet(entry.name)) {
        if (counter.filledRows > MAX_FORM_ROWS || counter.rows > MAX_SHEET_ROWS) longest = Math.max(longest, counter.filledRows > MAX_FORM_ROWS ? counter.filledRows : counter.rows);
        cells += counter.cells;
      } else if (counted) strings += counter.strings;
    }
  } catch (error) {
    return { ok: false, reason: error instanceof Overrun ? 'zip-bomb' : 'not-workbook' };
  }
  if (longest > 0) return { ok: false, reason: 'too-long', rows: longest };
  if (cells > MAX_FORM_CELLS || strings > MAX_FORM_CELLS) return { ok: false, reason: 'too-many-cells' };
  return { ok: true };
}
