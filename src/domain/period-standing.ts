/**
 * Where a reporting period stands, as movementStatus() tells registration: which units sent the
 * period's report on time, late (and on which day), which are overdue and which are not due yet; by
 * cluster/block and by kind of unit; and how the targets stand for the period by content area.
 *
 * The units in a period are those with a sent registration that has targets (reportsOnPeriods(),
 * the rule the reminders chase reports by). Bulk queries only: 5,000 units × 20 targets take tens of
 * milliseconds (test/bench/period-standing.ts).
 */
import type { DbOrTx } from '../db/connection.ts';
import { clientOf } from '../db/prepared.ts';
import { countAssessment, eachTargetStanding, emptyProgressCounts, type ProgressCounts } from './assessment.ts';
import { localDate } from './vn-input.ts';
import type { Movement, Period } from './model.ts';

/** Same words as the charts' ReportState. */
export type PeriodReportState = 'on_time' | 'late' | 'overdue' | 'not_due';

export interface PeriodCounts {
  units: number;
  onTime: number;
  late: number;
  overdue: number;
  notDue: number;
}

export interface UnitPeriodStanding {
  unitId: number;
  code: string;
  name: string;
  kind: string;
  groupId: number | null;
  groupCode: string | null;
  state: PeriodReportState;
  /** The unit's own due day for the period's report, ISO. */
  dueOn: string;
  /** The local day (ISO) of its first report for the period; a correction does not move it. */
  sentOn: string | null;
  /** Its targets' outcomes for the period. */
  outcomes: ProgressCounts;
}

export interface PeriodStanding {
  period: Period;
  today: string;
  /** The day the targets are judged on: the period's end, or today while it runs. */
  asOf: string;
  totals: PeriodCounts;
  byGroup: ({ id: number | null; code: string | null; name: string | null } & PeriodCounts)[];
  byKind: ({ kind: string } & PeriodCounts)[];
  /** Every content area of the movement, in its order, with the targets' outcomes for the period. */
  byArea: ({ area: string; areaId: number; number: number } & ProgressCounts)[];
  units: UnitPeriodStanding[];
}

/** Which units a period view covers: one cluster/block, one unit, or a set (a cluster head's scope). */
export interface PeriodScope {
  groupId?: number;
  unitId?: number;
  unitIds?: ReadonlySet<number>;
}

export const emptyPeriodCounts = (): PeriodCounts => ({ units: 0, onTime: 0, late: 0, overdue: 0, notDue: 0 });

const COUNTED: Record<PeriodReportState, keyof PeriodCounts> = { on_time: 'onTime', late: 'late', overdue: 'overdue', not_due: 'notDue' };

export function addToPeriodCounts(counts: PeriodCounts, state: PeriodReportState): void {
  counts.units++;
  counts[COUNTED[state]]++;
}

/**
 * Whether a unit reports on the movement's periods at all: its registration was sent (version > 0)
 * and has targets. The one rule for the standing, the reminders and the urging.
 */
export function reportsOnPeriods(registration: { version: number; targets: number } | undefined | null): boolean {
  return !!registration && registration.version > 0 && registration.targets > 0;
}

/**
 * A unit's state for a period on `today`: sent by its due day (on time) or after (late), else
 * overdue once the due day has passed, else not yet due.
 */
export function periodReportState(sentOn: string | null, dueOn: string, today: string): PeriodReportState {
  if (sentOn !== null) return sentOn <= dueOn ? 'on_time' : 'late';
  return today > dueOn ? 'overdue' : 'not_due';
}

interface UnitRow {
  unitId: number;
  code: string;
  name: string;
  kind: string;
  groupId: number | null;
  registrationId: number | null;
  version: number | null;
  targets: number;
}

/**
 * The period's standing on `today` (YYYY-MM-DD, the movement's local day) for the units in `scope`
 * (every unit in the period by default).
 */
