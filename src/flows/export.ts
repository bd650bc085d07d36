/**
 * `/xuat` · `/export`: the movement's figures as a workbook (XLSX) or CSV files, sent into the
 * chat. A cluster head gets its own cluster only; the Board and leaders get everything.
 */
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { defineFlow, type FlowContext, type StepResult } from '../chat/engine.ts';
import { groups } from '../db/schema.ts';
import { can } from '../domain/scope.ts';

const data = z.object({});

/** The cluster a cluster head's export is limited to: the one its unit heads. */
function ownGroup(ctx: FlowContext): string | null {
  if (ctx.person?.role !== 'cluster_head' || !ctx.person.unitId) return null;
  return ctx.db.select({ code: groups.code }).from(groups).where(and(eq(groups.movementId, ctx.movement!.id), eq(groups.headUnitId, ctx.person.unitId))).get()?.code ?? null;
}

function start(ctx: FlowContext, format: 'xlsx' | 'csv'): StepResult<object> {
  ctx.schedule({ kind: 'export', personId: ctx.person!.id, identityId: ctx.identity.id, locale: ctx.locale, format, groupCode: ownGroup(ctx) });
  return { kind: 'done', message: ctx.t('exp-started', { format: format.toUpperCase() }) };
}

export const exportFlow = defineFlow<object>({
  id: 'export',
  version: 1,
  schema: data,
  start(ctx, args) {
    if (!ctx.movement) return { kind: 'refuse', message: ctx.t('err-no-movement-chat') };
    if (!ctx.person || !can.export(ctx.person)) return { kind: 'refuse', message: ctx.t('scope-export-only') };
    const format = args.trim().toLowerCase();
    if (format === 'xlsx' || format === 'csv') {
      const result = start(ctx, format);
      return result.kind === 'done' ? result : { kind: 'refuse', message: ctx.t('choice-expected') };
    }
    return { kind: 'start', step: 'format', data: {} };
  },
  steps: {
    format: {
      prompt: (ctx) => ({
        text: ctx.t('exp-format-prompt'),
        choices: [
          { id: 'xlsx', label: ctx.t('exp-xlsx') },
          { id: 'csv', label: ctx.t('exp-csv') },
        ],
      }),
      handle(ctx, _d, answer) {
        const id = answer.choice?.id;
        if (id !== 'xlsx' && id !== 'csv') return { kind: 'invalid', message: ctx.t('choice-expected') };
        return start(ctx, id);
      },
    },
  },
});
