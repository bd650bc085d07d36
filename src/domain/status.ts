import { and, eq, gte, isNull, lte, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/connection.ts';
import { groups, units } from '../db/schema.ts';
import { unitDeadline } from './due-dates.ts';
import type { Movement, RegistrationStatus } from './model.ts';
import { localDate, type IsoDate } from './vn-input.ts';

/** A unit's standing in a movement: `none` means it has not started a registration. */
export type UnitStanding = RegistrationStatus | 'none';

export interface UnitStatus {
  unitId: number;
  code: string;
  name: string;
  kind: string;
  groupCode: string | null;
  status: UnitStanding;
  /** nộp muộn (sent after the deadline), quá hạn chưa nộp (not sent by it), or neither. */
  lateness: Lateness;
  submittedAt: number | null;
}

export interface StatusCounts {
  units: number;
  none: number;
  draft: number;
  submitted: number;
  returned: number;
  approved: number;
  /** Sent after the deadline (nộp muộn): it counts, marked late. */
  submittedLate: number;
  /** Not sent by the deadline (quá hạn chưa nộp). */
  overdue: number;
}

export interface MovementStatus {
  movement: Pick<Movement, 'id' | 'code' | 'name' | 'registrationDeadline'>;
  deadlinePassed: boolean;
  totals: StatusCounts;
  byGroup: ({ code: string | null; name: string | null } & StatusCounts)[];
  byKind: ({ kind: string } & StatusCounts)[];
  units: UnitStatus[];
}

export const emptyCounts = (): StatusCounts => ({ units: 0, none: 0, draft: 0, submitted: 0, returned: 0, approved: 0, submittedLate: 0, overdue: 0 });

/** Late means two things, kept apart everywhere: nộp muộn and quá hạn chưa nộp. */
export type Lateness = 'submitted_late' | 'overdue' | null;

/**
 * The late rule, shared with the exports and the urging. Quá hạn chưa nộp: the deadline passed and
 * nothing is with the Board (not started, draft, or returned and not sent again). Nộp muộn: first
 * sent after the deadline; that stays once approved. A waiting or approved registration is never
 * "chưa nộp".
 */
export function lateness(status: UnitStanding, submittedLate: boolean, deadlinePassed: boolean): Lateness {
  const delivered = status === 'submitted' || status === 'approved';
  if (deadlinePassed && !delivered) return 'overdue';
  return submittedLate ? 'submitted_late' : null;
}

/** Adds a unit to counts of units. */
export function addToCounts(counts: StatusCounts, unit: Pick<UnitStatus, 'status' | 'lateness'>): void {
  counts.units++;
  counts[unit.status]++;
  if (unit.lateness === 'submitted_late') counts.submittedLate++;
  if (unit.lateness === 'overdue') counts.overdue++;
}

/** Units taking part in the movement: those valid at some point while it runs. */
export function participatingUnits(db: DbOrTx, movement: Movement) {
  return db
    .select()
    .from(units)
    .where(
      and(
        or(isNull(units.validFrom), lte(units.validFrom, movement.endsOn)),
        or(isNull(units.validTo), gte(units.validTo, movement.startsOn)),
      ),
    )
    .orderBy(units.code)
    .all();
}

/** One participating unit with its group and registration, as the status query reads it. */
interface StatusRow {
  unitId: number;
  code: string;
  name: string;
  kind: string;
  groupId: number | null;
  status: RegistrationStatus | null;
  late: number | null;
  deadlineOn: string | null;
  submittedAt: number | null;
}

/**
 * Where every unit stands, with totals by cluster/block and by kind of unit. `today` is YYYY-MM-DD.
 * One query (units as in `participatingUnits`, with their group and registration), read without
 * drizzle's row mapping: a movement of 5,000 units takes a few tens of milliseconds.
 */
export function movementStatus(db: DbOrTx, movement: Movement, today: string): MovementStatus {
  const deadlinePassed = today > movement.registrationDeadline;
  const groupRows = db.select().from(groups).where(eq(groups.movementId, movement.id)).orderBy(groups.code).all();
  const groupById = new Map(groupRows.map((g) => [g.id, g]));
  const rows = db.all<StatusRow>(sql`
    SELECT u.id AS unitId, u.code AS code, u.name AS name, u.kind AS kind, gm.group_id AS groupId,
           r.status AS status, r.late AS late, r.deadline_on AS deadlineOn, r.submitted_at AS submittedAt
    FROM units u
    LEFT JOIN group_members gm ON gm.movement_id = ${movement.id} AND gm.unit_id = u.id
    LEFT JOIN registrations r ON r.movement_id = ${movement.id} AND r.unit_id = u.id
    WHERE (u.valid_from IS NULL OR u.valid_from <= ${movement.endsOn}) AND (u.valid_to IS NULL OR u.valid_to >= ${movement.startsOn})
    ORDER BY u.code`);

  const unitStatuses: UnitStatus[] = rows.map((u) => {
    const status: UnitStanding = u.status ?? 'none';
    return {
      unitId: u.unitId,
      code: u.code,
      name: u.name,
      kind: u.kind,
      groupCode: u.groupId !== null ? (groupById.get(u.groupId)?.code ?? null) : null,
      status,
      // A unit whose deadline the Board extended is held to its own.
      lateness: lateness(status, u.late === 1, today > unitDeadline(movement.registrationDeadline, u.deadlineOn)),
      submittedAt: u.submittedAt ?? null,
    };
  });

  const totals = emptyCounts();
  const byGroup = new Map<string | null, { code: string | null; name: string | null } & StatusCounts>();
  for (const g of groupRows) byGroup.set(g.code, { code: g.code, name: g.name, ...emptyCounts() });
  const byKind = new Map<string, { kind: string } & StatusCounts>();
  for (const u of unitStatuses) {
    addToCounts(totals, u);
    if (!byGroup.has(u.groupCode)) byGroup.set(u.groupCode, { code: u.groupCode, name: null, ...emptyCounts() });
    addToCounts(byGroup.get(u.groupCode)!, u);
    if (!byKind.has(u.kind)) byKind.set(u.kind, { kind: u.kind, ...emptyCounts() });
    addToCounts(byKind.get(u.kind)!, u);
  }
  return {
    movement: { id: movement.id, code: movement.code, name: movement.name, registrationDeadline: movement.registrationDeadline },
    deadlinePassed,
    totals,
    byGroup: [...byGroup.values()],
    byKind: [...byKind.values()],
    units: unitStatuses,
  };
}

/**
 * Units sending their registration for the first time, counted by local day (the movement's time
 * zone): the units of `movementStatus`, optionally those of one cluster/block. A registration
 * returned and sent again counts on its first day. One query, read raw: 5,000 units in a few ms.
 */
export function firstSendingsByDay(db: DbOrTx, movement: Movement, scope: { groupId?: number } = {}): { day: IsoDate; units: number }[] {
  const inGroup = scope.groupId === undefined ? sql`` : sql`AND r.unit_id IN (SELECT unit_id FROM group_members WHERE movement_id = ${movement.id} AND group_id = ${scope.groupId})`;
  const rows = db.all<{ at: number }>(sql`
    SELECT r.first_submitted_at AS at FROM registrations r JOIN units u ON u.id = r.unit_id
    WHERE r.movement_id = ${movement.id} AND r.first_submitted_at IS NOT NULL
      AND (u.valid_from IS NULL OR u.valid_from <= ${movement.endsOn}) AND (u.valid_to IS NULL OR u.valid_to >= ${movement.startsOn}) ${inGroup}`);
  const byDay = new Map<IsoDate, number>();
  for (const { at } of rows) {
    const day = localDate(at, movement.timezone);
    byDay.set(day, (byDay.get(day) ?? 0) + 1);
  }
  return [...byDay].sort(([a], [b]) => (a < b ? -1 : 1)).map(([day, units]) => ({ day, units }));
}
