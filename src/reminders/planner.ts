/**
 * The heart of the reminders: at each tick, which (rule, slot) pairs are due, and for each one, in
 * a single IMMEDIATE transaction, the audience computed from the data as it is now, one outbox row
 * per person, what each unit was reminded of, and escalations. The firing row is unique per
 * (rule, slot), and outbox rows are unique per (rule, slot, person): a double tick, a restart or a
 * second process racing this one never plans anything twice.
 */
import { eq } from 'drizzle-orm';
import { unitDeadline } from '../domain/due-dates.ts';
import { movementZone } from '../domain/time-zone.ts';
import type { Db } from '../db/connection.ts';
import { movements } from '../db/schema.ts';
import { localDate } from '../domain/vn-input.ts';
import { isLocale, type Locale } from '../i18n/index.ts';
import { enqueueMessages, insertMany, reachFor, type QueuedMessage } from '../delivery/outbox-writer.ts';
import { isAllowed, policy, type CalendarPolicy } from './calendar.ts';
import { planDigests } from './digest.ts';
import { planDossierReminders } from './dossier-reminders.ts';
import { planScoreReminders } from './score-reminders.ts';
import { escalationMessage, ReminderTexts, reminderNotice, withTapForZalo } from './messages.ts';
import { periodDueOf, snapshot, unitsOwing, type MovementSnapshot, type OwedQuery, type UnitOwing } from './obligations.ts';
import { dueSlots, MAX_DEFERRAL_MS, periodDueDates, type Slot } from './slots.ts';
import type { Movement, ReminderRule } from '../domain/model.ts';

export const DEFAULT_CATCH_UP_MS = 24 * 3_600_000;
const DEFAULT_MIN_GAP_MS = 12 * 3_600_000;

export interface PlannerOptions {
  /** Quiet hours, weekends, holidays (the time zone is each movement's own). */
  calendar?: Partial<Omit<CalendarPolicy, 'timeZone'>>;
  /** Slots missed while the bot was down are still sent within this long after their time (default 24 h). */
  catchUpMs?: number;
  /** A unit is not reminded twice of the same thing within this long (default 12 h), whichever rules fall due. */
  minGapMs?: number;
}

export interface FiringResult {
  ruleId: number;
  movementId: number;
  slotAt: number;
  deliverAt: number;
  /** Outbox rows added: reminders, escalations or digests. */
  queued: number;
  /** Units reminded. */
  units: number;
  /** Units whose cluster head was told this time. */
  escalated: number[];
}

export function calendarFor(movement: Pick<Movement, 'timezone'>, options: PlannerOptions = {}): CalendarPolicy {
  return policy({ ...options.calendar, timeZone: movementZone(movement) });
}

const openMovements = (db: Db) => db.select().from(movements).where(eq(movements.status, 'open')).all();

/** The movement's rules that are not paused (read raw: this runs every minute). */
function activeRules(db: Db, movementId: number): ReminderRule[] {
  return (
    db.$client
      .prepare(
        `SELECT id, movement_id AS movementId, kind, offset_days AS offsetDays, cron, at_time AS atTime, escalate_after AS escalateAfter,
                paused, created_at AS createdAt, subject, label, active_from AS activeFrom
           FROM reminder_rules WHERE movement_id = ? AND paused = 0 ORDER BY id`,
      )
      .all(movementId) as (Omit<ReminderRule, 'paused'> & { paused: number })[]
  ).map((r) => ({ ...r, paused: r.paused === 1 }));
}

