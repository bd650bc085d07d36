/**
 * PROVISIONAL, until the chart figures of branch i23-chartdocs are merged ("Chart figures:"): the
 * chart job asks this for a chart's figures, by the signature agreed for that module,
 * `chartFigures(db, movement, what, today) → ChartRequest`. The merge replaces the body with a
 * re-export of theirs. Here only the registration charts are worked out (from movementStatus);
 * the period charts need the period standing and are refused (ChartFiguresMissing).
 */
import type { ChartRequest } from '../charts/index.ts';
import type { ChartAsked } from '../chat/engine.ts';
import { and, eq } from 'drizzle-orm';
import type { DbOrTx } from '../db/connection.ts';
import { groups } from '../db/schema.ts';
import type { Movement } from '../domain/model.ts';
import { movementStatus } from '../domain/status.ts';
import { localDate } from '../domain/vn-input.ts';

/** A chart whose figures are not gathered here yet. */
export class ChartFiguresMissing extends Error {}

export function chartFigures(db: DbOrTx, movement: Movement, what: ChartAsked, today: string): ChartRequest {
  const status = movementStatus(db, movement, today);
  const groupCode = what.groupId === undefined ? undefined : groupCodeOf(db, movement.id, what.groupId);
  const units = groupCode === undefined ? status.units : status.units.filter((u) => u.groupCode === groupCode);
  switch (what.chart) {
    case 'group-status': {
      const shown = status.byGroup.filter((g) => groupCode === undefined || g.code === groupCode);
      return {
        chart: 'group-status',
        figures: {
          movement: movement.name,
          asOf: today,
          groups: shown.map((g) => ({ label: g.name ?? g.code, none: g.none, draft: g.draft, submitted: g.submitted, returned: g.returned, approved: g.approved })),
        },
      };
    }
    case 'registration-timeline': {
      const byDay = new Map<string, number>();
      for (const u of units) {
        if (u.submittedAt === null) continue;
        const day = localDate(u.submittedAt, movement.timezone);
        byDay.set(day, (byDay.get(day) ?? 0) + 1);
      }
      return {
        chart: 'registration-timeline',
        figures: {
          movement: movement.name,
          units: units.length,
          deadline: movement.registrationDeadline,
          asOf: today,
          sentByDay: [...byDay].sort(([a], [b]) => a.localeCompare(b)).map(([day, n]) => ({ day, units: n })),
        },
      };
    }
    default:
      throw new ChartFiguresMissing(`the figures of the ${what.chart} chart come with i23-chartdocs`);
  }
}

/** The code of a cluster/block of the movement ('' matches none when the id is not one of its groups). */
const groupCodeOf = (db: DbOrTx, movementId: number, groupId: number) =>
  db.select({ code: groups.code }).from(groups).where(and(eq(groups.movementId, movementId), eq(groups.id, groupId))).get()?.code ?? '';
