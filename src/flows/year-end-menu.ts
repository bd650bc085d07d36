/**
 * The year's end in one button of the main menu: scoring, the bình xét, proposals, dossiers (and,
 * for the Board, the decision), each opening its own flow. The season's work stays out of the
 * everyday menu, which keeps a few buttons people on phones find at once.
 */
import { z } from 'zod';
import { defineFlow } from '../chat/engine.ts';

const STEPS_OF_ROLE: Record<string, string[]> = {
  liaison: ['score', 'vote', 'proposal', 'dossier'],
  cluster_head: ['score', 'vote', 'proposal', 'dossier'],
  admin: ['score', 'vote', 'proposal', 'dossier', 'decision'],
};

export const yearEndMenuFlow = defineFlow<object>({
  id: 'yearend',
  version: 1,
  schema: z.object({}),
  commands: [{ en: 'yearend', vi: 'cuoinam', menu: [], help: ['liaison', 'cluster_head', 'admin'], place: 125 }],
  requires: { movement: true, person: { may: (person) => person.role in STEPS_OF_ROLE, refusal: 'yearend-not-allowed' } },
  start(ctx) {
    const flows = STEPS_OF_ROLE[ctx.person!.role] ?? [];
    return { kind: 'done', message: ctx.t('yearend-menu'), choices: flows.map((flow) => ({ id: `go:${flow}`, label: ctx.t(`menu-${flow}`) })) };
  },
  steps: {},
});
