/**
 * Each member's total of many groups, summed by SQLite rather than read line by line: the Board's
 * summary ranks 5,000 units whose 150,000 score lines it does not print. The rule is the sheets'
 * (sheets.ts, scoring.ts): a line counts the head's adjustment, else the unit's points, else what
 * the year's results fill in; deductions taken off; to the hundredth. Tested equal to groupSheets.
 */
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/connection.ts';
import type { ProgressCounts } from '../assessment.ts';
import { groupMemberIds } from './sheets.ts';
import { pointsFromResults, type ScoringTable } from './scoring.ts';

/** Every member's total, group by group (in member order), for the groups of `tables`. */
export function groupTotals(db: DbOrTx, tables: ReadonlyMap<number, ScoringTable>, results: ReadonlyMap<number, ProgressCounts>): Map<number, { unitId: number; total: number }[]> {
  const groupIds = [...tables.keys()];
  const kept = new Map<string, { hundredths: number; covered: Set<string> }>();
  const members = new Map<number, number[]>();
  for (let i = 0; i < groupIds.length; i += 5000) {
    const ids = sql.join(groupIds.slice(i, i + 5000).map((id) => sql`${id}`), sql`, `);
    for (const m of db.all<{ groupId: number; unitId: number }>(sql`SELECT group_id AS groupId, unit_id AS unitId FROM group_members WHERE group_id IN (${ids}) ORDER BY unit_id`))
      members.set(m.groupId, [...(members.get(m.groupId) ?? []), m.unitId]);
    for (const r of db.all<{ groupId: number; unitId: number; hundredths: number; covered: string | null }>(sql`
      SELECT s.group_id AS groupId, s.unit_id AS unitId,
        sum(CASE WHEN l.adjusted_to IS NOT NULL AND l.adjust_reason IS NOT NULL THEN round(l.adjusted_to * 100)
                 WHEN l.self IS NOT NULL THEN round(l.self * 100) ELSE 0 END * (CASE c.kind WHEN 'deduction' THEN -1 ELSE 1 END)) AS hundredths,
        group_concat(CASE WHEN (l.adjusted_to IS NOT NULL AND l.adjust_reason IS NOT NULL) OR l.self IS NOT NULL THEN l.criterion_code END, char(31)) AS covered
      FROM score_sheets s
      JOIN score_lines l ON l.sheet_id = s.id
      JOIN scoring_table_groups tg ON tg.group_id = s.group_id
      JOIN scoring_criteria c ON c.table_id = tg.table_id AND c.code = l.criterion_code
      WHERE s.group_id IN (${ids})
      GROUP BY s.id`))
      kept.set(`${r.groupId}:${r.unitId}`, { hundredths: r.hundredths, covered: new Set(r.covered ? r.covered.split('\u001f') : []) });
  }
  return new Map(
    groupIds.map((groupId) => {
      const table = tables.get(groupId)!;
      return [
        groupId,
        (members.get(groupId) ?? groupMemberIds(db, groupId)).map((unitId) => {
          const own = kept.get(`${groupId}:${unitId}`);
          let hundredths = own?.hundredths ?? 0;
          // Lines the unit left empty (or never kept) that the year's results fill in.
          for (const [code, points] of pointsFromResults(table, results.get(unitId))) if (!own?.covered.has(code)) hundredths += Math.round(points * 100);
          return { unitId, total: hundredths / 100 };
        }),
      ];
    }),
  );
}