export function periodStanding(db: DbOrTx, movement: Movement, period: Period, today: string, scope: PeriodScope = {}): PeriodStanding {
  const sqlite = clientOf(db);
  const groups = sqlite.prepare('SELECT id, code, name FROM groups WHERE movement_id = ? ORDER BY code').all(movement.id) as { id: number; code: string; name: string }[];
  const groupById = new Map(groups.map((g) => [g.id, g]));
  // The units taking part (as participatingUnits() reads them) with their group and registration.
  const rows = sqlite
    .prepare(
      `SELECT u.id AS unitId, u.code AS code, u.name AS name, u.kind AS kind, gm.group_id AS groupId,
              r.id AS registrationId, r.version AS version, coalesce(tc.n, 0) AS targets
         FROM units u
         LEFT JOIN group_members gm ON gm.movement_id = @movement AND gm.unit_id = u.id
         LEFT JOIN registrations r ON r.movement_id = @movement AND r.unit_id = u.id
         LEFT JOIN (SELECT t.registration_id AS rid, count(*) AS n FROM targets t JOIN registrations rr ON rr.id = t.registration_id
                     WHERE rr.movement_id = @movement AND t.deleted_at IS NULL GROUP BY t.registration_id) tc ON tc.rid = r.id
        WHERE (u.valid_from IS NULL OR u.valid_from <= @endsOn) AND (u.valid_to IS NULL OR u.valid_to >= @startsOn)
        ORDER BY u.code`,
    )
    .all({ movement: movement.id, endsOn: movement.endsOn, startsOn: movement.startsOn }) as UnitRow[];
  const firstReports = new Map(
    (
      sqlite
        .prepare('SELECT registration_id AS r, min(reported_at) AS at FROM progress_reports WHERE period_id = ? GROUP BY registration_id')
        .all(period.id) as { r: number; at: number }[]
    ).map((x) => [x.r, x.at]),
  );

  const inScope = (u: UnitRow) =>
    (scope.groupId === undefined || u.groupId === scope.groupId) &&
    (scope.unitId === undefined || u.unitId === scope.unitId) &&
    (scope.unitIds === undefined || scope.unitIds.has(u.unitId));

  const units: UnitPeriodStanding[] = [];
  for (const u of rows) {
    if (!reportsOnPeriods(u.version === null ? null : { version: u.version, targets: u.targets }) || !inScope(u)) continue;
    const at = firstReports.get(u.registrationId!);
    const sentOn = at === undefined ? null : localDate(at, movement.timezone);
    const dueOn = period.dueOn;
    units.push({
      unitId: u.unitId,
      code: u.code,
      name: u.name,
      kind: u.kind,
      groupId: u.groupId,
      groupCode: u.groupId === null ? null : (groupById.get(u.groupId)?.code ?? null),
      state: periodReportState(sentOn, dueOn, today),
      dueOn,
      sentOn,
      outcomes: emptyProgressCounts(),
    });
  }

  // The targets judged for the period (domain/assessment.ts), as the period report judges them.
  const asOf = period.endsOn < today ? period.endsOn : today;
  const byUnit = new Map(units.map((u) => [u.unitId, u]));
  const areas = sqlite.prepare('SELECT id, number, title FROM content_areas WHERE movement_id = ? ORDER BY number').all(movement.id) as { id: number; number: number; title: string }[];
  const byArea = new Map(areas.map((a) => [a.id, { area: a.title, areaId: a.id, number: a.number, ...emptyProgressCounts() }]));
  eachTargetStanding(db, movement.id, asOf, period.endsOn, (target, assessment) => {
    const unit = byUnit.get(target.unitId);
    if (!unit) return;
    countAssessment(unit.outcomes, assessment);
    const area = byArea.get(target.contentAreaId);
    if (area) countAssessment(area, assessment);
  }, period);

  const totals = emptyPeriodCounts();
  const byGroup = new Map<number | null, { id: number | null; code: string | null; name: string | null } & PeriodCounts>();
  const whole = scope.groupId === undefined && scope.unitId === undefined && scope.unitIds === undefined;
  if (whole) for (const g of groups) byGroup.set(g.id, { id: g.id, code: g.code, name: g.name, ...emptyPeriodCounts() });
  const byKind = new Map<string, { kind: string } & PeriodCounts>();
  for (const u of units) {
    addToPeriodCounts(totals, u.state);
    if (!byGroup.has(u.groupId)) {
      const g = u.groupId === null ? undefined : groupById.get(u.groupId);
      byGroup.set(u.groupId, { id: u.groupId, code: g?.code ?? null, name: g?.name ?? null, ...emptyPeriodCounts() });
    }
    addToPeriodCounts(byGroup.get(u.groupId)!, u.state);
    if (!byKind.has(u.kind)) byKind.set(u.kind, { kind: u.kind, ...emptyPeriodCounts() });
    addToPeriodCounts(byKind.get(u.kind)!, u.state);
  }
  // Clusters/blocks in code order, the units in none last (as movementStatus lists them).
  const groupOrder = (id: number | null) => (id === null ? Number.MAX_SAFE_INTEGER : groups.findIndex((g) => g.id === id));
  return {
    period,
    today,
    asOf,
    totals,
    byGroup: [...byGroup.values()].sort((a, b) => groupOrder(a.id) - groupOrder(b.id)),
    byKind: [...byKind.values()],
    byArea: [...byArea.values()],
    units,
  };
}
