/**
 * Reminders before the year-end's self-assessment date: each member unit of a cluster/block with a
 * scoring table whose sheet is not yet sent to the cluster head, told through its liaisons, with
 * a button to /chamdiem. A unit reminded of within the planner's minimum gap is left out, as the
 * other reminders do.
 */
import type { Db } from '../db/connection.ts';
import { reachFor, insertMany, type QueuedMessage } from '../delivery/outbox-writer.ts';
import { liaisonsOf } from '../domain/scope.ts';
import { unsentSheets } from '../domain/year-end/sheets.ts';
import { yearEndDates } from '../domain/year-end/store.ts';
import { formatVnDate, formatVnDateLong, type IsoDate } from '../domain/vn-input.ts';
import { isLocale, translator } from '../i18n/index.ts';
import { daysUntil } from './messages.ts';
import type { Movement } from '../domain/model.ts';

export function planScoreReminders(db: Db, movement: Movement, slot: { ruleId: number; slotAt: number }, firingId: number, today: IsoDate, now: number, minGapMs: number): { messages: QueuedMessage[]; units: number } {
  const dates = yearEndDates(db, movement.id);
  if (!dates) return { messages: [], units: 0 };
  const recent = new Set(
    (db.$client.prepare("SELECT unit_id AS u FROM reminder_notices WHERE movement_id = ? AND obligation = 'score' AND at > ? AND at <= ?").all(movement.id, now - minGapMs, now) as { u: number }[]).map((r) => r.u),
  );
  const owing = unsentSheets(db, movement.id).filter((u) => !recent.has(u.unitId));
  insertMany(db, 'INSERT INTO reminder_notices (firing_id, movement_id, unit_id, obligation, at)', '', owing.map((u) => [firingId, movement.id, u.unitId, 'score', now]));
  const people = owing.flatMap((u) => liaisonsOf(db, u.unitId).map((personId) => ({ personId, unit: u })));
  const reach = reachFor(db, people.map((p) => p.personId));
  const who = db.$client.prepare('SELECT full_name AS name, locale FROM people WHERE id = ?');
  const days = daysUntil(today, dates.selfAssessmentBy);
  const messages = people.map(({ personId, unit }): QueuedMessage => {
    const person = who.get(personId) as { name: string; locale: string };
    const t = translator(isLocale(person.locale) ? person.locale : 'vi');
    const text = t('rem-score-text', {
      movement: movement.name,
      unit: unit.unitName,
      group: unit.groupName,
      deadline: formatVnDateLong(dates.selfAssessmentBy, isLocale(person.locale) ? person.locale : 'vi'),
      when: days > 0 ? 'future' : days === 0 ? 'today' : 'past',
      days: Math.abs(days),
    });
    return {
      dedupeKey: `rm:${slot.ruleId}:${slot.slotAt}:${personId}`,
      personId,
      reach: reach.get(personId),
      payload: {
        text,
        choices: [{ id: 'go:score', label: t('menu-score') }],
        notice: { name: person.name, unit: unit.unitName, what: t('rem-score-what'), due: formatVnDate(dates.selfAssessmentBy), movement: movement.name },
      },
      notBefore: now,
      ruleId: slot.ruleId,
    };
  });
  return { messages, units: owing.length };
}
