/**
 * When a rule is due. A slot is the rule's nominal time (08:00 three days before the deadline,
 * Monday 08:30…); it is delivered at the first allowed time at or after it (quiet hours, weekends,
 * holidays). Calendar-rule slots pushed to the same delivery time collapse into the latest one, so
 * Saturday's and Sunday's digests make one on Monday morning.
 */
import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../db/connection.ts';
import { reportingPeriods } from '../db/schema.ts';
import { yearEndDates } from '../domain/year-end/store.ts';
import { addDays, localDate, type IsoDate } from '../domain/vn-input.ts';
import { nextAllowed, weekday, zonedTime, type CalendarPolicy } from './calendar.ts';
import { checkCron } from './rules.ts';
import type { Movement, ReminderRule } from '../domain/model.ts';

export interface Slot {
  /** Nominal time. */
  slotAt: number;
  /** When it goes out: the first allowed time at or after slotAt. */
  deliverAt: number;
  /** Deadline rules: the deadline this slot counts from (YYYY-MM-DD). */
  deadline?: IsoDate;
}

/** The longest run of closed days (Tết with the weekends around it) is well under this. */
export const MAX_DEFERRAL_MS = 16 * 86_400_000;

const dayTimes = new Map<string, number[]>();

/** The instants a cron pattern names on one local day (remembered: the same days come back at every tick). */
function cronTimes(pattern: string, day: IsoDate, tz: string): number[] {
  const key = `${pattern}|${tz}|${day}`;
  let times = dayTimes.get(key);
  if (!times) {
    times = [];
    const spec = checkCron(pattern);
    const [, m, d] = day.split('-').map(Number) as [number, number, number];
    if (spec.ok && spec.months!.includes(m) && spec.daysOfMonth!.includes(d) && spec.daysOfWeek!.includes(weekday(day))) {
      const minute = String(spec.minute).padStart(2, '0');
      for (const hour of spec.hours!) times.push(zonedTime(day, `${String(hour).padStart(2, '0')}:${minute}`, tz));
    }
    if (dayTimes.size > 100_000) dayTimes.clear();
    dayTimes.set(key, times);
  }
  return times;
}

/** nextAllowed is pure: the same slots come back at every tick, so their delivery times are remembered. */
const deliveries = new Map<string, number>();

function deliveryOf(slotAt: number, p: CalendarPolicy): number {
  const key = `${slotAt}|${p.timeZone}|${p.quietStart}|${p.quietEnd}|${p.skipWeekends}|${p.skipHolidays}|${p.extraHolidays.join(',')}`;
  let at = deliveries.get(key);
  if (at === undefined) {
    at = nextAllowed(slotAt, p);
    if (deliveries.size > 100_000) deliveries.clear();
    deliveries.set(key, at);
  }
  return at;
}

function withDelivery(slotAt: number, p: CalendarPolicy, deadline?: IsoDate): Slot {
  return { slotAt, deliverAt: deliveryOf(slotAt, p), ...(deadline ? { deadline } : {}) };
}

/** The distinct due dates of the movement's reporting periods. */
export function periodDueDates(db: DbOrTx, movementId: number): IsoDate[] {
  const rows = db.select({ dueOn: reportingPeriods.dueOn }).from(reportingPeriods).where(eq(reportingPeriods.movementId, movementId)).all();
  return [...new Set(rows.map((r) => r.dueOn))].sort();
}

/**
 * The rule's slots with a nominal time in [from, to] (calendar rules), or all of them (deadline
 * rules: one per deadline), each with its delivery time under policy `p`.
 */
function ruleSlots(
  db: DbOrTx,
  rule: ReminderRule,
  movement: Movement,
  from: number,
  to: number,
  p: CalendarPolicy,
  dueDates: () => IsoDate[] = () => periodDueDates(db, movement.id),
): Slot[] {
  const tz = p.timeZone;
  switch (rule.kind) {
    case 'registration_deadline':
      return [withDelivery(zonedTime(addDays(movement.registrationDeadline, rule.offsetDays ?? 0), rule.atTime, tz), p, movement.registrationDeadline)];
    case 'period_due':
      return dueDates().map((due) => withDelivery(zonedTime(addDays(due, rule.offsetDays ?? 0), rule.atTime, tz), p, due));
    case 'dossier_deadline':
    case 'self_assessment': {
      const dates = yearEndDates(db, movement.id);
      const deadline = rule.kind === 'dossier_deadline' ? dates?.dossierDeadline : dates?.selfAssessmentBy;
      return deadline ? [withDelivery(zonedTime(addDays(deadline, rule.offsetDays ?? 0), rule.atTime, tz), p, deadline)] : [];
    }
    case 'cron': {
      const spec = checkCron(rule.cron ?? '');
      if (!spec.ok) return [];
      const slots: Slot[] = [];
      // A day of look-ahead: a slot deferred to a day that has its own slot is dropped (see below).
      const horizon = to + 86_400_000;
      const last = localDate(horizon, tz);
      for (let day = localDate(from, tz); day <= last; day = addDays(day, 1)) {
        for (const at of cronTimes(rule.cron!, day, tz)) if (at >= from && at <= horizon) slots.push(withDelivery(at, p));
      }
      // Slots deferred to the same delivery time: only the latest counts.
      const latest = new Map<number, Slot>();
      for (const s of slots) if ((latest.get(s.deliverAt)?.slotAt ?? -Infinity) < s.slotAt) latest.set(s.deliverAt, s);
      // A deferred slot is dropped when the rule has a slot of its own later the same day (Friday's
      // digest, held over a holiday, is not sent at 07:00 on Monday before Monday's own at 08:30).
      const ownDays = new Set([...latest.values()].filter((s) => s.deliverAt === s.slotAt).map((s) => localDate(s.deliverAt, tz)));
      return [...latest.values()]
        .filter((s) => s.slotAt <= to)
        .filter((s) => s.deliverAt === s.slotAt || !ownDays.has(localDate(s.deliverAt, tz)) || !laterOwn(latest, s, tz))
        .sort((a, b) => a.slotAt - b.slotAt);
    }
  }
}

/** Does the rule have an undeferred slot later on the local day `s` is delivered? */
function laterOwn(slots: Map<number, Slot>, s: Slot, tz: string): boolean {
  const day = localDate(s.deliverAt, tz);
  for (const o of slots.values()) if (o.deliverAt === o.slotAt && o.deliverAt > s.deliverAt && localDate(o.deliverAt, tz) === day) return true;
  return false;
}

/**
 * Slots due at `now`: delivered at or before now, but not before `notBefore` (the rule's start, or
 * the catch-up horizon after downtime).
 */
export function dueSlots(
  db: DbOrTx,
  rule: ReminderRule,
  movement: Movement,
  now: number,
  notBefore: number,
  p: CalendarPolicy,
  dueDates?: () => IsoDate[],
): Slot[] {
  return ruleSlots(db, rule, movement, notBefore - MAX_DEFERRAL_MS, now, p, dueDates).filter((s) => s.deliverAt <= now && s.deliverAt >= notBefore);
}

/** The rule's next delivery after `now` (for listings), looking ahead up to `horizonDays`. */
export function nextDelivery(db: DbOrTx, rule: ReminderRule, movement: Movement, now: number, p: CalendarPolicy, horizonDays = 400): Slot | undefined {
  return ruleSlots(db, rule, movement, now - MAX_DEFERRAL_MS, now + horizonDays * 86_400_000, p)
    .filter((s) => s.deliverAt > now)
    .sort((a, b) => a.deliverAt - b.deliverAt)[0];
}
