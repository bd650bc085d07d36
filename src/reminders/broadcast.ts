/**
 * An admin's broadcast: draft it (with a preview of who gets it), confirm it (one outbox row per
 * recipient, unique per broadcast and person, so confirming twice or a crash in the middle sends
 * nobody anything twice), then read its delivery report. The audience is a set of units (all of
 * the movement's, those without their registration, those without or with a period's report, one
 * cluster/block, one kind of unit); the recipients are their liaisons and cluster heads. The chat
 * /broadcast conversation is built on these functions.
 */
import { and, desc, eq } from 'drizzle-orm';
import type { OutboundMessage } from '../chat/types.ts';
import type { Db } from '../db/connection.ts';
import { broadcasts, movements } from '../db/schema.ts';
import { recordAudit, type Actor } from '../domain/audit.ts';
import { DomainError } from '../domain/errors.ts';
import { periodsInCourse } from '../domain/open-periods.ts';
import { localDate } from '../domain/vn-input.ts';
import { isLocale, type Locale } from '../i18n/index.ts';
import { enqueueMessages, reachFor } from '../delivery/outbox-writer.ts';
import { broadcastMessage } from './messages.ts';
import { lateUnits, snapshot, unitsOwing, unitsReported, type MovementSnapshot } from './obligations.ts';
import type { Broadcast, Channel, Movement, Period } from '../domain/model.ts';

/**
 * unsent: units whose registration is not with the Board (not started, draft, or returned and not
 * sent again); a unit whose registration waits or is approved is never "unsent". report-missing /
 * report-sent: of the units that report on a period (a sent registration with targets), those
 * without / with their report for it (named by the period's code). overdue (quá hạn chưa nộp,
 * the registration or any report) is no longer offered, as it mixed both; older drafts keep it.
 */
export type Audience =
  | { kind: 'all' }
  | { kind: 'unsent' }
  | { kind: 'overdue' }
  | { kind: 'report-missing'; period: string }
  | { kind: 'report-sent'; period: string }
  | { kind: 'group'; code: string }
  | { kind: 'kind'; unitKind: string };

/** Zalo takes 2,000 characters a text message; Telegram 4,096. */
export const MAX_BROADCAST_LENGTH = 2_000;

/** "all", "unsent", "report-missing:H2020-1", "report-sent:H2020-1", "group:CUM1", "kind:huyen"; "overdue" (or "late") from older drafts. */
export function parseAudience(text: string | undefined): Audience {
  const s = (text ?? 'all').trim();
  if (s === '' || s === 'all') return { kind: 'all' };
  if (s === 'unsent') return { kind: 'unsent' };
  if (s === 'overdue' || s === 'late') return { kind: 'overdue' };
  const m = /^(group|kind|report-missing|report-sent):(.+)$/.exec(s);
  if (m?.[1] === 'group') return { kind: 'group', code: m[2]!.trim() };
  if (m?.[1] === 'kind') return { kind: 'kind', unitKind: m[2]!.trim() };
  if (m?.[1] === 'report-missing' || m?.[1] === 'report-sent') return { kind: m[1], period: m[2]!.trim() };
  throw new DomainError('err-broadcast-bad-audience', { audience: s });
}

function audienceText(a: Audience): string {
  if (a.kind === 'report-missing' || a.kind === 'report-sent') return `${a.kind}:${a.period}`;
  return a.kind === 'group' ? `group:${a.code}` : a.kind === 'kind' ? `kind:${a.unitKind}` : a.kind;
}

interface BroadcastRecipient {
  personId: number;
  name: string;
  role: string;
  locale: Locale;
  unitId: number;
  unitCode: string;
  unitName: string;
  /** The account the message will go to; null when the person has none (counted unreachable). */
  channel: Channel | null;
}

interface BroadcastPreview {
  audience: Audience;
  /** The cluster/block's name for group:CODE. */
  audienceName: string | null;
  /** The period of report-missing / report-sent. */
  period: Period | null;
  units: number;
  /** Units with at least one person on a messenger: those the message will actually reach. */
  reachedUnits: number;
  recipients: BroadcastRecipient[];
  /** How many have no messenger account (they will be reported unreachable). */
  noAccount: number;
  /** The message as recipients will see it, by language. */
  messages: Record<Locale, OutboundMessage>;
}

function checkText(text: string): string {
  const clean = text.trim();
  if (clean === '') throw new DomainError('err-broadcast-empty');
  if (clean.length > MAX_BROADCAST_LENGTH) throw new DomainError('err-broadcast-too-long', { max: MAX_BROADCAST_LENGTH, length: clean.length });
  return clean;
}

