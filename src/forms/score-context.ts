/**
 * What the self-assessment form of a registration's unit is about: the unit, its movement, the
 * cluster/block it scores in with its table, and its sheet as it stands (the year's results filled
 * in). Free of workbook code: the chat applies a read form with it without loading exceljs.
 */
import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../db/connection.ts';
import { movements, units } from '../db/schema.ts';
import { DomainError } from '../domain/errors.ts';
import { getRegistration } from '../domain/registrations.ts';
import { yearResultsByUnit } from '../domain/year-end/results.ts';
import { loadSheet, type StoredSheet } from '../domain/year-end/sheets.ts';
import { unitScoring, type UnitScoring } from '../domain/year-end/groups.ts';
import type { Movement, Unit } from '../domain/model.ts';

interface ScoreFormContext {
  movement: Movement;
  unit: Unit;
  scoring: UnitScoring;
  sheet: StoredSheet;
}

export function scoreFormContext(db: DbOrTx, registrationId: number): ScoreFormContext {
  const registration = getRegistration(db, registrationId);
  const movement = db.select().from(movements).where(eq(movements.id, registration.movementId)).get()!;
  const unit = db.select().from(units).where(eq(units.id, registration.unitId)).get()!;
  const scoring = unitScoring(db, movement.id, unit.id);
  if (!scoring) throw new DomainError('score-form-no-cluster', { unit: unit.name });
  const sheet = loadSheet(db, scoring.table, { unitId: unit.id, groupId: scoring.groupId }, yearResultsByUnit(db, movement).get(unit.id));
  return { movement, unit, scoring, sheet };
}
