import { z } from 'zod';
import { defineFlow, type FlowContext } from '../chat/engine.ts';
import { latestLines, targetTotal } from '../domain/progress.ts';
import { findRegistration, listTargets, listTitles } from '../domain/registrations.ts';
import { groupNameOfUnit } from '../domain/units.ts';
import { formatVnDate, localDate } from '../domain/vn-input.ts';
import { hasUnit, mainMenuChoices } from './common.ts';
import { periodTitle } from '../domain/period-labels.ts';
import { formatResult, formatTargetList } from './format.ts';
import type { Unit } from '../domain/model.ts';

/** A unit's registration, targets and latest progress, in one message. */
export function describeUnit(ctx: FlowContext, unit: Unit): string {
  const movement = ctx.movement!;
  const group = groupNameOfUnit(ctx.db, movement.id, unit.id);
  const reg = findRegistration(ctx.db, movement.id, unit.id);
  const lines = [ctx.t('myunit-title', { unit: unit.name, group: group ?? '—', movement: movement.name })];
  lines.push(
    ctx.t('myunit-status', {
      status: reg?.status ?? 'none',
      version: reg?.version ?? 0,
      late: reg?.late ? 'yes' : 'no',
      submitted: reg?.submittedAt ? formatVnDate(localDate(reg.submittedAt, movement.timezone)) : '—',
      deadline: formatVnDate(movement.registrationDeadline),
    }),
  );
  if (!reg) return lines.join('\n');
  if (reg.status === 'returned' && reg.reviewComment) lines.push(ctx.t('reg-returned-reason', { reason: reg.reviewComment }));
  const targets = listTargets(ctx.db, reg.id);
  lines.push('', formatTargetList(ctx.t, targets, ctx.areas(movement.id)));
  const titles = listTitles(ctx.db, reg.id);
  if (titles.length > 0) lines.push(ctx.t('reg-titles-line', { titles: titles.map((x) => ctx.t(`title-${x}`)).join('; ') }));
  const latest = latestLines(ctx.db, reg.id);
  if (latest.size > 0) {
    lines.push('', ctx.t('myunit-progress'));
    targets.forEach((target, i) => {
      const row = latest.get(target.id);
      // A count reported "this period only" is shown as the running total its % of plan is of.
      if (row) lines.push(`${i + 1}. ${periodTitle(ctx.t, row.period)}: ${formatResult(ctx.t, target, { ...row.line, total: targetTotal(ctx.db, target, row.period) })}`);
    });
  }
  return lines.join('\n');
}

export const myUnitFlow = defineFlow<object>({
  id: 'myunit',
  version: 1,
  schema: z.object({}),
  commands: [{ en: 'myunit', vi: 'donvi', menu: ['liaison', 'cluster_head'], place: 80 }],
  requires: { movement: true, person: { may: hasUnit, refusal: 'myunit-no-unit' } },
  start(ctx) {
    return { kind: 'done', message: describeUnit(ctx, ctx.unit!), choices: mainMenuChoices(ctx.t, ctx.person?.role) };
  },
  steps: {},
});
