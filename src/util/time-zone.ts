/**
 * Time-zone arithmetic without a library: a zone's offset at an instant, read through Intl and
 * cached by the hour, so turning instants into local days and times costs a little arithmetic.
 */
const partFormats = new Map<string, Intl.DateTimeFormat>();

function partFormat(tz: string): Intl.DateTimeFormat {
  let f = partFormats.get(tz);
  if (!f) {
    // Throws RangeError for an unknown time zone.
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: tz,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      calendar: 'gregory',
      numberingSystem: 'latn',
    });
    partFormats.set(tz, f);
  }
  return f;
}

const offsetCache = new Map<string, number>();

/** The zone's offset from UTC in ms at instant `epochMs` (positive east: +7 h for Hà Nội). */
export function zoneOffsetMs(epochMs: number, tz: string): number {
  // Zones change offset at most at whole minutes; cache by the hour for speed.
  const hourKey = `${tz}|${Math.floor(epochMs / 3_600_000)}`;
  const cached = offsetCache.get(hourKey);
  if (cached !== undefined) return cached;
  // formatToParts rather than a locale's pattern, whose shape ICU updates may change.
  const p = Object.fromEntries(partFormat(tz).formatToParts(epochMs).map((x) => [x.type, x.value]));
  const asUtc = Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute), Number(p.second));
  const offset = asUtc - Math.floor(epochMs / 1000) * 1000;
  if (offsetCache.size > 10_000) offsetCache.clear();
  offsetCache.set(hourKey, offset);
  return offset;
}

/** The zone when nothing else says: Việt Nam's (UTC+7, no daylight saving). */
const DEFAULT_ZONE = 'Asia/Ho_Chi_Minh';

/** The process's zone: `TZ` when set (checked at start by config.ts), else Asia/Ho_Chi_Minh. */
export function processZone(env: NodeJS.ProcessEnv = process.env): string {
  return env.TZ?.trim() || DEFAULT_ZONE;
}
