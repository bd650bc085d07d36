/**
 * Reads numbers and dates the way Vietnamese civil servants type them in a chat, and formats
 * them back in Vietnamese conventions. Pure: no user-facing text, no clock, no I/O.
 */
import { fold } from '../util/text.ts';
import { zoneOffsetMs } from '../util/time-zone.ts';

// ---------------------------------------------------------------- numbers

type NumberReading =
  | { kind: 'ok'; value: number; percent: boolean }
  | { kind: 'ambiguous'; candidates: [number, number]; percent: boolean } // e.g. "1.500": 1500 or 1,5
  | { kind: 'invalid' };

const INVALID = { kind: 'invalid' } as const;

/** Space, no-break space and narrow no-break space, all usable as thousands separators. */
const SPACE = /[ \u00a0\u202f]/;

/** Digits grouped by `sep` (first group 1–3 digits, the rest exactly 3), returned ungrouped. */
function groupedDigits(text: string, sep: string | RegExp): string | undefined {
  const groups = text.split(sep);
  const ok = groups.every((g, i) => (i === 0 ? /^\d{1,3}$/ : /^\d{3}$/).test(g));
  return ok ? groups.join('') : undefined;
}

/** A plain integer part, optionally grouped by single spaces ("1 234"). */
function integerPart(text: string): string | undefined {
  if (/^\d+$/.test(text)) return text;
  return SPACE.test(text) ? groupedDigits(text, SPACE) : undefined;
}

function toNumber(sign: string, intDigits: string, fraction = ''): number | undefined {
  const value = Number(`${sign}${intDigits || '0'}${fraction ? `.${fraction}` : ''}`);
  // `+ 0` turns -0 into 0.
  return Number.isFinite(value) ? value + 0 : undefined;
}

export function parseVnNumber(input: string): NumberReading {
  const m = /^([+-]?)([\d., \u00a0\u202f]*\d[\d., \u00a0\u202f]*?)\s*(%?)$/.exec(input.trim());
  if (!m) return INVALID;
  const [, sign = '', body = '', pct] = m;
  const percent = pct === '%';
  const ok = (value: number | undefined): NumberReading =>
    value === undefined ? INVALID : { kind: 'ok', value, percent };

  const dots = body.split('.').length - 1;
  const commas = body.split(',').length - 1;

  if (dots === 0 && commas === 0) {
    const digits = integerPart(body);
    return digits === undefined ? INVALID : ok(toNumber(sign, digits));
  }

  if (dots > 0 && commas > 0) {
    // Both separators: the last one is the decimal mark, the other groups thousands.
    const decimal = body.lastIndexOf('.') > body.lastIndexOf(',') ? '.' : ',';
    const thousands = decimal === '.' ? ',' : '.';
    const [intText = '', fraction = '', ...rest] = body.split(decimal);
    if (rest.length > 0 || !/^\d+$/.test(fraction)) return INVALID;
    const digits = groupedDigits(intText, thousands);
    return digits === undefined ? INVALID : ok(toNumber(sign, digits, fraction));
  }

  const sep = dots > 0 ? '.' : ',';
  if (dots + commas > 1) {
    // One kind of separator, repeated: only thousands grouping makes sense.
    const digits = groupedDigits(body, sep);
    return digits === undefined ? INVALID : ok(toNumber(sign, digits));
  }

  // A single "." or ",".
  const [intText = '', fraction = ''] = body.split(sep);
  if (!/^\d+$/.test(fraction)) return INVALID;
  // ",5" is a plausible Vietnamese shorthand for 0,5; ".5" is not accepted.
  if (intText === '' && sep === '.') return INVALID;
  const intDigits = intText === '' ? '' : integerPart(intText);
  if (intDigits === undefined) return INVALID;

  // "1.500" may be 1500 or 1,5. Not when the integer part starts with 0 (no thousands group
  // follows a leading 0) or is already grouped by spaces (then "." / "," must be the decimal).
  if (fraction.length === 3 && /^[1-9]\d{0,2}$/.test(intText)) {
    const thousands = toNumber(sign, intText + fraction);
    const decimal = toNumber(sign, intText, fraction);
    if (thousands === undefined || decimal === undefined) return INVALID;
    return { kind: 'ambiguous', candidates: [thousands, decimal], percent };
  }
  return ok(toNumber(sign, intDigits, fraction));
}