/** Plans every slot due at `now`, oldest first. Returns what each firing queued. */
export function runDueReminders(db: Db, now: number, options: PlannerOptions = {}): FiringResult[] {
  const catchUp = options.catchUpMs ?? DEFAULT_CATCH_UP_MS;
  const results: FiringResult[] = [];
  for (const movement of openMovements(db)) {
    const p = calendarFor(movement, options);
    if (!isAllowed(now, p)) continue;
    const due: { rule: ReminderRule; slot: Slot }[] = [];
    let dueDates: string[] | undefined;
    const dates = () => (dueDates ??= periodDueDates(db, movement.id));
    for (const rule of activeRules(db, movement.id)) {
      const notBefore = Math.max(now - catchUp, rule.activeFrom ?? rule.createdAt);
      const slots = dueSlots(db, rule, movement, now, notBefore, p, dates);
      if (slots.length === 0) continue;
      const fired = new Set(
        (db.$client.prepare('SELECT slot_at AS s FROM reminder_firings WHERE rule_id = ? AND slot_at >= ?').all(rule.id, notBefore - MAX_DEFERRAL_MS) as { s: number }[]).map(
          (r) => r.s,
        ),
      );
      for (const slot of slots) if (!fired.has(slot.slotAt)) due.push({ rule, slot });
    }
    due.sort((a, b) => a.slot.deliverAt - b.slot.deliverAt || a.slot.slotAt - b.slot.slotAt || a.rule.id - b.rule.id);
    for (const { rule, slot } of due) {
      const result = fireSlot(db, movement, rule, slot, now, options);
      if (result) results.push(result);
    }
  }
  return results;
}

interface Person {
  id: number;
  name: string;
  unitId: number | null;
  role: string;
  locale: Locale;
}

function people(db: Db, where: string, ...params: unknown[]): Person[] {
  return (db.$client.prepare(`SELECT id, full_name AS name, unit_id AS unitId, role, locale FROM people WHERE active = 1 AND ${where} ORDER BY id`).all(...params) as Person[]).map(
    (p) => ({ ...p, locale: isLocale(p.locale) ? p.locale : 'vi' }),
  );
}

/** Liaisons of each of these units. */
function liaisonsOf(db: Db, unitIds: Set<number>): Map<number, Person[]> {
  const byUnit = new Map<number, Person[]>();
  if (unitIds.size === 0) return byUnit;
  for (const p of people(db, "role = 'liaison' AND unit_id IS NOT NULL")) {
    if (!unitIds.has(p.unitId!)) continue;
    byUnit.set(p.unitId!, [...(byUnit.get(p.unitId!) ?? []), p]);
  }
  return byUnit;
}

/** What a rule's slot asks about. */
function queryFor(rule: ReminderRule, slot: Slot, snap: MovementSnapshot, today: string): OwedQuery {
  switch (rule.kind) {
    case 'registration_deadline':
      return { registration: true, periods: [] };
    case 'period_due':
      return { registration: false, periods: snap.periods.filter((p) => p.dueOn === slot.deadline) };
    case 'dossier_deadline':
    case 'self_assessment':
      return { registration: false, periods: [] }; // planned apart (dossier-reminders.ts, score-reminders.ts)
    case 'cron': {
      // Reporting is open once a period has ended.
      const ended = snap.periods.filter((p) => p.endsOn < today);
      if (rule.subject === 'registration') return { registration: true, periods: [] };
      if (rule.subject === 'report') return { registration: false, periods: ended };
      return { registration: true, periods: ended };
    }
  }
}

const obligationsOf = (o: UnitOwing) => [...(o.registration ? [o.registration.key] : []), ...o.periods.map((p) => p.key)];

