import { and, eq, gte, isNull, lte, or } from 'drizzle-orm';
import type { DbOrTx } from '../db/connection.ts';
import { groupMembers, groups, registrations, units } from '../db/schema.ts';
import type { Movement } from './movements.ts';
import type { RegistrationStatus } from './registrations.ts';

/** A unit's standing in a movement: `none` means it has not started a registration. */
export type UnitStanding = RegistrationStatus | 'none';

export interface UnitStatus {
  unitId: number;
  code: string;
  name: string;
  kind: string;
  groupCode: string | null;
  status: UnitStanding;
  /** Past the deadline with nothing submitted, or submitted after it. */
  late: boolean;
  submittedAt: number | null;
}

export interface StatusCounts {
  units: number;
  none: number;
  draft: number;
  submitted: number;
  returned: number;
  approved: number;
  late: number;
}

export interface MovementStatus {
  movement: Pick<Movement, 'id' | 'code' | 'name' | 'registrationDeadline'>;
  deadlinePassed: boolean;
  totals: StatusCounts;
  byGroup: ({ code: string | null; name: string | null } & StatusCounts)[];
  byKind: ({ kind: string } & StatusCounts)[];
  units: UnitStatus[];
}

const emptyCounts = (): StatusCounts => ({ units: 0, none: 0, draft: 0, submitted: 0, returned: 0, approved: 0, late: 0 });

function add(counts: StatusCounts, unit: UnitStatus): void {
  counts.units++;
  counts[unit.status]++;
  if (unit.late) counts.late++;
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

/** Where every unit stands, with totals by cluster/block and by kind of unit. `today` is YYYY-MM-DD. */
export function movementStatus(db: DbOrTx, movement: Movement, today: string): MovementStatus {
  const deadlinePassed = today > movement.registrationDeadline;
  const regs = new Map(
    db.select().from(registrations).where(eq(registrations.movementId, movement.id)).all().map((r) => [r.unitId, r]),
  );
  const groupRows = db.select().from(groups).where(eq(groups.movementId, movement.id)).orderBy(groups.code).all();
  const groupOf = new Map(
    db
      .select({ unitId: groupMembers.unitId, groupId: groupMembers.groupId })
      .from(groupMembers)
      .where(eq(groupMembers.movementId, movement.id))
      .all()
      .map((m) => [m.unitId, m.groupId]),
  );
  const groupById = new Map(groupRows.map((g) => [g.id, g]));

  const unitStatuses: UnitStatus[] = participatingUnits(db, movement).map((u) => {
    const reg = regs.get(u.id);
    const status: UnitStanding = reg?.status ?? 'none';
    const delivered = status === 'submitted' || status === 'approved';
    const groupId = groupOf.get(u.id);
    return {
      unitId: u.id,
      code: u.code,
      name: u.name,
      kind: u.kind,
      groupCode: groupId !== undefined ? groupById.get(groupId)!.code : null,
      status,
      late: (deadlinePassed && !delivered) || (reg?.late ?? false),
      submittedAt: reg?.submittedAt ?? null,
    };
  });

  const totals = emptyCounts();
  const byGroup = new Map<string | null, { code: string | null; name: string | null } & StatusCounts>();
  for (const g of groupRows) byGroup.set(g.code, { code: g.code, name: g.name, ...emptyCounts() });
  const byKind = new Map<string, { kind: string } & StatusCounts>();
  for (const u of unitStatuses) {
    add(totals, u);
    if (!byGroup.has(u.groupCode)) byGroup.set(u.groupCode, { code: u.groupCode, name: null, ...emptyCounts() });
    add(byGroup.get(u.groupCode)!, u);
    if (!byKind.has(u.kind)) byKind.set(u.kind, { kind: u.kind, ...emptyCounts() });
    add(byKind.get(u.kind)!, u);
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
