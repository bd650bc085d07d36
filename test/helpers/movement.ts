/**
 * A small movement for domain tests: three content areas, five units in two groups (one unit in
 * no group), deadline 31/03/2020 in Asia/Ho_Chi_Minh. Built with the real schema and imported with
 * the real `importMovement`.
 */
import { eq } from 'drizzle-orm';
import type { Db } from '../../src/db/connection.ts';
import { contentAreas, units } from '../../src/db/schema.ts';
import type { Actor } from '../../src/domain/audit.ts';
import { movementDefinition, type MovementDefinition } from '../../src/domain/movement-definition.ts';
import { findMovement, importMovement } from '../../src/domain/movements.ts';
import type { Movement } from '../../src/domain/model.ts';

export const admin: Actor = { label: 'test-admin' };

/** The plain JSON a definition file would hold, before parsing; tests copy and break it. */
export function smallDefinitionInput() {
  return {
    movement: {
      code: 'TEST-2020',
      name: 'Phong trào thi đua thử nghiệm 2020',
      starts: '2020-01-01',
      ends: '2020-12-31',
      registrationDeadline: '2020-03-31',
      timezone: 'Asia/Ho_Chi_Minh',
    },
    contentAreas: [
      { number: 1, title: 'Hạ tầng' },
      { number: 2, title: 'Nông thôn mới' },
      { number: 3, title: 'Giáo dục' },
    ],
    units: [
      { code: 'SNV', name: 'Sở Nội vụ', kind: 'so' },
      { code: 'STC', name: 'Sở Tài chính', kind: 'so' },
      { code: 'HHH', name: 'Huyện Hải Hậu', kind: 'huyen' },
      { code: 'HGT', name: 'Huyện Giao Thủy', kind: 'huyen' },
      { code: 'MTTQ', name: 'Ủy ban MTTQ tỉnh', kind: 'doan-the' },
    ],
    groups: [
      { code: 'KHOI-A', kind: 'khoi', name: 'Khối A', head: 'SNV', members: ['SNV', 'STC'] },
      { code: 'CUM-1', kind: 'cum', name: 'Cụm 1', head: 'HHH', deputy: 'HGT', members: ['HHH', 'HGT'] },
    ],
  };
}

export function smallDefinition(): MovementDefinition {
  return movementDefinition.parse(smallDefinitionInput());
}

export interface LoadedMovement {
  movement: Movement;
  /** content area id by its number */
  area: (number: number) => number;
  /** unit id by its code */
  unit: (code: string) => number;
}

/** Imports `def` (the small movement by default) and gives handy lookups of what was created. */
export function loadMovement(db: Db, def: MovementDefinition = smallDefinition(), now = Date.UTC(2020, 0, 2)): LoadedMovement {
  const summary = importMovement(db, def, admin, now);
  const movement = findMovement(db, def.movement.code);
  const areas = new Map(
    db.select().from(contentAreas).where(eq(contentAreas.movementId, summary.movementId)).all().map((a) => [a.number, a.id]),
  );
  return {
    movement,
    area: (n) => {
      const id = areas.get(n);
      if (id === undefined) throw new Error(`no content area ${n}`);
      return id;
    },
    unit: (code) => {
      const row = db.select().from(units).where(eq(units.code, code)).get();
      if (!row) throw new Error(`no unit ${code}`);
      return row.id;
    },
  };
}
