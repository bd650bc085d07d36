import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { movementZone } from './time-zone.ts';
import type { Db, DbOrTx } from '../db/connection.ts';
import { prepared } from '../db/prepared.ts';
import { contentAreas, movements, registrations, reportingPeriods, targets } from '../db/schema.ts';
import { recordAudit, type Actor } from './audit.ts';
import { DomainError } from './errors.ts';
import type { MovementDefinition } from './movement-definition.ts';
import { generatePeriods } from './periods.ts';
import { importYearEnd } from './year-end/store.ts';
import { unitIdsByCode, upsertGroup, upsertUnit, type Change } from './units.ts';
import type { Movement, Period } from './model.ts';

export interface ImportSummary {
  movementId: number;
  movement: Change;
  contentAreas: number;
  periods: number;
  units: Record<Change, number>;
  groups: Record<Change, number>;
  sampleTargets: number;
  /** Scoring tables of the year-end section (0 without one). */
  scoringTables: number;
}

/**
 * Problems a definition has against the database: group members and sample-target units must be
 * units of the file or already known. Returned as zod-style issues so they report with line numbers.
 */
export function referenceIssues(db: DbOrTx, def: MovementDefinition): z.core.$ZodIssue[] {
  const inFile = new Set(def.units.map((u) => u.code));
  const wanted = new Set<string>();
  def.groups.forEach((g) => g.members.forEach((m) => wanted.add(m)));
  def.sampleTargets.forEach((t) => wanted.add(t.unit));
  const known = unitIdsByCode(db, [...wanted].filter((c) => !inFile.has(c)));
  const exists = (code: string) => inFile.has(code) || known.has(code);
  const issues: z.core.$ZodIssue[] = [];
  const issue = (path: (string | number)[], unit: string): z.core.$ZodIssue =>
    ({ code: 'custom', path, message: 'def-unknown-unit', params: { unit }, input: unit }) as z.core.$ZodIssue;
  def.groups.forEach((g, gi) =>
    g.members.forEach((m, mi) => {
      if (!exists(m)) issues.push(issue(['groups', gi, 'members', mi], m));
    }),
  );
  def.sampleTargets.forEach((t, i) => {
    if (!exists(t.unit)) issues.push(issue(['sampleTargets', i, 'unit'], t.unit));
  });
  return issues;
}

const counter = (): Record<Change, number> => ({ created: 0, updated: 0, unchanged: 0 });

/**
 * Writes a validated movement definition in one transaction. Importing the same file again
 * changes nothing; an edited file updates what it names and leaves registrations alone.
 */
export function importMovement(db: Db, def: MovementDefinition, actor: Actor, now: number): ImportSummary {
  return db.transaction((tx) => {
    const m = def.movement;
    const fields = {
      name: m.name,
      province: m.province ?? null,
      theme: m.theme ?? null,
      documentNumber: m.document?.number ?? null,
      documentDate: m.document?.date ?? null,
      documentIssuer: m.document?.issuer ?? null,
      documentSigner: m.document?.signer ?? null,
      documentSignerTitle: m.document?.signerTitle ?? null,
      standingBody: m.standingBody ?? null,
      startsOn: m.starts,
      endsOn: m.ends,
      registrationDeadline: m.registrationDeadline,
      finalReviewOn: m.finalReview ?? null,
      timezone: movementZone(m),
      status: m.status,
      // Settings made with `thidua board` stay when the file has none.
      ...(m.board ? { boardSettings: Object.keys(m.board).length > 0 ? m.board : null } : {}),
    };
    const existing = tx.select().from(movements).where(eq(movements.code, m.code)).get();
    let movementId: number;
    let movementChange: Change = 'unchanged';
    if (existing) {
      movementId = existing.id;
      const same = (a: unknown, b: unknown) => a === b || JSON.stringify(a) === JSON.stringify(b);
      const changed = (Object.keys(fields) as (keyof typeof fields)[]).some((k) => !same(existing[k], fields[k]));
      if (changed) {
        tx.update(movements).set(fields).where(eq(movements.id, movementId)).run();
        recordAudit(tx, actor, now, { action: 'movement.update', entity: 'movement', entityId: movementId, before: existing, after: fields });
        movementChange = 'updated';
      }
    } else {
      movementId = tx.insert(movements).values({ code: m.code, ...fields }).returning({ id: movements.id }).get().id;
      recordAudit(tx, actor, now, { action: 'movement.create', entity: 'movement', entityId: movementId, after: { code: m.code, ...fields } });
      movementChange = 'created';
    }

    for (const area of def.contentAreas) {
      tx.insert(contentAreas)
        .values({ movementId, number: area.number, title: area.title, titleEn: area.titleEn ?? null })
        .onConflictDoUpdate({
          target: [contentAreas.movementId, contentAreas.number],
          set: { title: area.title, titleEn: area.titleEn ?? null },
        })
        .run();
    }

    const periods =
      def.reportingPeriods ?? generatePeriods(m.starts, m.ends, m.reporting.kinds, m.reporting.dueDaysAfterEnd);
    for (const p of periods) {
      tx.insert(reportingPeriods)
        .values({ movementId, code: p.code, kind: p.kind, startsOn: p.starts, endsOn: p.ends, dueOn: p.due })
        .onConflictDoUpdate({
          target: [reportingPeriods.movementId, reportingPeriods.code],
          set: { kind: p.kind, startsOn: p.starts, endsOn: p.ends, dueOn: p.due },
        })
        .run();
    }

    const unitChanges = counter();
    for (const u of def.units) unitChanges[upsertUnit(tx, u, actor, now).change]++;
    // A group that lost a member to a group written later changed too, even if it is not rewritten.
    const groupChange = new Map<number, Change>();
    for (const g of def.groups) {
      const result = upsertGroup(tx, movementId, g, actor, now);
      if (groupChange.get(result.id) !== 'updated') groupChange.set(result.id, result.change);
      for (const id of result.left) if (groupChange.get(id) !== 'created') groupChange.set(id, 'updated');
    }
    const groupChanges = counter();
    for (const change of groupChange.values()) groupChanges[change]++;

    const sampleTargets = importSampleTargets(tx, movementId, def, now);
    const scoringTables = importYearEnd(tx, movementId, def.yearEnd);
    return {
      movementId,
      movement: movementChange,
      contentAreas: def.contentAreas.length,
      periods: periods.length,
      units: unitChanges,
      groups: groupChanges,
      sampleTargets,
      scoringTables,
    };
  });
}

