/**
 * The clusters/blocks whose year-end documents (minutes, tờ trình, scoring table) can be drawn up:
 * those with a scoring table; and which of them a person may have: the Board and leaders any, a
 * cluster head the ones its unit heads (domain/scope.ts, mayGetDocument).
 */
import { and, asc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/connection.ts';
import { groups, scoringTableGroups } from '../../db/schema.ts';
import type { Role } from '../model.ts';

export interface ScoringGroup {
  id: number;
  code: string;
  name: string;
  headUnitId: number | null;
}

/** The movement's groups that score by a table, in code order. */
export function scoringGroups(db: DbOrTx, movementId: number): ScoringGroup[] {
  return db
    .select({ id: groups.id, code: groups.code, name: groups.name, headUnitId: groups.headUnitId })
    .from(groups)
    .innerJoin(scoringTableGroups, eq(scoringTableGroups.groupId, groups.id))
    .where(eq(groups.movementId, movementId))
    .orderBy(asc(groups.code))
    .all();
}

/** One group of the movement by id (its head, for the scope rule); undefined when none. */
export function groupOfMovement(db: DbOrTx, movementId: number, groupId: number): ScoringGroup | undefined {
  return db
    .select({ id: groups.id, code: groups.code, name: groups.name, headUnitId: groups.headUnitId })
    .from(groups)
    .where(and(eq(groups.movementId, movementId), eq(groups.id, groupId)))
    .get();
}

/** The scoring groups whose documents this person may have: all for the Board and leaders, the headed ones for a cluster head, none else. */
export function documentGroupsOf(db: DbOrTx, person: { role: Role; unitId: number | null }, movementId: number): ScoringGroup[] {
  const all = scoringGroups(db, movementId);
  if (person.role === 'admin' || person.role === 'viewer') return all;
  if (person.role === 'cluster_head' && person.unitId !== null) return all.filter((g) => g.headUnitId === person.unitId);
  return [];
}