function periodOf(snap: MovementSnapshot, code: string): Period {
  const period = snap.periods.find((p) => p.code.toLowerCase() === code.toLowerCase());
  if (!period) throw new DomainError('err-broadcast-unknown-period', { code });
  return period;
}

/** The units an audience stands for, and the cluster's name for a group audience. */
function audienceUnits(db: Db, movement: Movement, audience: Audience, now: number): { unitIds: Set<number>; name: string | null; period?: Period } {
  const snap = snapshot(db, movement);
  switch (audience.kind) {
    case 'all':
      return { unitIds: new Set(snap.units.map((u) => u.id)), name: null };
    case 'unsent':
      return { unitIds: new Set(unitsOwing(snap, { registration: true, periods: [] }).map((u) => u.unit.id)), name: null };
    case 'overdue':
      return { unitIds: new Set(lateUnits(snap, movement, localDate(now, movement.timezone)).map((u) => u.unit.id)), name: null };
    case 'report-missing': {
      const period = periodOf(snap, audience.period);
      return { unitIds: new Set(unitsOwing(snap, { registration: false, periods: [period] }).map((u) => u.unit.id)), name: null, period };
    }
    case 'report-sent': {
      const period = periodOf(snap, audience.period);
      return { unitIds: new Set(unitsReported(snap, period).map((u) => u.id)), name: null, period };
    }
    case 'group': {
      const group = [...snap.groups.values()].find((g) => g.code.toLowerCase() === audience.code.toLowerCase());
      if (!group) throw new DomainError('err-broadcast-unknown-group', { code: audience.code });
      return { unitIds: new Set(snap.units.filter((u) => u.groupId === group.id).map((u) => u.id)), name: group.name };
    }
    case 'kind': {
      const members = snap.units.filter((u) => u.kind === audience.unitKind);
      if (members.length === 0) throw new DomainError('err-broadcast-unknown-kind', { kind: audience.unitKind });
      return { unitIds: new Set(members.map((u) => u.id)), name: null };
    }
  }
}

function recipientsOf(db: Db, unitIds: Set<number>): BroadcastRecipient[] {
  const rows = db.$client
    .prepare(
      `SELECT p.id AS personId, p.full_name AS name, p.role, p.locale, u.id AS unitId, u.code AS unitCode, u.name AS unitName
         FROM people p JOIN units u ON u.id = p.unit_id
        WHERE p.active = 1 AND p.role IN ('liaison', 'cluster_head')
        ORDER BY u.code, p.id`,
    )
    .all() as (Omit<BroadcastRecipient, 'channel' | 'locale'> & { locale: string })[];
  const chosen = rows.filter((r) => unitIds.has(r.unitId));
  const reach = reachFor(db, chosen.map((r) => r.personId));
  return chosen.map((r) => ({ ...r, locale: isLocale(r.locale) ? r.locale : 'vi', channel: reach.get(r.personId)?.channel ?? null }));
}

/**
 * The periods a report audience is offered for: those in course (reporting open, due recently or
 * not yet), and older ones while a unit still owes them.
 */
export function reportAudiencePeriods(db: Db, movement: Movement, now: number): Period[] {
  const snap = snapshot(db, movement);
  const owing = new Set(unitsOwing(snap, { registration: false, periods: snap.periods }).flatMap((o) => o.periods.map((p) => p.period.id)));
  return periodsInCourse(snap.periods, localDate(now, movement.timezone), (p) => owing.has(p.id));
}

/** Who would get the message, and how it reads; nothing is written. */
export function previewBroadcast(db: Db, movement: Movement, input: { text: string; audience: Audience }, now: number): BroadcastPreview {
  const text = checkText(input.text);
  const { unitIds, name, period } = audienceUnits(db, movement, input.audience, now);
  const recipients = recipientsOf(db, unitIds);
  return {
    audience: input.audience,
    audienceName: name,
    period: period ?? null,
    units: unitIds.size,
    reachedUnits: new Set(recipients.filter((r) => r.channel !== null).map((r) => r.unitId)).size,
    recipients,
    noAccount: recipients.filter((r) => r.channel === null).length,
    messages: { vi: broadcastMessage('vi', text), en: broadcastMessage('en', text) },
  };
}

/** Saves a draft (checked, with its preview); nothing is sent until it is confirmed. */
export function draftBroadcast(db: Db, movement: Movement, input: { text: string; audience: Audience }, actor: Actor, now: number): { broadcast: Broadcast; preview: BroadcastPreview } {
  const preview = previewBroadcast(db, movement, input, now);
  const broadcast = db
    .insert(broadcasts)
    .values({
      movementId: movement.id,
      text: checkText(input.text),
      audience: audienceText(input.audience),
      createdBy: actor.label,
      createdByPersonId: actor.personId ?? null,
      createdAt: now,
    })
    .returning()
    .get();
  recordAudit(db, actor, now, { action: 'broadcast.draft', entity: 'broadcast', entityId: broadcast.id, after: broadcast });
  return { broadcast, preview };
}

