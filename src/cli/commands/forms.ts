/**
 * The Board's side of the forms, for units that still email theirs:
 * `thidua form --unit CODE [--period CODE] [--out FILE]` writes the unit's form (registration, or
 * the period's report; `thidua form score --unit CODE`: its self-assessment, see score-form.ts);
 * `thidua import-targets <file> --unit CODE [--dry-run]` and
 * `thidua import-results <file> --unit CODE --period CODE [--dry-run]` read a filled one back with
 * the chat's checks, and (without --dry-run, and only when the whole file is right) save it,
 * recorded in the audit log as done by the Board through the CLI.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/connection.ts';
import { inTransaction } from '../../db/prepared.ts';
import { formUploads, reportingPeriods, units } from '../../db/schema.ts';
import { recordAudit, type Actor } from '../../domain/audit.ts';
import { DomainError } from '../../domain/errors.ts';
import { listContentAreas, resolveMovement } from '../../domain/movements.ts';
import { ensureRegistration, findRegistration, listTargets } from '../../domain/registrations.ts';
import { problemList, targetPlanText } from '../../flows/forms.ts';
import { formatResult } from '../../flows/format.ts';
import { computeLines } from '../../domain/progress.ts';
import { applyForm, type FormKind, type FormReading } from '../../forms/apply.ts';
import { buildForm, readForm } from '../../forms/service.ts';
import type { CliContext, Command } from '../context.ts';
import { writeScoreFormFile } from './score-form.ts';
import type { Movement, Registration, Unit } from '../../domain/model.ts';

/** Changes made with these commands are the Board's, on the unit's behalf. */
const boardActor: Actor = { label: 'cli:board' };

interface Target {
  movement: Movement;
  unit: Unit;
  registration: Registration;
  periodId: number | null;
}

function resolveTarget(db: Db, options: Record<string, string | boolean | undefined>, form: FormKind, now: number): Target {
  const movement = resolveMovement(db, options.movement as string | undefined);
  const code = typeof options.unit === 'string' ? options.unit.trim() : '';
  const unit = code === '' ? undefined : db.select().from(units).where(eq(units.code, code)).get();
  if (!unit) throw new DomainError('err-unit-unknown', { code });
  let periodId: number | null = null;
  if (form === 'results') {
    const period = db
      .select()
      .from(reportingPeriods)
      .where(and(eq(reportingPeriods.movementId, movement.id), eq(reportingPeriods.code, String(options.period ?? ''))))
      .get();
    if (!period) throw new DomainError('err-period-unknown');
    periodId = period.id;
    const registration = findRegistration(db, movement.id, unit.id);
    if (!registration || registration.version === 0 || listTargets(db, registration.id).length === 0) throw new DomainError('cli-form-not-registered', { unit: unit.code });
    return { movement, unit, registration, periodId };
  }
  return { movement, unit, registration: ensureRegistration(db, movement.id, unit.id, now), periodId };
}

export const formCommand: Command = {
  name: 'form',
  args: '[score]',
  options: { unit: { type: 'string' }, period: { type: 'string' }, out: { type: 'string' }, movement: { type: 'string' } },
  async run(ctx, positionals, options) {
    if (positionals[0] === 'score' && typeof options.unit === 'string') return writeScoreFormFile(ctx, options);
    if (typeof options.unit !== 'string') {
      ctx.io.stderr(ctx.t('cli-form-usage'));
      return 2;
    }
    const db = ctx.db();
    const form: FormKind = typeof options.period === 'string' ? 'results' : 'targets';
    const target = resolveTarget(db, options, form, ctx.clock.now());
    const { bytes, fileName } = await buildForm(db, form, target.registration.id, target.periodId, ctx.locale);
    const path = resolve(typeof options.out === 'string' ? options.out : fileName);
    writeFileSync(path, bytes);
    ctx.say(ctx.t('cli-form-written', { path, unit: target.unit.name }));
    ctx.result({ path, unit: target.unit.code, form });
    return 0;
  },
};

/** Reads a filled form for a unit, prints what it would change (or every problem), and saves it unless --dry-run. */
async function importForm(ctx: CliContext, positionals: string[], options: Record<string, string | boolean | undefined>, form: Exclude<FormKind, 'score'>): Promise<number> {
  const file = positionals[0];
  if (!file || typeof options.unit !== 'string' || (form === 'results' && typeof options.period !== 'string')) {
    ctx.io.stderr(ctx.t(form === 'targets' ? 'cli-import-targets-usage' : 'cli-import-results-usage'));
    return 2;
  }
  const db = ctx.db();
  const now = ctx.clock.now();
  const target = resolveTarget(db, options, form, now);
  const bytes = readFileSync(file);
  const reading: FormReading = await readForm(db, form, target.registration.id, target.periodId, bytes, basename(file), now);
  const dryRun = options['dry-run'] === true;
  if (!reading.ok) {
    ctx.io.stderr(`${ctx.t('form-refused', { name: basename(file) })}\n${problemList(ctx.t, reading.problems)}`);
    ctx.result({ ok: false, problems: reading.problems });
    return 1;
  }
  if ('added' in reading.plan) ctx.say(targetPlanText(ctx.t, reading.plan, listContentAreas(db, target.movement.id)));
  else {
    const byId = new Map(listTargets(db, target.registration.id).map((x) => [x.id, x]));
    const period = db.select().from(reportingPeriods).where(eq(reportingPeriods.id, target.periodId!)).get()!;
    const computed = computeLines(db, target.registration.id, period, reading.plan.lines);
    for (const line of computed) ctx.say(`${byId.get(line.targetId)?.text ?? '?'}: ${formatResult(ctx.t, byId.get(line.targetId)!, line)}`);
    if (reading.plan.warnings.length > 0) ctx.say(`${ctx.t('form-plan-warnings')}\n${problemList(ctx.t, reading.plan.warnings)}`);
  }
  if (dryRun) {
    ctx.say(ctx.t('cli-import-dry-run'));
    ctx.result({ ok: true, dryRun: true, plan: reading.plan });
    return 0;
  }
  inTransaction(db, () => {
    applyForm(db, form, target.registration.id, target.periodId, reading, boardActor, now);
    const upload = db
      .insert(formUploads)
      .values({ form, registrationId: target.registration.id, periodId: target.periodId, fileName: basename(file), storedPath: resolve(file), receivedAt: now, reading, appliedAt: now })
      .returning({ id: formUploads.id })
      .get();
    recordAudit(db, boardActor, now, { action: `form.import-${form}`, entity: 'registration', entityId: target.registration.id, after: { unit: target.unit.code, file: basename(file), upload: upload.id } });
  });
  ctx.say(ctx.t('cli-import-saved', { unit: target.unit.name }));
  ctx.result({ ok: true, dryRun: false, plan: reading.plan });
  return 0;
}

export const importTargetsCommand: Command = {
  name: 'import-targets',
  args: '<file.xlsx>',
  options: { unit: { type: 'string' }, 'dry-run': { type: 'boolean' }, movement: { type: 'string' } },
  run: (ctx, positionals, options) => importForm(ctx, positionals, options, 'targets'),
};

export const importResultsCommand: Command = {
  name: 'import-results',
  args: '<file.xlsx>',
  options: { unit: { type: 'string' }, period: { type: 'string' }, 'dry-run': { type: 'boolean' }, movement: { type: 'string' } },
  run: (ctx, positionals, options) => importForm(ctx, positionals, options, 'results'),
};
