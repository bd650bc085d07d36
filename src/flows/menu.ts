import { z } from 'zod';
import { defineFlow } from '../chat/engine.ts';
import { mainMenuChoices, whoIs } from './common.ts';

/** What a linked person sees when they write outside a conversation: the main actions. */
export const menuFlow = defineFlow<Record<string, never>>({
  id: 'menu',
  version: 1,
  schema: z.object({}).strict() as z.ZodType<Record<string, never>>,
  commands: [{ en: 'menu', vi: 'menu', menu: ['liaison', 'admin', 'cluster_head', 'viewer'], place: 200 }],
  start: () => ({ kind: 'start', step: 'pick', data: {} }),
  steps: {
    pick: {
      prompt: (ctx) => ({ text: `${whoIs(ctx)}\n${ctx.t('menu-prompt')}`, choices: mainMenuChoices(ctx.t, ctx.person?.role) }),
      // /help on the menu: every command of the person's role (/taidangky, /donvi… are not all in the menu), then how to pick.
      help: (ctx) => `${ctx.commandList()}\n${ctx.t('menu-pick-help')}`,
      handle(ctx, _data, answer) {
        if (!answer.choice) return { kind: 'invalid', message: ctx.t('choice-expected') };
        return { kind: 'switch', flow: answer.choice.id.replace(/^go:/, '') };
      },
    },
    // The next steps a finished action offered, typed rather than pressed (kept by the chat core).
    offered: {
      prompt: (ctx) => ({ text: `${whoIs(ctx)}\n${ctx.t('menu-prompt')}`, choices: mainMenuChoices(ctx.t, ctx.person?.role) }),
      handle(_ctx, _data, answer) {
        const [flow = 'menu', ...args] = (answer.choice?.id ?? 'go:menu').replace(/^go:/, '').split(':');
        return { kind: 'switch', flow, args: args.join(':') };
      },
    },
  },
});
