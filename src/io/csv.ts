export type CsvDelimiter = ',' | ';' | '\t';
export interface CsvRow {
  line: number;
  cells: string[];
}

const DELIMITERS: readonly CsvDelimiter[] = [',', ';', '\t'];

/** RFC 4180 CSV: quoted fields with "" escapes, newlines inside quotes, CRLF/LF/CR line ends, a UTF-8 BOM stripped.
 *  Delimiter auto-detected from the first line among ',', ';' and '\t' (Excel in the Vietnamese locale saves with ';')
 *  unless given. Returns rows of raw string cells with the 1-based line number where each row starts.
 *  A blank line yields a row with one empty cell; a line break at the very end does not start a new row.
 *  Malformed quoting is read leniently: text after a closing quote is kept, an unclosed quote runs to the end.
 *  `maxRows`: reading stops once that many rows are read (a caller that refuses longer files need not hold them). */
export function parseCsv(text: string, options: { delimiter?: CsvDelimiter; maxRows?: number } = {}): CsvRow[] {
  const maxRows = options.maxRows ?? Infinity;
  if (text.startsWith('\uFEFF')) text = text.slice(1);
  const delimiter = options.delimiter ?? detectDelimiter(text);
  const rows: CsvRow[] = [];
  let cells: string[] = [];
  let field = '';
  let quoted = false;
  let fieldStart = true; // a quote only opens a quoted field at the start of the field
  let line = 1;
  let rowLine = 1;
  let rowHasText = false;

  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    const isBreak = ch === '\n' || ch === '\r';
    const crlf = ch === '\r' && text[i + 1] === '\n';
    rowHasText = true;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') {
        quoted = false;
      } else {
        field += crlf ? '\r\n' : ch;
        if (crlf) i++;
        if (isBreak) line++;
      }
    } else if (ch === '"' && fieldStart) {
      quoted = true;
      fieldStart = false;
    } else if (ch === delimiter) {
      cells.push(field);
      field = '';
      fieldStart = true;
    } else if (isBreak) {
      if (crlf) i++;
      cells.push(field);
      rows.push({ line: rowLine, cells });
      if (rows.length >= maxRows) return rows;
      cells = [];
      field = '';
      fieldStart = true;
      rowHasText = false;
      rowLine = ++line;
    } else {
      field += ch;
      fieldStart = false;
    }
  }
  if (rowHasText) {
    cells.push(field);
    rows.push({ line: rowLine, cells });
  }
  return rows;
}

/** The candidate seen most often outside quotes on the first non-blank line; ',' when none appears. */
function detectDelimiter(text: string): CsvDelimiter {
  const counts = new Map<string, number>();
  let quoted = false;
  let seenText = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) {
      if (seenText) break;
      continue;
    } else if (!quoted) counts.set(ch, (counts.get(ch) ?? 0) + 1);
    seenText = true;
  }
  let best: CsvDelimiter = ',';
  for (const d of DELIMITERS) if ((counts.get(d) ?? 0) > (counts.get(best) ?? 0)) best = d;
  return best;
}
