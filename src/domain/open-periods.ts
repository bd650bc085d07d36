/**
 * The periods whose reports are being asked for: a period's reporting opens once it has ended.
 * The period in course comes first (the latest end; on the same end the longer span, so
 * "6 tháng đầu năm" before "Quý II"), as /dondoc, /thongbao and the digest offer them.
 */
import type { Period } from './model.ts';

/** Ended periods (reporting open or past due), the one in course first. */
export function openPeriods<P extends Pick<Period, 'endsOn' | 'startsOn'>>(periods: readonly P[], today: string): P[] {
  return periods
    .filter((p) => p.endsOn < today)
    .sort((a, b) => (a.endsOn !== b.endsOn ? (a.endsOn < b.endsOn ? 1 : -1) : a.startsOn < b.startsOn ? -1 : a.startsOn > b.startsOn ? 1 : 0));
}

/** Days a period stays offered to everyone once due: after that only while a unit still owes it. */
const RECENT_DAYS = 45;

/**
 * The open periods an audience is offered for: not yet due or due within RECENT_DAYS, and older
 * ones only when `stillOwed` says a unit still owes them.
 */
export function periodsInCourse<P extends Pick<Period, 'endsOn' | 'startsOn' | 'dueOn'>>(periods: readonly P[], today: string, stillOwed: (p: P) => boolean): P[] {
  const since = new Date(Date.parse(`${today}T00:00:00Z`) - RECENT_DAYS * 86_400_000).toISOString().slice(0, 10);
  return openPeriods(periods, today).filter((p) => p.dueOn >= since || stillOwed(p));
}
