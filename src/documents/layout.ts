/**
 * The administrative layout of Decree 30/2020/NĐ-CP (Appendix I) with the `docx` library: A4,
 * margins 20/20/30/15 mm, Times New Roman 13–14 pt; the two-column header (the body above and the
 * issuing body, "Số: …/BC-SNV" left blank to fill; the national name and motto, place and date);
 * the kind of document and its title; "Nơi nhận" and the signature block; pages numbered from the
 * second, centred in the top margin. Tables are plain Word tables (bordered, header row repeated
 * on each page, rows not split), so the document stays editable in Word, LibreOffice and WPS.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Header,
  ImageRun,
  LineRuleType,
  PageNumber,
  PageOrientation,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
  type ISectionOptions,
} from 'docx';

const FONT = 'Times New Roman';
/** Millimetres in twips (1/1440 inch), rounded: A4 is 11906 × 16838. */
const mm = (millimetres: number) => Math.round((millimetres * 1440) / 25.4);
/** docx sizes are half-points. */
const pt = (points: number) => points * 2;

const A4 = { width: mm(210), height: mm(297) };
const MARGIN = { top: mm(20), bottom: mm(20), left: mm(30), right: mm(15), header: mm(10), footer: mm(10) };
/** Width of the text on a portrait page, and on a landscape one (annex tables). */
const TEXT_WIDTH = mm(210 - 30 - 15);
export const LANDSCAPE_TEXT_WIDTH = mm(297 - 20 - 20);

const NONE = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
const NO_BORDERS = { top: NONE, bottom: NONE, left: NONE, right: NONE, insideHorizontal: NONE, insideVertical: NONE };
const THIN = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
const GRID = { top: THIN, bottom: THIN, left: THIN, right: THIN, insideHorizontal: THIN, insideVertical: THIN };

interface RunStyle {
  size?: number;
  bold?: boolean;
  italics?: boolean;
}

/** Runs of text; "\n" inside it becomes a line break. */
function runs(text: string, style: RunStyle = {}): TextRun[] {
  return text.split('\n').map(
    (line, i) => new TextRun({ text: line, font: FONT, size: pt(style.size ?? 14), bold: style.bold, italics: style.italics, ...(i > 0 ? { break: 1 } : {}) }),
  );
}

interface ParagraphStyle extends RunStyle {
  align?: 'left' | 'center' | 'right' | 'justify';
  /** First-line indent, mm. */
  indent?: number;
  /** Space after, points. */
  after?: number;
  before?: number;
  keepNext?: boolean;
}

const ALIGN = { left: AlignmentType.LEFT, center: AlignmentType.CENTER, right: AlignmentType.RIGHT, justify: AlignmentType.JUSTIFIED } as const;

export function para(content: string | TextRun[], style: ParagraphStyle = {}): Paragraph {
  return new Paragraph({
    alignment: ALIGN[style.align ?? 'left'],
    spacing: { before: (style.before ?? 0) * 20, after: (style.after ?? 0) * 20, line: 264 },
    indent: style.indent ? { firstLine: mm(style.indent) } : undefined,
    keepNext: style.keepNext,
    children: typeof content === 'string' ? runs(content, style) : content,
  });
}

/** A body paragraph: justified, first line indented 10 mm, 6 pt after. */
export const body = (text: string, style: RunStyle = {}) => para(text, { ...style, align: 'justify', indent: 10, after: 6 });
/** A heading inside the body ("I. TÌNH HÌNH ĐĂNG KÝ"). */
export const heading = (text: string) => para(text, { bold: true, align: 'justify', indent: 10, before: 6, after: 6, keepNext: true });

/** Twips in pixels at 96 to the inch, as docx sizes a picture. */
const px = (twips: number) => Math.round((twips * 96) / 1440);

/**
 * A picture (a chart's PNG) across the text's width, centred, kept with what follows (its caption);
 * `width` × `height` are its pixels, for its proportions. Its alt text is `title`.
 */
