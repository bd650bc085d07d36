/**
 * The units that still owe a registration (late once the deadline has passed), with one button to
 * urge them all: a message to each unit's liaisons through the outbox, with a button to register.
 */
import { z } from 'zod';
import { defineFlow, type FlowContext } from '../chat/engine.ts';
import { can, inScope, liaisonsOf, readScope } from '../domain/scope.ts';
import { movementStatus, type UnitStatus } from '../domain/status.ts';
import { formatVnDate, localDate } from '../domain/vn-input.ts';

/** Lines of the list shown in one message; the rest is counted. */
const SHOWN = 40;

const data = z.object({});

function owing(ctx: FlowContext): { units: UnitStatus[]; passed: boolean } {
  const scope = readScope(ctx.db, ctx.person!, ctx.movement!.id);
  const status = movementStatus(ctx.db, ctx.movement!, localDate(ctx.now, ctx.movement!.timezone));
  const units = status.units.filter((u) => inScope(scope, u.unitId) && (u.status === 'none' || u.status === 'draft' || u.status === 'returned'));
  return { units, passed: status.deadlinePassed };
}

function listText(ctx: FlowContext, units: UnitStatus[], passed: boolean): string {
  const lines = units.slice(0, SHOWN).map((u) => `• ${u.code} — ${u.name}: ${ctx.t('registration-status', { status: u.status })}`);
  if (units.length > SHOWN) lines.push(ctx.t('late-more', { count: units.length - SHOWN }));
  return `${ctx.t(passed ? 'late-title-passed' : 'late-title-open', { count: units.length, deadline: formatVnDate(ctx.movement!.registrationDeadline) })}\n${lines.join('\n')}`;
}

export const lateFlow = defineFlow<object>({
  id: 'late',
  version: 1,
  schema: data,
  start(ctx) {
    if (!ctx.movement) return { kind: 'refuse', message: ctx.t('err-no-movement-chat') };
    if (!ctx.person || !can.urge(ctx.person)) return { kind: 'refuse', message: ctx.t('scope-urge-only') };
    const { units, passed } = owing(ctx);
    if (units.length === 0) return { kind: 'done', message: ctx.t('late-none') };
    return { kind: 'start', step: 'confirm', data: {}, note: listText(ctx, units, passed) };
  },
  steps: {
    confirm: {
      prompt(ctx) {
        const { units } = owing(ctx);
        return {
          text: ctx.t('late-urge-prompt'),
          choices: [
            { id: 'urge', label: ctx.t('late-urge-all', { count: units.length }) },
            { id: 'no', label: ctx.t('choice-no') },
          ],
        };
      },
      handle(ctx, _d, answer) {
        if (answer.choice?.id === 'no') return { kind: 'done', message: ctx.t('late-not-urged') };
        if (answer.choice?.id !== 'urge') return { kind: 'invalid', message: ctx.t('choice-expected') };
        const { units } = owing(ctx);
        const day = localDate(ctx.now, ctx.movement!.timezone);
        const unreached: string[] = [];
        let reached = 0;
        for (const unit of units) {
          const liaisons = liaisonsOf(ctx.db, unit.unitId);
          if (liaisons.length === 0) {
            unreached.push(unit.code);
            continue;
          }
          reached++;
          // One urge a unit a day, however often the button is pressed.
          ctx.notify(liaisons, `urge:${day}:${unit.unitId}`, 'urge-notice', { status: unit.status, deadline: formatVnDate(ctx.movement!.registrationDeadline) }, (t) => [
            { id: 'go:register', label: t('menu-register') },
          ]);
        }
        return {
          kind: 'done',
          message: ctx.t('late-urged', { reached, unreached: unreached.length, codes: unreached.join(', ') }),
        };
      },
    },
  },
});
