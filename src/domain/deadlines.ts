/**
 * The registration deadline as the Board runs it: the movement's, unless extended for everyone or
 * for one unit; a period's report due day extended for one unit; and reopening an approved
 * registration. Every change is recorded with its reason.
 */
import { and, eq } from 'drizzle-orm';
import type { Db, DbOrTx } from '../db/connection.ts';
import { movements, periodExtensions, registrations } from '../db/schema.ts';
import { recordAudit, type Actor } from './audit.ts';
import { finalReviewDate, unitDeadline } from './due-dates.ts';
import { DomainError } from './errors.ts';
import { participatingUnits } from './status.ts';
import { ensureRegistration, getRegistration } from './registrations.ts';
import { formatVnDate } from './vn-input.ts';
import type { Movement, Period, Registration } from './model.ts';

/** The deadline a unit is held to (domain/due-dates.ts unitDeadline). */
export function deadlineFor(movement: Pick<Movement, 'registrationDeadline'>, registration?: Pick<Registration, 'deadlineOn'> | null): string {
  return unitDeadline(movement.registrationDeadline, registration?.deadlineOn);
}

interface Extension {
  /** The unit the extension is for; absent: every unit. */
  unitId?: number;
  until: string;
  reason?: string | null;
}

/**
 * Extends the registration deadline for one unit or for all. The new date must be later than the
 * deadline it replaces and no later than the movement's final review. Reminders follow: they are
 * planned from the movement's deadline, and a unit with its own is not overdue before it.
 */
export function extendDeadline(db: Db, movement: Movement, extension: Extension, actor: Actor, now: number): { from: string; until: string } {
  return db.transaction((tx) => {
    const current = tx.select().from(movements).where(eq(movements.id, movement.id)).get()!;
    const latest = finalReviewDate(current);
    if (extension.unitId === undefined) {
      const from = current.registrationDeadline;
      if (extension.until <= from) throw new DomainError('err-extension-not-later', { from: formatVnDate(from), until: formatVnDate(extension.until) });
      if (extension.until > latest) throw new DomainError('err-extension-too-late', { latest: formatVnDate(latest) });
      tx.update(movements).set({ registrationDeadline: extension.until }).where(eq(movements.id, movement.id)).run();
      recordAudit(tx, actor, now, { action: 'movement.extend', entity: 'movement', entityId: movement.id, before: { registrationDeadline: from }, after: { registrationDeadline: extension.until, reason: extension.reason ?? null } });
      return { from, until: extension.until };
    }
    const reg = ensureRegistration(tx, movement.id, extension.unitId, now);
    const from = deadlineFor(current, reg);
    if (extension.until <= from) throw new DomainError('err-extension-not-later', { from: formatVnDate(from), until: formatVnDate(extension.until) });
    if (extension.until > latest) throw new DomainError('err-extension-too-late', { latest: formatVnDate(latest) });
    tx.update(registrations).set({ deadlineOn: extension.until, updatedAt: now }).where(eq(registrations.id, reg.id)).run();
    recordAudit(tx, actor, now, { action: 'registration.extend', entity: 'registration', entityId: reg.id, before: { deadline: from }, after: { deadline: extension.until, reason: extension.reason ?? null } });
    return { from, until: extension.until };
  });
}

/** The day a unit's report for `period` is due: the period's, or the unit's own when the Board extended it. */
export function periodDueFor(db: DbOrTx, period: Pick<Period, 'id' | 'dueOn'>, unitId: number): string {
  const own = db
    .select({ dueOn: periodExtensions.dueOn })
    .from(periodExtensions)
    .where(and(eq(periodExtensions.periodId, period.id), eq(periodExtensions.unitId, unitId)))
    .get()?.dueOn;
  return unitDeadline(period.dueOn, own);
}

/**
 * Extends the due day of a period's report for one unit: later than the day it replaces, no later
 * than the movement's final review. The standing and the overdue lists hold the unit to it.
 */
export function extendPeriodDue(db: Db, movement: Movement, period: Period, extension: Required<Omit<Extension, 'reason'>> & Pick<Extension, 'reason'>, actor: Actor, now: number): { from: string; until: string } {
  return db.transaction((tx) => {
    if (period.movementId !== movement.id) throw new DomainError('err-period-unknown');
    const from = periodDueFor(tx, period, extension.unitId);
    if (extension.until <= from) throw new DomainError('err-extension-not-later', { from: formatVnDate(from), until: formatVnDate(extension.until) });
    const latest = finalReviewDate(movement);
    if (extension.until > latest) throw new DomainError('err-extension-too-late', { latest: formatVnDate(latest) });
    tx.insert(periodExtensions)
      .values({ periodId: period.id, unitId: extension.unitId, dueOn: extension.until })
      .onConflictDoUpdate({ target: [periodExtensions.periodId, periodExtensions.unitId], set: { dueOn: extension.until } })
      .run();
    recordAudit(tx, actor, now, { action: 'period.extend', entity: 'reporting_period', entityId: period.id, before: { unitId: extension.unitId, dueOn: from }, after: { unitId: extension.unitId, dueOn: extension.until, reason: extension.reason ?? null } });
    return { from, until: extension.until };
  });
}

/**
 * Reopens an approved registration so the unit can change it (the Board's decision, with a reason):
 * it goes back to the unit as returned (the approved version stays approved in its record), and
 * the reopening is in the audit log. Sent again, it is a new version to review.
 */
export function reopenRegistration(db: Db, registrationId: number, reason: string, actor: Actor, now: number): Registration {
  const why = reason.trim();
  if (why.length === 0) throw new DomainError('err-reopen-needs-reason');
  return db.transaction((tx) => {
    const reg = getRegistration(tx, registrationId);
    if (reg.status !== 'approved') throw new DomainError('err-reopen-not-approved', { status: reg.status });
    const row = tx
      .update(registrations)
      .set({ status: 'returned', reviewComment: why, reviewedAt: now, reviewedBy: actor.personId ?? null, updatedAt: now })
      .where(eq(registrations.id, registrationId))
      .returning()
      .get();
    recordAudit(tx, actor, now, { action: 'registration.reopen', entity: 'registration', entityId: registrationId, before: { status: reg.status }, after: { status: 'returned', reason: why } });
    return row;
  });
}

/**
 * Whom an extension for every unit concerns: the units whose registration is not with the Board yet
 * (not started, draft, returned) and that are now held to `until` (not those with a later date of
 * their own).
 */
export function unitsToTellOfExtension(db: DbOrTx, movement: Movement, until: string): number[] {
  const regs = new Map(db.select().from(registrations).where(eq(registrations.movementId, movement.id)).all().map((r) => [r.unitId, r]));
  return participatingUnits(db, movement)
    .filter((u) => {
      const reg = regs.get(u.id);
      const owing = !reg || reg.status === 'draft' || reg.status === 'returned';
      return owing && unitDeadline(until, reg?.deadlineOn) === until;
    })
    .map((u) => u.id);
}