export function picture(image: { png: Uint8Array; width: number; height: number; title: string }): Paragraph {
  const width = px(TEXT_WIDTH);
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { before: 120, after: 40 },
    keepNext: true,
    children: [
      new ImageRun({
        type: 'png',
        data: image.png,
        transformation: { width, height: Math.round((width * image.height) / image.width) },
        altText: { name: image.title, title: image.title, description: image.title },
      }),
    ],
  });
}

/** A centred line under the text above it, `length` mm long in a space `width` mm wide. */
function rule(width: number, length: number): Paragraph {
  const side = Math.max(0, (width - length) / 2);
  return new Paragraph({
    // An empty paragraph one point high, its top border the line, a little below the text above.
    spacing: { before: 80, after: 40, line: 20, lineRule: LineRuleType.EXACT },
    indent: { left: mm(side), right: mm(side) },
    border: { top: { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 1 } },
    children: [],
  });
}

const cell = (children: Paragraph[], width: number, options: { borders?: boolean; span?: number; shade?: boolean } = {}) =>
  new TableCell({
    children,
    width: { size: width, type: WidthType.DXA },
    columnSpan: options.span,
    verticalAlign: VerticalAlign.CENTER,
    margins: { top: 40, bottom: 40, left: 80, right: 80 },
    ...(options.shade ? { shading: { fill: 'EDEDED' } } : {}),
    ...(options.borders === false ? { borders: { top: NONE, bottom: NONE, left: NONE, right: NONE } } : {}),
  });

/** A borderless two-column table (the header, the signature block). */
function twoColumns(left: Paragraph[], right: Paragraph[], leftMm: number, rightMm: number): Table {
  return new Table({
    layout: TableLayoutType.FIXED,
    borders: NO_BORDERS,
    width: { size: mm(leftMm + rightMm), type: WidthType.DXA },
    columnWidths: [mm(leftMm), mm(rightMm)],
    rows: [new TableRow({ children: [cell(left, mm(leftMm), { borders: false }), cell(right, mm(rightMm), { borders: false })] })],
  });
}

/** Left column of the header and of the signature block, mm (of 165). */
const LEFT = 68;
const RIGHT = 97;

/** "ngày 05 tháng 3 năm 2020": a leading zero for days below 10 and for months 1 and 2. */
export function documentDate(iso: string): { day: string; month: string; year: string } {
  const [year, month, day] = iso.split('-').map(Number) as [number, number, number];
  return { day: String(day).padStart(2, '0'), month: month <= 2 ? String(month).padStart(2, '0') : String(month), year: String(year) };
}

export interface HeaderText {
  /** The body above, upper case; none for a body with nothing above it in the header. */
  parent: string | null;
  body: string;
  /** "Số:      /BC-SNV". */
  number: string;
  nation: string;
  motto: string;
  /** "Nam Định, ngày 05 tháng 3 năm 2020". */
  placeDate: string;
}

/** The national header in two columns (Decree 30, Appendix I, items 1–4). */
export function nationalHeader(h: HeaderText): Table {
  const left = [
    ...(h.parent ? [para(h.parent, { size: 13, align: 'center' })] : []),
    para(h.body, { size: 13, bold: true, align: 'center' }),
    rule(LEFT, 22),
    para(h.number, { size: 13, align: 'center', before: 4 }),
  ];
  const right = [
    para(h.nation, { size: 12, bold: true, align: 'center' }),
    para(h.motto, { size: 13, bold: true, align: 'center' }),
    rule(RIGHT, 62),
    para(h.placeDate, { size: 14, italics: true, align: 'center', before: 4 }),
  ];
  return twoColumns(left, right, LEFT, RIGHT);
}

/** The kind of document and its title, bold and centred, with a short line under the title. */
export function documentTitle(kind: string, title: string, subtitle?: string): Paragraph[] {
  return [
    para(kind, { size: 14, bold: true, align: 'center', before: 18 }),
    para(title, { size: 14, bold: true, align: 'center' }),
    ...(subtitle ? [para(subtitle, { size: 14, italics: true, align: 'center' })] : []),
    rule(165, 40),
  ];
}

