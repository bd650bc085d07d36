/**
 * The year-end self-assessment form by CLI, for units that still email theirs:
 * `thidua form score --unit CODE [--out FILE]` writes the unit's sheet as a workbook;
 * `thidua import-scores <file> --unit CODE [--dry-run]` reads a filled one back with the chat's
 * checks and (without --dry-run, and only when the whole file is right) saves it, recorded in the
 * audit log as done by the Board through the CLI.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { eq } from 'drizzle-orm';
import type { Db } from '../../db/connection.ts';
import { inTransaction } from '../../db/prepared.ts';
import { formUploads, units } from '../../db/schema.ts';
import type { Actor } from '../../domain/audit.ts';
import { DomainError } from '../../domain/errors.ts';
import { resolveMovement } from '../../domain/movements.ts';
import { findRegistration } from '../../domain/registrations.ts';
import { problemList } from '../../flows/forms.ts';
import { scorePlanText } from '../../flows/score-form.ts';
import { applyScorePlan } from '../../forms/score-apply.ts';
import { scoreFormContext } from '../../forms/score-context.ts';
import { buildScoreForm, readScoreFormOf } from '../../forms/score-service.ts';
import type { CliContext, Command } from '../context.ts';
import type { Unit } from '../../domain/model.ts';

const boardActor: Actor = { label: 'cli:board' };

function unitRegistration(db: Db, options: Record<string, string | boolean | undefined>): { unit: Unit; registrationId: number } {
  const movement = resolveMovement(db, options.movement as string | undefined);
  const code = typeof options.unit === 'string' ? options.unit.trim() : '';
  const unit = code === '' ? undefined : db.select().from(units).where(eq(units.code, code)).get();
  if (!unit) throw new DomainError('err-unit-unknown', { code });
  const registration = findRegistration(db, movement.id, unit.id);
  if (!registration) throw new DomainError('score-form-no-registration-of', { unit: unit.code });
  return { unit, registrationId: registration.id };
}

/** `thidua form score --unit CODE [--out FILE]` (the form command hands `score` here). */
export async function writeScoreFormFile(ctx: CliContext, options: Record<string, string | boolean | undefined>): Promise<number> {
  const db = ctx.db();
  const { unit, registrationId } = unitRegistration(db, options);
  const { bytes, fileName } = await buildScoreForm(db, registrationId, ctx.locale);
  const path = resolve(typeof options.out === 'string' ? options.out : fileName);
  writeFileSync(path, bytes);
  ctx.say(ctx.t('cli-form-written', { path, unit: unit.name }));
  ctx.result({ path, unit: unit.code, form: 'score' });
  return 0;
}

export const importScoresCommand: Command = {
  name: 'import-scores',
  args: '<file.xlsx>',
  options: { unit: { type: 'string' }, 'dry-run': { type: 'boolean' }, movement: { type: 'string' } },
  async run(ctx, positionals, options) {
    const file = positionals[0];
    if (!file || typeof options.unit !== 'string') {
      ctx.io.stderr(ctx.t('cli-import-scores-usage'));
      return 2;
    }
    const db = ctx.db();
    const now = ctx.clock.now();
    const { unit, registrationId } = unitRegistration(db, options);
    const reading = await readScoreFormOf(db, registrationId, readFileSync(file), basename(file));
    if (!reading.ok) {
      ctx.io.stderr(`${ctx.t('form-refused', { name: basename(file) })}\n${problemList(ctx.t, reading.problems)}`);
      ctx.result({ ok: false, problems: reading.problems });
      return 1;
    }
    ctx.say(scorePlanText(ctx.t, reading.plan, scoreFormContext(db, registrationId).scoring.table));
    if (options['dry-run'] === true) {
      ctx.say(ctx.t('cli-import-dry-run'));
      ctx.result({ ok: true, dryRun: true, plan: reading.plan });
      return 0;
    }
    inTransaction(db, () => {
      applyScorePlan(db, registrationId, reading.plan, boardActor, now);
      db.insert(formUploads).values({ form: 'score', registrationId, periodId: null, fileName: basename(file), storedPath: resolve(file), receivedAt: now, reading, appliedAt: now }).run();
    });
    ctx.say(ctx.t('cli-import-saved', { unit: unit.name }));
    ctx.result({ ok: true, dryRun: false, plan: reading.plan });
    return 0;
  },
};
