/**
 * Who issues the Board's documents and who signs them, per movement (`movements.board_settings`,
 * JSON): checked with zod where they come in (the movement file, `thidua board`). The documents
 * fill what is not set (documents/settings.ts).
 */
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Db, DbOrTx } from '../db/connection.ts';
import { movements } from '../db/schema.ts';
import { recordAudit, type Actor } from './audit.ts';
import type { Movement } from './model.ts';

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
    /** The Board's proposals to the People's Committee in its reports (IV. ĐỀ XUẤT, KIẾN NGHỊ), a paragraph each. */
    proposals: z.array(line(1000)).min(1).max(10).optional(),
  })
  .strict();

type BoardSettingsInput = z.infer<typeof boardSettings>;

/** The stored settings, read defensively: a damaged value counts as none. */
export function storedBoardSettings(movement: Pick<Movement, 'boardSettings'>): BoardSettingsInput {
  const parsed = boardSettings.safeParse(movement.boardSettings ?? {});
  return parsed.success ? parsed.data : {};
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

function saveBoardSettings(db: DbOrTx, movementId: number, settings: BoardSettingsInput): void {
  db.update(movements)
    .set({ boardSettings: Object.keys(settings).length > 0 ? settings : null })
    .where(eq(movements.id, movementId))
    .run();
}
