/**
 * Reminder rules as data: rows an admin lists, adds, pauses and resumes. Deadline rules count days
 * from the registration deadline, from each reporting period's due date or from the year-end's dossier deadline (negative before, 0 on
 * the day, positive overdue); calendar rules use cron syntax (minute hour day-of-month month
 * day-of-week, in the movement's time zone, at most once an hour).
 */
import { asc, eq } from 'drizzle-orm';
import cron from 'node-cron';
import type { DbOrTx } from '../db/connection.ts';
import { reminderRules } from '../db/schema.ts';
import { recordAudit, type Actor } from '../domain/audit.ts';
import { DomainError } from '../domain/errors.ts';
import { isTimeOfDay } from './calendar.ts';
import type { ReminderKind, ReminderRule, ReminderSubject } from '../domain/model.ts';

export interface RuleInput {
  kind: ReminderKind;
  /** Deadline rules: days from the deadline (−14 = two weeks before, 0 = on the day, 3 = three days overdue). */
  offsetDays?: number | null;
  /** Calendar rules: "minute hour day-of-month month day-of-week". */
  cron?: string | null;
  /** Deadline rules: local time of day, default 08:00. */
  atTime?: string | null;
  /** Tell the cluster head once a unit has ignored this many reminders about the same thing. */
  escalateAfter?: number | null;
  /** Calendar rules: registration, report, any (default) or digest (the admins' summary of who is late). */
  subject?: ReminderSubject | null;
  label?: string | null;
}

const MAX_OFFSET_DAYS = 120;
const MAX_ESCALATE_AFTER = 30;

/**
 * The default set: registration 14, 7, 3 and 1 days before the deadline, on the day, then 1, 3 and
 * 7 days overdue (the cluster head is told once a unit ignored 5); each report 7 and 3 days before
 * it is due, on the day, 3 and 7 days overdue (cluster head after 3); and the admins' digest of late
 * units every working morning.
 */
export const DEFAULT_RULES: readonly RuleInput[] = [
  ...[-14, -7, -3, -1, 0].map((offsetDays) => ({ kind: 'registration_deadline' as const, offsetDays })),
  ...[1, 3, 7].map((offsetDays) => ({ kind: 'registration_deadline' as const, offsetDays, escalateAfter: 5 })),
  ...[-7, -3, 0].map((offsetDays) => ({ kind: 'period_due' as const, offsetDays })),
  ...[3, 7].map((offsetDays) => ({ kind: 'period_due' as const, offsetDays, escalateAfter: 3 })),
  { kind: 'cron', cron: '30 8 * * 1-5', subject: 'digest' },
  // Before the dossier deadline of the year-end (none without one): whoever still owes a document.
  ...[-7, -3, -1].map((offsetDays) => ({ kind: 'dossier_deadline' as const, offsetDays })),
  // Before the year-end's self-assessment date: units whose score sheet is not sent to the cluster head.
  ...[-7, -3, -1].map((offsetDays) => ({ kind: 'self_assessment' as const, offsetDays })),
];

interface CronCheck {
  ok: boolean;
  minute?: number;
  hours?: number[];
  daysOfMonth?: number[];
  months?: number[];
  daysOfWeek?: number[];
}

/** Parses a 5-field cron pattern the reminders accept: a single minute, plain numbers, ranges, lists and steps. */
export function checkCron(pattern: string): CronCheck {
  const fields = pattern.trim().split(/\s+/);
  if (fields.length !== 5) return { ok: false };
  let parsed;
  try {
    parsed = cron.parse(fields.join(' '));
  } catch {
    return { ok: false };
  }
  const numbers = (values: (number | string)[]) => (values.every((v) => typeof v === 'number') ? (values as number[]) : undefined);
  const daysOfMonth = numbers(parsed.dayOfMonth);
  const daysOfWeek = numbers(parsed.dayOfWeek);
  if (parsed.minute.length !== 1 || !daysOfMonth || !daysOfWeek) return { ok: false };
  return {
    ok: true,
    minute: parsed.minute[0]!,
    hours: [...parsed.hour].sort((a, b) => a - b),
    daysOfMonth,
    months: parsed.month,
    daysOfWeek: daysOfWeek.map((d) => d % 7),
  };
}

/** Validates and normalises a rule; a DomainError names what is wrong. */
interface NormalisedRule {
  kind: ReminderKind;
  offsetDays: number | null;
  cron: string | null;
  atTime: string;
  escalateAfter: number | null;
  subject: ReminderSubject;
  label: string | null;
}

