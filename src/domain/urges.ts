/**
 * The urge log (/dondoc): which units were urged about what on which local day. One urge a unit a
 * day per obligation (`registration`, or `period:<id>` for a period's report): claiming it is an
 * insert that the unique index refuses the second time, in the transaction that queues the
 * messages, so a second press, a redelivered update or a restart cannot urge anyone twice.
 */
import type { DbOrTx } from '../db/connection.ts';
import { statement } from '../db/raw.ts';

/** What a unit is urged about: its registration, or its report for one period. */
export type UrgeObligation = 'registration' | `period:${number}`;

export const periodObligation = (periodId: number): UrgeObligation => `period:${periodId}`;

interface UrgeClaim {
  movementId: number;
  obligation: UrgeObligation;
  /** The local day, YYYY-MM-DD. */
  day: string;
  unitIds: readonly number[];
  byPersonId: number | null;
  at: number;
}

interface UrgeClaimed {
  /** Units urged now: queue their messages. */
  fresh: number[];
  /** Units urged already that day about it, with when (epoch ms). */
  already: { unitId: number; at: number }[];
}

const CLAIM = 'INSERT INTO urges (movement_id, unit_id, obligation, day, by_person_id, at) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING';
const URGED_ON = 'SELECT unit_id AS unitId, at FROM urges WHERE movement_id = ? AND obligation = ? AND day = ? ORDER BY unit_id';

/** Claims today's urge of each unit about the obligation; units urged already today are returned apart, untouched. */
export function claimUrges(db: DbOrTx, claim: UrgeClaim): UrgeClaimed {
  const fresh: number[] = [];
  const insert = statement(db, CLAIM);
  for (const unitId of new Set(claim.unitIds)) {
    if (insert.run(claim.movementId, unitId, claim.obligation, claim.day, claim.byPersonId, claim.at).changes > 0) fresh.push(unitId);
  }
  const asked = new Set(claim.unitIds);
  const freshSet = new Set(fresh);
  // Every urge of the day about it (a few thousand at most), kept for the units asked about.
  const already = (statement(db, URGED_ON).all(claim.movementId, claim.obligation, claim.day) as { unitId: number; at: number }[]).filter(
    (u) => asked.has(u.unitId) && !freshSet.has(u.unitId),
  );
  return { fresh, already };
}
