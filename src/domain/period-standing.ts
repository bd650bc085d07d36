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
import { eachTargetStanding, emptyProgressCounts, outcomeOf, type ProgressCounts } from './assessment.ts';
import { unitDeadline } from './due-dates.ts';
import { localDate } from './vn-input.ts';
import { TARGET_ORDER_SQL } from './target-order.ts';
import type { Movement, Period, PeriodKind, PeriodReportState } from './model.ts';

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

/** One target of a unit with its outcome for a period, in the printed order (content area, then entry). */
export interface TargetPeriodOutcome {
  id: number;
  text: string;
  areaNumber: number;
  outcome: keyof ProgressCounts;
}

/** A unit's targets judged for the period, as periodStanding() counts them in its `outcomes`. */
export function unitPeriodTargets(db: DbOrTx, movement: Movement, period: Period, today: string, unitId: number): TargetPeriodOutcome[] {
  const judged = judgedTargets(db, movement.id, period, period.endsOn < today ? period.endsOn : today);
  const outcomes = new Map<number, keyof ProgressCounts>();
  for (let i = 0; i < judged.unitIds.length; i++) if (judged.unitIds[i] === unitId) outcomes.set(judged.targetIds[i]!, OUTCOMES[judged.outcomes[i]!]!);
  const rows = clientOf(db)
    .prepare(
      `SELECT t.id AS id, t.text AS text, ca.number AS areaNumber FROM targets t
         JOIN registrations r ON r.id = t.registration_id JOIN content_areas ca ON ca.id = t.content_area_id
        WHERE r.movement_id = ? AND r.unit_id = ? AND t.deleted_at IS NULL ORDER BY ${TARGET_ORDER_SQL}`,
    )
    .all(movement.id, unitId) as Omit<TargetPeriodOutcome, 'outcome'>[];
  return rows.flatMap((t) => {
    const outcome = outcomes.get(t.id);
    return outcome ? [{ ...t, outcome }] : [];
  });
}

const SPAN: Record<PeriodKind, number> = { month: 1, quarter: 3, half: 6, year: 12, adhoc: 0 };

/**
 * The movement's periods with the one in course first: the one that ended last before `today` (of
 * two ending together, the longer: on 16/07 the 6-month report before Quý II), or while none has
 * ended, the first to end; then the others in calendar order.
 */
export function periodsCurrentFirst<P extends Pick<Period, 'id' | 'kind' | 'endsOn'>>(periods: readonly P[], today: string): P[] {
  const ended = periods.filter((p) => p.endsOn < today);
  const byEnd = (a: P, b: P) => (a.endsOn === b.endsOn ? SPAN[a.kind] - SPAN[b.kind] : a.endsOn < b.endsOn ? -1 : 1);
  const current = ended.length > 0 ? [...ended].sort(byEnd).at(-1) : [...periods].sort((a, b) => (a.endsOn === b.endsOn ? SPAN[b.kind] - SPAN[a.kind] : a.endsOn < b.endsOn ? -1 : 1))[0];
  return current ? [current, ...periods.filter((p) => p.id !== current.id)] : [];
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
  // Units the Board gave more time for this period's report (deadlines.ts extendPeriodDue).
  const ownDue = new Map(
    (sqlite.prepare('SELECT unit_id AS u, due_on AS d FROM period_extensions WHERE period_id = ?').all(period.id) as { u: number; d: string }[]).map((x) => [x.u, x.d]),
  );
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
    const dueOn = unitDeadline(period.dueOn, ownDue.get(u.unitId));
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
  targetIds: Int32Array;
  unitIds: Int32Array;
  areaIds: Int32Array;
  outcomes: Uint8Array;
}

/** A judgement kept, with what it was made from: the last report and each registration as they were. */
interface KeptJudgement {
  /** The reports and registrations summed up: unchanged, the judgement stands as it is. */
  signature: string;
  reports: string;
  maxReport: number;
  registrations: Map<number, string>;
  judged: JudgedTargets;
}

/** Per connection: the latest judgements by movement, period and day. */
const judgedCache = new WeakMap<object, Map<string, KeptJudgement>>();
const CACHED_PERIODS = 8;

/**
 * The targets judged for `period` on `asOf`. Judging 100,000 targets from their 400,000 lines takes
 * a good part of a second, while the chat asks again at every step of /tinhhinh and reports keep
 * coming in: the judgements are kept, compactly, and only the registrations that changed since (a
 * new report, a target added, edited or removed, a new version: each touches its registration or
 * adds a report) are judged again.
 */