/** Sample targets become draft registrations, only for units that have no registration yet. */
function importSampleTargets(tx: DbOrTx, movementId: number, def: MovementDefinition, now: number): number {
  if (def.sampleTargets.length === 0) return 0;
  const unitIds = unitIdsByCode(tx, def.sampleTargets.map((t) => t.unit));
  const areas = new Map(
    tx.select().from(contentAreas).where(eq(contentAreas.movementId, movementId)).all().map((a) => [a.number, a.id]),
  );
  const already = new Set(
    tx
      .select({ unitId: registrations.unitId })
      .from(registrations)
      .where(and(eq(registrations.movementId, movementId), inArray(registrations.unitId, [...unitIds.values()])))
      .all()
      .map((r) => r.unitId),
  );
  const regByUnit = new Map<number, { id: number; position: number }>();
  let count = 0;
  for (const target of def.sampleTargets) {
    const unitId = unitIds.get(target.unit)!;
    if (already.has(unitId)) continue;
    let reg = regByUnit.get(unitId);
    if (!reg) {
      const id = tx.insert(registrations).values({ movementId, unitId, updatedAt: now }).returning({ id: registrations.id }).get().id;
      reg = { id, position: 0 };
      regByUnit.set(unitId, reg);
    }
    reg.position++;
    tx.insert(targets)
      .values({
        registrationId: reg.id,
        contentAreaId: areas.get(target.area)!,
        text: target.text,
        kind: target.kind,
        measure: target.measure ?? null,
        plannedValue: target.planned ?? null,
        direction: target.kind === 'quantitative' ? (target.comparison === 'at-most' ? 'at_most' : 'at_least') : null,
        dueOn: def.movement.ends,
        position: reg.position,
      })
      .run();
    count++;
  }
  return count;
}

export function findMovement(db: DbOrTx, code: string): Movement {
  const row = db.select().from(movements).where(eq(movements.code, code)).get();
  if (!row) throw new DomainError('err-movement-unknown', { code });
  return row;
}

/** The movement people work on now: the latest open one (by start date). */
export function currentMovement(db: DbOrTx): Movement | undefined {
  return prepared(db, 'movements.current', (d) =>
    d.select().from(movements).where(eq(movements.status, 'open')).orderBy(desc(movements.startsOn), desc(movements.id)).limit(1).prepare(),
  ).get();
}

/** `code` when given, else the current movement; a clear error when there is none. */
export function resolveMovement(db: DbOrTx, code?: string): Movement {
  if (code) return findMovement(db, code);
  const current = currentMovement(db);
  if (!current) throw new DomainError('err-no-movement');
  return current;
}

export function listContentAreas(db: DbOrTx, movementId: number) {
  return prepared(db, 'movements.contentAreas', (d) =>
    d.select().from(contentAreas).where(eq(contentAreas.movementId, sql.placeholder('movementId'))).orderBy(asc(contentAreas.number)).prepare(),
  ).all({ movementId });
}

export function getPeriod(db: DbOrTx, id: number): Period | undefined {
  return db.select().from(reportingPeriods).where(eq(reportingPeriods.id, id)).get();
}

export function listPeriods(db: DbOrTx, movementId: number) {
  return prepared(db, 'movements.periods', (d) =>
    d
      .select()
      .from(reportingPeriods)
      .where(eq(reportingPeriods.movementId, sql.placeholder('movementId')))
      // Periods ending together: the shorter first (Quý IV, then 6 tháng cuối năm, then Năm).
      .orderBy(asc(reportingPeriods.endsOn), desc(reportingPeriods.startsOn))
      .prepare(),
  ).all({ movementId });
}
