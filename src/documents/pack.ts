/**
 * The packed .docx: docx's own zip opened, its document.xml replaced by the pieces TableRows makes
 * (the tables' rows in place of their markers), and every part deflated again as a stream. The
 * document's XML (12 MB for an annex of 5,900 rows) goes through the deflater piece by piece and is
 * never joined into one buffer; only the compressed file is.
 */
import { strFromU8, unzipSync, Zip, ZipDeflate } from 'fflate';
import type { TableRows } from './layout.ts';

const DOCUMENT_XML = 'word/document.xml';

export function packDocx(packed: Uint8Array, rows: TableRows): Buffer {
  const files = unzipSync(packed);
  const out: Uint8Array[] = [];
  let failure: Error | null = null;
  const zip = new Zip((error, data) => {
    if (error) failure = error;
    else out.push(data);
  });
  for (const [name, content] of Object.entries(files)) {
    const entry = new ZipDeflate(name, { level: 6 });
    zip.add(entry);
    if (name !== DOCUMENT_XML) {
      entry.push(content, true);
      continue;
    }
    const pieces = rows.inject(strFromU8(content));
    pieces.forEach((piece, i) => entry.push(piece, i === pieces.length - 1));
  }
  zip.end();
  if (failure) throw failure;
  return Buffer.concat(out);
}