/** Fires one (rule, slot); undefined when it had already been fired (by another tick or process). */
export function fireSlot(db: Db, movement: Movement, rule: ReminderRule, slot: Slot, now: number, options: PlannerOptions = {}): FiringResult | undefined {
  const sqlite = db.$client;
  const p = calendarFor(movement, options);
  const minGap = options.minGapMs ?? DEFAULT_MIN_GAP_MS;
  return db.transaction(
    () => {
      // Paused (or removed) since the tick looked: nothing to do.
      const live = sqlite.prepare('SELECT paused FROM reminder_rules WHERE id = ?').get(rule.id) as { paused: number } | undefined;
      if (!live || live.paused === 1) return undefined;
      const claim = sqlite
        .prepare('INSERT INTO reminder_firings (rule_id, slot_at, deliver_at, fired_at) VALUES (?, ?, ?, ?) ON CONFLICT (rule_id, slot_at) DO NOTHING')
        .run(rule.id, slot.slotAt, slot.deliverAt, now);
      if (claim.changes === 0) return undefined;
      const firingId = Number(claim.lastInsertRowid);
      const today = localDate(now, p.timeZone);
      const snap = snapshot(db, movement);
      const result: FiringResult = { ruleId: rule.id, movementId: movement.id, slotAt: slot.slotAt, deliverAt: slot.deliverAt, queued: 0, units: 0, escalated: [] };
      const messages: QueuedMessage[] = [];

      if (rule.subject === 'digest') {
        messages.push(...planDigests(db, movement, snap, today, { ruleId: rule.id, slotAt: slot.slotAt }, now));
      } else if (rule.kind === 'dossier_deadline' || rule.kind === 'self_assessment') {
        const plan = rule.kind === 'dossier_deadline' ? planDossierReminders : planScoreReminders;
        const planned = plan(db, movement, { ruleId: rule.id, slotAt: slot.slotAt }, firingId, today, now, minGap);
        messages.push(...planned.messages);
        result.units = planned.units;
      } else {
        // A unit whose deadline the Board extended is not reminded by the movement's deadline rules.
        // Nor one given more time for a period's report by the rules of the period's due day.
        const owing = unitsOwing(snap, queryFor(rule, slot, snap, today))
          .filter((o) => rule.kind !== 'registration_deadline' || unitDeadline(movement.registrationDeadline, snap.registration.get(o.unit.id)?.deadlineOn) === movement.registrationDeadline)
          .flatMap((o) => {
            if (rule.kind !== 'period_due') return [o];
            const periods = o.periods.filter((p) => periodDueOf(snap, p.period, o.unit.id) === p.period.dueOn);
            return periods.length > 0 ? [{ ...o, periods }] : [];
          });
        // Not twice the same thing within minGap: keep only what was not just reminded of.
        const recent = new Set(
          (
            sqlite.prepare('SELECT unit_id AS u, obligation AS o FROM reminder_notices WHERE movement_id = ? AND at > ? AND at <= ?').all(movement.id, now - minGap, now) as {
              u: number;
              o: string;
            }[]
          ).map((r) => `${r.u}|${r.o}`),
        );
        const toRemind: UnitOwing[] = [];
        for (const o of owing) {
          const registration = o.registration && !recent.has(`${o.unit.id}|${o.registration.key}`) ? o.registration : undefined;
          const periods = o.periods.filter((x) => !recent.has(`${o.unit.id}|${x.key}`));
          if (registration || periods.length > 0) toRemind.push({ unit: o.unit, ...(registration ? { registration } : {}), periods });
        }
        const liaisons = liaisonsOf(db, new Set(toRemind.map((o) => o.unit.id)));
        const reach = reachFor(db, [...liaisons.values()].flat().map((l) => l.id));
        const notices: unknown[][] = [];
        const context = { movementName: movement.name, registrationDeadline: movement.registrationDeadline, today, timeZone: p.timeZone };
        const texts = new ReminderTexts(context);
        for (const o of toRemind) {
          // A unit with nobody linked is still counted as reminded: it stays on the cluster head's and the digest's lists.
          for (const key of obligationsOf(o)) notices.push([firingId, movement.id, o.unit.id, key, now]);
          result.units++;
          for (const person of liaisons.get(o.unit.id) ?? []) {
            const to = reach.get(person.id);
            const text = texts.for(person.locale, o);
            // What a ZNS template needs, should Zalo's window have closed on the person.
            const payload = { ...(to?.channel === 'zalo' ? withTapForZalo(person.locale, text) : text), notice: reminderNotice(person.locale, context, o, person.name) };
            messages.push({
              dedupeKey: `rm:${rule.id}:${slot.slotAt}:${person.id}`,
              personId: person.id,
              reach: to,
              payload,
              notBefore: now,
              ruleId: rule.id,
            });
          }
        }
        insertMany(db, 'INSERT INTO reminder_notices (firing_id, movement_id, unit_id, obligation, at)', '', notices);
        if (rule.escalateAfter !== null) messages.push(...escalate(db, movement, rule, slot, firingId, owing, snap, now, result));
      }
      result.queued = enqueueMessages(db, messages);
      sqlite.prepare('UPDATE reminder_firings SET recipients = ? WHERE id = ?').run(result.queued, firingId);
      return result;
    },
    { behavior: 'immediate' },
  );
}

