import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/connection.ts';
import { groupMembers, groups, units } from '../db/schema.ts';
import { recordAudit, type Actor } from './audit.ts';
import type { Unit, UnitKind } from './model.ts';

export interface UnitInput {
  code: string;
  name: string;
  kind: UnitKind;
  validFrom?: string | null;
  validTo?: string | null;
  /** The unit's office phone (whom the Board calls when reminders reach none of its people); undefined keeps the one known. */
  phone?: string | null;
}

export interface GroupInput {
  code: string;
  kind: 'cum' | 'khoi';
  name: string;
  head?: string | null;
  deputy?: string | null;
  members: string[];
  illustrative?: boolean;
}

export type Change = 'created' | 'updated' | 'unchanged';

function unitFields(u: UnitInput) {
  return { name: u.name, kind: u.kind, validFrom: u.validFrom ?? null, validTo: u.validTo ?? null, ...(u.phone !== undefined ? { phone: u.phone } : {}) };
}

/** What upserting `input` would do to `existing`: the changed fields, or null when nothing changes. */
export function unitDiff(existing: Unit | undefined, input: UnitInput): Record<string, [unknown, unknown]> | null {
  const next = unitFields(input);
  if (!existing) return Object.fromEntries(Object.entries(next).map(([k, v]) => [k, [null, v]]));
  const diff: Record<string, [unknown, unknown]> = {};
  for (const [k, v] of Object.entries(next)) {
    const before = existing[k as keyof typeof next];
    if (before !== v) diff[k] = [before, v];
  }
  return Object.keys(diff).length > 0 ? diff : null;
}

export function upsertUnit(tx: DbOrTx, input: UnitInput, actor: Actor, now: number): { id: number; change: Change } {
  const existing = tx.select().from(units).where(eq(units.code, input.code)).get();
  const diff = unitDiff(existing, input);
  if (existing && !diff) return { id: existing.id, change: 'unchanged' };
  const fields = unitFields(input);
  if (existing) {
    tx.update(units).set(fields).where(eq(units.id, existing.id)).run();
    recordAudit(tx, actor, now, { action: 'unit.update', entity: 'unit', entityId: existing.id, before: existing, after: fields });
    return { id: existing.id, change: 'updated' };
  }
  const row = tx.insert(units).values({ code: input.code, ...fields }).returning({ id: units.id }).get();
  recordAudit(tx, actor, now, { action: 'unit.create', entity: 'unit', entityId: row.id, after: { code: input.code, ...fields } });
  return { id: row.id, change: 'created' };
}

/** Unit ids by code; throws nothing, missing codes are simply absent from the map. */
export function unitIdsByCode(tx: DbOrTx, codes: string[]): Map<string, number> {
  if (codes.length === 0) return new Map();
  const rows = tx.select({ id: units.id, code: units.code }).from(units).where(inArray(units.code, codes)).all();
  return new Map(rows.map((r) => [r.code, r.id]));
}

/**
 * Creates or updates a cluster/block of a movement and sets its members to exactly `input.members`.
 * Unit codes must exist (callers validate first, so files are refused with reasons, not half-written).
 */
export function upsertGroup(
  tx: DbOrTx,
  movementId: number,
  input: GroupInput,
  actor: Actor,
  now: number,
): { id: number; change: Change; left: number[] } {
  const ids = unitIdsByCode(tx, [...input.members, ...(input.head ? [input.head] : []), ...(input.deputy ? [input.deputy] : [])]);
  const idOf = (code: string | null | undefined) => (code ? ids.get(code) ?? null : null);
  const fields = {
    kind: input.kind,
    name: input.name,
    headUnitId: idOf(input.head),
    deputyUnitId: idOf(input.deputy),
    illustrative: input.illustrative ?? false,
  };
  const existing = tx
    .select()
    .from(groups)
    .where(and(eq(groups.movementId, movementId), eq(groups.code, input.code)))
    .get();
  const memberIds = input.members.map((c) => ids.get(c)!).sort((a, b) => a - b);
  let id: number;
  let change: Change;
  if (existing) {
    id = existing.id;
    const before = tx.select({ unitId: groupMembers.unitId }).from(groupMembers).where(eq(groupMembers.groupId, id)).all();
    const beforeIds = before.map((m) => m.unitId).sort((a, b) => a - b);
    const same =
      JSON.stringify(beforeIds) === JSON.stringify(memberIds) &&
      (Object.keys(fields) as (keyof typeof fields)[]).every((k) => existing[k] === fields[k]);
    if (same) return { id, change: 'unchanged', left: [] };
    tx.update(groups).set(fields).where(eq(groups.id, id)).run();
    recordAudit(tx, actor, now, {
      action: 'group.update',
      entity: 'group',
      entityId: id,
      before: { ...existing, members: beforeIds },
      after: { ...fields, members: memberIds },
    });
    change = 'updated';
  } else {
    id = tx.insert(groups).values({ movementId, code: input.code, ...fields }).returning({ id: groups.id }).get().id;
    recordAudit(tx, actor, now, { action: 'group.create', entity: 'group', entityId: id, after: { code: input.code, ...fields, members: memberIds } });
    change = 'created';
  }
  tx.delete(groupMembers).where(eq(groupMembers.groupId, id)).run();
  const left = leaveOtherGroups(tx, movementId, memberIds, actor, now);
  for (const unitId of memberIds) tx.insert(groupMembers).values({ movementId, groupId: id, unitId }).run();
  return { id, change, left };
}