interface SignatureText {
  recipientsLabel: string;
  recipients: string[];
  /** "GIÁM ĐỐC", "THỦ TRƯỞNG ĐƠN VỊ"; "\n" for two lines (KT. GIÁM ĐỐC / PHÓ GIÁM ĐỐC). */
  signerTitle: string;
  /** "(Ký tên, đóng dấu)". */
  signHint?: string;
  signerName: string | null;
}

/** "Nơi nhận" bottom left, the signer bottom right (items 7 and 9). */
export function signatureBlock(s: SignatureText): Table {
  const left = [
    para(s.recipientsLabel, { size: 12, bold: true, italics: true }),
    ...s.recipients.map((r) => para(`- ${r}`, { size: 11 })),
  ];
  const right = [
    para(s.signerTitle, { size: 14, bold: true, align: 'center' }),
    ...(s.signHint ? [para(s.signHint, { size: 14, italics: true, align: 'center' })] : []),
    // Room for the signature and the seal.
    para('', { size: 14 }),
    para('', { size: 14 }),
    para('', { size: 14 }),
    para(s.signerName ?? '', { size: 14, bold: true, align: 'center', before: 12 }),
  ];
  return new Table({
    layout: TableLayoutType.FIXED,
    borders: NO_BORDERS,
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: [mm(LEFT + 2), mm(RIGHT - 2)],
    rows: [
      new TableRow({
        cantSplit: true,
        children: [cell(left, mm(LEFT + 2), { borders: false }), cell(right, mm(RIGHT - 2), { borders: false })],
      }),
    ],
  });
}

/** Two signers side by side, no "Nơi nhận" (minutes: the secretary left, who chaired right). */
export function twoSignatures(left: { title: string; name: string | null }, right: { title: string; name: string | null }): Table {
  const column = (s: { title: string; name: string | null }) => [
    para(s.title, { size: 14, bold: true, align: 'center' }),
    para('', { size: 14 }),
    para('', { size: 14 }),
    para('', { size: 14 }),
    para(s.name ?? '', { size: 14, bold: true, align: 'center', before: 12 }),
  ];
  return new Table({
    layout: TableLayoutType.FIXED,
    borders: NO_BORDERS,
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: [mm(LEFT + 2), mm(RIGHT - 2)],
    rows: [new TableRow({ cantSplit: true, children: [cell(column(left), mm(LEFT + 2), { borders: false }), cell(column(right), mm(RIGHT - 2), { borders: false })] })],
  });
}

type Align = 'left' | 'center' | 'right';

export interface GridColumn {
  header: string;
  /** Share of the table's width. */
  weight: number;
  align?: Align;
}

/** A cell of a grid: text, or a row spanning the whole table (a content area's heading). */
export type GridRow = { cells: string[]; bold?: boolean } | { band: string };

/** Paragraph styles of table text (12 pt in the body, 11 pt in a wide annex): cells name a style
 * rather than carry their own font, size and spacing, which keeps a 5,000-row annex light. */
const GRID_STYLES = { 12: 'GridText', 11: 'GridTextSmall' } as const;
type GridSize = keyof typeof GRID_STYLES;

const NEEDS_ESCAPE = /[&<>"\u0000-\u0008\u000B\u000C\u000E-\u001F]/;
const escapeXml = (text: string) =>
  // Most cells need nothing: one test rather than two replacements (an annex has 47,000 cells).
  !NEEDS_ESCAPE.test(text)
    ? text
    : text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!).replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g, '');

/**
 * The body rows of the document's tables, as WordprocessingML written here rather than through
 * docx's object tree: an annex of 5,000 units is 40,000 cells, which docx would hold as some
 * 400,000 objects (seconds of garbage collection, a gigabyte of memory). Each table gets a marker
 * row; `inject` puts the rows in its place in the packed document.
 */
