/**
 * Reminders before the year-end's dossier deadline: to whoever may still send a document of an
 * incomplete dossier (the proposed unit's liaisons; for a cluster's proposal, its head's people
 * too), one message per person listing each of their dossiers with what is missing. A dossier
 * reminded of within the planner's minimum gap is left out, as the other reminders do.
 */
import type { Db } from '../db/connection.ts';
import { reachFor, insertMany, type QueuedMessage } from '../delivery/outbox-writer.ts';
import { dossierItemLabel, dossierYear, movementDossiers, type Dossier } from '../domain/year-end/dossiers.ts';
import { formatVnDate, formatVnDateLong, type IsoDate } from '../domain/vn-input.ts';
import { isLocale, translator, type Locale } from '../i18n/index.ts';
import { daysUntil } from './messages.ts';
import type { Movement } from '../domain/model.ts';

interface Recipient {
  id: number;
  name: string;
  locale: Locale;
}

/** The people who may send for a dossier: its unit's liaisons, and the cluster head's people for a cluster's proposal. */
function sendersByUnit(db: Db, unitIds: Set<number>): Map<number, { liaisons: Recipient[]; heads: Recipient[] }> {
  const out = new Map<number, { liaisons: Recipient[]; heads: Recipient[] }>();
  const rows = db.$client
    .prepare("SELECT id, full_name AS name, locale, role, unit_id AS unitId FROM people WHERE active = 1 AND role IN ('liaison', 'cluster_head') AND unit_id IS NOT NULL ORDER BY id")
    .all() as { id: number; name: string; locale: string; role: string; unitId: number }[];
  for (const r of rows) {
    if (!unitIds.has(r.unitId)) continue;
    const entry = out.get(r.unitId) ?? { liaisons: [], heads: [] };
    (r.role === 'liaison' ? entry.liaisons : entry.heads).push({ id: r.id, name: r.name, locale: isLocale(r.locale) ? r.locale : 'vi' });
    out.set(r.unitId, entry);
  }
  return out;
}

export function planDossierReminders(db: Db, movement: Movement, slot: { ruleId: number; slotAt: number }, firingId: number, today: IsoDate, now: number, minGapMs: number): { messages: QueuedMessage[]; units: number } {
  const year = dossierYear(db, movement);
  if (!year) return { messages: [], units: 0 };
  const recent = new Set(
    (db.$client.prepare("SELECT obligation AS o FROM reminder_notices WHERE movement_id = ? AND obligation LIKE 'dossier:%' AND at > ? AND at <= ?").all(movement.id, now - minGapMs, now) as { o: string }[]).map((r) => r.o),
  );
  const owing = movementDossiers(db, movement).filter((d) => d.status === 'incomplete' && !recent.has(`dossier:${d.proposal.id}`));
  const senders = sendersByUnit(db, new Set(owing.flatMap((d) => [d.unit.id, ...(d.group?.headUnitId ? [d.group.headUnitId] : [])])));
  const byPerson = new Map<number, { person: Recipient; dossiers: Dossier[] }>();
  const notices: unknown[][] = [];
  for (const d of owing) {
    notices.push([firingId, movement.id, d.unit.id, `dossier:${d.proposal.id}`, now]);
    const people = [...(senders.get(d.unit.id)?.liaisons ?? []), ...(d.group?.headUnitId ? (senders.get(d.group.headUnitId)?.heads ?? []) : [])];
    for (const person of people) {
      const entry = byPerson.get(person.id) ?? { person, dossiers: [] };
      if (!entry.dossiers.includes(d)) entry.dossiers.push(d);
      byPerson.set(person.id, entry);
    }
  }
  insertMany(db, 'INSERT INTO reminder_notices (firing_id, movement_id, unit_id, obligation, at)', '', notices);
  const reach = reachFor(db, byPerson.keys());
  const days = daysUntil(today, year.deadline);
  const messages: QueuedMessage[] = [...byPerson.values()].map(({ person, dossiers }) => {
    const t = translator(person.locale);
    const lines = [
      t('rem-dossier-title', { movement: movement.name, deadline: formatVnDateLong(year.deadline, person.locale), when: days > 0 ? 'future' : days === 0 ? 'today' : 'past', days: Math.abs(days) }),
      ...dossiers.map((d) =>
        t('rem-dossier-line', {
          title: t(`title-${d.proposal.title}`),
          unit: d.unit.name,
          missing: d.missing.map((item) => dossierItemLabel(t, item, d.proposal.title, year.confirmations)).join('; '),
        }),
      ),
    ];
    const what = t('rem-dossier-what', { count: dossiers.length });
    return {
      dedupeKey: `rm:${slot.ruleId}:${slot.slotAt}:${person.id}`,
      personId: person.id,
      reach: reach.get(person.id),
      payload: {
        text: lines.join('\n'),
        choices: [{ id: 'go:dossier', label: t('menu-dossier') }],
        notice: { name: person.name, unit: dossiers[0]!.unit.name, what, due: formatVnDate(year.deadline), movement: movement.name },
      },
      notBefore: now,
      ruleId: slot.ruleId,
    };
  });
  return { messages, units: owing.length };
}