/** Units joining a group leave the other group of the movement they were in; that group changes too. */
function leaveOtherGroups(tx: DbOrTx, movementId: number, unitIds: number[], actor: Actor, now: number): number[] {
  if (unitIds.length === 0) return [];
  const moving = tx
    .select()
    .from(groupMembers)
    .where(and(eq(groupMembers.movementId, movementId), inArray(groupMembers.unitId, unitIds)))
    .all();
  const groupIds = [...new Set(moving.map((m) => m.groupId))];
  for (const groupId of groupIds) {
    const before = tx.select({ unitId: groupMembers.unitId }).from(groupMembers).where(eq(groupMembers.groupId, groupId)).all().map((m) => m.unitId);
    const after = before.filter((u) => !unitIds.includes(u));
    recordAudit(tx, actor, now, { action: 'group.update', entity: 'group', entityId: groupId, before: { members: before }, after: { members: after } });
  }
  tx.delete(groupMembers)
    .where(and(eq(groupMembers.movementId, movementId), inArray(groupMembers.unitId, unitIds)))
    .run();
  return groupIds;
}

export function getUnit(db: DbOrTx, id: number): Unit | undefined {
  return db.select().from(units).where(eq(units.id, id)).get();
}

/** Every unit, those no longer in service too (an invite may name one by code). */
export function listUnits(db: DbOrTx): Unit[] {
  return db.select().from(units).all();
}

/** The units still in service (no end date). */
export function unitsInService(db: DbOrTx): Unit[] {
  return db.select().from(units).where(isNull(units.validTo)).all();
}

/** A movement's clusters and blocks, by code. */
export function listGroups(db: DbOrTx, movementId: number): { id: number; code: string; name: string }[] {
  return db.select({ id: groups.id, code: groups.code, name: groups.name }).from(groups).where(eq(groups.movementId, movementId)).orderBy(asc(groups.code)).all();
}

/** The name of a movement's cluster or block with this code. */
export function groupName(db: DbOrTx, movementId: number, code: string): string | undefined {
  return db.select({ name: groups.name }).from(groups).where(and(eq(groups.movementId, movementId), eq(groups.code, code))).get()?.name;
}

/** The name of the cluster or block a unit belongs to in a movement. */
export function groupNameOfUnit(db: DbOrTx, movementId: number, unitId: number): string | undefined {
  return db
    .select({ name: groups.name })
    .from(groupMembers)
    .innerJoin(groups, eq(groups.id, groupMembers.groupId))
    .where(and(eq(groupMembers.movementId, movementId), eq(groupMembers.unitId, unitId)))
    .get()?.name;
}

/** The unit with this code, whatever its case (`snv` is SNV). */
export function unitByCode(db: DbOrTx, code: string): Unit | undefined {
  return db
    .select()
    .from(units)
    .where(sql`upper(${units.code}) = ${code.toUpperCase()}`)
    .get();
}

/** The first `limit` current units, in the order they were added: examples of codes to type. */
export function firstUnits(db: DbOrTx, limit: number): { code: string; name: string }[] {
  return db.select({ code: units.code, name: units.name }).from(units).where(isNull(units.validTo)).orderBy(asc(units.id)).limit(limit).all();
}
