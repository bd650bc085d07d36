/**
 * The year's results a scoring table's mapped criteria are filled from: each unit's targets counted
 * by where they stand at the movement's end, with every report sent so far (the self-assessment
 * comes before the year is over: a target's latest figure is judged against its plan as the year
 * report would judge it). The judging is the one every status and document uses (assessment.ts).
 */
import { and, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../db/connection.ts';
import { registrations } from '../../db/schema.ts';
import { countAssessment, eachTargetStanding, emptyProgressCounts, progressCountsByUnit, type ProgressCounts } from '../assessment.ts';
import type { Movement } from '../model.ts';

export function yearResultsByUnit(db: DbOrTx, movement: Pick<Movement, 'id' | 'endsOn'>): Map<number, ProgressCounts> {
  return progressCountsByUnit(db, movement.id, movement.endsOn);
}

/**
 * The same results for a few units only, judged from their own targets (what the Board's summary
 * needs: the units whose sheets leave a mapped criterion empty, the Cờ candidates' targets
 * exceeded), rather than judging all 100,000 targets of a big movement.
 */
export function yearResultsOfUnits(db: DbOrTx, movement: Pick<Movement, 'id' | 'endsOn'>, unitIds: Iterable<number>): Map<number, ProgressCounts> {
  const units = [...new Set(unitIds)];
  const registrationIds: number[] = [];
  for (let i = 0; i < units.length; i += 5000)
    for (const r of db
      .select({ id: registrations.id })
      .from(registrations)
      .where(and(eq(registrations.movementId, movement.id), inArray(registrations.unitId, units.slice(i, i + 5000))))
      .all())
      registrationIds.push(r.id);
  const out = new Map<number, ProgressCounts>();
  eachTargetStanding(
    db,
    movement.id,
    movement.endsOn,
    '9999-12-31',
    (target, assessment) => {
      const counts = out.get(target.unitId) ?? emptyProgressCounts();
      out.set(target.unitId, counts);
      countAssessment(counts, assessment);
    },
    undefined,
    registrationIds,
  );
  return out;
}
