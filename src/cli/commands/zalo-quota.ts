import { eq } from 'drizzle-orm';
import { movements } from '../../db/schema.ts';
import { recordAudit, cliActor } from '../../domain/audit.ts';
import { currentMovement } from '../../domain/movements.ts';
import { REACH_WAYS, type ReachWay } from '../../delivery/outbox.ts';
import { OVER_BUDGET, quotaSummary, saveBudget, type OverBudget } from '../../delivery/zalo-quota.ts';
import type { CliContext, Command } from '../context.ts';

/** A reach order as typed: known ways, none twice, `call` (if given) last. */
function readReach(text: string): ReachWay[] | undefined {
  const ways = text.split(',').map((w) => w.trim().toLowerCase());
  if (ways.some((w) => !(REACH_WAYS as readonly string[]).includes(w)) || new Set(ways).size !== ways.length) return undefined;
  if (ways.includes('call') && ways.at(-1) !== 'call') return undefined;
  return ways as ReachWay[];
}

const orderText = (ctx: CliContext, order: string) => order.split(',').map((way) => ctx.t('reach-way', { way })).join(' → ');

/** The Zalo OA's spending this month against its budget; sets the budget, what happens beyond it, and the reach order. */
export const zaloQuotaCommand: Command = {
  name: 'zalo-quota',
  options: { budget: { type: 'string' }, over: { type: 'string' }, reach: { type: 'string' }, month: { type: 'string' } },
  run(ctx, _positionals, options) {
    const { budget, over, reach, month } = options;
    if (budget !== undefined && !/^\d{1,9}$/.test(String(budget))) return refuse(ctx, 'cli-zalo-quota-bad-budget', budget);
    if (over !== undefined && !(OVER_BUDGET as readonly unknown[]).includes(over)) return refuse(ctx, 'cli-zalo-quota-bad-over', over);
    const order = reach === undefined ? undefined : readReach(String(reach));
    if (reach !== undefined && !order) return refuse(ctx, 'cli-zalo-quota-bad-reach', reach);
    if (month !== undefined && !/^\d{4}-(0[1-9]|1[0-2])$/.test(String(month))) return refuse(ctx, 'cli-zalo-quota-bad-month', month);
    const db = ctx.db();
    const now = ctx.clock.now();
    const movement = currentMovement(db);
    if (order && !movement) {
      ctx.io.stderr(ctx.t('cli-zalo-quota-no-movement'));
      return 1;
    }
    if (budget !== undefined || over !== undefined || order) {
      db.transaction((tx) => {
        saveBudget(tx, { ...(budget !== undefined ? { monthly: Number(budget) } : {}), ...(over !== undefined ? { over: over as OverBudget } : {}) }, now);
        if (order && movement) tx.update(movements).set({ reachOrder: order.join(',') }).where(eq(movements.id, movement.id)).run();
        recordAudit(tx, cliActor, now, { action: 'zalo.quota.set', entity: 'settings', entityId: 'zalo', after: { budget, over, reach: order?.join(',') } });
      });
      ctx.say(ctx.t('cli-zalo-quota-saved'));
    }
    const summary = quotaSummary(db, now, typeof month === 'string' ? month : undefined);
    const reachOrder = currentMovement(db)?.reachOrder;
    const [year, mon] = summary.month.split('-');
    ctx.say(ctx.t('zalo-quota-status', { month: `${mon}/${year}`, proactive: summary.proactive, budget: summary.budget.monthly, left: summary.left, replies: summary.replies, zns: summary.zns, held: summary.held }));
    ctx.say(ctx.t('zalo-quota-over', { over: summary.budget.over }));
    if (summary.zaloRemain !== null) ctx.say(ctx.t('zalo-quota-zalo-remain', { remain: summary.zaloRemain }));
    if (reachOrder) ctx.say(ctx.t('cli-zalo-quota-reach', { order: orderText(ctx, reachOrder) }));
    ctx.result({ ...summary, reachOrder: reachOrder?.split(',') ?? null });
    return 0;
  },
};

function refuse(ctx: CliContext, id: string, value: unknown): number {
  ctx.io.stderr(ctx.t(id, { value: String(value) }));
  return 2;
}
