/**
 * Where a unit scores itself in a movement: the cluster/block it belongs to that has a scoring
 * table (the unit's own sheet is kept under that group).
 */
import { and, asc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/connection.ts';
import { groupMembers, groups } from '../../db/schema.ts';
import type { ScoringTable } from './scoring.ts';
import { scoringTableOfGroup } from './store.ts';

export interface UnitScoring {
  groupId: number;
  groupCode: string;
  groupName: string;
  table: ScoringTable;
}

/** The unit's scoring group in the movement, or undefined when none of its groups has a table. */
export function unitScoring(db: DbOrTx, movementId: number, unitId: number): UnitScoring | undefined {
  const memberOf = db
    .select({ id: groups.id, code: groups.code, name: groups.name })
    .from(groupMembers)
    .innerJoin(groups, eq(groups.id, groupMembers.groupId))
    .where(and(eq(groupMembers.movementId, movementId), eq(groupMembers.unitId, unitId)))
    .orderBy(asc(groups.id))
    .all();
  for (const group of memberOf) {
    const table = scoringTableOfGroup(db, group.id);
    if (table) return { groupId: group.id, groupCode: group.code, groupName: group.name, table };
  }
  return undefined;
}
