/**
 * The urge log (/dondoc): which units were urged about what on which local day. One urge a unit a
 * day per obligation (`registration`, or `period:<id>` for a period's report): claiming it is an
 * insert that the unique index refuses the second time, in the transaction that queues the
 * messages, so a second press, a redelivered update or a restart cannot urge anyone twice.
 */
import { and, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../db/connection.ts';
import { urges } from '../db/schema.ts';

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

/** Claims today's urge of each unit about the obligation; units urged already today are returned apart, untouched. */
export function claimUrges(db: DbOrTx, claim: UrgeClaim): UrgeClaimed {
  const fresh: number[] = [];
  for (const unitId of new Set(claim.unitIds)) {
    const row = db
      .insert(urges)
      .values({ movementId: claim.movementId, unitId, obligation: claim.obligation, day: claim.day, byPersonId: claim.byPersonId, at: claim.at })
      .onConflictDoNothing()
      .returning({ unitId: urges.unitId })
      .get();
    if (row) fresh.push(row.unitId);
  }
  const freshSet = new Set(fresh);
  const already = urgedOn(db, claim.movementId, claim.obligation, claim.day, claim.unitIds).filter((u) => !freshSet.has(u.unitId));
  return { fresh, already };
}

/** The units of these urged about the obligation on `day`, and when. */
function urgedOn(db: DbOrTx, movementId: number, obligation: UrgeObligation, day: string, unitIds: readonly number[]): { unitId: number; at: number }[] {
  if (unitIds.length === 0) return [];
  return db
    .select({ unitId: urges.unitId, at: urges.at })
    .from(urges)
    .where(and(eq(urges.movementId, movementId), eq(urges.obligation, obligation), eq(urges.day, day), inArray(urges.unitId, [...unitIds])))
    .orderBy(urges.unitId)
    .all();
}
