import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../src/io/csv.ts';

describe('parseCsv', () => {
  it('reads quoted fields with delimiters, escaped quotes and line breaks, numbering rows by starting line', () => {
    const text = 'a,b,c\r\n"x, y","say ""hi""","two\r\nlines"\r\nlast,,\r\n';
    expect(parseCsv(text)).toEqual([
      { line: 1, cells: ['a', 'b', 'c'] },
      { line: 2, cells: ['x, y', 'say "hi"', 'two\r\nlines'] },
      { line: 4, cells: ['last', '', ''] },
    ]);
  });

  it('accepts LF and lone CR line ends and keeps blank lines as one empty cell', () => {
    expect(parseCsv('a;b\n\n1;2\r3;4')).toEqual([
      { line: 1, cells: ['a', 'b'] },
      { line: 2, cells: [''] },
      { line: 3, cells: ['1', '2'] },
      { line: 4, cells: ['3', '4'] },
    ]);
  });

  it('strips a UTF-8 BOM', () => {
    expect(parseCsv('\uFEFFTên;Đơn vị\nAn;Sở Nội vụ')).toEqual([
      { line: 1, cells: ['Tên', 'Đơn vị'] },
      { line: 2, cells: ['An', 'Sở Nội vụ'] },
    ]);
  });

  it('detects the delimiter from the first non-blank line, ignoring quoted text', () => {
    expect(parseCsv('"a,b,c";d\n1;2')[0]?.cells).toEqual(['a,b,c', 'd']);
    expect(parseCsv('\na\tb\tc\n1\t2\t3')[1]?.cells).toEqual(['a', 'b', 'c']);
    expect(parseCsv('a,b;c\n')[0]?.cells).toEqual(['a', 'b;c']);
    expect(parseCsv('only')[0]?.cells).toEqual(['only']);
  });

  it('uses a given delimiter', () => {
    expect(parseCsv('a,b;c', { delimiter: ';' })).toEqual([{ line: 1, cells: ['a,b', 'c'] }]);
  });

  it('reads malformed quoting leniently', () => {
    expect(parseCsv('a"b,"c"d,"open\nend')).toEqual([{ line: 1, cells: ['a"b', '"c"d', 'open\nend'] }]);
  });

  it('returns no rows for empty text', () => {
    expect(parseCsv('')).toEqual([]);
    expect(parseCsv('\uFEFF')).toEqual([]);
  });
});
