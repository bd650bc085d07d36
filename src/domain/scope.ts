/**
 * Who may see and do what. Admin (Ban TĐKT): everything. Viewer (leader): read everything.
 * Cluster/block head: read and urge its own cluster's units. Liaison: its own unit.
 */
import { and, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../db/connection.ts';
import { groupMembers, groups, people, type ROLES } from '../db/schema.ts';

export type Role = (typeof ROLES)[number];

export interface ScopedPerson {
  id: number;
  role: Role;
  unitId: number | null;
}

/** The units a person may read in a movement: all of them, or a set. */
export type Scope = { all: true } | { all: false; unitIds: Set<number> };

export function readScope(db: DbOrTx, person: ScopedPerson, movementId: number): Scope {
  if (person.role === 'admin' || person.role === 'viewer') return { all: true };
  if (person.unitId === null) return { all: false, unitIds: new Set() };
  if (person.role === 'liaison') return { all: false, unitIds: new Set([person.unitId]) };
  // A cluster/block head reads the group its unit heads, or else the group its unit is in.
  const headed = db.select({ id: groups.id }).from(groups).where(and(eq(groups.movementId, movementId), eq(groups.headUnitId, person.unitId))).all();
  const groupIds = headed.length > 0
    ? headed.map((g) => g.id)
    : db
        .select({ id: groupMembers.groupId })
        .from(groupMembers)
        .where(and(eq(groupMembers.movementId, movementId), eq(groupMembers.unitId, person.unitId)))
        .all()
        .map((g) => g.id);
  if (groupIds.length === 0) return { all: false, unitIds: new Set([person.unitId]) };
  const members = db.select({ unitId: groupMembers.unitId }).from(groupMembers).where(inArray(groupMembers.groupId, groupIds)).all();
  return { all: false, unitIds: new Set(members.map((m) => m.unitId)) };
}

export const inScope = (scope: Scope, unitId: number) => scope.all || scope.unitIds.has(unitId);

export const can = {
  review: (p: ScopedPerson) => p.role === 'admin',
  urge: (p: ScopedPerson) => p.role === 'admin' || p.role === 'cluster_head',
  invite: (p: ScopedPerson) => p.role === 'admin',
  broadcast: (p: ScopedPerson) => p.role === 'admin',
  export: (p: ScopedPerson) => p.role === 'admin' || p.role === 'viewer' || p.role === 'cluster_head',
  readStatus: (p: ScopedPerson) => p.role !== 'liaison' || p.unitId !== null,
};

/** The active liaisons of a unit: who is told about its registration. */
export function liaisonsOf(db: DbOrTx, unitId: number): number[] {
  return db
    .select({ id: people.id })
    .from(people)
    .where(and(eq(people.unitId, unitId), eq(people.role, 'liaison'), eq(people.active, true)))
    .all()
    .map((p) => p.id);
}

/** A unit's liaison as whoever urges the unit sees them: name, and phone where known. */
export interface Contact {
  id: number;
  name: string;
  phone: string | null;
}

/** The active liaisons of each of these units (units with none are absent). */
export function liaisonContacts(db: DbOrTx, unitIds: number[]): Map<number, Contact[]> {
  const out = new Map<number, Contact[]>();
  if (unitIds.length === 0) return out;
  const rows = db
    .select({ id: people.id, name: people.fullName, phone: people.phone, unitId: people.unitId })
    .from(people)
    .where(and(inArray(people.unitId, unitIds), eq(people.role, 'liaison'), eq(people.active, true)))
    .orderBy(people.id)
    .all();
  for (const r of rows) out.set(r.unitId!, [...(out.get(r.unitId!) ?? []), { id: r.id, name: r.name, phone: r.phone }]);
  return out;
}