export class TableRows {
  /** Each marker's rows as UTF-8 chunks: an annex of 100,000 rows is some 100 MB of XML, kept out of JS strings. */
  private readonly rows = new Map<string, Buffer[]>();

  /** A marker for these rows' place, and the rows kept until `inject`. */
  hold(chunks: Buffer[]): string {
    const marker = `\u2063rows-${this.rows.size}\u2063`;
    this.rows.set(marker, chunks);
    return marker;
  }

  /** The document.xml, UTF-8, with each marker row replaced by its rows: in pieces, never joined
   * (the packing streams them into the zip; an annex's XML is never held twice). */
  inject(documentXml: string): Buffer[] {
    const places = [...this.rows].map(([marker, chunks]) => {
      const at = documentXml.indexOf(marker);
      if (at < 0) throw new Error('table rows marker not found in the document');
      const open = documentXml.lastIndexOf('<w:tr>', at);
      const start = open >= 0 ? open : documentXml.lastIndexOf('<w:tr ', at);
      return { start, end: documentXml.indexOf('</w:tr>', at) + '</w:tr>'.length, chunks };
    });
    places.sort((a, b) => a.start - b.start);
    const parts: Buffer[] = [];
    let from = 0;
    for (const { start, end, chunks } of places) {
      parts.push(Buffer.from(documentXml.slice(from, start), 'utf8'), ...chunks);
      from = end;
    }
    parts.push(Buffer.from(documentXml.slice(from), 'utf8'));
    return parts;
  }
}

/** One cell's text: a paragraph in the grid style, "\n" a line break, aligned unless left. */
function gridText(value: string, align: Align, size: GridSize, bold: boolean): Paragraph {
  const lines = value.split('\n');
  return new Paragraph({
    style: GRID_STYLES[size],
    ...(align === 'left' ? {} : { alignment: ALIGN[align] }),
    children: lines.map((line, i) => new TextRun({ text: line, ...(bold ? { bold: true } : {}), ...(i > 0 ? { break: 1 } : {}) })),
  });
}

/** The same cell as XML: what docx writes for `gridText` in a cell of `width`; its frame made once per column. */
function cellXml(align: Align, size: GridSize, bold: boolean, width: number, span = 1): (value: string) => Buffer {
  const runProps = bold ? '<w:rPr><w:b/><w:bCs/></w:rPr>' : '';
  const jc = align === 'left' ? '' : `<w:jc w:val="${align === 'center' ? 'center' : 'right'}"/>`;
  const open = `<w:tc><w:tcPr><w:tcW w:type="dxa" w:w="${width}"/>${span > 1 ? `<w:gridSpan w:val="${span}"/>` : ''}</w:tcPr><w:p><w:pPr><w:pStyle w:val="${GRID_STYLES[size]}"/>${jc}</w:pPr>`;
  const run = `<w:r>${runProps}<w:t xml:space="preserve">`;
  const brokenRun = `<w:r>${runProps}<w:br/><w:t xml:space="preserve">`;
  // The same text recurs down a column (a cluster's name, the conditions, a dossier's state): its
  // XML is made and encoded once; a column of unique values stops being remembered past a bound.
  const made = new Map<string, Buffer>();
  return (value) => {
    let xml = made.get(value);
    if (xml === undefined) {
      xml = Buffer.from(write(value), 'utf8');
      if (made.size < 10_000) made.set(value, xml);
    }
    return xml;
  };

  function write(value: string): string {
    let xml = open;
    let from = 0;
    for (let at = value.indexOf('\n'); ; at = value.indexOf('\n', from)) {
      xml += `${from === 0 ? run : brokenRun}${escapeXml(at < 0 ? value.slice(from) : value.slice(from, at))}</w:t></w:r>`;
      if (at < 0) break;
      from = at + 1;
    }
    return `${xml}</w:p></w:tc>`;
  }
}

