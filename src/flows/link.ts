import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { defineFlow, type FlowContext, type StepResult } from '../chat/engine.ts';
import { identities, people, units } from '../db/schema.ts';
import { looksLikeCode, redeemInvite } from '../domain/invites.ts';
import { translator } from '../i18n/index.ts';
import { mainMenuChoices } from './common.ts';

/** Wrong codes from one messenger account before it must wait. */
export const LINK_MAX_FAILURES = 5;
export const LINK_LOCK_MS = 30 * 60 * 1000;

const data = z.object({});
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
    const person = ctx.db.select().from(people).where(eq(people.id, result.personId)).get()!;
    // The person keeps the language this account was using.
    const locale = ctx.identity.locale ?? ctx.locale;
    ctx.db.update(people).set({ locale }).where(eq(people.id, person.id)).run();
    const unit = person.unitId ? ctx.db.select().from(units).where(eq(units.id, person.unitId)).get() : undefined;
    const t = translator(locale);
    return {
      kind: 'done',
      message: t('link-done', { name: person.fullName, role: t(`role-${person.role}`), unit: unit?.name ?? '', hasUnit: unit ? 'yes' : 'no' }),
      choices: mainMenuChoices(t, person.role),
    };
  }
  const failures = ctx.identity.linkFailures + 1;
  const lock = failures >= LINK_MAX_FAILURES;
  ctx.db
    .update(identities)
    .set({ linkFailures: lock ? 0 : failures, lockedUntil: lock ? ctx.now + LINK_LOCK_MS : null })
    .where(eq(identities.id, ctx.identity.id))
    .run();
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
  start(ctx, args) {
    if (args.trim() !== '') {
      const result = tryCode(ctx, args);
      if (result.kind === 'done') return result;
      if (result.kind === 'invalid') return { kind: 'start', step: 'code', data: {}, note: result.message };
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
  },
});
