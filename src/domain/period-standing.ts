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
import { eachTargetStanding, emptyProgressCounts, outcomeOf, progressSignature, type ProgressCounts } from './assessment.ts';
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
              r.id AS registrationId, r.version AS version
         FROM units u
         LEFT JOIN group_members gm ON gm.movement_id = @movement AND gm.unit_id = u.id
         LEFT JOIN registrations r ON r.movement_id = @movement AND r.unit_id = u.id
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

  // The targets of the sent registrations judged for the period (domain/assessment.ts), as the period
  // report judges them; they also tell how many targets each unit has.
  const asOf = period.endsOn < today ? period.endsOn : today;
  const judged = judgedTargets(db, movement.id, period, asOf);
  const targetsOf = new Map<number, number>();
  for (const unitId of judged.unitIds) targetsOf.set(unitId, (targetsOf.get(unitId) ?? 0) + 1);

  const inScope = (u: UnitRow) =>
    (scope.groupId === undefined || u.groupId === scope.groupId) &&
    (scope.unitId === undefined || u.unitId === scope.unitId) &&
    (scope.unitIds === undefined || scope.unitIds.has(u.unitId));

  const units: UnitPeriodStanding[] = [];
  for (const u of rows) {
    if (!reportsOnPeriods(u.version === null ? null : { version: u.version, targets: targetsOf.get(u.unitId) ?? 0 }) || !inScope(u)) continue;
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

  const byUnit = new Map(units.map((u) => [u.unitId, u]));
  const areas = sqlite.prepare('SELECT id, number, title FROM content_areas WHERE movement_id = ? ORDER BY number').all(movement.id) as { id: number; number: number; title: string }[];
  const byArea = new Map(areas.map((a) => [a.id, { area: a.title, areaId: a.id, number: a.number, ...emptyProgressCounts() }]));
  for (let i = 0; i < judged.unitIds.length; i++) {
    const unit = byUnit.get(judged.unitIds[i]!);
    if (!unit) continue;
    const outcome = OUTCOMES[judged.outcomes[i]!]!;
    unit.outcomes[outcome]++;
    const area = byArea.get(judged.areaIds[i]!);
    if (area) area[outcome]++;
  }

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

const OUTCOMES: readonly (keyof ProgressCounts)[] = ['exceeded', 'met', 'inProgress', 'notMet', 'notReported'];

/** Every target of the movement's sent registrations with its unit, content area and outcome (an index in OUTCOMES). */
interface JudgedTargets {
  unitIds: Int32Array;
  areaIds: Int32Array;
  outcomes: Uint8Array;
}

/** Per connection: the latest judgements by movement, period and day, with the signature they were made at. */
const judgedCache = new WeakMap<object, Map<string, { signature: string; judged: JudgedTargets }>>();
const CACHED_PERIODS = 8;

/**
 * The targets judged for `period` on `asOf`. Judging 100,000 targets from their 400,000 lines takes
 * a good part of a second, while the chat asks again at every step of /tinhhinh: the judgements are
 * kept, compactly, until a report, a target or a registration changes (progressSignature).
 */
function judgedTargets(db: DbOrTx, movementId: number, period: Period, asOf: string): JudgedTargets {
  const client = clientOf(db);
  const key = `${movementId}:${period.id}:${period.endsOn}:${asOf}`;
  const signature = progressSignature(db, movementId);
  const cache = judgedCache.get(client) ?? judgedCache.set(client, new Map()).get(client)!;
  const hit = cache.get(key);
  if (hit && hit.signature === signature) return hit.judged;
  const unitIds: number[] = [];
  const areaIds: number[] = [];
  const outcomes: number[] = [];
  eachTargetStanding(db, movementId, asOf, period.endsOn, (target, assessment) => {
    unitIds.push(target.unitId);
    areaIds.push(target.contentAreaId);
    outcomes.push(OUTCOMES.indexOf(outcomeOf(assessment)));
  }, period);
  const judged = { unitIds: Int32Array.from(unitIds), areaIds: Int32Array.from(areaIds), outcomes: Uint8Array.from(outcomes) };
  cache.delete(key);
  cache.set(key, { signature, judged });
  // The oldest go first: a handful of periods are looked at in a day.
  while (cache.size > CACHED_PERIODS) cache.delete(cache.keys().next().value!);
  return judged;
}