const numberFormats = new Map<number, Intl.NumberFormat>();

/** 1234.5 → "1.234,5". Never prints "-0". */
export function formatVnNumber(value: number, maxFractionDigits = 2): string {
  let format = numberFormats.get(maxFractionDigits);
  if (!format) {
    format = new Intl.NumberFormat('vi-VN', {
      maximumFractionDigits: maxFractionDigits,
      signDisplay: 'negative',
    });
    numberFormats.set(maxFractionDigits, format);
  }
  return format.format(value);
}

/** `value` is already in percent units: 98.5 → "98,5%". */
export function formatPercent(value: number): string {
  return `${formatVnNumber(value)}%`;
}

// ---------------------------------------------------------------- dates

export type IsoDate = string; // 'YYYY-MM-DD'
type DateReading =
  | { kind: 'ok'; date: IsoDate; yearAssumed: boolean }
  | { kind: 'invalid' };

const MIN_YEAR = 1900;
const MAX_YEAR = 2100;

function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');

function toIso(year: number, month: number, day: number): IsoDate {
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

/** Day-first patterns, matched against folded input (lower case, no diacritics). */
const DATE_PATTERNS: readonly RegExp[] = [
  /^(?<y>\d{4})-(?<m>\d{1,2})-(?<d>\d{1,2})$/, // ISO
  /^(?:ngay )?(?<d>\d{1,2}) ?(?<sep>[/.-]) ?(?<m>\d{1,2})(?: ?\k<sep> ?(?<y>\d{4}|\d{2}))?$/,
  /^(?:ngay )?(?<d>\d{1,2}) thang (?<m>\d{1,2})(?: nam (?<y>\d{4}))?$/,
];

export function parseVnDate(input: string, defaultYear: number): DateReading {
  const text = fold(input);
  for (const pattern of DATE_PATTERNS) {
    const groups = pattern.exec(text)?.groups;
    if (!groups) continue;
    const { d = '', m = '', y } = groups;
    let year = y === undefined ? defaultYear : Number(y);
    if (y?.length === 2) year += 2000;
    const day = Number(d);
    const month = Number(m);
    if (!Number.isInteger(year) || year < MIN_YEAR || year > MAX_YEAR) return INVALID;
    if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return INVALID;
    return { kind: 'ok', date: toIso(year, month, day), yearAssumed: y === undefined };
  }
  return INVALID;
}

/** Strict 'YYYY-MM-DD' naming a real calendar day (any year 0000–9999; no 1900–2100 limit). */
export function isValidIsoDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const [year, month, day] = m.slice(1).map(Number) as [number, number, number];
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/** Splits a valid IsoDate; a malformed one is a programming error, so it throws. */
function parts(iso: IsoDate): [number, number, number] {
  if (!isValidIsoDate(iso)) throw new RangeError(`Not an ISO date: ${JSON.stringify(iso)}`);
  return iso.split('-').map(Number) as [number, number, number];
}

/** Midnight UTC of the day; used only for calendar arithmetic, never as an instant. */
function utcDate(iso: IsoDate): Date {
  const [year, month, day] = parts(iso);
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day); // unlike Date.UTC, keeps years 0–99 as they are
  return date;
}

export function formatVnDate(iso: IsoDate): string {
  const [year, month, day] = parts(iso);
  return `${pad(day, 2)}/${pad(month, 2)}/${pad(year, 4)}`;
}

