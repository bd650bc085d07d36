import { describe, expect, it } from 'vitest';
import {
  addDays,
  compareIsoDates,
  formatPercent,
  formatVnDate,
  formatVnDateLong,
  formatVnNumber,
  isValidIsoDate,
  localDate,
  parseVnDate,
  parseVnNumber,
  vnNumberInWords,
} from '../../src/domain/vn-input.ts';

const NBSP = '\u00a0';

describe('parseVnNumber', () => {
  it.each([
    // Vietnamese style
    ['1.234,5', 1234.5],
    ['1.234.567', 1234567],
    ['1.234.567,891', 1234567.891],
    ['1,5', 1.5],
    ['12,75', 12.75],
    ['0,5', 0.5],
    ['1.500,5', 1500.5],
    // English style
    ['1.5', 1.5],
    ['12.34', 12.34],
    ['1.50', 1.5],
    ['1.2345', 1.2345],
    ['1,234.5', 1234.5],
    ['1,234,567', 1234567],
    ['1,234,567.25', 1234567.25],
    // a leading 0 never precedes a thousands group
    ['0.500', 0.5],
    ['0,500', 0.5],
    ['00,500', 0.5],
    // 4+ digits before a single separator: it cannot be a thousands separator
    ['1234.567', 1234.567],
    ['1234,567', 1234.567],
    // spaces as thousands separators
    ['1 234', 1234],
    [`1${NBSP}234`, 1234],
    ['1\u202f234', 1234],
    ['1 234 567', 1234567],
    ['1 234,5', 1234.5],
    ['1 234.5', 1234.5],
    ['1 234,567', 1234.567], // spaces already group thousands, so "," is the decimal
    // signs, surrounding spaces, plain integers
    ['+5', 5],
    ['-3', -3],
    ['-1.234,5', -1234.5],
    ['-0', 0],
    ['  42  ', 42],
    ['0', 0],
    ['007', 7],
    ['1234567', 1234567],
    [',5', 0.5],
  ])('%j -> %d', (input, value) => {
    expect(parseVnNumber(input)).toEqual({ kind: 'ok', value, percent: false });
  });

  it.each([
    ['98,5%', 98.5],
    ['98,5 %', 98.5],
    ['100%', 100],
    [' 12.5% ', 12.5],
    ['-5%', -5],
    ['0%', 0],
  ])('%j -> %d percent', (input, value) => {
    expect(parseVnNumber(input)).toEqual({ kind: 'ok', value, percent: true });
  });

  it.each([
    ['1.500', [1500, 1.5], false],
    ['1,500', [1500, 1.5], false],
    ['12,345', [12345, 12.345], false],
    ['999.999', [999999, 999.999], false],
    ['-1.500', [-1500, -1.5], false],
    ['+2,000', [2000, 2], false],
    ['1.500%', [1500, 1.5], true],
  ])('%j is ambiguous: %j', (input, candidates, percent) => {
    expect(parseVnNumber(input)).toEqual({ kind: 'ambiguous', candidates, percent });
  });

  it.each([
    '',
    '   ',
    'abc',
    '12.',
    '12,',
    '1,234.',
    '1.000.000,',
    '.5',
    '1..2',
    '1,,2',
    '1.23.4', // misplaced group
    '1.000.5',
    '12,34,567', // Indian grouping
    '1,23.4',
    '1.234,5.6',
    '1.234,567.8',
    '1 23',
    '1 234 5',
    '1  234',
    '1.234 567',
    '1 234.567,5',
    '- 5',
    '+-1',
    '--1',
    '1e5',
    '0x10',
    '1_000',
    'Infinity',
    '-Infinity',
    'NaN',
    '%',
    '-',
    '5%%',
    '%5',
    '5 đồng',
    '１２', // full-width digits
    '9'.repeat(400), // overflows to Infinity
  ])('%j is invalid', (input) => {
    expect(parseVnNumber(input)).toEqual({ kind: 'invalid' });
  });
});

describe('formatVnNumber / formatPercent', () => {
  it.each([
    [1234.5, undefined, '1.234,5'],
    [1234567, undefined, '1.234.567'],
    [1234, undefined, '1.234'],
    [-3, undefined, '-3'],
    [-1234.5, undefined, '-1.234,5'],
    [0.5, undefined, '0,5'],
    [0, undefined, '0'],
    [-0, undefined, '0'],
    [-0.001, undefined, '0'], // rounds to zero: no "-0"
    [12.3, undefined, '12,3'], // no trailing zeros
    [1.23456, undefined, '1,23'],
    [1.23456, 3, '1,235'],
    [1234.5, 0, '1.235'],
    [999.999, 2, '1.000'],
  ])('formatVnNumber(%d, %j) -> %j', (value, digits, expected) => {
    expect(formatVnNumber(value, digits)).toBe(expected);
  });

  it.each([
    [98.5, '98,5%'],
    [100, '100%'],
    [0, '0%'],
    [33.333, '33,33%'],
    [-2.5, '-2,5%'],
  ])('formatPercent(%d) -> %j', (value, expected) => {
    expect(formatPercent(value)).toBe(expected);
  });

  it.each([1234.5, 0.25, -7, 1234567.89])('%d survives a format/parse round trip', (value) => {
    expect(parseVnNumber(formatVnNumber(value))).toEqual({ kind: 'ok', value, percent: false });
  });
});

