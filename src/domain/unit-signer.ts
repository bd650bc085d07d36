/**
 * Who signs a unit's registration: the head's capacity ("GIÁM ĐỐC", or "KT. GIÁM ĐỐC" over "PHÓ
 * GIÁM ĐỐC" when a deputy signs for the head) and name. Asked once in chat, kept on the unit,
 * changed by /nguoiky or `thidua signer`; printed in the registration's signature block.
 */
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Db, DbOrTx } from '../db/connection.ts';
import { units } from '../db/schema.ts';
import { recordAudit, type Actor } from './audit.ts';
import { DomainError } from './errors.ts';

/** "KT. GIÁM ĐỐC | PHÓ GIÁM ĐỐC" or two lines: the capacity, upper case, at most three lines. */
export const signerTitle = z
  .string()
  .trim()
  .min(2)
  .max(120)
  .regex(/^[\p{L}][\p{L}\p{M} .,()|\r\n-]*$/u)
  .transform((s) =>
    s
      .split(/\s*(?:\||\r?\n)\s*/)
      .filter(Boolean)
      .map((line) => line.toLocaleUpperCase('vi'))
      .join('\n'),
  )
  .refine((s) => s.split('\n').length <= 3);

/** "Nguyễn Văn An": letters, spaces, dots and hyphens. */
export const signerName = z
  .string()
  .trim()
  .min(2)
  .max(80)
  .regex(/^[\p{L}][\p{L}\p{M} .'-]*$/u)
  .transform((s) => s.replace(/\s+/g, ' '));

export interface UnitSigner {
  title: string | null;
  name: string | null;
}

export function unitSigner(db: DbOrTx, unitId: number): UnitSigner {
  const row = db.select({ title: units.signerTitle, name: units.signerName }).from(units).where(eq(units.id, unitId)).get();
  return { title: row?.title ?? null, name: row?.name ?? null };
}

/** Both known: the registration can be printed without asking. */
export const signerKnown = (s: UnitSigner) => s.title !== null && s.name !== null;

/** Keeps the unit's signer; each value checked (throws err-signer-title / err-signer-name). */
export function setUnitSigner(db: Db, unitId: number, input: { title?: string; name?: string }, actor: Actor, now: number): UnitSigner {
  const title = input.title === undefined ? undefined : signerTitle.safeParse(input.title);
  if (title && !title.success) throw new DomainError('err-signer-title', { value: input.title ?? '' });
  const name = input.name === undefined ? undefined : signerName.safeParse(input.name);
  if (name && !name.success) throw new DomainError('err-signer-name', { value: input.name ?? '' });
  return db.transaction((tx) => {
    const before = unitSigner(tx, unitId);
    const after: UnitSigner = { title: title?.data ?? before.title, name: name?.data ?? before.name };
    if (after.title === before.title && after.name === before.name) return after;
    tx.update(units).set({ signerTitle: after.title, signerName: after.name }).where(eq(units.id, unitId)).run();
    recordAudit(tx, actor, now, { action: 'unit.signer', entity: 'unit', entityId: unitId, before, after });
    return after;
  });
}
