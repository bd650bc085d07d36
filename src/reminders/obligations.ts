/**
 * Who still owes what, computed when a rule fires: units with no submitted registration (none or
 * draft), returned registrations not yet sent again, and units with targets lacking a report for a
 * period. Bulk queries only: ten thousand units take milliseconds.
 */
import type { Db } from '../db/connection.ts';
import { unitDeadline } from '../domain/due-dates.ts';
import type { Movement, Period } from '../domain/model.ts';
import { reportsOnPeriods } from '../domain/period-standing.ts';

type RegistrationState = 'none' | 'draft' | 'returned';

export interface RegistrationOwed {
  state: RegistrationState;
  /** `registration` (never sent) or `registration:r<version>` (returned at that version). */
  key: string;
  targets: number;
  returnedAt: number | null;
  reason: string | null;
}

interface PeriodOwed {
  period: Period;
  /** `period:<id>` */
  key: string;
  /** Targets of the registration, none of which has a result for the period. */
  targets: number;
}

interface UnitInfo {
  id: number;
  code: string;
  name: string;
  kind: string;
  groupId: number | null;
}

export interface UnitOwing {
  unit: UnitInfo;
  registration?: RegistrationOwed;
  periods: PeriodOwed[];
}

export interface GroupInfo {
  id: number;
  code: string;
  kind: string;
  name: string;
  headUnitId: number | null;
}

/** The movement's units with their registration standing, target counts and reported periods. */
export interface MovementSnapshot {
  units: UnitInfo[];
  groups: Map<number, GroupInfo>;
  registration: Map<number, { id: number; status: string; version: number; reviewedAt: number | null; reviewComment: string | null; deadlineOn: string | null; targets: number }>;
  /** `${registrationId}:${periodId}` of every period a registration has a report for. */
  reported: Set<string>;
  periods: Period[];
  /** `${periodId}:${unitId}` → the unit's own due day for the period's report, where the Board extended it. */
  periodDue: Map<string, string>;
}

/** Reads with the connection's own client: inside a transaction of `db`, the reads see its writes. */
export function snapshot(db: Db, movement: Movement): MovementSnapshot {
  const sqlite = db.$client;
  const groupOf = new Map<number, number>(
    (sqlite.prepare('SELECT unit_id AS u, group_id AS g FROM group_members WHERE movement_id = ?').all(movement.id) as { u: number; g: number }[]).map((r) => [r.u, r.g]),
  );
  // The units taking part (valid at some point while the movement runs), as participatingUnits() reads them.
  const units = (
    sqlite
      .prepare(
        `SELECT id, code, name, kind FROM units
          WHERE (valid_from IS NULL OR valid_from <= ?) AND (valid_to IS NULL OR valid_to >= ?)
          ORDER BY code`,
      )
      .all(movement.endsOn, movement.startsOn) as Omit<UnitInfo, 'groupId'>[]
  ).map((u) => ({ ...u, groupId: groupOf.get(u.id) ?? null }));
  const groups = new Map(
    (
      sqlite.prepare('SELECT id, code, kind, name, head_unit_id AS headUnitId FROM groups WHERE movement_id = ? ORDER BY code').all(movement.id) as GroupInfo[]
    ).map((g) => [g.id, g]),
  );
  const regs = sqlite
    .prepare(
      `SELECT r.unit_id AS unitId, r.id, r.status, r.version, r.reviewed_at AS reviewedAt, r.review_comment AS reviewComment, r.deadline_on AS deadlineOn,
              (SELECT count(*) FROM targets t WHERE t.registration_id = r.id AND t.deleted_at IS NULL) AS targets
         FROM registrations r WHERE r.movement_id = ?`,
    )
    .all(movement.id) as { unitId: number; id: number; status: string; version: number; reviewedAt: number | null; reviewComment: string | null; deadlineOn: string | null; targets: number }[];
  const reported = new Set(
    (
      sqlite
        .prepare('SELECT DISTINCT p.registration_id AS r, p.period_id AS p FROM progress_reports p JOIN registrations r ON r.id = p.registration_id WHERE r.movement_id = ?')
        .all(movement.id) as { r: number; p: number }[]
    ).map((x) => `${x.r}:${x.p}`),
  );
  const periods = sqlite
    .prepare(
      'SELECT id, movement_id AS movementId, code, kind, starts_on AS startsOn, ends_on AS endsOn, due_on AS dueOn FROM reporting_periods WHERE movement_id = ? ORDER BY ends_on, starts_on DESC',
    )
    .all(movement.id) as Period[];
  const periodDue = new Map(
    (
      sqlite
        .prepare('SELECT e.period_id AS p, e.unit_id AS u, e.due_on AS d FROM period_extensions e JOIN reporting_periods p ON p.id = e.period_id WHERE p.movement_id = ?')
        .all(movement.id) as { p: number; u: number; d: string }[]
    ).map((x) => [`${x.p}:${x.u}`, x.d]),
  );
  return { units, groups, registration: new Map(regs.map((r) => [r.unitId, r])), reported, periods, periodDue };
}

