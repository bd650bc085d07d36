import { CsvError, parse } from 'csv-parse/sync';

type CsvDelimiter = ',' | ';' | '\t';
interface CsvRow {
  line: number;
  cells: string[];
}

const DELIMITERS: readonly CsvDelimiter[] = [',', ';', '\t'];

/** RFC 4180 CSV read by csv-parse: quoted fields with "" escapes, newlines inside quotes, CRLF/LF/CR line ends
 *  (mixed in one file), a UTF-8 BOM stripped. Delimiter auto-detected from the first line among ',', ';' and '\t'
 *  (Excel in the Vietnamese locale saves with ';') unless given. Returns rows of raw string cells with the 1-based
 *  line number where each row starts. A blank line yields a row with one empty cell; a line break at the very end
 *  does not start a new row. Malformed quoting is read leniently: a quote inside a field, or text after a closing
 *  quote, is kept as written; an unclosed quote runs to the end.
 *  `maxRows`: reading stops once that many rows are read (a caller that refuses longer files need not hold them). */
export function parseCsv(text: string, options: { delimiter?: CsvDelimiter; maxRows?: number } = {}): CsvRow[] {
  if (text.startsWith('\uFEFF')) text = text.slice(1);
  const delimiter = options.delimiter ?? detectDelimiter(text);
  let records: string[][];
  try {
    records = read(text, delimiter, options.maxRows);
  } catch (error) {
    if (!(error instanceof CsvError && error.code === 'CSV_QUOTE_NOT_CLOSED')) throw error;
    records = read(`${text}"`, delimiter, options.maxRows);
  }
  // A line break outside quotes ends a record; those inside quotes are kept in the cells as written.
  let line = 1;
  return records.map((cells) => {
    const row = { line, cells };
    line += 1 + cells.reduce((n, cell) => n + lineBreaks(cell), 0);
    return row;
  });
}

function read(text: string, delimiter: CsvDelimiter, maxRows: number | undefined): string[][] {
  return parse(text, {
    delimiter,
    record_delimiter: ['\r\n', '\n', '\r'],
    relax_quotes: true,
    relax_column_count: true,
    skip_empty_lines: false,
    ...(maxRows !== undefined ? { to: maxRows } : {}),
  });
}

function lineBreaks(cell: string): number {
  if (!cell.includes('\n') && !cell.includes('\r')) return 0;
  return cell.match(/\r\n?|\n/g)!.length;
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