function normaliseRule(input: RuleInput): NormalisedRule {
  const escalateAfter = input.escalateAfter ?? null;
  if (escalateAfter !== null && (!Number.isInteger(escalateAfter) || escalateAfter < 1 || escalateAfter > MAX_ESCALATE_AFTER))
    throw new DomainError('err-reminder-bad-escalate', { max: MAX_ESCALATE_AFTER });
  const label = input.label?.trim() || null;
  if (input.kind === 'cron') {
    const pattern = input.cron?.trim() ?? '';
    if (!checkCron(pattern).ok) throw new DomainError('err-reminder-bad-cron', { cron: pattern });
    const subject = input.subject ?? 'any';
    if (subject === 'dossier' || subject === 'score') throw new DomainError('err-reminder-bad-subject', { subject });
    if (subject === 'digest' && escalateAfter !== null) throw new DomainError('err-reminder-digest-escalate');
    return { kind: 'cron', cron: pattern.split(/\s+/).join(' '), offsetDays: null, atTime: '08:00', escalateAfter, subject, label };
  }
  if (input.kind !== 'registration_deadline' && input.kind !== 'period_due' && input.kind !== 'dossier_deadline' && input.kind !== 'self_assessment') throw new DomainError('err-reminder-bad-kind', { kind: String(input.kind) });
  const offsetDays = input.offsetDays;
  if (offsetDays === null || offsetDays === undefined || !Number.isInteger(offsetDays) || Math.abs(offsetDays) > MAX_OFFSET_DAYS)
    throw new DomainError('err-reminder-bad-offset', { max: MAX_OFFSET_DAYS });
  const atTime = input.atTime ?? '08:00';
  if (!isTimeOfDay(atTime)) throw new DomainError('err-reminder-bad-time', { time: atTime });
  if (input.cron) throw new DomainError('err-reminder-cron-on-deadline');
  // A dossier's senders are told by name already; there is no one above them to escalate to.
  // The cluster head sees the sheets not sent on its own board.
  if ((input.kind === 'dossier_deadline' || input.kind === 'self_assessment') && escalateAfter !== null) throw new DomainError('err-reminder-dossier-escalate');
  const SUBJECT_OF_KIND = { registration_deadline: 'registration', dossier_deadline: 'dossier', self_assessment: 'score', period_due: 'report' } as const;
  const subject = SUBJECT_OF_KIND[input.kind];
  if (input.subject && input.subject !== subject) throw new DomainError('err-reminder-bad-subject', { subject: input.subject });
  return { kind: input.kind, offsetDays, cron: null, atTime, escalateAfter, subject, label };
}

const sameRule = (a: NormalisedRule, b: ReminderRule) =>
  a.kind === b.kind && a.offsetDays === b.offsetDays && a.cron === b.cron && a.atTime === b.atTime && a.subject === b.subject;

export function listRules(db: DbOrTx, movementId: number): ReminderRule[] {
  return db.select().from(reminderRules).where(eq(reminderRules.movementId, movementId)).orderBy(asc(reminderRules.id)).all();
}

export function getRule(db: DbOrTx, id: number): ReminderRule {
  const rule = db.select().from(reminderRules).where(eq(reminderRules.id, id)).get();
  if (!rule) throw new DomainError('err-reminder-unknown', { id });
  return rule;
}

/** Adds a rule; an identical rule of the movement is refused (pause or resume it instead). */
export function addRule(db: DbOrTx, movementId: number, input: RuleInput, actor: Actor, now: number): ReminderRule {
  const rule = normaliseRule(input);
  const twin = listRules(db, movementId).find((r) => sameRule(rule, r));
  if (twin) throw new DomainError('err-reminder-duplicate', { id: twin.id });
  const row = db
    .insert(reminderRules)
    .values({ movementId, ...rule, activeFrom: now, createdAt: now })
    .returning()
    .get();
  recordAudit(db, actor, now, { action: 'reminder_rule.create', entity: 'reminder_rule', entityId: row.id, after: row });
  return row;
}

/** Creates the default rules the movement does not have yet; returns those created. */
export function createDefaultRules(db: DbOrTx, movementId: number, actor: Actor, now: number): ReminderRule[] {
  const existing = listRules(db, movementId);
  const created: ReminderRule[] = [];
  for (const input of DEFAULT_RULES) {
    const rule = normaliseRule(input);
    if (existing.some((r) => sameRule(rule, r))) continue;
    created.push(addRule(db, movementId, input, actor, now));
  }
  return created;
}

/**
 * Pauses or resumes a rule. Resuming does not send what fell due while paused: slots before the
 * moment of resuming are skipped.
 */
export function setRulePaused(db: DbOrTx, id: number, paused: boolean, actor: Actor, now: number): ReminderRule {
  const before = getRule(db, id);
  if (before.paused === paused) return before;
  const after = db
    .update(reminderRules)
    .set({ paused, ...(paused ? {} : { activeFrom: now }) })
    .where(eq(reminderRules.id, id))
    .returning()
    .get();
  recordAudit(db, actor, now, { action: paused ? 'reminder_rule.pause' : 'reminder_rule.resume', entity: 'reminder_rule', entityId: id, before, after });
  return after;
}
