/**
 * What a file sent back as a form is, told from its bytes before any parser sees it: an .xlsx
 * workbook (a zip holding xl/workbook.xml), a CSV, or something to refuse with a clear reason: the
 * old .xls format, an OpenDocument sheet, a file too large, a zip that would unpack to far more
 * than any form (a zip bomb), or anything else. The zip's central directory gives each entry's
 * uncompressed size, so an honest bomb is refused without unpacking a byte of it; a zip that lies
 * about its sizes is caught by workbook-inspect.ts, which counts what really comes out.
 */

/** A filled form is a few hundred kilobytes at most; Telegram lets a bot download up to 20 MB. */
export const MAX_FORM_FILE_BYTES = 10 * 1024 * 1024;
/** What the workbook may unpack to in all: a 10,000-row sheet is about 5 MB of XML. */
export const MAX_UNPACKED_BYTES = 40 * 1024 * 1024;
const MAX_ENTRIES = 2_000;

type FileRefusal = 'too-big' | 'xls' | 'ods' | 'zip-bomb' | 'not-workbook' | 'empty';

type FileCheck = { kind: 'xlsx' } | { kind: 'csv' } | { kind: 'refused'; reason: FileRefusal };

const OLE_SIGNATURE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

export interface ZipEntry {
  name: string;
  /** What the directory claims it unpacks to (a lying zip claims little; see workbook-inspect.ts). */
  unpacked: number;
  packed: number;
  /** 0 stored, 8 deflated. */
  method: number;
  /** Where its local header starts. */
  offset: number;
}

/** The entries listed in a zip's central directory, or undefined when it is not a readable zip. */
export function zipEntries(bytes: Buffer): ZipEntry[] | 'too-many' | undefined {
  // The end-of-central-directory record is in the last 22 + 65,535 bytes (it may carry a comment).
  const from = Math.max(0, bytes.length - 22 - 0xffff);
  let end = -1;
  for (let i = bytes.length - 22; i >= from; i--) {
    if (bytes.readUInt32LE(i) === 0x06054b50) {
      end = i;
      break;
    }
  }
  if (end < 0) return undefined;
  const count = bytes.readUInt16LE(end + 10);
  const offset = bytes.readUInt32LE(end + 16);
  if (count > MAX_ENTRIES) return 'too-many';
  const entries: ZipEntry[] = [];
  let at = offset;
  for (let i = 0; i < count; i++) {
    if (at + 46 > bytes.length || bytes.readUInt32LE(at) !== 0x02014b50) return undefined;
    const method = bytes.readUInt16LE(at + 10);
    const packed = bytes.readUInt32LE(at + 20);
    const unpacked = bytes.readUInt32LE(at + 24);
    const nameLength = bytes.readUInt16LE(at + 28);
    const extra = bytes.readUInt16LE(at + 30);
    const comment = bytes.readUInt16LE(at + 32);
    const name = bytes.toString('utf8', at + 46, at + 46 + nameLength);
    // 0xFFFFFFFF: the real size is in a ZIP64 field; no form needs one, so it counts as too large.
    entries.push({ name, unpacked: unpacked === 0xffffffff ? Number.MAX_SAFE_INTEGER : unpacked, packed, method, offset: bytes.readUInt32LE(at + 42) });
    at += 46 + nameLength + extra + comment;
  }
  return entries;
}

/** Text that reads as a CSV: valid UTF-8 (or plain bytes), no NUL, a separator on the first line. */
function looksLikeCsv(bytes: Buffer): boolean {
  const head = bytes.subarray(0, 4096);
  if (head.includes(0)) return false;
  const firstLine = head.toString('utf8').split(/\r?\n/)[0] ?? '';
  return /[,;\t]/.test(firstLine);
}

export function checkFormFile(bytes: Buffer, name = ''): FileCheck {
  if (bytes.length === 0) return { kind: 'refused', reason: 'empty' };
  if (bytes.length > MAX_FORM_FILE_BYTES) return { kind: 'refused', reason: 'too-big' };
  if (bytes.subarray(0, 8).equals(OLE_SIGNATURE)) return { kind: 'refused', reason: 'xls' };
  if (bytes.readUInt32LE(0) === 0x04034b50) {
    const entries = zipEntries(bytes);
    if (entries === 'too-many') return { kind: 'refused', reason: 'zip-bomb' };
    if (!entries) return { kind: 'refused', reason: 'not-workbook' };
    const unpacked = entries.reduce((sum, e) => sum + e.unpacked, 0);
    if (unpacked > MAX_UNPACKED_BYTES) return { kind: 'refused', reason: 'zip-bomb' };
    if (entries.some((e) => e.name === 'xl/workbook.xml')) return { kind: 'xlsx' };
    if (entries.some((e) => e.name === 'mimetype') && entries.some((e) => e.name === 'content.xml')) return { kind: 'refused', reason: 'ods' };
    return { kind: 'refused', reason: 'not-workbook' };
  }
  if (/\.(csv|txt)$/i.test(name) && looksLikeCsv(bytes)) return { kind: 'csv' };
  return { kind: 'refused', reason: /\.xls$/i.test(name) ? 'xls' : /\.ods$/i.test(name) ? 'ods' : 'not-workbook' };
}
