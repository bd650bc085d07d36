import { and, asc, eq, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../db/connection.ts';
import { inTransaction, prepared } from '../db/prepared.ts';
import { rowShape, rowsStatement } from '../db/raw.ts';
import {
  contentAreas,
  groupMembers,
  movements,
  registrationTitles,
  registrationVersions,
  registrations,
  targets,
  units,
} from '../db/schema.ts';
import { recordAudit, systemActor, type Actor } from './audit.ts';
import { unitDeadline } from './due-dates.ts';
import { DomainError } from './errors.ts';
import { cleanText, isBlankText } from './text-input.ts';
import { TARGET_ORDER_SQL } from './target-order.ts';
import { checkTitles } from './titles.ts';
import { localDate } from './vn-input.ts';
import type { Registration, RegistrationStatus, Target } from './model.ts';

export type ReviewAction = 'submit' | 'approve' | 'return';

/** The registration life cycle: Chưa gửi → Chờ duyệt → Đã duyệt | Trả lại → Chờ duyệt … */
const TRANSITIONS: Record<ReviewAction, { from: readonly RegistrationStatus[]; to: RegistrationStatus }> = {
  submit: { from: ['draft', 'returned'], to: 'submitted' },
  approve: { from: ['submitted'], to: 'approved' },
  return: { from: ['submitted'], to: 'returned' },
};

/** The status after `action`, or a DomainError when the action is not allowed from `status`. */
export function nextStatus(status: RegistrationStatus, action: ReviewAction): RegistrationStatus {
  const rule = TRANSITIONS[action];
  if (!rule.from.includes(status)) throw new DomainError('err-registration-transition', { status, action });
  return rule.to;
}

export const isEditable = (status: RegistrationStatus) => status === 'draft' || status === 'returned';

// A registration, its targets and titles are read at almost every step of the registration flow:
// plain statements read as arrays (db/raw.ts), without drizzle's per-row mapping.
const REGISTRATION = rowShape(registrations);
const REGISTRATION_BY_ID = `SELECT ${REGISTRATION.columns} FROM registrations WHERE id = ?`;
const TARGET = rowShape(targets, 't');
const TARGETS_OF = `SELECT ${TARGET.columns} FROM targets t JOIN content_areas ca ON ca.id = t.content_area_id
  WHERE t.registration_id = ? AND t.deleted_at IS NULL ORDER BY ${TARGET_ORDER_SQL}`;
const TITLES_OF = 'SELECT title FROM registration_titles WHERE registration_id = ?';

export function getRegistration(db: DbOrTx, id: number): Registration {
  const row = rowsStatement(db, REGISTRATION_BY_ID).get(id);
  if (!row) throw new DomainError('err-registration-unknown');
  return REGISTRATION.read(row)!;
}

export function getTarget(db: DbOrTx, id: number): Target | undefined {
  return db.select().from(targets).where(eq(targets.id, id)).get();
}

/** A movement's registrations waiting for the Board's review, the longest waiting first. */
export function awaitingReview(db: DbOrTx, movementId: number) {
  return db
    .select({ id: registrations.id, version: registrations.version, late: registrations.late, submittedAt: registrations.submittedAt, unit: units.name, code: units.code })
    .from(registrations)
    .innerJoin(units, eq(units.id, registrations.unitId))
    .where(and(eq(registrations.movementId, movementId), eq(registrations.status, 'submitted')))
    .orderBy(asc(registrations.submittedAt))
    .all();
}

export function findRegistration(db: DbOrTx, movementId: number, unitId: number): Registration | undefined {
  return prepared(db, 'registrations.byUnit', (d) =>
    d
      .select()
      .from(registrations)
      .where(and(eq(registrations.movementId, sql.placeholder('movementId')), eq(registrations.unitId, sql.placeholder('unitId'))))
      .prepare(),
  ).get({ movementId, unitId });
}

/** The unit's registration for the movement, created as a draft the first time it is needed. */
export function ensureRegistration(db: DbOrTx, movementId: number, unitId: number, now: number): Registration {
  const existing = findRegistration(db, movementId, unitId);
  if (existing) return existing;
  const p = sql.placeholder;
  const row = prepared(db, 'registrations.create', (d) =>
    d.insert(registrations).values({ movementId: p('movementId'), unitId: p('unitId'), updatedAt: p('now') }).returning().prepare(),
  ).get({ movementId, unitId, now })!;
  recordAudit(db, systemActor, now, { action: 'registration.create', entity: 'registration', entityId: row.id, after: row });
  return row;
}

/** A registration's targets, numbered as the printed registration numbers them (target-order.ts). */
export function listTargets(db: DbOrTx, registrationId: number): Target[] {
  return rowsStatement(db, TARGETS_OF)
    .all(registrationId)
    .map((row) => TARGET.read(row)!);
}

export function listTitles(db: DbOrTx, registrationId: number): string[] {
  return rowsStatement(db, TITLES_OF)
    .all(registrationId)
    .map((row) => row[0] as string);
}

export interface TargetInput {
  contentAreaId: number;
  text: string;
  kind: 'quantitative' | 'qualitative';
  measure?: string | null;
  plannedValue?: number | null;
  direction?: 'at_least' | 'at_most' | null;
  dueOn?: string | null;
  note?: string | null;
}

function requireEditable(reg: Registration): void {
  if (!isEditable(reg.status)) throw new DomainError('err-registration-locked', { status: reg.status });
}

function normaliseTarget(db: DbOrTx, reg: Registration, input: TargetInput) {
  const area = prepared(db, 'registrations.area', (d) => d.select().from(contentAreas).where(eq(contentAreas.id, sql.placeholder('id'))).prepare()).get({
    id: input.contentAreaId,
  });
  if (!area || area.movementId !== reg.movementId) throw new DomainError('err-area-unknown');
  const text = cleanText(input.text);
  if (isBlankText(text)) throw new DomainError('err-text-blank');
  const quantitative = input.kind === 'quantitative';
  if (quantitative && (input.plannedValue === null || input.plannedValue === undefined || !input.direction))
    throw new DomainError('err-target-needs-plan');
  return {
    contentAreaId: input.contentAreaId,
    text,
    kind: input.kind,
    measure: cleanText(input.measure ?? '') || null,
    plannedValue: quantitative ? input.plannedValue! : null,
    direction: quantitative ? input.direction! : null,
    dueOn: input.dueOn ?? null,
    note: cleanText(input.note ?? '') || null,
  };
}

function touch(db: DbOrTx, id: number, now: number): void {
  prepared(db, 'registrations.touch', (d) =>
    d.update(registrations).set({ updatedAt: sql`${sql.placeholder('now')}` }).where(eq(registrations.id, sql.placeholder('id'))).prepare(),
  ).run({ id, now });
}

export function addTarget(db: DbOrTx, registrationId: number, input: TargetInput, actor: Actor, now: number): Target {
  return inTransaction(db, () => {
    const reg = getRegistration(db, registrationId);
    requireEditable(reg);
    const fields = normaliseTarget(db, reg, input);
    const position = listTargets(db, registrationId).reduce((max, t) => Math.max(max, t.position), 0) + 1;
    const p = sql.placeholder;
    const insert = prepared(db, 'registrations.addTarget', (d) =>
      d
        .insert(targets)
        .values({
          registrationId: p('registrationId'),
          contentAreaId: p('contentAreaId'),
          text: p('text'),
          kind: p('kind'),
          measure: p('measure'),
          plannedValue: p('plannedValue'),
          direction: p('direction'),
          dueOn: p('dueOn'),
          note: p('note'),
          position: p('position'),
        })
        .returning()
        .prepare(),
    );
    const row = insert.get({ registrationId, ...fields, position })!;
    touch(db, registrationId, now);
    recordAudit(db, actor, now, { action: 'target.create', entity: 'target', entityId: row.id, after: row });
    return row;
  });
}

function getLiveTarget(db: DbOrTx, registrationId: number, targetId: number): Target {
  const row = db.select().from(targets).where(eq(targets.id, targetId)).get();
  if (!row || row.registrationId !== registrationId || row.deletedAt !== null) throw new DomainError('err-target-unknown');
  return row;
}

export function updateTarget(db: DbOrTx, registrationId: number, targetId: number, input: TargetInput, actor: Actor, now: number): Target {
  return db.transaction((tx) => {
    const reg = getRegistration(tx, registrationId);
    requireEditable(reg);
    const before = getLiveTarget(tx, registrationId, targetId);
    const fields = normaliseTarget(tx, reg, input);
    const row = tx.update(targets).set(fields).where(eq(targets.id, targetId)).returning().get();
    touch(tx, registrationId, now);
    recordAudit(tx, actor, now, { action: 'target.update', entity: 'target', entityId: targetId, before, after: row });
    return row;
  });
}

export function removeTarget(db: DbOrTx, registrationId: number, targetId: number, actor: Actor, now: number): void {
  return db.transaction((tx) => {
    requireEditable(getRegistration(tx, registrationId));
    const before = getLiveTarget(tx, registrationId, targetId);
    tx.update(targets).set({ deletedAt: now }).where(eq(targets.id, targetId)).run();
    touch(tx, registrationId, now);
    recordAudit(tx, actor, now, { action: 'target.delete', entity: 'target', entityId: targetId, before });
  });
}

/** The unit's kind and whether it is in a cluster/block of the movement: what decides the titles offered. */
export function titleContext(db: DbOrTx, reg: Pick<Registration, 'movementId' | 'unitId'>): { kind: string; inGroup: boolean } {
  // Asked at every titles question: prepared once, as the other queries of a registration's steps.
  const unit = prepared(db, 'registrations.unitKind', (d) =>
    d.select({ kind: units.kind }).from(units).where(eq(units.id, sql.placeholder('unitId'))).prepare(),
  ).get({ unitId: reg.unitId });
  const member = prepared(db, 'registrations.groupMember', (d) =>
    d
      .select({ g: groupMembers.groupId })
      .from(groupMembers)
      .where(and(eq(groupMembers.movementId, sql.placeholder('movementId')), eq(groupMembers.unitId, sql.placeholder('unitId'))))
      .prepare(),
  ).get({ movementId: reg.movementId, unitId: reg.unitId });
  return { kind: unit?.kind ?? 'khac', inGroup: member !== undefined };
}

export function setTitles(db: DbOrTx, registrationId: number, titles: string[], actor: Actor, now: number): void {
  return db.transaction((tx) => {
    const reg = getRegistration(tx, registrationId);
    requireEditable(reg);
    const { kind, inGroup } = titleContext(tx, reg);
    checkTitles(titles, kind, inGroup);
    const before = listTitles(tx, registrationId);
    const after = [...new Set(titles)];
    tx.delete(registrationTitles).where(eq(registrationTitles.registrationId, registrationId)).run();
    for (const title of after) tx.insert(registrationTitles).values({ registrationId, title }).run();
    touch(tx, registrationId, now);
    recordAudit(tx, actor, now, { action: 'registration.titles', entity: 'registration', entityId: registrationId, before, after });
  });
}

/** Targets and titles as submitted, frozen in registration_versions. */
export interface RegistrationSnapshot {
  targets: Omit<Target, 'deletedAt' | 'createdAt' | 'registrationId'>[];
  titles: string[];
}

function snapshot(db: DbOrTx, registrationId: number): RegistrationSnapshot {
  return {
    targets: listTargets(db, registrationId).map(({ deletedAt: _d, createdAt: _c, registrationId: _r, ...rest }) => rest),
    titles: listTitles(db, registrationId),
  };
}

/**
 * Sends the registration for review as a new version, with the liaison's note if any. After the
 * unit's deadline (the movement's unless extended for it; a day in the movement's time zone) it is
 * still accepted, and marked late (nộp muộn).
 */
export function submitRegistration(db: Db, registrationId: number, actor: Actor, now: number, note?: string | null): Registration {
  return inTransaction(db, () => {
    const reg = getRegistration(db, registrationId);
    const status = nextStatus(reg.status, 'submit');
    const snap = snapshot(db, registrationId);
    if (snap.targets.length === 0) throw new DomainError('err-registration-empty');
    const movement = prepared(db, 'registrations.movement', (d) => d.select().from(movements).where(eq(movements.id, sql.placeholder('id'))).prepare()).get({
      id: reg.movementId,
    })!;
    const late = localDate(now, movement.timezone) > unitDeadline(movement.registrationDeadline, reg.deadlineOn);
    const version = reg.version + 1;
    const p = sql.placeholder;
    prepared(db, 'registrations.version', (d) =>
      d
        .insert(registrationVersions)
        .values({ registrationId: p('registrationId'), version: p('version'), snapshot: p('snapshot'), submittedAt: p('now'), submittedBy: p('by'), late: p('late'), note: p('note') })
        .prepare(),
    ).run({ registrationId, version, snapshot: snap, now, by: actor.personId ?? null, late, note: cleanText(note ?? '') || null });
    const row = prepared(db, 'registrations.submit', (d) =>
      d
        .update(registrations)
        .set({
          status: 'submitted',
          version: sql`${p('version')}`,
          late: sql`${p('late')}`,
          firstSubmittedAt: sql`coalesce(${registrations.firstSubmittedAt}, ${p('now')})`,
          submittedAt: sql`${p('now')}`,
          updatedAt: sql`${p('now')}`,
          // The last review was of the previous version; it stays in registration_versions.
          reviewComment: null,
          reviewedAt: null,
          reviewedBy: null,
        })
        .where(eq(registrations.id, p('id')))
        .returning()
        .prepare(),
    ).get({ id: registrationId, version, now, late: reg.late || (reg.firstSubmittedAt === null && late) ? 1 : 0 })!;
    recordAudit(db, actor, now, {
      action: 'registration.submit',
      entity: 'registration',
      entityId: registrationId,
      before: { status: reg.status, version: reg.version },
      after: { status, version, late: row.late },
    });
    return row;
  });
}

function review(db: Db, registrationId: number, action: 'approve' | 'return', comment: string | null, actor: Actor, now: number): Registration {
  return db.transaction((tx) => {
    const reg = getRegistration(tx, registrationId);
    const status = nextStatus(reg.status, action);
    const fields = { status, reviewComment: comment, reviewedAt: now, reviewedBy: actor.personId ?? null, updatedAt: now };
    const row = tx.update(registrations).set(fields).where(eq(registrations.id, registrationId)).returning().get();
    tx.update(registrationVersions)
      .set({ outcome: action === 'approve' ? 'approved' : 'returned', reviewComment: comment, reviewedAt: now, reviewedBy: actor.personId ?? null })
      .where(and(eq(registrationVersions.registrationId, registrationId), eq(registrationVersions.version, reg.version)))
      .run();
    recordAudit(tx, actor, now, {
      action: `registration.${action}`,
      entity: 'registration',
      entityId: registrationId,
      before: { status: reg.status },
      after: { status, comment },
    });
    return row;
  });
}

export function approveRegistration(db: Db, registrationId: number, actor: Actor, now: number, comment?: string): Registration {
  return review(db, registrationId, 'approve', comment?.trim() || null, actor, now);
}

/** Returns the registration to the unit; a reason is required so the unit knows what to fix. */
export function returnRegistration(db: Db, registrationId: number, reason: string, actor: Actor, now: number): Registration {
  if (reason.trim().length === 0) throw new DomainError('err-return-needs-reason');
  return review(db, registrationId, 'return', reason.trim(), actor, now);
}

export function listVersions(db: DbOrTx, registrationId: number) {
  return db
    .select()
    .from(registrationVersions)
    .where(eq(registrationVersions.registrationId, registrationId))
    .orderBy(asc(registrationVersions.version))
    .all();
}
