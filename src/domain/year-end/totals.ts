/**
 * Each member's total of many groups, summed by SQLite rather than read line by line: the Board's
 * summary ranks 5,000 units whose 150,000 score lines it does not print. The rule is the sheets'
 * (sheets.ts, scoring.ts): a line counts the head's adjustment, else the unit's points, else what
 * the year's results fill in; deductions taken off; to the hundredth. Tested equal to groupSheets.
 * The results are asked for only the members whose lines leave a mapped criterion empty (a sent
 * sheet keeps what the results filled in: none of its members need judging).
 */
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/connection.ts';
import type { ProgressCounts } from '../assessment.ts';
import { groupMemberIds } from './sheets.ts';
import { pointsFromResults, type ScoringTable } from './scoring.ts';

type Results = ReadonlyMap<number, ProgressCounts>;

/**
 * Every member's total, group by group (in member order), for the groups of `tables`. `results`:
 * the year's results by unit, or how to judge them for the units that need them.
 */
export function groupTotals(db: DbOrTx, tables: ReadonlyMap<number, ScoringTable>, results: Results | ((unitIds: number[]) => Results)): Map<number, { unitId: number; total: number }[]> {
  const groupIds = [...tables.keys()];
  const kept = new Map<string, { hundredths: number; covered: Set<string> }>();
  const members = new Map<number, number[]>();
  for (let i = 0; i < groupIds.length; i += 5000) {
    const ids = sql.join(groupIds.slice(i, i + 5000).map((id) => sql`${id}`), sql`, `);
    for (const m of db.all<{ groupId: number; unitId: number }>(sql`SELECT group_id AS groupId, unit_id AS unitId FROM group_members WHERE group_id IN (${ids}) ORDER BY unit_id`))
      members.get(m.groupId)?.push(m.unitId) ?? members.set(m.groupId, [m.unitId]);
    // Joined in this order (CROSS JOIN: SQLite keeps it), sheet by sheet along the (group, unit)
    // index, so the sums come out grouped with no temporary b-tree: twice as fast on 150,000 lines.
    for (const r of db.all<{ groupId: number; unitId: number; hundredths: number; covered: string | null }>(sql`
      SELECT s.group_id AS groupId, s.unit_id AS unitId,
        sum(CASE WHEN l.adjusted_to IS NOT NULL AND l.adjust_reason IS NOT NULL THEN round(l.adjusted_to * 100)
                 WHEN l.self IS NOT NULL THEN round(l.self * 100) ELSE 0 END * (CASE c.kind WHEN 'deduction' THEN -1 ELSE 1 END)) AS hundredths,
        group_concat(CASE WHEN c.from_results IS NOT NULL AND ((l.adjusted_to IS NOT NULL AND l.adjust_reason IS NOT NULL) OR l.self IS NOT NULL) THEN l.criterion_code END, char(31)) AS covered
      FROM score_sheets s CROSS JOIN scoring_table_groups tg CROSS JOIN score_lines l CROSS JOIN scoring_criteria c
      WHERE s.group_id IN (${ids}) AND tg.group_id = s.group_id AND l.sheet_id = s.id AND c.table_id = tg.table_id AND c.code = l.criterion_code
      GROUP BY s.group_id, s.unit_id`))
      kept.set(`${r.groupId}:${r.unitId}`, { hundredths: r.hundredths, covered: new Set(r.covered ? r.covered.split('\u001f') : []) });
  }
  // The mapped criteria a member's lines leave empty, filled from the year's results.
  const uncovered = (table: ScoringTable, groupId: number, unitId: number) => {
    const own = kept.get(`${groupId}:${unitId}`);
    return table.criteria.some((c) => c.fromResults && !own?.covered.has(c.code));
  };
  let judged: Results;
  if (typeof results === 'function') {
    const needing: number[] = [];
    for (const groupId of groupIds) for (const unitId of members.get(groupId) ?? []) if (uncovered(tables.get(groupId)!, groupId, unitId)) needing.push(unitId);
    judged = needing.length > 0 ? results(needing) : new Map();
  } else judged = results;
  return new Map(
    groupIds.map((groupId) => {
      const table = tables.get(groupId)!;
      return [
        groupId,
        (members.get(groupId) ?? groupMemberIds(db, groupId)).map((unitId) => {
          const own = kept.get(`${groupId}:${unitId}`);
          let hundredths = own?.hundredths ?? 0;
          // Lines the unit left empty (or never kept) that the year's results fill in.
          for (const [code, points] of pointsFromResults(table, judged.get(unitId))) if (!own?.covered.has(code)) hundredths += Math.round(points * 100);
          return { unitId, total: hundredths / 100 };
        }),
      ];
    }),
  );
}
