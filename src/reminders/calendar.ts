/**
 * When reminders may go out: not in quiet hours (default 21:00–07:00), not on weekends, not on
 * Vietnamese public holidays (Labour Code 2019, art. 112): 1/1, Tết Nguyên đán (from the 29th of the
 * last lunar month to the 5th day of the new year, as the yearly decisions set it), Giỗ Tổ Hùng Vương
 * (10/3 lunar), 30/4, 1/5, 2/9 and the day after; a single-day holiday falling on a weekend is made
 * up on the next working day (nghỉ bù). A reminder due at a closed time goes out at the next open
 * moment. Everything is reckoned in the movement's time zone (Asia/Ho_Chi_Minh).
 */
import { zoneOffsetMs } from '../util/time-zone.ts';
import { addDays, localDate, type IsoDate } from '../domain/vn-input.ts';
import { hungKingsDate, tetDate } from './lunar.ts';

const DEFAULT_TIME_ZONE = 'Asia/Ho_Chi_Minh';

export interface CalendarPolicy {
  timeZone: string;
  /** Local "HH:MM" when quiet hours begin (default 21:00) and end (default 07:00). */
  quietStart: string;
  quietEnd: string;
  skipWeekends: boolean;
  skipHolidays: boolean;
  /** More closed days (YYYY-MM-DD): a swapped working day, a day off the government adds in a given year. */
  extraHolidays: readonly string[];
}

const DEFAULT_POLICY: CalendarPolicy = {
  timeZone: DEFAULT_TIME_ZONE,
  quietStart: '21:00',
  quietEnd: '07:00',
  skipWeekends: true,
  skipHolidays: true,
  extraHolidays: [],
};

export function policy(overrides: Partial<CalendarPolicy> = {}): CalendarPolicy {
  return { ...DEFAULT_POLICY, ...Object.fromEntries(Object.entries(overrides).filter(([, v]) => v !== undefined)) };
}

const TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;
export const isTimeOfDay = (s: string) => TIME.test(s);

/** Minutes since local midnight of an "HH:MM". */
function minutesOf(hhmm: string): number {
  const m = TIME.exec(hhmm);
  if (!m) throw new RangeError(`Not a time of day: ${JSON.stringify(hhmm)}`);
  return Number(m[1]) * 60 + Number(m[2]);
}

/** The instant of local day `day` at local time `hhmm` in zone `tz`. */
export function zonedTime(day: IsoDate, hhmm: string, tz: string): number {
  const [y, mo, d] = day.split('-').map(Number) as [number, number, number];
  const minutes = minutesOf(hhmm);
  const naive = Date.UTC(y, mo - 1, d, Math.floor(minutes / 60), minutes % 60);
  // Two passes settle the offset for any zone (around a DST change the later reading wins).
  let guess = naive - zoneOffsetMs(naive, tz);
  guess = naive - zoneOffsetMs(guess, tz);
  return guess;
}

/** Minutes since local midnight at instant `epochMs`. */
export function localMinutes(epochMs: number, tz: string): number {
  const local = epochMs + zoneOffsetMs(epochMs, tz);
  return Math.floor((((local % 86_400_000) + 86_400_000) % 86_400_000) / 60_000);
}


/** 0 = Sunday … 6 = Saturday, for a YYYY-MM-DD. */
export function weekday(day: IsoDate): number {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d)).getUTCDay();
}

const isWeekend = (day: IsoDate) => {
  const w = weekday(day);
  return w === 0 || w === 6;
};

// ---------------------------------------------------------------------------------------------
// Public holidays.

type HolidayName = 'new-year' | 'tet' | 'hung-kings' | 'reunification' | 'labour' | 'national' | 'compensatory';

const holidayYears = new Map<number, Map<IsoDate, HolidayName>>();

/** The public holidays of Gregorian year `year`, each day with its name. */
export function publicHolidays(year: number): Map<IsoDate, HolidayName> {
  const cached = holidayYears.get(year);
  if (cached) return cached;
  const days = new Map<IsoDate, HolidayName>();
  const tet = tetDate(year);
  for (let i = -2; i <= 4; i++) days.set(addDays(tet, i), 'tet');
  const single: [IsoDate, HolidayName][] = [
    [`${year}-01-01`, 'new-year'],
    [hungKingsDate(year), 'hung-kings'],
    [`${year}-04-30`, 'reunification'],
    [`${year}-05-01`, 'labour'],
    [`${year}-09-02`, 'national'],
    [`${year}-09-03`, 'national'],
  ];
  for (const [day, name] of single) if (!days.has(day)) days.set(day, name);
  // Nghỉ bù: a single-day holiday on a weekend is made up on the next working day that is free.
  for (const [day] of single.sort(([a], [b]) => (a < b ? -1 : 1))) {
    if (!isWeekend(day)) continue;
    let next = addDays(day, 1);
    while (isWeekend(next) || days.has(next)) next = addDays(next, 1);
    days.set(next, 'compensatory');
  }
  holidayYears.set(year, days);
  return days;
}

export function holidayName(day: IsoDate): HolidayName | undefined {
  return publicHolidays(Number(day.slice(0, 4))).get(day);
}

/** A day reminders may go out on. */
export function isWorkingDay(day: IsoDate, p: CalendarPolicy = DEFAULT_POLICY): boolean {
  if (p.skipWeekends && isWeekend(day)) return false;
  if (p.skipHolidays && holidayName(day) !== undefined) return false;
  return !p.extraHolidays.includes(day);
}

function isQuietMinute(minute: number, p: CalendarPolicy): boolean {
  const start = minutesOf(p.quietStart);
  const end = minutesOf(p.quietEnd);
  if (start === end) return false;
  return start > end ? minute >= start || minute < end : minute >= start && minute < end;
}

/** May a reminder go out at this instant? */
export function isAllowed(epochMs: number, p: CalendarPolicy = DEFAULT_POLICY): boolean {
  return isWorkingDay(localDate(epochMs, p.timeZone), p) && !isQuietMinute(localMinutes(epochMs, p.timeZone), p);
}

/** The first instant at or after `epochMs` when a reminder may go out. */
export function nextAllowed(epochMs: number, p: CalendarPolicy = DEFAULT_POLICY): number {
  let at = epochMs;
  // A year of closed days is impossible; the bound only guards against a policy that closes everything.
  for (let guard = 0; guard < 800; guard++) {
    const day = localDate(at, p.timeZone);
    if (!isWorkingDay(day, p)) {
      at = zonedTime(addDays(day, 1), '00:00', p.timeZone);
      continue;
    }
    const minute = localMinutes(at, p.timeZone);
    if (!isQuietMinute(minute, p)) return at;
    const end = minutesOf(p.quietEnd);
    // Quiet until quietEnd: today if we are before it, else tomorrow.
    at = minute < end ? zonedTime(day, p.quietEnd, p.timeZone) : zonedTime(addDays(day, 1), p.quietEnd, p.timeZone);
  }
  throw new Error('the reminder calendar has no open time within two years');
}
