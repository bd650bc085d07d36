import { resolveMovement } from '../../domain/movements.ts';
import { movementStatus, type StatusCounts } from '../../domain/status.ts';
import { formatVnDate, localDate } from '../../domain/vn-input.ts';
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

export const statusCommand: Command = {
  name: 'status',
  options: { movement: { type: 'string' } },
  run(ctx, _positionals, options) {
    const db = ctx.db();
    const movement = resolveMovement(db, options.movement as string | undefined);
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