/**
 * Units that ignored `rule.escalateAfter` reminders about something they still owe are reported
 * once to their cluster/block head (the liaisons and the cluster_head people of the group's head
 * unit), with every member of the group in the same case.
 */
function escalate(
  db: Db,
  movement: Movement,
  rule: ReminderRule,
  slot: Slot,
  firingId: number,
  owing: UnitOwing[],
  snap: MovementSnapshot,
  now: number,
  result: FiringResult,
): QueuedMessage[] {
  const sqlite = db.$client;
  const threshold = rule.escalateAfter!;
  const ignored = new Map<string, number>();
  for (const r of sqlite
    .prepare('SELECT unit_id AS u, obligation AS o, count(*) AS n FROM reminder_notices WHERE movement_id = ? AND firing_id <> ? GROUP BY unit_id, obligation')
    .all(movement.id, firingId) as { u: number; o: string; n: number }[])
    ignored.set(`${r.u}|${r.o}`, r.n);
  const escalated = new Set(
    (sqlite.prepare('SELECT unit_id AS u, obligation AS o FROM reminder_escalations WHERE movement_id = ?').all(movement.id) as { u: number; o: string }[]).map(
      (r) => `${r.u}|${r.o}`,
    ),
  );
  const record = sqlite.prepare(
    'INSERT INTO reminder_escalations (movement_id, unit_id, obligation, firing_id, ignored, at) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING',
  );
  // Per group: every member past the threshold (listed), and whether any of them is new (a reason to write).
  const lists = new Map<number, { members: { owing: UnitOwing; ignored: number }[]; fresh: boolean }>();
  for (const o of owing) {
    const counts = obligationsOf(o).map((key) => ({ key, n: ignored.get(`${o.unit.id}|${key}`) ?? 0 }));
    const over = counts.filter((c) => c.n >= threshold);
    if (over.length === 0) continue;
    let fresh = false;
    for (const c of over) {
      if (escalated.has(`${o.unit.id}|${c.key}`)) continue;
      record.run(movement.id, o.unit.id, c.key, firingId, c.n, now);
      fresh = true;
    }
    if (fresh) result.escalated.push(o.unit.id);
    const group = o.unit.groupId === null ? undefined : snap.groups.get(o.unit.groupId);
    if (!group || group.headUnitId === o.unit.id) continue;
    const list = lists.get(group.id) ?? { members: [], fresh: false };
    list.members.push({ owing: o, ignored: Math.max(...over.map((c) => c.n)) });
    list.fresh ||= fresh;
    lists.set(group.id, list);
  }
  const messages: QueuedMessage[] = [];
  for (const [groupId, list] of lists) {
    if (!list.fresh) continue;
    const group = snap.groups.get(groupId)!;
    if (group.headUnitId === null) continue;
    const heads = people(db, "role IN ('cluster_head', 'liaison') AND unit_id = ?", group.headUnitId);
    const reach = reachFor(db, heads.map((h) => h.id));
    for (const head of heads) {
      messages.push({
        dedupeKey: `es:${rule.id}:${slot.slotAt}:${groupId}:${head.id}`,
        personId: head.id,
        reach: reach.get(head.id),
        payload: escalationMessage(head.locale, movement.name, group, list.members),
        notBefore: now,
        ruleId: rule.id,
      });
    }
  }
  return messages;
}
