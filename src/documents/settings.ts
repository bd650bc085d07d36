/**
 * Who issues the Board's documents and who signs them: the movement's `board_settings`, checked
 * with zod where they come in (the movement file, `thidua board`). What is not set is worked out
 * from the movement itself: the province, and the standing body "Sở Nội vụ (Ban Thi đua - Khen
 * thưởng)" → SỞ NỘI VỤ, ký hiệu SNV.
 */
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Db, DbOrTx } from '../db/connection.ts';
import { movements } from '../db/schema.ts';
import { recordAudit, type Actor } from '../domain/audit.ts';
import type { Movement } from '../domain/movements.ts';
import type { Translate } from '../i18n/index.ts';
import { fold } from '../util/text.ts';

const line = (max: number) => z.string().trim().min(1).max(max);

/** As the movement file and `thidua board` give them; every field optional. */
export const boardSettings = z
  .object({
    /** The body above the issuer, upper case in the header: "UBND TỈNH NAM ĐỊNH". */
    parent: line(120).optional(),
    /** The issuing body: "SỞ NỘI VỤ" or "BAN THI ĐUA - KHEN THƯỞNG". */
    body: line(120).optional(),
    /** The same as it is written inside a sentence: "Sở Nội vụ". */
    bodyName: line(120).optional(),
    /** Its abbreviation in the document number "Số: …/BC-SNV": capitals, digits, "-" and ".". */
    abbreviation: z
      .string()
      .trim()
      .regex(/^[\p{Lu}\d][\p{Lu}\d.-]{0,19}$/u, 'board-bad-abbreviation')
      .optional(),
    /** Place name before the date: "Nam Định". */
    place: line(60).optional(),
    /** The signer's capacity: "GIÁM ĐỐC", "KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC", "TRƯỞNG BAN". */
    signerTitle: line(120).optional(),
    signerName: line(80).optional(),
    /** "Nơi nhận" of the reports to the People's Committee, one recipient a line. */
    recipients: z.array(line(200)).min(1).max(15).optional(),
  })
  .strict();

export type BoardSettingsInput = z.infer<typeof boardSettings>;

export interface BoardSettings {
  parent: string;
  body: string;
  bodyName: string;
  abbreviation: string;
  place: string;
  signerTitle: string;
  signerName: string | null;
  recipients: string[];
  /** The People's Committee the reports go to: "Ủy ban nhân dân tỉnh Nam Định". */
  addressee: string;
}

const upper = (s: string) => s.toLocaleUpperCase('vi');

/** "SỞ NỘI VỤ" → "SNV". */
export function abbreviate(body: string): string {
  const letters = fold(body)
    .split(/[^a-z0-9]+/)
    .filter(Boolean)
    .map((w) => w[0]!.toUpperCase())
    .join('');
  return letters.slice(0, 20) || 'TĐKT';
}

/** The stored settings, read defensively: a damaged value counts as none. */
export function storedBoardSettings(movement: Pick<Movement, 'boardSettings'>): BoardSettingsInput {
  const parsed = boardSettings.safeParse(movement.boardSettings ?? {});
  return parsed.success ? parsed.data : {};
}

/** The settings with every gap filled from the movement and the locale's defaults. */
export function resolveBoardSettings(movement: Movement, t: Translate): BoardSettings {
  const stored = storedBoardSettings(movement);
  const province = movement.province?.trim() || t('doc-default-province');
  // "Sở Nội vụ (Ban Thi đua - Khen thưởng)": the body is what stands before the brackets.
  const standing = movement.standingBody?.replace(/\(.*\)/, '').trim() || t('doc-default-body');
  const body = stored.body ?? upper(standing);
  return {
    parent: stored.parent ?? upper(t('doc-default-parent', { province })),
    body,
    bodyName: stored.bodyName ?? (stored.body && !movement.standingBody ? stored.body : standing),
    abbreviation: stored.abbreviation ?? abbreviate(body),
    place: stored.place ?? province,
    signerTitle: stored.signerTitle ?? t('doc-default-signer-title'),
    signerName: stored.signerName ?? null,
    recipients: stored.recipients ?? t('doc-default-recipients').split('\n').map((r) => r.trim()).filter(Boolean),
    addressee: t('doc-addressee', { province }),
  };
}

/** Changes some settings (the others stay); `null` for a field clears it. Validated first. */
export function updateBoardSettings(db: Db, movementId: number, changes: Record<string, unknown>, actor: Actor, now: number): BoardSettingsInput {
  return db.transaction((tx) => {
    const row = tx.select().from(movements).where(eq(movements.id, movementId)).get()!;
    const before = storedBoardSettings(row);
    const merged: Record<string, unknown> = { ...before };
    for (const [key, value] of Object.entries(changes)) {
      if (value === null) delete merged[key];
      else merged[key] = value;
    }
    const after = boardSettings.parse(merged);
    saveBoardSettings(tx, movementId, after);
    recordAudit(tx, actor, now, { action: 'movement.board-settings', entity: 'movement', entityId: movementId, before, after });
    return after;
  });
}

export function saveBoardSettings(db: DbOrTx, movementId: number, settings: BoardSettingsInput): void {
  db.update(movements)
    .set({ boardSettings: Object.keys(settings).length > 0 ? settings : null })
    .where(eq(movements.id, movementId))
    .run();
}