/** What the unit owes on its registration, if anything. */
function registrationOwed(snap: MovementSnapshot, unitId: number): RegistrationOwed | undefined {
  const reg = snap.registration.get(unitId);
  if (!reg) return { state: 'none', key: 'registration', targets: 0, returnedAt: null, reason: null };
  if (reg.status === 'draft') return { state: 'draft', key: 'registration', targets: reg.targets, returnedAt: null, reason: null };
  if (reg.status === 'returned')
    return { state: 'returned', key: `registration:r${reg.version}`, targets: reg.targets, returnedAt: reg.reviewedAt, reason: reg.reviewComment };
  return undefined;
}

/** Of `periods`, those the unit has to report on and has not: a sent registration with targets (reportsOnPeriods), and no report. */
function periodsOwed(snap: MovementSnapshot, unitId: number, periods: Period[]): PeriodOwed[] {
  const reg = snap.registration.get(unitId);
  if (!reg || !reportsOnPeriods(reg)) return [];
  return periods.filter((p) => !snap.reported.has(`${reg.id}:${p.id}`)).map((period) => ({ period, key: `period:${period.id}`, targets: reg.targets }));
}

export interface OwedQuery {
  registration: boolean;
  periods: Period[];
}

/** Every unit that owes something among what `query` asks about. */
export function unitsOwing(snap: MovementSnapshot, query: OwedQuery): UnitOwing[] {
  const out: UnitOwing[] = [];
  for (const unit of snap.units) {
    const registration = query.registration ? registrationOwed(snap, unit.id) : undefined;
    const periods = query.periods.length > 0 ? periodsOwed(snap, unit.id, query.periods) : [];
    if (registration || periods.length > 0) out.push({ unit, ...(registration ? { registration } : {}), periods });
  }
  return out;
}

/** The day a unit's report for `period` is due: the period's, or its own (domain/deadlines.ts periodDueFor). */
export function periodDueOf(snap: MovementSnapshot, period: Pick<Period, 'id' | 'dueOn'>, unitId: number): string {
  return unitDeadline(period.dueOn, snap.periodDue.get(`${period.id}:${unitId}`));
}

/**
 * Units overdue on `today` (quá hạn chưa nộp): their registration deadline (the movement's, or their
 * own when the Board extended it) passed with nothing sent (or a returned one not sent again), or a
 * period's due date passed with no report.
 */
export function lateUnits(snap: MovementSnapshot, movement: Movement, today: string): UnitOwing[] {
  const periods = snap.periods.filter((p) => p.dueOn < today);
  return unitsOwing(snap, { registration: true, periods }).flatMap((o) => {
    const deadline = unitDeadline(movement.registrationDeadline, snap.registration.get(o.unit.id)?.deadlineOn);
    const registration = today > deadline ? o.registration : undefined;
    // A unit given more time for a period's report is not overdue before its own day.
    const owed = o.periods.filter((p) => today > periodDueOf(snap, p.period, o.unit.id));
    return registration || owed.length > 0 ? [{ unit: o.unit, ...(registration ? { registration } : {}), periods: owed }] : [];
  });
}