describe('parseVnDate', () => {
  const YEAR = 2024;

  it.each([
    ['31/3', '2024-03-31', true],
    ['31/03', '2024-03-31', true],
    ['5/2', '2024-02-05', true],
    ['  5/2  ', '2024-02-05', true],
    ['29/2', '2024-02-29', true], // 2024 is a leap year
    ['31/03/2020', '2020-03-31', false],
    ['05/02/2021', '2021-02-05', false],
    ['31-3-2020', '2020-03-31', false],
    ['31.3.2020', '2020-03-31', false],
    ['31.3', '2024-03-31', true],
    ['31-3', '2024-03-31', true],
    ['31 / 3 / 2020', '2020-03-31', false],
    ['31/3/20', '2020-03-31', false], // two-digit year -> 2000+yy
    ['1/1/00', '2000-01-01', false],
    ['2020-03-31', '2020-03-31', false],
    ['2020-3-5', '2020-03-05', false],
    ['ngày 31 tháng 3', '2024-03-31', true],
    ['ngày 31 tháng 3 năm 2020', '2020-03-31', false],
    ['31 tháng 3', '2024-03-31', true],
    ['31 thang 03 nam 2020', '2020-03-31', false],
    ['Ngày 5 Tháng 2 Năm 2021', '2021-02-05', false],
    ['NGAY 5 THANG 2', '2024-02-05', true],
    ['ngay 5 thang 2', '2024-02-05', true],
    ['ngày  31   tháng 3', '2024-03-31', true],
    ['ngày 31 tháng 3'.normalize('NFD'), '2024-03-31', true], // decomposed diacritics
    ['ngày 31/3/2020', '2020-03-31', false],
    ['29/2/2020', '2020-02-29', false],
    ['1/1/1900', '1900-01-01', false],
    ['31/12/2100', '2100-12-31', false],
  ])('%j -> %s (yearAssumed %s)', (input, date, yearAssumed) => {
    expect(parseVnDate(input, YEAR)).toEqual({ kind: 'ok', date, yearAssumed });
  });

  it.each([
    ['30/2/2020', YEAR],
    ['31/4', YEAR],
    ['31/6/2020', YEAR],
    ['0/1', YEAR],
    ['32/1', YEAR],
    ['1/0', YEAR],
    ['13/13', YEAR],
    ['29/2/2021', YEAR],
    ['29/2', 2023], // default year is not a leap year
    ['29/2/1900', YEAR], // 1900 is not a leap year
    ['31/12/1899', YEAR],
    ['1/1/2101', YEAR],
    ['1/1', 1899], // default year outside the range too
    ['3/31/2020', YEAR], // month-first is never read
    ['2020/03/31', YEAR], // neither is year-first with slashes
    ['2020-02-30', YEAR],
    ['31/3/202', YEAR],
    ['31/3/02020', YEAR],
    ['31/3-2020', YEAR], // mixed separators
    ['31/3/', YEAR],
    ['31', YEAR],
    ['ngày 31', YEAR],
    ['31 tháng', YEAR],
    ['tháng 3', YEAR],
    ['ngày 31 tháng 3 năm 20', YEAR],
    ['31/3/2020 10:00', YEAR],
    ['hôm nay', YEAR],
    ['', YEAR],
  ])('%j (default year %d) is invalid', (input, defaultYear) => {
    expect(parseVnDate(input, defaultYear)).toEqual({ kind: 'invalid' });
  });
});

