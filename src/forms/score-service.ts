/**
 * The self-assessment form of a registration's unit, written and read (the workbook half, loaded by
 * the jobs and the CLI on first use; see score-context.ts for what it is about).
 */
import type { DbOrTx } from '../db/connection.ts';
import type { Locale } from '../i18n/index.ts';
import { readScoreForm, writeScoreForm, type ScoreImportReading } from './score-form.ts';
import { scoreFormContext } from './score-context.ts';

const slug = (text: string) => text.replace(/[^A-Za-z0-9_-]+/g, '-');

export async function buildScoreForm(db: DbOrTx, registrationId: number, locale: Locale): Promise<{ bytes: Buffer; fileName: string }> {
  const { movement, unit, scoring, sheet } = scoreFormContext(db, registrationId);
  const bytes = await writeScoreForm({ locale, movement, unit, group: { code: scoring.groupCode, name: scoring.groupName }, table: scoring.table, sheet });
  return { bytes, fileName: `tu-cham-${slug(unit.code)}-${movement.endsOn.slice(0, 4)}.xlsx` };
}

export function readScoreFormOf(db: DbOrTx, registrationId: number, bytes: Buffer, fileName: string): Promise<ScoreImportReading> {
  const { unit, scoring, sheet } = scoreFormContext(db, registrationId);
  return readScoreForm(bytes, fileName, unit.code, scoring.table, sheet);
}
