/**
 * Every scoring table of a movement at once, by the group that scores by it: what a document over
 * all clusters reads (the Board's summary of proposals) in two queries rather than two per group.
 * The same tables as store.ts' scoringTableOfGroup gives one at a time.
 */
import { asc, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../db/connection.ts';
import { scoringCriteria, scoringTableGroups, scoringTables } from '../../db/schema.ts';
import type { ScoringTable } from './scoring.ts';

export function scoringTablesByGroup(db: DbOrTx, movementId: number): Map<number, ScoringTable> {
  const rows = db
    .select({ groupId: scoringTableGroups.groupId, table: scoringTables })
    .from(scoringTableGroups)
    .innerJoin(scoringTables, eq(scoringTables.id, scoringTableGroups.tableId))
    .where(eq(scoringTables.movementId, movementId))
    .all();
  const tableIds = [...new Set(rows.map((r) => r.table.id))];
  const criteria = new Map<number, ScoringTable['criteria']>();
  if (tableIds.length > 0)
    for (const c of db.select().from(scoringCriteria).where(inArray(scoringCriteria.tableId, tableIds)).orderBy(asc(scoringCriteria.tableId), asc(scoringCriteria.position)).all()) {
      const list = criteria.get(c.tableId) ?? [];
      list.push({ code: c.code, section: c.section, title: c.title, kind: c.kind, max: c.max, ...(c.fromResults ? { fromResults: c.fromResults } : {}) });
      criteria.set(c.tableId, list);
    }
  // One object per table, shared by its groups (scoring keeps per-table lookups by identity).
  const tables = new Map<number, ScoringTable>();
  for (const { table } of rows)
    if (!tables.has(table.id))
      tables.set(table.id, {
        code: table.code,
        quotas: { flag: table.flagQuota, certificate: table.certificateQuota },
        vote: { quorum: table.quorum, threshold: table.threshold },
        criteria: criteria.get(table.id) ?? [],
      });
  return new Map(rows.map((r) => [r.groupId, tables.get(r.table.id)!]));
}
