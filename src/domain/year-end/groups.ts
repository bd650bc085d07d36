/**
 * The clusters/blocks of the year's end and who acts in which: a unit scores (and votes) in the
 * group it is a member of; a cluster head reviews, opens votes and draws up documents for the groups
 * its unit heads; the Board reads any group with a table. One place for these rules, every flow and
 * document reads them from here.
 */
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../db/connection.ts';
import { groupMembers, groups, people, scoringTableGroups, units } from '../../db/schema.ts';
import type { Role } from '../model.ts';
import type { ScoringTable } from './scoring.ts';
import { scoringTableOfGroup } from './store.ts';

export interface ScoringGroup {
  id: number;
  code: string;
  name: string;
  headUnitId: number | null;
}
/** A cluster/block as the year's end names it (with or without a table). */
type GroupRef = ScoringGroup;

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

/** A group by id. */
export function getGroup(db: DbOrTx, groupId: number): GroupRef | undefined {
  return db.select(groupFields).from(groups).where(eq(groups.id, groupId)).get();
}

/** One group of the movement by id; undefined when none (or another movement's). */
export function groupOfMovement(db: DbOrTx, movementId: number, groupId: number): GroupRef | undefined {
  return db.select(groupFields).from(groups).where(and(eq(groups.movementId, movementId), eq(groups.id, groupId))).get();
}

/** The cluster/block a unit heads in the movement (the first by code when several). */
export function groupHeadedBy(db: DbOrTx, movementId: number, unitId: number): GroupRef | undefined {
  return db.select(groupFields).from(groups).where(and(eq(groups.movementId, movementId), eq(groups.headUnitId, unitId))).orderBy(asc(groups.code)).get();
}

/** The cluster/block a unit is a member of in the movement (one at most). */
export function groupOfMember(db: DbOrTx, movementId: number, unitId: number): GroupRef | undefined {
  return db
    .select(groupFields)
    .from(groupMembers)
    .innerJoin(groups, eq(groups.id, groupMembers.groupId))
    .where(and(eq(groupMembers.movementId, movementId), eq(groupMembers.unitId, unitId)))
    .get();
}

export interface UnitScoring {
  groupId: number;
  groupCode: string;
  groupName: string;
  table: ScoringTable;
}

/** Where a unit scores itself: its group with a scoring table, and the table; undefined when none. */
export function unitScoring(db: DbOrTx, movementId: number, unitId: number): UnitScoring | undefined {
  const group = scoringGroupOfUnit(db, movementId, unitId);
  const table = group && scoringTableOfGroup(db, group.id);
  return group && table ? { groupId: group.id, groupCode: group.code, groupName: group.name, table } : undefined;
}

/** The scoring groups whose year-end documents a person may have: all for the Board and leaders, the headed ones for a cluster head, none else. */
export function documentGroupsOf(db: DbOrTx, person: { role: Role; unitId: number | null }, movementId: number): ScoringGroup[] {
  if (person.role === 'admin' || person.role === 'viewer') return scoringGroups(db, movementId);
  if (person.role === 'cluster_head' && person.unitId !== null) return scoringGroupsHeadedBy(db, movementId, person.unitId);
  return [];
}