describe('ISO dates', () => {
  it.each([
    ['2020-03-31', true],
    ['2020-02-29', true],
    ['2000-02-29', true],
    ['2021-02-28', true],
    ['2021-02-29', false],
    ['1900-02-29', false],
    ['2020-04-31', false],
    ['2020-00-10', false],
    ['2020-13-01', false],
    ['2020-01-00', false],
    ['2020-3-31', false],
    ['20-03-31', false],
    ['2020-03-31T00:00', false],
    ['31/03/2020', false],
    ['', false],
  ])('isValidIsoDate(%j) -> %s', (input, expected) => {
    expect(isValidIsoDate(input)).toBe(expected);
  });

  it.each([
    ['2020-03-31', '31/03/2020'],
    ['2021-01-05', '05/01/2021'],
    ['2100-12-31', '31/12/2100'],
  ])('formatVnDate(%j) -> %j', (iso, expected) => {
    expect(formatVnDate(iso)).toBe(expected);
  });

  it.each([
    ['2020-03-29', 'vi', 'Chủ nhật, 29/03/2020'],
    ['2020-03-30', 'vi', 'thứ Hai, 30/03/2020'],
    ['2020-03-31', 'vi', 'thứ Ba, 31/03/2020'],
    ['2020-04-01', 'vi', 'thứ Tư, 01/04/2020'],
    ['2020-04-02', 'vi', 'thứ Năm, 02/04/2020'],
    ['2020-04-03', 'vi', 'thứ Sáu, 03/04/2020'],
    ['2020-04-04', 'vi', 'thứ Bảy, 04/04/2020'],
    ['2020-03-31', 'en', 'Tuesday, 31/03/2020'],
    ['2020-03-29', 'en', 'Sunday, 29/03/2020'],
    ['2020-04-04', 'en', 'Saturday, 04/04/2020'],
  ] as const)('formatVnDateLong(%j, %s) -> %j', (iso, locale, expected) => {
    expect(formatVnDateLong(iso, locale)).toBe(expected);
  });

  it.each([
    ['2020-03-31', 0, '2020-03-31'],
    ['2020-03-31', 1, '2020-04-01'],
    ['2020-02-28', 1, '2020-02-29'],
    ['2021-02-28', 1, '2021-03-01'],
    ['2020-12-31', 1, '2021-01-01'],
    ['2020-01-01', -1, '2019-12-31'],
    ['2020-03-01', -1, '2020-02-29'],
    ['2020-01-31', 30, '2020-03-01'],
    ['2020-01-01', 366, '2021-01-01'],
    ['2020-03-08', 7, '2020-03-15'], // across a DST change elsewhere: plain calendar arithmetic
  ])('addDays(%j, %d) -> %j', (iso, days, expected) => {
    expect(addDays(iso, days)).toBe(expected);
  });

  it.each([
    ['2020-03-30', '2020-03-31', -1],
    ['2020-03-31', '2020-03-31', 0],
    ['2021-01-01', '2020-12-31', 1],
    ['2020-10-01', '2020-09-30', 1],
  ])('compareIsoDates(%j, %j) has sign %d', (a, b, sign) => {
    expect(Math.sign(compareIsoDates(a, b))).toBe(sign);
  });

  it('sorts with compareIsoDates', () => {
    expect(['2021-01-01', '2020-03-31', '2020-12-31'].sort(compareIsoDates)).toEqual([
      '2020-03-31',
      '2020-12-31',
      '2021-01-01',
    ]);
  });

  it.each([
    ['formatVnDate', () => formatVnDate('2020-3-31')],
    ['formatVnDateLong', () => formatVnDateLong('2020-02-30', 'vi')],
    ['addDays (bad date)', () => addDays('31/03/2020', 1)],
    ['addDays (fractional days)', () => addDays('2020-03-31', 0.5)],
    ['compareIsoDates', () => compareIsoDates('2020-03-31', 'tomorrow')],
  ])('%s throws RangeError on malformed input', (_name, call) => {
    expect(call).toThrow(RangeError);
  });
});

describe('localDate', () => {
  it.each([
    ['2020-03-30T17:30:00Z', 'Asia/Ho_Chi_Minh', '2020-03-31'],
    ['2020-03-30T16:59:59Z', 'Asia/Ho_Chi_Minh', '2020-03-30'],
    ['2020-03-30T17:00:00Z', 'Asia/Ho_Chi_Minh', '2020-03-31'], // local midnight
    ['2020-03-30T17:30:00Z', 'Asia/Saigon', '2020-03-31'], // legacy alias
    ['2020-03-30T17:30:00Z', 'UTC', '2020-03-30'],
    ['2020-03-08T04:59:00Z', 'America/New_York', '2020-03-07'], // EST, before the DST switch
    ['2020-03-08T04:00:00Z', 'America/New_York', '2020-03-07'],
    ['2020-11-01T04:30:00Z', 'America/New_York', '2020-11-01'], // EDT, 00:30 local
    ['2020-12-31T10:00:00Z', 'Pacific/Kiritimati', '2021-01-01'], // UTC+14
    ['2020-01-01T05:00:00Z', 'Pacific/Pago_Pago', '2019-12-31'], // UTC-11
  ])('%s in %s is %s', (instant, tz, expected) => {
    expect(localDate(Date.parse(instant), tz)).toBe(expected);
  });

  it('throws RangeError for an unknown time zone', () => {
    expect(() => localDate(0, 'Mars/Olympus_Mons')).toThrow(RangeError);
  });
});

describe('numbers in words', () => {
  it.each([
    [4500, 'bốn nghìn năm trăm'],
    [1500, 'một nghìn năm trăm'],
    [105, 'một trăm linh năm'],
    [21, 'hai mươi mốt'],
    [15, 'mười lăm'],
    [25, 'hai mươi lăm'],
    [1_234_567, 'một triệu hai trăm ba mươi tư nghìn năm trăm sáu mươi bảy'],
    [2_005_000, 'hai triệu không trăm linh năm nghìn'],
    [1_500_000_000, 'một tỷ năm trăm triệu'],
    [0, 'không'],
  ])('a number is said in words correctly: %d → %s', (n, words) => {
    expect(vnNumberInWords(n)).toBe(words);
  });
});
