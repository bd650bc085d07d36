import { z } from 'zod';
import { defineFlow } from '../chat/engine.ts';
import { withdrawZnsConsent } from '../domain/contacts.ts';

/** `/ngungzns`: the person withdraws their consent to ZNS reminders at their phone number. */
export const znsOffFlow = defineFlow<Record<string, never>>({
  id: 'zns-off',
  version: 1,
  schema: z.object({}).strict() as z.ZodType<Record<string, never>>,
  commands: [{ en: 'nozns', vi: 'ngungzns', menu: [], help: ['liaison'], place: 250 }],
  start(ctx) {
    const person = ctx.person!;
    const withdrawn = withdrawZnsConsent(ctx.db, person.id, { personId: person.id, label: ctx.actor.label }, ctx.now);
    return { kind: 'done', message: ctx.t(withdrawn ? 'zns-off-done' : 'zns-off-none') };
  },
  steps: {},
});
