/**
 * The year-end section of a movement file in the database: written with the movement, read back
 * as the scoring table a group scores by.
 */
import { and, asc, eq, notInArray } from 'drizzle-orm';
import type { DbOrTx } from '../../db/connection.ts';
import { groups, scoringCriteria, scoringTableGroups, scoringTables, yearEnds } from '../../db/schema.ts';
import type { YearEndDefinition } from './definition.ts';
import type { ScoringTable } from './scoring.ts';

/**
 * Writes (or updates) the movement's year-end: dates, tables, their groups and criteria. Importing
 * the same section again changes no row; a table or criterion the file no longer names is removed.
 * Without a section, nothing is touched (a file may come without it).
 */
export function importYearEnd(tx: DbOrTx, movementId: number, def: YearEndDefinition | undefined): number {
  if (!def) return 0;
  const dates = {
    selfAssessmentBy: def.dates.selfAssessment,
    clusterMeetingBy: def.dates.clusterMeeting,
    dossierDeadline: def.dates.dossierDeadline,
    councilOn: def.dates.council,
    confirmations: def.confirmations,
  };
  tx.insert(yearEnds).values({ movementId, ...dates }).onConflictDoUpdate({ target: yearEnds.movementId, set: dates }).run();
  const groupIds = new Map(
    tx.select({ id: groups.id, code: groups.code }).from(groups).where(eq(groups.movementId, movementId)).all().map((g) => [g.code, g.id]),
  );
  const tableIds: number[] = [];
  for (const table of def.tables) {
    const fields = {
      flagQuota: table.quotas.flag,
      certificateQuota: table.quotas.certificate,
      quorum: table.vote.quorum,
      threshold: table.vote.threshold,
    };
    const tableId = tx
      .insert(scoringTables)
      .values({ movementId, code: table.code, ...fields })
      .onConflictDoUpdate({ target: [scoringTables.movementId, scoringTables.code], set: fields })
      .returning({ id: scoringTables.id })
      .get().id;
    tableIds.push(tableId);
    for (const code of table.groups) {
      const groupId = groupIds.get(code)!; // the definition checked every group exists in the file
      tx.insert(scoringTableGroups).values({ groupId, tableId }).onConflictDoUpdate({ target: scoringTableGroups.groupId, set: { tableId } }).run();
    }
    table.criteria.forEach((c, position) => {
      const line = { section: c.section, title: c.title, kind: c.kind, max: c.max, fromResults: c.fromResults ?? null, position };
      tx.insert(scoringCriteria)
        .values({ tableId, code: c.code, ...line })
        .onConflictDoUpdate({ target: [scoringCriteria.tableId, scoringCriteria.code], set: line })
        .run();
    });
    tx.delete(scoringCriteria)
      .where(and(eq(scoringCriteria.tableId, tableId), notInArray(scoringCriteria.code, table.criteria.map((c) => c.code))))
      .run();
  }
  tx.delete(scoringTables).where(and(eq(scoringTables.movementId, movementId), notInArray(scoringTables.id, tableIds))).run();
  return def.tables.length;
}

/** The table a group scores by, with its criteria in the file's order; undefined when it has none. */
export function scoringTableOfGroup(db: DbOrTx, groupId: number): ScoringTable | undefined {
  const table = db
    .select({ id: scoringTables.id, code: scoringTables.code, flagQuota: scoringTables.flagQuota, certificateQuota: scoringTables.certificateQuota, quorum: scoringTables.quorum, threshold: scoringTables.threshold })
    .from(scoringTableGroups)
    .innerJoin(scoringTables, eq(scoringTables.id, scoringTableGroups.tableId))
    .where(eq(scoringTableGroups.groupId, groupId))
    .get();
  if (!table) return undefined;
  const criteria = db.select().from(scoringCriteria).where(eq(scoringCriteria.tableId, table.id)).orderBy(asc(scoringCriteria.position)).all();
  return {
    code: table.code,
    quotas: { flag: table.flagQuota, certificate: table.certificateQuota },
    vote: { quorum: table.quorum, threshold: table.threshold },
    criteria: criteria.map((c) => ({
      code: c.code,
      section: c.section,
      title: c.title,
      kind: c.kind,
      max: c.max,
      ...(c.fromResults ? { fromResults: c.fromResults } : {}),
    })),
  };
}

/** The movement's year-end dates; undefined when its file has no year-end. */
export function yearEndDates(db: DbOrTx, movementId: number): typeof yearEnds.$inferSelect | undefined {
  return db.select().from(yearEnds).where(eq(yearEnds.movementId, movementId)).get();
}
