/**
 * What each chart is drawn from: plain counts, already worked out by the domain (see the report that
 * prepared this room for which function gives which). The renderer neither reads the database nor
 * judges anything: a picture shows exactly the figures it is given.
 */
import type { ProgressCounts } from '../domain/assessment.ts';
import type { StatusCounts, UnitStanding } from '../domain/status.ts';
import type { PeriodReportState } from '../domain/model.ts';
import type { IsoDate } from '../domain/vn-input.ts';
import { PERIOD_REPORT_STATES } from '../util/vocabulary.ts';

/** Units sending their registration for the first time, day by day, toward the deadline. */
export interface RegistrationTimelineFigures {
  movement: string;
  /** Units taking part: the cumulative line is read against it. */
  units: number;
  deadline: IsoDate;
  /** The day the figures stand on (said in the subtitle); the days drawn run to the deadline or the last sending, whichever is later. */
  asOf: IsoDate;
  /** The first day drawn (registration opening); the first day anything was sent when absent. */
  opensOn?: IsoDate;
  /** Units whose first sending fell on each day (local days); days not listed sent nothing. */
  sentByDay: readonly { day: IsoDate; units: number }[];
}

/** A cluster or block (null: units in none), by registration status. */
export type GroupStatus = { label: string | null } & Pick<StatusCounts, UnitStanding>;

export interface GroupStatusFigures {
  movement: string;
  asOf: IsoDate;
  groups: readonly GroupStatus[];
}

export type GroupReporting = { label: string | null } & Record<PeriodReportState, number>;

export interface PeriodReportingFigures {
  /** The period as named in a sentence ("6 tháng đầu năm 2026": domain/period-labels.ts periodLabel). */
  period: string;
  dueOn: IsoDate;
  asOf: IsoDate;
  groups: readonly GroupReporting[];
}

/** The outcomes, in the order drawn (best first; chưa báo cáo last). */
export const OUTCOMES = ['exceeded', 'met', 'in_progress', 'not_met', 'not_reported'] as const;
export type Outcome = (typeof OUTCOMES)[number];

/** The key of each outcome in the domain's ProgressCounts. */
export const OUTCOME_COUNT: Record<Outcome, keyof ProgressCounts> = {
  exceeded: 'exceeded',
  met: 'met',
  in_progress: 'inProgress',
  not_met: 'notMet',
  not_reported: 'notReported',
};

export type AreaOutcomes = { label: string } & ProgressCounts;

export interface TargetOutcomeFigures {
  /** The period judged for (as named in a sentence), or null for the standing today. */
  period: string | null;
  asOf: IsoDate;
  /** Units whose targets are counted. */
  units: number;
  areas: readonly AreaOutcomes[];
}

/** Registration statuses in the order drawn (furthest along first). */
export const STANDINGS = ['approved', 'submitted', 'returned', 'draft', 'none'] as const satisfies readonly UnitStanding[];
export type UnitStandingShown = (typeof STANDINGS)[number];

export type ChartRequest =
  | { chart: 'registration-timeline'; figures: RegistrationTimelineFigures }
  | { chart: 'group-status'; figures: GroupStatusFigures }
  | { chart: 'period-reporting'; figures: PeriodReportingFigures }
  | { chart: 'target-outcomes'; figures: TargetOutcomeFigures };

export type ChartKind = ChartRequest['chart'];

/** A picture of fewer units than this says nothing a sentence would not (and may single one out). */
export const MIN_UNITS = 2;

const sum = (values: Iterable<number>) => {
  let total = 0;
  for (const v of values) total += v;
  return total;
};

/** How many units a chart's figures are about. */
export function unitsCharted(request: ChartRequest): number {
  switch (request.chart) {
    case 'registration-timeline':
    case 'target-outcomes':
      return request.figures.units;
    case 'group-status':
      return sum(request.figures.groups.flatMap((g) => STANDINGS.map((s) => g[s])));
    case 'period-reporting':
      return sum(request.figures.groups.flatMap((g) => PERIOD_REPORT_STATES.map((s) => g[s])));
  }
}
