/**
 * The daily digest (a `digest` calendar rule) to the admins and the cluster/block heads: the units
 * overdue on their registration, and each period whose reports are asked for (ended: due soon, or
 * overdue) with how many units sent it and the units that have not; each head sees only its
 * cluster/block (domain/scope.ts). A person is written to only while something in their scope is
 * owed, and a period is in it only while a unit owes its report.
 */
import type { OutboundMessage } from '../chat/types.ts';
import type { Db } from '../db/connection.ts';
import { openPeriods } from '../domain/open-periods.ts';
import { inScope, readScope } from '../domain/scope.ts';
import { isLocale, type Locale } from '../i18n/index.ts';
import { reachFor, type QueuedMessage } from '../delivery/outbox-writer.ts';
import { digestMessage, type DigestContent } from './messages.ts';
import { lateUnits, unitsOwing, unitsReported, type MovementSnapshot } from './obligations.ts';
import type { Movement, Role } from '../domain/model.ts';

interface Reader {
  id: number;
  role: Role;
  unitId: number | null;
  locale: Locale;
}

/** What is owed across the movement on `today`: registrations overdue, and every open period some unit owes. */
function owedToday(snap: MovementSnapshot, movement: Movement, today: string): DigestContent {
  const registration = lateUnits(snap, movement, today)
    .filter((o) => o.registration)
    .map((o) => ({ unit: o.unit, registration: o.registration, periods: [] }));
  const periods = openPeriods(snap.periods, today).map((period) => ({
    period,
    owing: unitsOwing(snap, { registration: false, periods: [period] }),
    sent: unitsReported(snap, period).map((u) => u.id),
  }));
  return { registration, periods: periods.map((p) => ({ period: p.period, owing: p.owing, sent: p.sent.length, units: p.sent.length + p.owing.length, sentIds: p.sent })) };
}

/** The part of it about units in `keep`; periods nobody there owes are left out. */
function within(content: DigestContent, keep: (unitId: number) => boolean): DigestContent {
  return {
    registration: content.registration.filter((o) => keep(o.unit.id)),
    periods: content.periods.flatMap((p) => {
      const owing = p.owing.filter((o) => keep(o.unit.id));
      const sentIds = p.sentIds.filter(keep);
      return owing.length > 0 ? [{ ...p, owing, sentIds, sent: sentIds.length, units: sentIds.length + owing.length }] : [];
    }),
  };
}

const isEmpty = (c: DigestContent) => c.registration.length === 0 && c.periods.length === 0;

/** The digests of one slot: one message a reader with something owed in their scope, keyed `dg:<rule>:<slot>:<person>`. */
export function planDigests(db: Db, movement: Movement, snap: MovementSnapshot, today: string, slot: { ruleId: number; slotAt: number }, now: number): QueuedMessage[] {
  const everything = within(owedToday(snap, movement, today), () => true);
  if (isEmpty(everything)) return [];
  const readers = (
    db.$client.prepare("SELECT id, role, unit_id AS unitId, locale FROM people WHERE active = 1 AND role IN ('admin', 'cluster_head') ORDER BY id").all() as (Omit<Reader, 'locale'> & {
      locale: string;
    })[]
  ).map((p) => ({ ...p, locale: isLocale(p.locale) ? p.locale : 'vi' }) as Reader);
  const reach = reachFor(db, readers.map((r) => r.id));
  // The admins' text is the same for all of them, by language.
  const whole = new Map<Locale, OutboundMessage>();
  const messages: QueuedMessage[] = [];
  for (const reader of readers) {
    let payload: OutboundMessage;
    if (reader.role === 'admin') {
      payload = whole.get(reader.locale) ?? digestMessage(reader.locale, movement, today, everything, snap.groups);
      whole.set(reader.locale, payload);
    } else {
      const scope = readScope(db, reader, movement.id);
      const mine = within(everything, (unitId) => inScope(scope, unitId));
      if (isEmpty(mine)) continue;
      payload = digestMessage(reader.locale, movement, today, mine, snap.groups);
    }
    messages.push({ dedupeKey: `dg:${slot.ruleId}:${slot.slotAt}:${reader.id}`, personId: reader.id, reach: reach.get(reader.id), payload, notBefore: now, ruleId: slot.ruleId });
  }
  return messages;
}