const ROW_OPEN = Buffer.from('<w:tr><w:trPr><w:cantSplit/></w:trPr>', 'utf8');
const ROW_CLOSE = Buffer.from('</w:tr>', 'utf8');

/**
 * A bordered table whose header row repeats on every page; rows are not split across pages.
 * `size` is the text size in points (12 in the body, 11 in a wide annex). The body rows are
 * written as XML into `rows` (see TableRows).
 */
export function grid(store: TableRows, columns: GridColumn[], rows: Iterable<GridRow>, width = TEXT_WIDTH, size: GridSize = 12): Table {
  const total = columns.reduce((s, c) => s + c.weight, 0);
  const widths = columns.map((c) => Math.floor((c.weight / total) * width));
  const header = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: columns.map((c) => new TableCell({ children: [gridText(c.header, 'center', size, true)], verticalAlign: VerticalAlign.CENTER, shading: { fill: 'EDEDED' } })),
  });
  // Rows made of their cells' UTF-8 and joined a thousand at a time: no string of the table is ever made.
  const chunks: Buffer[] = [];
  let parts: Buffer[] = [];
  let inChunk = 0;
  const cellOf = [false, true].map((bold) => columns.map((c, i) => cellXml(c.align ?? 'left', size, bold, widths[i]!)));
  const bandCell = cellXml('left', size, true, widths.reduce((a, b) => a + b, 0), columns.length);
  for (const row of rows) {
    parts.push(ROW_OPEN);
    if ('band' in row) parts.push(bandCell(row.band));
    else {
      const cell = cellOf[row.bold === true ? 1 : 0]!;
      for (let i = 0; i < row.cells.length; i++) parts.push(cell[i]!(row.cells[i]!));
    }
    parts.push(ROW_CLOSE);
    if (++inChunk === 1000) [chunks[chunks.length], parts, inChunk] = [Buffer.concat(parts), [], 0];
  }
  if (inChunk > 0) chunks.push(Buffer.concat(parts));
  const marker = new TableRow({ children: [new TableCell({ children: [new Paragraph(store.hold(chunks))], columnSpan: columns.length })] });
  return new Table({
    layout: TableLayoutType.FIXED,
    borders: GRID,
    width: { size: width, type: WidthType.DXA },
    columnWidths: widths,
    margins: { top: 30, bottom: 30, left: 80, right: 80 },
    rows: [header, marker],
  });
}

const pageNumberHeader = () =>
  new Header({ children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ font: FONT, size: pt(13), children: [PageNumber.CURRENT] })] })] });

interface Part {
  children: (Paragraph | Table)[];
  landscape?: boolean;
}

/**
 * The document: the first part starts on page 1 (its number not shown); every further part (an
 * annex) starts a new page, landscape if asked, and goes on numbering.
 */
export function officialDocument(meta: { title: string; subject: string; creator: string }, parts: Part[]): Document {
  const sections: ISectionOptions[] = parts.map((part, i) => ({
    properties: {
      titlePage: i === 0,
      page: {
        size: part.landscape ? { width: A4.width, height: A4.height, orientation: PageOrientation.LANDSCAPE } : { width: A4.width, height: A4.height },
        margin: part.landscape ? { ...MARGIN, left: mm(20), right: mm(20) } : MARGIN,
        pageNumbers: i === 0 ? { start: 1 } : {},
      },
    },
    headers: i === 0 ? { default: pageNumberHeader(), first: new Header({ children: [] }) } : { default: pageNumberHeader() },
    children: part.children,
  }));
  return new Document({
    creator: meta.creator,
    title: meta.title,
    subject: meta.subject,
    styles: {
      default: { document: { run: { font: FONT, size: pt(14) } } },
      paragraphStyles: (Object.entries(GRID_STYLES) as [string, string][]).map(([size, id]) => ({
        id,
        name: `Table text ${size} pt`,
        run: { font: FONT, size: pt(Number(size)) },
        paragraph: { spacing: { before: 0, after: 0, line: 240 } },
      })),
    },
    sections,
  });
}

