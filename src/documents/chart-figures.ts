/**
 * Each chart's figures, read from the database with the domain's own counts (so a picture never
 * says other than /tinhhinh, the CLI and the documents): registration toward the deadline from the
 * units' first sendings by local day; registration by cluster/block from movementStatus; a period's
 * reporting by cluster/block and its targets by content area from periodStanding. One cluster/block
 * (`groupId`) narrows every chart to its units. Used by the chart job, the documents and `thidua chart`.
 */
import type { ChartRequest } from '../charts/index.ts';
import type { DbOrTx } from '../db/connection.ts';
import { DomainError } from '../domain/errors.ts';
import type { Movement, Period } from '../domain/model.ts';
import { listPeriods } from '../domain/movements.ts';
import { periodLabel } from '../domain/period-labels.ts';
import { periodStanding } from '../domain/period-standing.ts';
import { firstSendingsByDay, movementStatus } from '../domain/status.ts';
import { listGroups } from '../domain/units.ts';
import { DEFAULT_LOCALE, translator, type Translate } from '../i18n/index.ts';

export type ChartWanted = {
  chart: ChartRequest['chart'];
  /** The period, for 'period-reporting' and 'target-outcomes'. */
  periodId?: number;
  /** Only this cluster/block's units. */
  groupId?: number;
};

/** The period a period chart is about: refused with the movement's periods listed when absent or unknown. */
function periodOf(db: DbOrTx, movement: Movement, periodId: number | undefined): Period {
  const periods = listPeriods(db, movement.id);
  const found = periods.find((p) => p.id === periodId);
  if (found) return found;
  const list = periods.map((p) => p.code).join(', ') || '—';
  if (periodId === undefined) throw new DomainError('err-doc-period-needed', { movement: movement.code, periods: list });
  throw new DomainError('err-export-period-unknown', { code: String(periodId), movement: movement.code, periods: list });
}

function groupOf(db: DbOrTx, movement: Movement, groupId: number | undefined): { id: number; code: string; name: string } | undefined {
  if (groupId === undefined) return undefined;
  const groups = listGroups(db, movement.id);
  const found = groups.find((g) => g.id === groupId);
  if (!found) throw new DomainError('err-export-group-unknown', { code: String(groupId), movement: movement.code, groups: groups.map((g) => g.code).join(', ') || '—' });
  return found;
}

/** The figures of the chart `what` as they stand on `today` (YYYY-MM-DD, the movement's zone). */
export function chartFigures(db: DbOrTx, movement: Movement, what: ChartWanted, today: string, t: Translate = translator(DEFAULT_LOCALE)): ChartRequest {
  const group = groupOf(db, movement, what.groupId);
  switch (what.chart) {
    case 'registration-timeline': {
      const status = movementStatus(db, movement, today);
      const units = group ? (status.byGroup.find((g) => g.code === group.code)?.units ?? 0) : status.totals.units;
      return {
        chart: 'registration-timeline',
        figures: {
          movement: group ? `${movement.name} · ${group.name}` : movement.name,
          units,
          deadline: movement.registrationDeadline,
          asOf: today,
          opensOn: movement.startsOn,
          sentByDay: firstSendingsByDay(db, movement, { groupId: group?.id }),
        },
      };
    }
    case 'group-status': {
      const status = movementStatus(db, movement, today);
      const groups = status.byGroup.filter((g) => g.units > 0 && (!group || g.code === group.code));
      return {
        chart: 'group-status',
        figures: {
          movement: movement.name,
          asOf: today,
          groups: groups.map((g) => ({ label: g.code === null ? null : (g.name ?? g.code), approved: g.approved, submitted: g.submitted, returned: g.returned, draft: g.draft, none: g.none })),
        },
      };
    }
    case 'period-reporting': {
      const period = periodOf(db, movement, what.periodId);
      const standing = periodStanding(db, movement, period, today, { groupId: group?.id });
      return {
        chart: 'period-reporting',
        figures: {
          period: periodLabel(t, period),
          dueOn: period.dueOn,
          asOf: today,
          groups: standing.byGroup
            .filter((g) => g.units > 0)
            .map((g) => ({ label: g.id === null ? null : (g.name ?? g.code), on_time: g.onTime, late: g.late, overdue: g.overdue, not_due: g.notDue })),
        },
      };
    }
    case 'target-outcomes': {
      const period = periodOf(db, movement, what.periodId);
      const standing = periodStanding(db, movement, period, today, { groupId: group?.id });
      return {
        chart: 'target-outcomes',
        figures: {
          period: group ? `${periodLabel(t, period)} · ${group.name}` : periodLabel(t, period),
          asOf: standing.asOf,
          units: standing.totals.units,
          areas: standing.byArea.map((a) => ({ label: a.area, exceeded: a.exceeded, met: a.met, inProgress: a.inProgress, notMet: a.notMet, notReported: a.notReported })),
        },
      };
    }
  }
}