function getBroadcast(db: Db, id: number): Broadcast {
  const row = db.select().from(broadcasts).where(eq(broadcasts.id, id)).get();
  if (!row) throw new DomainError('err-broadcast-unknown', { id });
  return row;
}

/**
 * Confirms a draft: the audience is computed again now and one outbox row queued per recipient.
 * Confirming again queues nothing more.
 */
export function confirmBroadcast(db: Db, id: number, actor: Actor, now: number): { broadcast: Broadcast; queued: number } {
  return db.transaction(
    () => {
      const draft = getBroadcast(db, id);
      if (draft.status === 'queued') return { broadcast: draft, queued: 0 };
      if (draft.status !== 'draft') throw new DomainError('err-broadcast-not-draft', { id });
      const movement = db.select().from(movements).where(eq(movements.id, draft.movementId ?? -1)).get();
      if (!movement) throw new DomainError('err-broadcast-not-draft', { id });
      const { unitIds } = audienceUnits(db, movement, parseAudience(draft.audience), now);
      const recipients = recipientsOf(db, unitIds);
      const reach = reachFor(db, recipients.map((r) => r.personId));
      const texts = new Map<Locale, OutboundMessage>();
      const queued = enqueueMessages(
        db,
        recipients.map((r) => {
          if (!texts.has(r.locale)) texts.set(r.locale, broadcastMessage(r.locale, draft.text));
          return { dedupeKey: `bc:${id}:${r.personId}`, personId: r.personId, reach: reach.get(r.personId), payload: texts.get(r.locale)!, notBefore: now, broadcastId: id };
        }),
      );
      const broadcast = db
        .update(broadcasts)
        .set({ status: 'queued', confirmedAt: now, recipients: recipients.length })
        .where(and(eq(broadcasts.id, id), eq(broadcasts.status, 'draft')))
        .returning()
        .get();
      recordAudit(db, actor, now, { action: 'broadcast.confirm', entity: 'broadcast', entityId: id, before: draft, after: broadcast });
      return { broadcast, queued };
    },
    { behavior: 'immediate' },
  );
}

/** Drops a draft that will not be sent. */
export function cancelBroadcast(db: Db, id: number, actor: Actor, now: number): Broadcast {
  const draft = getBroadcast(db, id);
  if (draft.status !== 'draft') throw new DomainError('err-broadcast-not-draft', { id });
  const after = db.update(broadcasts).set({ status: 'cancelled' }).where(eq(broadcasts.id, id)).returning().get();
  recordAudit(db, actor, now, { action: 'broadcast.cancel', entity: 'broadcast', entityId: id, before: draft, after });
  return after;
}

interface DeliveryProblem {
  personId: number | null;
  name: string | null;
  unit: string | null;
  channel: string;
  status: 'failed' | 'unreachable';
  error: string | null;
}

interface DeliveryReport {
  broadcast: Broadcast;
  total: number;
  /** Waiting or in flight. */
  pending: number;
  sent: number;
  failed: number;
  unreachable: number;
  /** Sent, by channel. */
  sentBy: Record<string, number>;
  problems: DeliveryProblem[];
}

/** Where a broadcast stands: sent, waiting, failed (the message refused) and unreachable (blocked, outside Zalo's window, no account). */
export function broadcastReport(db: Db, id: number): DeliveryReport {
  const broadcast = getBroadcast(db, id);
  const rows = db.$client
    .prepare(
      `SELECT o.person_id AS personId, p.full_name AS name, u.name AS unit, o.channel, o.status, o.last_error AS error
         FROM outbox o LEFT JOIN people p ON p.id = o.person_id LEFT JOIN units u ON u.id = p.unit_id
        WHERE o.broadcast_id = ? ORDER BY o.id`,
    )
    .all(id) as (Omit<DeliveryProblem, 'status'> & { status: string })[];
  const report: DeliveryReport = { broadcast, total: rows.length, pending: 0, sent: 0, failed: 0, unreachable: 0, sentBy: {}, problems: [] };
  for (const r of rows) {
    if (r.status === 'sent') {
      report.sent++;
      report.sentBy[r.channel] = (report.sentBy[r.channel] ?? 0) + 1;
    } else if (r.status === 'failed' || r.status === 'unreachable') {
      report[r.status]++;
      report.problems.push({ ...r, status: r.status });
    } else report.pending++;
  }
  return report;
}

export function listBroadcasts(db: Db, limit = 20): Broadcast[] {
  return db.select().from(broadcasts).orderBy(desc(broadcasts.id)).limit(limit).all();
}
