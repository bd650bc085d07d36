/**
 * Who may see and do what: the one rule every command, export, document and job asks.
 *
 *   admin (Ban TĐKT)  every unit; reviews, urges, invites, broadcasts, exports, documents
 *   viewer (leader)   reads every unit; exports and documents
 *   cluster_head      the cluster(s)/block(s) its unit heads, else the one its unit is a member of,
 *                     else (a unit in no cluster) its own unit only; urges and exports those units
 *   liaison           its own unit only; no export of figures
 *   nobody linked     nothing
 *
 * Documents that speak for the whole province (the summary, a period's report, the summary of
 * proposals) need every unit in scope; a unit's registration document needs that unit in scope; a
 * cluster's year-end documents need the Board, a leader, or the head of that very cluster.
 */
import { and, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../db/connection.ts';
import { groupMembers, groups, people } from '../db/schema.ts';
import type { ClusterDocumentKind, DocumentKind, Role } from './model.ts';

interface ScopedPerson {
  id: number;
  role: Role;
  unitId: number | null;
}

/** The units a person may read in a movement: all of them, or a set (and the clusters/blocks it came from). */
export type Scope = { all: true } | { all: false; unitIds: Set<number>; groupCodes: string[] };

const only = (unitIds: number[], groupCodes: string[] = []): Scope => ({ all: false, unitIds: new Set(unitIds), groupCodes });

export function readScope(db: DbOrTx, person: ScopedPerson, movementId: number): Scope {
  if (person.role === 'admin' || person.role === 'viewer') return { all: true };
  if (person.unitId === null) return only([]);
  if (person.role === 'liaison') return only([person.unitId]);
  // A cluster/block head reads the group its unit heads, or else the group its unit is in.
  const headed = db
    .select({ id: groups.id, code: groups.code })
    .from(groups)
    .where(and(eq(groups.movementId, movementId), eq(groups.headUnitId, person.unitId)))
    .all();
  const found =
    headed.length > 0
      ? headed
      : db
          .select({ id: groups.id, code: groups.code })
          .from(groupMembers)
          .innerJoin(groups, eq(groups.id, groupMembers.groupId))
          .where(and(eq(groupMembers.movementId, movementId), eq(groupMembers.unitId, person.unitId)))
          .all();
  if (found.length === 0) return only([person.unitId]);
  const members = db
    .select({ unitId: groupMembers.unitId })
    .from(groupMembers)
    .where(inArray(groupMembers.groupId, found.map((g) => g.id)))
    .all();
  // Its own unit always, even were it left out of the group it heads.
  return only([person.unitId, ...members.map((m) => m.unitId)], found.map((g) => g.code).sort());
}

/** The scope of a person by id, as it stands now: an inactive or unknown person sees nothing. */
export function scopeOfPerson(db: DbOrTx, personId: number, movementId: number): { person: ScopedPerson; scope: Scope } | null {
  const person = db.select({ id: people.id, role: people.role, unitId: people.unitId, active: people.active }).from(people).where(eq(people.id, personId)).get();
  if (!person?.active) return null;
  return { person, scope: readScope(db, person, movementId) };
}

/** The scope as a filter on unit ids: null for every unit. */
export const scopeUnitIds = (scope: Scope): number[] | null => (scope.all ? null : [...scope.unitIds].sort((a, b) => a - b));

export const inScope = (scope: Scope, unitId: number) => scope.all || scope.unitIds.has(unitId);

type DocumentAsked =
  | { kind: Exclude<DocumentKind, 'registration' | ClusterDocumentKind> }
  | { kind: 'registration'; unitId: number }
  /** A cluster's year-end documents (minutes, tờ trình, scoring table), with the unit heading it. */
  | { kind: ClusterDocumentKind; group: { headUnitId: number | null } | undefined };

/**
 * May this person have this document: a province-wide one with every unit in scope, a unit's with
 * that unit in it, a cluster's year-end documents the Board and leaders, or the head of that cluster.
 */
export function mayGetDocument(person: ScopedPerson, scope: Scope, asked: DocumentAsked): boolean {
  if (asked.kind === 'registration') return inScope(scope, asked.unitId);
  const province = scope.all && can.provinceDocuments(person);
  if ('group' in asked) return asked.group !== undefined && (province || (person.role === 'cluster_head' && person.unitId !== null && asked.group.headUnitId === person.unitId));
  return province;
}

export const can = {
  /** A unit's registration and reports: its liaison, or the Board on its behalf. */
  fileForUnit: (p: ScopedPerson) => p.role === 'liaison' || p.role === 'admin',
  review: (p: ScopedPerson) => p.role === 'admin',
  urge: (p: ScopedPerson) => p.role === 'admin' || p.role === 'cluster_head',
  invite: (p: ScopedPerson) => p.role === 'admin',
  broadcast: (p: ScopedPerson) => p.role === 'admin',
  export: (p: ScopedPerson) => p.role === 'admin' || p.role === 'viewer' || p.role === 'cluster_head',
  /** The summary and period documents speak for every unit: for those who see every unit. */
  provinceDocuments: (p: ScopedPerson) => p.role === 'admin' || p.role === 'viewer',
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
