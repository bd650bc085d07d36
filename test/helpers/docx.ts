/**
 * An independent reader for .docx files, for tests: the zip's central directory read by hand
 * (node's zlib inflates the entries), and word/document.xml read into paragraphs and tables of
 * plain text. Nothing of the `docx` library that wrote the file is used.
 */
import { readFileSync } from 'node:fs';
import { inflateRawSync } from 'node:zlib';

/** The entries of a zip file, by name. */
export function readZip(data: Buffer): Map<string, Buffer> {
  // End of central directory: signature 0x06054b50, searched backwards (a comment may follow it).
  let eocd = data.length - 22;
  while (eocd >= 0 && data.readUInt32LE(eocd) !== 0x06054b50) eocd--;
  if (eocd < 0) throw new Error('not a zip file');
  const count = data.readUInt16LE(eocd + 10);
  let at = data.readUInt32LE(eocd + 16);
  const entries = new Map<string, Buffer>();
  for (let i = 0; i < count; i++) {
    if (data.readUInt32LE(at) !== 0x02014b50) throw new Error('broken central directory');
    const method = data.readUInt16LE(at + 10);
    const compressed = data.readUInt32LE(at + 20);
    const nameLength = data.readUInt16LE(at + 28);
    const extraLength = data.readUInt16LE(at + 30);
    const commentLength = data.readUInt16LE(at + 32);
    const local = data.readUInt32LE(at + 42);
    const name = data.toString('utf8', at + 46, at + 46 + nameLength);
    const start = local + 30 + data.readUInt16LE(local + 26) + data.readUInt16LE(local + 28);
    const raw = data.subarray(start, start + compressed);
    entries.set(name, method === 0 ? Buffer.from(raw) : inflateRawSync(raw));
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

const decode = (xml: string) =>
  xml.replace(/&(lt|gt|quot|apos|amp);/g, (_, e: string) => ({ lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' })[e]!);

/** The text of a piece of WordprocessingML: runs joined, a <w:br/> as "\n". */
function textOf(xml: string): string {
  let out = '';
  for (const m of xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>|<w:br\/>|<w:t\/>/g)) out += m[1] !== undefined ? decode(m[1]) : m[0] === '<w:br/>' ? '\n' : '';
  return out;
}

export interface DocxContent {
  xml: string;
  /** Every paragraph's text, tables' included, in order. */
  paragraphs: string[];
  /** Every table: rows of cells of text (a cell's paragraphs joined with "\n"). */
  tables: string[][][];
  /** The XML of the section properties (page size, margins). */
  sections: string[];
  entries: Map<string, Buffer>;
}

export function readDocx(path: string): DocxContent {
  const entries = readZip(readFileSync(path));
  const xml = entries.get('word/document.xml')!.toString('utf8');
  const paragraphs = [...xml.matchAll(/<w:p[ >].*?<\/w:p>/gs)].map((m) => textOf(m[0]));
  const tables = [...xml.matchAll(/<w:tbl>.*?<\/w:tbl>/gs)].map((t) =>
    [...t[0].matchAll(/<w:tr[ >].*?<\/w:tr>/gs)].map((r) => [...r[0].matchAll(/<w:tc>.*?<\/w:tc>/gs)].map((c) => [...c[0].matchAll(/<w:p[ >].*?<\/w:p>/gs)].map((p) => textOf(p[0])).join('\n'))),
  );
  const sections = [...xml.matchAll(/<w:sectPr[ >].*?<\/w:sectPr>/gs)].map((m) => m[0]);
  return { xml, paragraphs, tables, sections, entries };
}

/** The table whose first row starts with `header`. */
export function tableStartingWith(doc: DocxContent, header: string): string[][] {
  const table = doc.tables.find((t) => t[0]?.[0] === header);
  if (!table) throw new Error(`no table with "${header}"; tables start with: ${doc.tables.map((t) => t[0]?.[0]).join(' / ')}`);
  return table;
}
