/** What a registration conversation keeps between answers, and the list it shows. */
import { z } from 'zod';
import type { FlowContext } from '../chat/engine.ts';
import type { Choice } from '../chat/types.ts';
import { getRegistration, listTargets, listTitles } from '../domain/registrations.ts';
import { deadlineFor } from '../domain/deadlines.ts';
import { getUnit } from '../domain/units.ts';
import { formatVnDate } from '../domain/vn-input.ts';
import { formatTargetList } from './format.ts';
import type { Unit } from '../domain/model.ts';

const draft = z.object({
  /** Set when an existing target is being edited. */
  targetId: z.number().int().optional(),
  areaId: z.number().int().optional(),
  text: z.string().optional(),
  kind: z.enum(['quantitative', 'qualitative']).optional(),
  measure: z.string().optional(),
  planned: z.number().optional(),
  /** Two readings of an ambiguous number ("1.500"), waiting for the person to pick one. */
  pending: z.tuple([z.number(), z.number()]).optional(),
  direction: z.enum(['at_least', 'at_most']).optional(),
  dueOn: z.string().optional(),
  /** A due date already past, waiting for the person to confirm it (or pick next year's). */
  dueToConfirm: z.string().optional(),
  note: z.string().nullable().optional(),
  /** Editing one field of a saved target: saved as soon as it (and whatever it makes necessary) is answered. */
  single: z.boolean().optional(),
});
export type Draft = z.infer<typeof draft>;

export const data = z.object({
  registrationId: z.number().int(),
  draft: draft.nullable(),
  titles: z.array(z.string()).optional(),
  /** A filled form sent back: the form_uploads row holding what was read. */
  upload: z.number().int().optional(),
  /** Targets typed or pasted one a line, waiting to be confirmed. */
  pasted: z.array(z.string()).optional(),
  /** "Gửi" pressed with no titles sought: the way it was sent, kept while the titles are asked. */
  sending: z.enum(['send', 'send-note']).optional(),
  /** The liaison said "Không đăng ký danh hiệu": sent without titles, not asked again. */
  noTitles: z.boolean().optional(),
});
export type Data = z.infer<typeof data>;

/** The unit whose registration this is (the person's own, or the one the Board is entering). */
export function unitOf(ctx: FlowContext, data: Data): Unit {
  const unitId = getRegistration(ctx.db, data.registrationId).unitId;
  return ctx.unit?.id === unitId ? ctx.unit : getUnit(ctx.db, unitId)!;
}

export function menuText(ctx: FlowContext, data: Data): string {
  const reg = getRegistration(ctx.db, data.registrationId);
  const targets = listTargets(ctx.db, reg.id);
  const titles = listTitles(ctx.db, reg.id);
  const lines = [
    ctx.t('reg-header', {
      unit: unitOf(ctx, data).name,
      movement: ctx.movement!.name,
      status: reg.status,
      deadline: formatVnDate(deadlineFor(ctx.movement!, reg)),
    }),
  ];
  if (reg.status === 'returned' && reg.reviewComment) lines.push(ctx.t('reg-returned-reason', { reason: reg.reviewComment }));
  lines.push('', formatTargetList(ctx.t, targets, ctx.areas(reg.movementId)));
  if (titles.length > 0) lines.push('', ctx.t('reg-titles-line', { titles: titles.map((x) => ctx.t(`title-${x}`)).join('; ') }));
  return lines.join('\n');
}

export function targetChoices(ctx: FlowContext, data: Data): Choice[] {
  return listTargets(ctx.db, data.registrationId).map((target) => ({
    id: String(target.id),
    label: target.text.length > 60 ? `${target.text.slice(0, 59)}…` : target.text,
  }));
}