function judgedTargets(db: DbOrTx, movementId: number, period: Period, asOf: string): JudgedTargets {
  const client = clientOf(db);
  const key = `${movementId}:${period.id}:${period.endsOn}:${asOf}`;
  const cache = judgedCache.get(client) ?? judgedCache.set(client, new Map()).get(client)!;
  const { maxReport, reports, signature } = client
    .prepare(
      `SELECT coalesce(max(id), 0) AS maxReport, count(*) || ':' || coalesce(max(id), 0) AS reports,
              count(*) || ':' || coalesce(max(id), 0) || ':' || (SELECT count(*) || ':' || coalesce(sum(version), 0) || ':' || coalesce(sum(updated_at), 0) FROM registrations WHERE movement_id = ?) AS signature
         FROM progress_reports`,
    )
    .get(movementId) as { maxReport: number; reports: string; signature: string };
  const kept = cache.get(key);
  if (kept && kept.signature === signature) return kept.judged;
  const registrations = new Map(
    (client.prepare("SELECT id, unit_id, version || ':' || updated_at FROM registrations WHERE movement_id = ?").raw().all(movementId) as [number, number, string][]).map(([id, , state]) => [id, state]),
  );
  let judged: JudgedTargets | undefined;
  if (kept && maxReport >= kept.maxReport && registrations.size >= kept.registrations.size) {
    const changed = new Set([...registrations].filter(([id, state]) => kept.registrations.get(id) !== state).map(([id]) => id));
    for (const [r] of client.prepare('SELECT DISTINCT registration_id FROM progress_reports WHERE id > ?').raw().all(kept.maxReport) as [number][]) if (registrations.has(r)) changed.add(r);
    // Reports only ever grow: fewer than counted means a rollback; judge everything again then.
    const [count] = reports.split(':').map(Number);
    const [keptCount] = kept.reports.split(':').map(Number);
    if (count! - keptCount! === Number(client.prepare('SELECT count(*) FROM progress_reports WHERE id > ?').pluck().get(kept.maxReport)) && changed.size <= Math.max(8, registrations.size / 4))
      judged = rejudge(db, movementId, period, asOf, kept.judged, [...changed]);
  }
  judged ??= rejudge(db, movementId, period, asOf, undefined, undefined);
  cache.delete(key);
  cache.set(key, { signature, reports, maxReport, registrations, judged });
  // The oldest go first: a handful of periods are looked at in a day.
  while (cache.size > CACHED_PERIODS) cache.delete(cache.keys().next().value!);
  return judged;
}

/** Judges the targets of `registrations` (all when undefined) again, keeping the other judgements of `kept`. */
function rejudge(db: DbOrTx, movementId: number, period: Period, asOf: string, kept: JudgedTargets | undefined, registrations: number[] | undefined): JudgedTargets {
  const fresh = { targetIds: [] as number[], unitIds: [] as number[], areaIds: [] as number[], outcomes: [] as number[] };
  eachTargetStanding(db, movementId, asOf, period.endsOn, (target, assessment) => {
    fresh.targetIds.push(target.id);
    fresh.unitIds.push(target.unitId);
    fresh.areaIds.push(target.contentAreaId);
    fresh.outcomes.push(OUTCOMES.indexOf(outcomeOf(assessment)));
  }, period, registrations);
  // A unit has one registration in a movement: the judgements kept go by unit.
  const dropped =
    kept && registrations && registrations.length > 0
      ? new Set(clientOf(db).prepare(`SELECT unit_id FROM registrations WHERE id IN (${registrations.map((id) => Math.trunc(id)).join(', ')})`).pluck().all() as number[])
      : new Set<number>();
  let keptCount = 0;
  if (kept) for (let i = 0; i < kept.unitIds.length; i++) if (!dropped.has(kept.unitIds[i]!)) keptCount++;
  const size = keptCount + fresh.targetIds.length;
  const out: JudgedTargets = { targetIds: new Int32Array(size), unitIds: new Int32Array(size), areaIds: new Int32Array(size), outcomes: new Uint8Array(size) };
  let at = 0;
  if (kept)
    for (let i = 0; i < kept.unitIds.length; i++) {
      if (dropped.has(kept.unitIds[i]!)) continue;
      out.targetIds[at] = kept.targetIds[i]!;
      out.unitIds[at] = kept.unitIds[i]!;
      out.areaIds[at] = kept.areaIds[i]!;
      out.outcomes[at++] = kept.outcomes[i]!;
    }
  for (let i = 0; i < fresh.targetIds.length; i++, at++) {
    out.targetIds[at] = fresh.targetIds[i]!;
    out.unitIds[at] = fresh.unitIds[i]!;
    out.areaIds[at] = fresh.areaIds[i]!;
    out.outcomes[at] = fresh.outcomes[i]!;
  }
  return out;
}
