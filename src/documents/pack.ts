/**
 * The packed .docx: docx's own zip opened, its document.xml replaced by the pieces TableRows makes
 * (the tables' rows in place of their markers), and every part deflated again as a stream. The
 * document's XML (12 MB for an annex of 5,900 rows) goes through the deflater piece by piece and is
 * never joined into one buffer; only the compressed file is.
 */
import { constants, deflateRawSync } from 'node:zlib';
import { strFromU8, unzipSync, Zip, ZipPassThrough } from 'fflate';
import type { TableRows } from './layout.ts';

const DOCUMENT_XML = 'word/document.xml';

/**
 * A zip entry deflated by Node's zlib (native: six times faster than fflate's deflate in
 * JavaScript on 12 MB of XML). Each piece is compressed on its own and ends on a sync flush, the
 * last one finished, so the pieces follow one another as one deflate stream; fflate's pass-through
 * counts the size and the CRC of what is pushed.
 */
class NativeDeflate extends ZipPassThrough {
  constructor(filename: string) {
    super(filename);
    this.compression = 8;
  }

  protected override process(chunk: Uint8Array, final: boolean): void {
    this.ondata(null, deflateRawSync(chunk, { level: 6, finishFlush: final ? constants.Z_FINISH : constants.Z_SYNC_FLUSH }), final);
  }
}

export function packDocx(packed: Uint8Array, rows: TableRows): Buffer {
  const files = unzipSync(packed);
  const out: Uint8Array[] = [];
  let failure: Error | null = null;
  const zip = new Zip((error, data) => {
    if (error) failure = error;
    else out.push(data);
  });
  for (const [name, content] of Object.entries(files)) {
    const entry = new NativeDeflate(name);
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
