import { listPeriods, resolveMovement } from '../../domain/movements.ts';
import { periodLabel } from '../../domain/period-labels.ts';
import { periodStanding, type PeriodCounts } from '../../domain/period-standing.ts';
import { DomainError } from '../../domain/errors.ts';
import { movementStatus, type StatusCounts } from '../../domain/status.ts';
import { formatVnDate, localDate } from '../../domain/vn-input.ts';
import type { Movement } from '../../domain/model.ts';
import type { Db } from '../../db/connection.ts';
import type { CliContext, Command } from '../context.ts';

function countsLine(ctx: CliContext, label: string, c: StatusCounts): string {
  return ctx.t('cli-status-line', {
    label,
    units: c.units,
    none: c.none,
    draft: c.draft,
    submitted: c.submitted,
    returned: c.returned,
    approved: c.approved,
    submittedLate: c.submittedLate,
    overdue: c.overdue,
  });
}

const periodLine = (ctx: CliContext, label: string, c: PeriodCounts) =>
  ctx.t('cli-status-period-line', { label, units: c.units, onTime: c.onTime, late: c.late, overdue: c.overdue, notDue: c.notDue });

/** `thidua status --period H2020-1`: the period's standing, as /tinhhinh shows it. */
function periodStatus(ctx: CliContext, db: Db, movement: Movement, code: string): number {
  const period = listPeriods(db, movement.id).find((p) => p.code === code.trim());
  if (!period) throw new DomainError('err-period-unknown');
  const s = periodStanding(db, movement, period, localDate(ctx.clock.now(), movement.timezone));
  ctx.say(ctx.t('cli-status-period-title', { code: movement.code, period: periodLabel(ctx.t, period), due: formatVnDate(period.dueOn), today: formatVnDate(s.today) }));
  ctx.say(periodLine(ctx, ctx.t('cli-status-total'), s.totals));
  for (const state of ['late', 'overdue'] as const) {
    const of = s.units.filter((u) => u.state === state);
    const units = of.map((u) => (u.sentOn ? `${u.code} (${formatVnDate(u.sentOn)})` : u.code)).join(', ');
    if (of.length > 0) ctx.say(ctx.t('cli-status-period-named', { state, count: of.length, units }));
  }
  ctx.say(ctx.t('cli-status-by-group'));
  for (const g of s.byGroup) ctx.say(periodLine(ctx, g.name ?? ctx.t('cli-status-no-group'), g));
  ctx.say(ctx.t('cli-status-by-kind'));
  for (const k of s.byKind) ctx.say(periodLine(ctx, ctx.t(`unit-kind-${k.kind}`), k));
  ctx.say(ctx.t('stp-by-area'));
  for (const a of s.byArea) ctx.say(ctx.t('stp-area', { number: a.number, area: a.area, exceeded: a.exceeded, met: a.met, inProgress: a.inProgress, notMet: a.notMet, notReported: a.notReported }));
  ctx.result(s);
  return 0;
}

export const statusCommand: Command = {
  name: 'status',
  options: { movement: { type: 'string' }, period: { type: 'string' } },
  run(ctx, _positionals, options) {
    const db = ctx.db();
    const movement = resolveMovement(db, options.movement as string | undefined);
    if (typeof options.period === 'string') return periodStatus(ctx, db, movement, options.period);
    const status = movementStatus(db, movement, localDate(ctx.clock.now(), movement.timezone));
    ctx.say(ctx.t('cli-status-title', { code: movement.code, name: movement.name, deadline: formatVnDate(movement.registrationDeadline) }));
    ctx.say(countsLine(ctx, ctx.t('cli-status-total'), status.totals));
    ctx.say(ctx.t('cli-status-by-group'));
    for (const g of status.byGroup) ctx.say(countsLine(ctx, g.name ?? ctx.t('cli-status-no-group'), g));
    ctx.say(ctx.t('cli-status-by-kind'));
    for (const k of status.byKind) ctx.say(countsLine(ctx, ctx.t(`unit-kind-${k.kind}`), k));
    for (const kind of ['overdue', 'submitted_late'] as const) {
      const late = status.units.filter((u) => u.lateness === kind);
      if (late.length > 0) ctx.say(ctx.t('cli-status-late', { kind, count: late.length, units: late.map((u) => u.code).join(', ') }));
    }
    ctx.result(status);
    return 0;
  },
};
