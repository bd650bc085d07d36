/**
 * Every scoring table of a movement at once, by the group that scores by it: what a document over
 * all clusters reads (the Board's summary of proposals) in two queries rather than two per group.
 * The same tables as store.ts' scoringTableOfGroup gives one at a time.
 */
import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/connection.ts';
import { rowsStatement } from '../../db/raw.ts';
import { scoringTableGroups, scoringTables } from '../../db/schema.ts';
import type { ScoringTable } from './scoring.ts';

type CriterionKind = ScoringTable['criteria'][number]['kind'];
type FromResults = NonNullable<ScoringTable['criteria'][number]['fromResults']>;

export function scoringTablesByGroup(db: DbOrTx, movementId: number): Map<number, ScoringTable> {
  const rows = db
    .select({ groupId: scoringTableGroups.groupId, table: scoringTables })
    .from(scoringTableGroups)
    .innerJoin(scoringTables, eq(scoringTables.id, scoringTableGroups.tableId))
    .where(eq(scoringTables.movementId, movementId))
    .all();
  const tableIds = [...new Set(rows.map((r) => r.table.id))];
  // Read as arrays (300 tables of 30 criteria are 9,000 rows), the table ids one JSON parameter.
  const criteria = new Map<number, ScoringTable['criteria']>();
  type Row = [number, string, string, string, CriterionKind, number, FromResults | null];
  const read = rowsStatement(
    db,
    'SELECT table_id, code, section, title, kind, max, from_results FROM scoring_criteria WHERE table_id IN (SELECT value FROM json_each(?)) ORDER BY table_id, position',
  );
  for (const [tableId, code, section, title, kind, max, fromResults] of read.all(JSON.stringify(tableIds)) as Row[]) {
    const list = criteria.get(tableId) ?? [];
    list.push({ code, section, title, kind, max, ...(fromResults ? { fromResults } : {}) });
    criteria.set(tableId, list);
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
