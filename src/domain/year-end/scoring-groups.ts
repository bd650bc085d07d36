/**
 * Which cluster/block a person scores in, reviews or reads: a unit scores in the group it is a
 * member of that has a scoring table; a cluster head reviews the groups its unit heads; the Board
 * reads any group with a table.
 */
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../db/connection.ts';
import { groupMembers, groups, people, scoringTableGroups, units } from '../../db/schema.ts';

export interface ScoringGroup {
  id: number;
  code: string;
  name: string;
  headUnitId: number | null;
}

const groupFields = { id: groups.id, code: groups.code, name: groups.name, headUnitId: groups.headUnitId };

/** The groups of the movement that score by a table, by code. */
export function scoringGroups(db: DbOrTx, movementId: number): ScoringGroup[] {
  return db
    .select(groupFields)
    .from(groups)
    .innerJoin(scoringTableGroups, eq(scoringTableGroups.groupId, groups.id))
    .where(eq(groups.movementId, movementId))
    .orderBy(asc(groups.code))
    .all();
}

/** The group (with a table) a unit scores in, if any. */
export function scoringGroupOfUnit(db: DbOrTx, movementId: number, unitId: number): ScoringGroup | undefined {
  return db
    .select(groupFields)
    .from(groupMembers)
    .innerJoin(groups, eq(groups.id, groupMembers.groupId))
    .innerJoin(scoringTableGroups, eq(scoringTableGroups.groupId, groups.id))
    .where(and(eq(groups.movementId, movementId), eq(groupMembers.unitId, unitId)))
    .orderBy(asc(groups.code))
    .get();
}

/** The groups (with a table) a unit heads. */
export function scoringGroupsHeadedBy(db: DbOrTx, movementId: number, unitId: number): ScoringGroup[] {
  return scoringGroups(db, movementId).filter((g) => g.headUnitId === unitId);
}

/** The active cluster heads of a group (people with the role, of its head unit): who review its sheets. */
export function clusterHeadsOf(db: DbOrTx, groupId: number): number[] {
  const group = db.select({ headUnitId: groups.headUnitId }).from(groups).where(eq(groups.id, groupId)).get();
  if (!group?.headUnitId) return [];
  return db
    .select({ id: people.id })
    .from(people)
    .where(and(eq(people.unitId, group.headUnitId), eq(people.role, 'cluster_head'), eq(people.active, true)))
    .all()
    .map((p) => p.id);
}

/** Code and name of the group's members, by unit id. */
export function memberNames(db: DbOrTx, unitIds: readonly number[]): Map<number, { code: string; name: string }> {
  if (unitIds.length === 0) return new Map();
  const rows = db.select({ id: units.id, code: units.code, name: units.name }).from(units).where(inArray(units.id, [...unitIds])).all();
  return new Map(rows.map((r) => [r.id, { code: r.code, name: r.name }]));
}
