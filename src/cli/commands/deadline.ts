/**
 * `thidua extend --until 15/04/2020 [--unit CODE] [--reason …]`: the Board extends the registration
 * deadline for every unit or for one; with `--period H2020-1 --unit CODE`, that unit's due day for
 * the period's report. `thidua reopen --unit CODE --reason …`: reopens an approved
 * registration. Both are recorded in the audit log and tell the unit's liaisons (through the outbox:
 * the running bot sends it), as the chat does; reminders follow the new date.
 */
import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/connection.ts';
import { people, units } from '../../db/schema.ts';
import { enqueueMessages, reachFor } from '../../delivery/outbox-writer.ts';
import { isLocale, translator, type Args, type Translate } from '../../i18n/index.ts';
import { cliActor } from '../../domain/audit.ts';
import { extendDeadline, extendPeriodDue, reopenRegistration, unitsToTellOfExtension } from '../../domain/deadlines.ts';
import { DomainError } from '../../domain/errors.ts';
import { listPeriods, resolveMovement } from '../../domain/movements.ts';
import { periodLabel } from '../../domain/period-labels.ts';
import { findRegistration } from '../../domain/registrations.ts';
import { formatVnDate, parseVnDate } from '../../domain/vn-input.ts';
import type { Command } from '../context.ts';

function unitOf(db: Db, code: unknown) {
  if (typeof code !== 'string' || code.trim() === '') return undefined;
  const unit = db.select().from(units).where(eq(units.code, code.trim())).get();
  if (!unit) throw new DomainError('err-unit-unknown', { code });
  return unit;
}

/** Queues a notice to the unit's active liaisons, in each one's language, with a button to register (or to report). */
function tellLiaisons(db: Db, unitId: number, key: string, id: string, args: Args | ((t: Translate) => Args), now: number, go: 'register' | 'report' = 'register'): void {
  const liaisons = db
    .select({ id: people.id, locale: people.locale })
    .from(people)
    .where(and(eq(people.unitId, unitId), eq(people.role, 'liaison'), eq(people.active, true)))
    .all();
  const reach = reachFor(db, liaisons.map((p) => p.id));
  enqueueMessages(
    db,
    liaisons.map((p) => {
      const t = translator(isLocale(p.locale) ? p.locale : 'vi');
      const text = t(id, typeof args === 'function' ? args(t) : args);
      return { dedupeKey: `${key}:${p.id}`, personId: p.id, reach: reach.get(p.id), payload: { text, choices: [{ id: `go:${go}`, label: t(`menu-${go}`) }] }, notBefore: now };
    }),
  );
}

export const extendCommand: Command = {
  name: 'extend',
  options: { until: { type: 'string' }, unit: { type: 'string' }, period: { type: 'string' }, reason: { type: 'string' }, movement: { type: 'string' } },
  run(ctx, _positionals, options) {
    const db = ctx.db();
    const movement = resolveMovement(db, options.movement as string | undefined);
    const reading = parseVnDate(String(options.until ?? ''), Number(movement.endsOn.slice(0, 4)));
    if (reading.kind !== 'ok') {
      ctx.io.stderr(ctx.t('cli-extend-usage'));
      return 2;
    }
    const unit = unitOf(db, options.unit);
    if (typeof options.period === 'string') {
      const period = listPeriods(db, movement.id).find((p) => p.code === String(options.period).trim());
      if (!period) throw new DomainError('err-period-unknown');
      if (!unit) {
        ctx.io.stderr(ctx.t('cli-extend-usage'));
        return 2;
      }
      const extended = extendPeriodDue(db, movement, period, { unitId: unit.id, until: reading.date, reason: (options.reason as string | undefined) ?? null }, cliActor, ctx.clock.now());
      tellLiaisons(db, unit.id, `extend:${unit.id}:p${period.id}:${extended.until}`, 'stp-extended-notice', (t) => ({ period: periodLabel(t, period), deadline: formatVnDate(extended.until) }), ctx.clock.now(), 'report');
      ctx.say(ctx.t('cli-extended-period', { unit: unit.name, period: periodLabel(ctx.t, period), from: formatVnDate(extended.from), until: formatVnDate(extended.until) }));
      ctx.result({ unit: unit.code, period: period.code, ...extended });
      return 0;
    }
    const result = extendDeadline(db, movement, { ...(unit ? { unitId: unit.id } : {}), until: reading.date, reason: (options.reason as string | undefined) ?? null }, cliActor, ctx.clock.now());
    // The unit given more time, or every unit whose registration is not with the Board yet, is told.
    const told = unit ? [unit.id] : unitsToTellOfExtension(db, movement, result.until);
    for (const unitId of told) tellLiaisons(db, unitId, `extend:${unitId}:${result.until}`, 'st-extended-notice', { deadline: formatVnDate(result.until) }, ctx.clock.now());
    ctx.say(ctx.t('cli-extended', { unit: unit?.name ?? '', all: unit ? 'no' : 'yes', from: formatVnDate(result.from), until: formatVnDate(result.until) }));
    ctx.result({ unit: unit?.code ?? null, ...result });
    return 0;
  },
};

export const reopenCommand: Command = {
  name: 'reopen',
  options: { unit: { type: 'string' }, reason: { type: 'string' }, movement: { type: 'string' } },
  run(ctx, _positionals, options) {
    const db = ctx.db();
    const movement = resolveMovement(db, options.movement as string | undefined);
    const unit = unitOf(db, options.unit);
    if (!unit) {
      ctx.io.stderr(ctx.t('cli-reopen-usage'));
      return 2;
    }
    const reg = findRegistration(db, movement.id, unit.id);
    if (!reg) throw new DomainError('err-reopen-not-approved', { status: 'none' });
    const row = reopenRegistration(db, reg.id, String(options.reason ?? ''), cliActor, ctx.clock.now());
    tellLiaisons(db, unit.id, `reopen:${row.id}:v${row.version}`, 'st-reopened-notice', { version: row.version, reason: row.reviewComment ?? '' }, ctx.clock.now());
    ctx.say(ctx.t('cli-reopened', { unit: unit.name, version: row.version }));
    ctx.result({ unit: unit.code, status: row.status, version: row.version });
    return 0;
  },
};
