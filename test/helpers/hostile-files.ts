/**
 * Files an attacker (or an unlucky liaison) sends back as a form, built at test time so that no
 * large binary is kept in the repository: zip bombs that lie about their sizes and that do not,
 * sheets of a million rows, huge shared strings, entity expansion, XXE, a PDF renamed .xlsx, a zip
 * with no workbook, a CSV of millions of cells, and a workbook with formulas. Each comes with (part of) the Vietnamese answer
 * the person should get.
 */
import { crc32, constants, deflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { FIRST_ROW, TARGET_COLUMNS } from './forms.ts';

export interface HostileFile {
  /** What it is, for a test's name. */
  kind: string;
  fileName: string;
  bytes: Buffer;
  /** Part of the answer the person gets. */
  refusal: string;
}

export interface ZipPart {
  name: string;
  /** Deflated (raw) bytes. */
  packed: Buffer;
  /** What the zip's headers say it unpacks to, and its CRC. */
  size: number;
  crc: number;
}

const part = (name: string, data: Buffer | string): ZipPart => {
  const bytes = Buffer.from(data);
  return { name, packed: deflateRawSync(bytes), size: bytes.length, crc: crc32(bytes) };
};

/** A zip of deflated parts, as any zip tool writes it (whatever the parts claim). */
export function zip(parts: ZipPart[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const { name, packed, size, crc } of parts) {
    const nameBytes = Buffer.from(name);
    const header = (central: boolean) => {
      const b = Buffer.alloc(central ? 46 : 30);
      const at = central ? 2 : 0;
      b.writeUInt32LE(central ? 0x02014b50 : 0x04034b50, 0);
      if (central) b.writeUInt16LE(20, 4);
      b.writeUInt16LE(20, 4 + at);
      b.writeUInt16LE(8, 8 + at);
      b.writeUInt32LE(crc >>> 0, 14 + at);
      b.writeUInt32LE(packed.length, 18 + at);
      b.writeUInt32LE(size, 22 + at);
      b.writeUInt16LE(nameBytes.length, 26 + at);
      if (central) b.writeUInt32LE(offset, 42);
      return b;
    };
    locals.push(header(false), nameBytes, packed);
    centrals.push(header(true), nameBytes);
    offset += 30 + nameBytes.length + packed.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/**
 * A deflate stream of `head`, then `body` `times` over, then `tail`, without ever holding what it
 * unpacks to: `body` is deflated once with a full flush (byte-aligned, no reference back) and
 * repeated, so a gigabyte of XML costs about a megabyte.
 */
function repeatedDeflate(head: string, body: string, times: number, tail: string): Buffer {
  const flushed = (text: string) => deflateRawSync(Buffer.from(text), { finishFlush: constants.Z_FULL_FLUSH });
  const one = flushed(body);
  return Buffer.concat([flushed(head), ...Array.from({ length: times }, () => one), deflateRawSync(Buffer.from(tail))]);
}

const SHEET_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>';
const SHEET_TAIL = '</sheetData></worksheet>';

/** The parts of the smallest workbook exceljs opens, around a sheet (and shared strings) given. */
function workbookParts(sheet: ZipPart, sharedStrings?: ZipPart): ZipPart[] {
  const ct = 'application/vnd.openxmlformats-officedocument.spreadsheetml';
  const rel = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
  return [
    part(
      '[Content_Types].xml',
      `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="${ct}.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="${ct}.worksheet+xml"/>${sharedStrings ? `<Override PartName="/xl/sharedStrings.xml" ContentType="${ct}.sharedStrings+xml"/>` : ''}</Types>`,
    ),
    part('_rels/.rels', `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>`),
    part('xl/workbook.xml', `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="${rel}"><sheets><sheet name="Đăng ký" sheetId="1" r:id="rId1"/></sheets></workbook>`),
    part(
      'xl/_rels/workbook.xml.rels',
      `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${rel}/worksheet" Target="worksheets/sheet1.xml"/>${sharedStrings ? `<Relationship Id="rId2" Type="${rel}/sharedStrings" Target="sharedStrings.xml"/>` : ''}</Relationships>`,
    ),
    sheet,
    ...(sharedStrings ? [sharedStrings] : []),
  ];
}

/** A part holding `head`, `body` `times` over, and `tail`, packed without being held unpacked (its size told truly unless `claim`). */
function repeatedPart(name: string, head: string, body: string, times: number, tail: string, claim?: number): ZipPart {
  const size = Buffer.byteLength(head) + Buffer.byteLength(body) * times + Buffer.byteLength(tail);
  return { name, packed: repeatedDeflate(head, body, times, tail), size: claim ?? size, crc: 0 };
}

/** A sheet of `times` × `rows`. */
const sheetOf = (rows: string, times: number, claim?: number) => repeatedPart('xl/worksheets/sheet1.xml', SHEET_HEAD, rows, times, SHEET_TAIL, claim);

/** A copy of a workbook with one of its parts rewritten. */
function rewrite(workbook: Buffer, name: string, change: (xml: string) => string): Buffer {
  const files = unzipSync(workbook);
  files[name] = strToU8(change(strFromU8(files[name]!)));
  return Buffer.from(zipSync(files));
}

/** Puts a DOCTYPE before the root element and `reference` as the first shared string. */
const withDoctype = (doctype: string, reference: string) => (xml: string) =>
  xml.replace(/(<\?xml[^>]*\?>)?/, (decl) => `${decl}\n${doctype}`).replace(/<si><t([^>]*)>/, `<si><t$1>${reference}`);

/** A megabyte of sheet that packs a thousand to one: a row, then blanks. */
const BOMB_MB = `<row><c><v>1</v></c></row>${' '.repeat((1 << 20) - 26)}`;

/** The corpus, around `form`: a form the bot wrote for the unit (the entity, XXE and formula files are it, altered). */
export async function hostileCorpus(form: Buffer): Promise<HostileFile[]> {
  const formulas = new ExcelJS.Workbook();
  await formulas.xlsx.load(form as unknown as ArrayBuffer);
  const sheet = formulas.worksheets[0]!;
  const cell = (column: keyof typeof TARGET_COLUMNS) => sheet.getCell(FIRST_ROW, TARGET_COLUMNS[column]);
  cell('area').value = '6';
  cell('text').value = 'Tỷ lệ hồ sơ giải quyết đúng hạn';
  cell('kind').value = 'Định lượng';
  cell('measure').value = '%';
  cell('plan').value = { formula: '90+8,5', result: 98.5 } as ExcelJS.CellFormulaValue;
  const lol = ['<!ENTITY lol "lol">', ...Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i ? i : ''};`.repeat(10)}">`)].join('');
  return [
    {
      kind: 'a zip bomb whose headers claim 5,000 bytes (6 GB of XML inside)',
      fileName: 'bom-noi-doi.xlsx',
      bytes: zip(workbookParts(sheetOf(BOMB_MB, 6_000, 5_000))),
      refusal: 'khi giải nén lớn bất thường',
    },
    {
      kind: 'an honest zip bomb (1 GB of XML, declared)',
      fileName: 'bom.xlsx',
      bytes: zip(workbookParts(sheetOf(BOMB_MB, 1_000))),
      refusal: 'khi giải nén lớn bất thường',
    },
    {
      kind: '1,000,000 empty rows',
      fileName: 'trieu-dong-trong.xlsx',
      bytes: zip(workbookParts(sheetOf('<row/>'.repeat(1_000), 1_000))),
      refusal: 'Bảng có 1.000.000 dòng, quá nhiều',
    },
    {
      kind: '780,000 rows of one cell',
      fileName: 'dai.xlsx',
      bytes: zip(workbookParts(sheetOf('<row><c><v>1</v></c></row>'.repeat(1_000), 780))),
      refusal: 'Bảng có 780.000 dòng, quá nhiều',
    },
    {
      kind: 'huge shared strings (1,000,000 strings, 33 MB)',
      fileName: 'chuoi.xlsx',
      bytes: zip(
        workbookParts(
          sheetOf('<row r="1"><c r="A1" t="s"><v>0</v></c></row>', 1),
          repeatedPart('xl/sharedStrings.xml', '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">', '<si><t>Chuỗi ký tự dài</t></si>'.repeat(1_000), 1_000, '</sst>'),
        ),
      ),
      refusal: 'quá nhiều ô cho một biểu mẫu',
    },
    {
      kind: 'entity expansion (billion laughs)',
      fileName: 'lol.xlsx',
      bytes: rewrite(form, 'xl/sharedStrings.xml', withDoctype(`<!DOCTYPE sst [${lol}]>`, '&lol9;')),
      refusal: 'không phải bảng tính Excel (.xlsx) đọc được',
    },
    {
      kind: 'an external entity (XXE)',
      fileName: 'xxe.xlsx',
      bytes: rewrite(form, 'xl/sharedStrings.xml', withDoctype('<!DOCTYPE sst [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>', '&xxe;')),
      refusal: 'không phải bảng tính Excel (.xlsx) đọc được',
    },
    {
      kind: 'a PDF renamed .xlsx',
      fileName: 'cong-van.xlsx',
      bytes: Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n'),
      refusal: 'không phải bảng tính Excel (.xlsx) đọc được',
    },
    {
      kind: 'a zip with no workbook',
      fileName: 'nen.xlsx',
      bytes: zip([part('word/document.xml', '<w:document/>'), part('[Content_Types].xml', '<Types/>')]),
      refusal: 'không phải bảng tính Excel (.xlsx) đọc được',
    },
    {
      kind: 'a CSV of one line of 5,000,000 empty cells',
      fileName: 'dang-ky.csv',
      bytes: Buffer.from(`STT;Nội dung\n${';'.repeat(5_000_000)}\n`),
      refusal: 'quá nhiều ô cho một biểu mẫu',
    },
    {
      kind: 'a workbook with formulas',
      fileName: 'cong-thuc.xlsx',
      bytes: Buffer.from(await formulas.xlsx.writeBuffer()),
      refusal: 'ô có công thức',
    },
  ];
}
