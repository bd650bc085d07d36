/**
 * The year's results a scoring table's mapped criteria are filled from: each unit's targets counted
 * by where they stand at the movement's end, with every report sent so far (the self-assessment
 * comes before the year is over: a target's latest figure is judged against its plan as the year
 * report would judge it). The judging is the one every status and document uses (assessment.ts).
 */
import type { DbOrTx } from '../../db/connection.ts';
import { progressCountsByUnit, type ProgressCounts } from '../assessment.ts';
import type { Movement } from '../model.ts';

export function yearResultsByUnit(db: DbOrTx, movement: Pick<Movement, 'id' | 'endsOn'>): Map<number, ProgressCounts> {
  return progressCountsByUnit(db, movement.id, movement.endsOn);
}