// ICU's "vi" weekdays are capitalised ("Thứ Ba", "Chủ Nhật");
// the house style is "thứ Ba", "Chủ nhật".
const VI_WEEKDAYS = ['Chủ nhật', 'thứ Hai', 'thứ Ba', 'thứ Tư', 'thứ Năm', 'thứ Sáu', 'thứ Bảy'];
const EN_WEEKDAY = new Intl.DateTimeFormat('en', { weekday: 'long', timeZone: 'UTC' });

/** vi: "thứ Ba, 31/03/2020"; en: "Tuesday, 31/03/2020" (the date stays day-first in both). */
export function formatVnDateLong(iso: IsoDate, locale: 'vi' | 'en'): string {
  const date = utcDate(iso);
  const weekday = locale === 'vi' ? VI_WEEKDAYS[date.getUTCDay()] : EN_WEEKDAY.format(date);
  return `${weekday}, ${formatVnDate(iso)}`;
}

export function addDays(iso: IsoDate, days: number): IsoDate {
  if (!Number.isInteger(days)) throw new RangeError(`Not a whole number of days: ${days}`);
  const date = utcDate(iso);
  date.setUTCDate(date.getUTCDate() + days);
  return toIso(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
}

/** Negative, zero or positive, for Array.prototype.sort. */
export function compareIsoDates(a: IsoDate, b: IsoDate): number {
  parts(a); // validates; valid ISO dates then order correctly as plain strings
  parts(b);
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The calendar day (YYYY-MM-DD) that the instant `epochMs` falls on in time zone `tz`. */
export function localDate(epochMs: number, tz: string): IsoDate {
  const local = new Date(epochMs + zoneOffsetMs(epochMs, tz));
  return toIso(local.getUTCFullYear(), local.getUTCMonth() + 1, local.getUTCDate());
}

// ---------------------------------------------------------------- numbers in words

const DIGITS = ['không', 'một', 'hai', 'ba', 'bốn', 'năm', 'sáu', 'bảy', 'tám', 'chín'];
const SCALES = ['', 'nghìn', 'triệu', 'tỷ', 'nghìn tỷ'];

/** 0–999 in words; `full` when a higher group precedes it (then "không trăm", "linh" are said). */
function hundredsInWords(n: number, full: boolean): string {
  const h = Math.floor(n / 100);
  const t = Math.floor((n % 100) / 10);
  const u = n % 10;
  const words: string[] = [];
  if (h > 0 || full) words.push(DIGITS[h]!, 'trăm');
  if (t === 0 && u > 0 && (h > 0 || full)) words.push('linh');
  if (t === 1) words.push('mười');
  else if (t > 1) words.push(DIGITS[t]!, 'mươi');
  if (u === 1 && t > 1) words.push('mốt');
  else if (u === 5 && t > 0) words.push('lăm');
  else if (u === 4 && t > 1) words.push('tư');
  else if (u > 0) words.push(DIGITS[u]!);
  return words.join(' ');
}

/**
 * A whole number in Vietnamese words, as an amount is read out: 4500 → "bốn nghìn năm trăm",
 * 1.234.567 → "một triệu hai trăm ba mươi tư nghìn năm trăm sáu mươi bảy", 105 → "một trăm linh
 * năm". Up to nghìn tỷ; fractions are not said.
 */
export function vnNumberInWords(value: number): string {
  const n = Math.trunc(Math.abs(value));
  if (n === 0) return 'không';
  const groups: number[] = [];
  for (let rest = n; rest > 0; rest = Math.floor(rest / 1000)) groups.push(rest % 1000);
  if (groups.length > SCALES.length) return formatVnNumber(n);
  const words: string[] = [];
  for (let i = groups.length - 1; i >= 0; i--) {
    const g = groups[i]!;
    if (g === 0) continue;
    words.push(hundredsInWords(g, i < groups.length - 1), SCALES[i]!);
  }
  return `${value < 0 ? 'âm ' : ''}${words.join(' ').replace(/\s+/g, ' ').trim()}`;
}
