import { formatVnDate, localDate } from './vn-input.ts';

const timeFormats = new Map<string, Intl.DateTimeFormat>();

/** "31/03/2020 08:05": an instant as the day and the hour:minute in time zone `tz`. */
export function formatVnDateTime(epochMs: number, tz: string): string {
  let format = timeFormats.get(tz);
  if (!format) {
    format = new Intl.DateTimeFormat('en-GB', { timeZone: tz, hour: '2-digit', minute: '2-digit', hourCycle: 'h23', numberingSystem: 'latn' });
    timeFormats.set(tz, format);
  }
  const parts = Object.fromEntries(format.formatToParts(epochMs).map((p) => [p.type, p.value]));
  return `${formatVnDate(localDate(epochMs, tz))} ${parts.hour}:${parts.minute}`;
}
