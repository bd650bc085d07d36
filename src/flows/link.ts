import { z } from 'zod';
import { defineFlow, type FlowContext, type StepResult } from '../chat/engine.ts';
import { consentToZns, readMobile, znsEnabled } from '../domain/contacts.ts';
import { looksLikeCode, redeemInvite, setLinkFailures } from '../domain/invites.ts';
import { getPerson, setPersonLocale } from '../domain/people.ts';
import { getUnit } from '../domain/units.ts';
import { translator } from '../i18n/index.ts';
import { mainMenuChoices } from './common.ts';

/** Wrong codes from one messenger account before it must wait. */
const LINK_MAX_FAILURES = 5;
const LINK_LOCK_MS = 30 * 60 * 1000;
const ZALO_CHANNELS = new Set(['zalo', 'zalobot']);

const data = z.object({
  /** Linked, and asked whether ZNS reminders may go to their phone: the person, and the number the invite gave. */
  personId: z.number().int().optional(),
  phone: z.string().optional(),
});
type Data = z.infer<typeof data>;

function lockedMessage(ctx: FlowContext): string | undefined {
  const until = ctx.identity.lockedUntil;
  if (until === null || until <= ctx.now) return undefined;
  return ctx.t('link-locked', { minutes: Math.ceil((until - ctx.now) / 60_000) });
}

/** Tries a code; wrong ones count against this messenger account, and the fifth locks it for a while. */
function tryCode(ctx: FlowContext, code: string): StepResult<Data> {
  const locked = lockedMessage(ctx);
  if (locked) return { kind: 'done', message: locked };
  // A greeting ("Xin chào", "alo") is not a wrong code: it gets a welcome that explains the codes.
  if (!looksLikeCode(code)) return { kind: 'invalid', message: ctx.t(/\d/.test(code) ? 'link-not-a-code' : 'link-greeting') };
  const result = redeemInvite(ctx.db, code, { channel: ctx.identity.channel, externalId: ctx.identity.externalId, displayName: ctx.identity.displayName }, ctx.now);
  if (result.ok) {
    const person = getPerson(ctx.db, result.personId)!;
    // The person keeps the language this account was using.
    const locale = ctx.identity.locale ?? ctx.locale;
    setPersonLocale(ctx.db, person.id, locale);
    const unit = person.unitId ? getUnit(ctx.db, person.unitId) : undefined;
    const t = translator(locale);
    const done = t('link-done', { name: person.fullName, role: t(`role-${person.role}`), unit: unit?.name ?? '', hasUnit: unit ? 'yes' : 'no' });
    // On Zalo, whether reminders may reach them by ZNS once Zalo's 7-day window has closed.
    if (ZALO_CHANNELS.has(ctx.identity.channel) && znsEnabled(ctx.db))
      return { kind: 'next', step: 'phone', data: { personId: person.id, ...(person.phone ? { phone: person.phone } : {}) }, note: done, saved: true };
    return { kind: 'done', message: done, choices: mainMenuChoices(t, person.role) };
  }
  const failures = ctx.identity.linkFailures + 1;
  const lock = failures >= LINK_MAX_FAILURES;
  setLinkFailures(ctx.db, ctx.identity.id, lock ? 0 : failures, lock ? ctx.now + LINK_LOCK_MS : null);
  if (lock) return { kind: 'done', message: ctx.t('link-locked', { minutes: LINK_LOCK_MS / 60_000 }) };
  const reason = result.reason === 'locked' ? 'code-locked' : result.reason;
  return { kind: 'invalid', message: ctx.t(`link-${reason}`, { left: LINK_MAX_FAILURES - failures }) };
}

/** Binds this messenger account to a person of a unit, with the single-use code an admin gave. */
export const linkFlow = defineFlow<Data>({
  id: 'link',
  version: 1,
  schema: data,
  open: true,
  // A bare /start from a linked person opens the menu instead (chat/core.ts).
  commands: [{ en: 'start', vi: 'start', aliases: ['batdau'], menu: ['guest'], place: 0 }],
  start(ctx, args) {
    if (args.trim() !== '') {
      const result = tryCode(ctx, args);
      if (result.kind === 'done') return result;
      if (result.kind === 'invalid') return { kind: 'start', step: 'code', data: {}, note: result.message };
      if (result.kind === 'next') return { kind: 'start', step: result.step, data: result.data, ...(result.note ? { note: result.note } : {}) };
    }
    if (ctx.person) return { kind: 'done', message: ctx.t('link-already', { name: ctx.person.fullName, unit: ctx.unit?.name ?? '', hasUnit: ctx.unit ? 'yes' : 'no' }), choices: mainMenuChoices(ctx.t, ctx.person.role) };
    const locked = lockedMessage(ctx);
    if (locked) return { kind: 'refuse', message: locked };
    return { kind: 'start', step: 'code', data: {}, note: ctx.t('link-welcome') };
  },
  steps: {
    code: {
      prompt: (ctx) => ({ text: ctx.t('link-code-prompt') }),
      handle(ctx, _data, answer) {
        if (!answer.text) return { kind: 'invalid', message: ctx.t('link-code-expected') };
        return tryCode(ctx, answer.text);
      },
    },
    phone: {
      prompt(ctx, data) {
        const choices = [...(data.phone ? [{ id: 'use', label: ctx.t('link-phone-use', { phone: data.phone }) }] : []), { id: 'no', label: ctx.t('link-phone-no') }];
        const askPhone = { title: ctx.t('link-phone-form-title'), subtitle: ctx.t('link-phone-form-subtitle') };
        return { text: `${ctx.t('link-phone-ask')}\n${ctx.t('link-phone-type')}`, choices, numbered: false, askPhone };
      },
      handle(ctx, data, answer) {
        const finish = (message: string): StepResult<Data> => {
          const person = getPerson(ctx.db, data.personId!);
          return { kind: 'done', message, choices: mainMenuChoices(ctx.t, person?.role) };
        };
        if (answer.choice?.id === 'no') return finish(ctx.t('link-phone-declined'));
        const typed = answer.choice?.id === 'use' ? data.phone : answer.text;
        if (!typed || !readMobile(typed)) return { kind: 'invalid', message: ctx.t('link-phone-bad', { value: typed ?? '' }) };
        const phone = consentToZns(ctx.db, data.personId!, typed, { personId: data.personId!, label: ctx.actor.label }, ctx.now);
        return finish(ctx.t('link-phone-saved', { phone }));
      },
    },
  },
});
