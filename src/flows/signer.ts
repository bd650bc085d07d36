/**
 * `/nguoiky` · `/signer`: who signs the unit's registration (position and name), asked once — the
 * first time the liaison downloads the registration to sign — kept on the unit, and changed here.
 * The download ("Tải bản đăng ký để trình ký", /taidangky) comes through this flow when the
 * signer is not known yet, and goes on to the document once it is.
 */
import { z } from 'zod';
import { defineFlow, type FlowContext, type StepResult } from '../chat/engine.ts';
import { setUnitSigner, signerKnown, signerName, signerTitle, unitSigner } from '../domain/unit-signer.ts';
import { hasUnit } from './common.ts';

const data = z.object({
  /** Go on to the registration document once the signer is known. */
  download: z.boolean(),
  title: z.string().optional(),
});
type Data = z.infer<typeof data>;

/** The positions most units sign with; any other is typed. */
const COMMON_TITLES = ['signer-director', 'signer-deputy-director', 'signer-chair', 'signer-deputy-chair', 'signer-head'] as const;

/** The registration document for the person's unit, made after this message. */
function scheduleRegistrationDocument(ctx: FlowContext, extra = ''): StepResult<Data> {
  ctx.schedule({ kind: 'document', personId: ctx.person!.id, identityId: ctx.identity.id, locale: ctx.locale, movementId: ctx.movement!.id, document: 'registration', unitId: ctx.unit!.id });
  return { kind: 'done', message: `${extra}${ctx.t('doc-started', { kind: 'registration', name: ctx.unit!.name })}` };
}

export const signerFlow = defineFlow<Data>({
  id: 'signer',
  version: 1,
  schema: data,
  commands: [{ en: 'signer', vi: 'nguoiky', menu: ['liaison'], place: 100 }],
  requires: { movement: true, person: { may: hasUnit, refusal: 'reg-not-allowed' } },
  start(ctx, args) {
    const download = args.trim() === 'download';
    if (download && signerKnown(unitSigner(ctx.db, ctx.unit!.id))) {
      const result = scheduleRegistrationDocument(ctx);
      return result.kind === 'done' ? result : { kind: 'refuse', message: ctx.t('choice-expected') };
    }
    return { kind: 'start', step: 'title', data: { download } };
  },
  steps: {
    title: {
      prompt: (ctx, d) => {
        const known = unitSigner(ctx.db, ctx.unit!.id);
        return {
          text: ctx.t(d.download ? 'signer-title-prompt-first' : 'signer-title-prompt', { unit: ctx.unit!.name, current: known.title?.replaceAll('\n', ' / ') ?? '', known: known.title ? 'yes' : 'no' }),
          choices: COMMON_TITLES.map((id) => ({ id, label: ctx.t(id) })),
        };
      },
      handle(ctx, d, answer) {
        const typed = answer.choice ? ctx.t(answer.choice.id) : (answer.text ?? '');
        const checked = signerTitle.safeParse(typed);
        if (!checked.success) return { kind: 'invalid', message: ctx.t('err-signer-title', { value: typed }) };
        return { kind: 'next', step: 'name', data: { ...d, title: checked.data } };
      },
    },
    name: {
      prompt: (ctx, d) => ({ text: ctx.t('signer-name-prompt', { title: (d.title ?? '').replaceAll('\n', ' / ') }) }),
      handle(ctx, d, answer) {
        const typed = answer.text ?? '';
        if (!signerName.safeParse(typed).success) return { kind: 'invalid', message: ctx.t('err-signer-name', { value: typed }) };
        const saved = setUnitSigner(ctx.db, ctx.unit!.id, { title: d.title!, name: typed }, ctx.actor, ctx.now);
        const message = ctx.t('signer-saved', { title: saved.title!.replaceAll('\n', ' / '), name: saved.name! });
        return d.download ? scheduleRegistrationDocument(ctx, `${message}\n`) : { kind: 'done', message };
      },
    },
  },
});
