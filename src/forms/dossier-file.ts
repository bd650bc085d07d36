/**
 * What a file sent for a dossier is, told from its bytes (the name and the messenger's MIME type
 * are the sender's word): a PDF, an old Word document (.doc, an OLE compound file named .doc), a
 * Word .docx (a zip holding word/document.xml, whose directory does not unpack to a bomb), or
 * something to refuse with a reason.
 */
import { zipEntries } from './file-check.ts';

/** A scanned dossier document runs to a few megabytes; Telegram lets a bot download up to 20 MB. */
export const MAX_DOSSIER_FILE_BYTES = 20 * 1024 * 1024;
const MAX_UNPACKED_BYTES = 200 * 1024 * 1024;

type DossierFileKind = 'pdf' | 'doc' | 'docx';
type DossierFileRefusal = 'empty' | 'too-big' | 'not-document' | 'zip-bomb';

const PDF = Buffer.from('%PDF-');
const OLE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

export function checkDossierFile(bytes: Buffer, name: string): { kind: DossierFileKind } | { refused: DossierFileRefusal } {
  if (bytes.length === 0) return { refused: 'empty' };
  if (bytes.length > MAX_DOSSIER_FILE_BYTES) return { refused: 'too-big' };
  // A PDF may carry a few bytes of junk before its header; readers look in the first kilobyte.
  if (bytes.subarray(0, 1024).includes(PDF)) return { kind: 'pdf' };
  // The OLE container holds .xls and .ppt as well: only one named .doc is taken as a Word document.
  if (bytes.subarray(0, 8).equals(OLE)) return /\.doc$/i.test(name) ? { kind: 'doc' } : { refused: 'not-document' };
  if (bytes.length >= 4 && bytes.readUInt32LE(0) === 0x04034b50) {
    const entries = zipEntries(bytes);
    if (entries === 'too-many') return { refused: 'zip-bomb' };
    if (!entries) return { refused: 'not-document' };
    if (entries.reduce((sum, e) => sum + e.unpacked, 0) > MAX_UNPACKED_BYTES) return { refused: 'zip-bomb' };
    return entries.some((e) => e.name === 'word/document.xml') ? { kind: 'docx' } : { refused: 'not-document' };
  }
  return { refused: 'not-document' };
}
