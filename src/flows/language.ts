import { z } from 'zod';
import { defineFlow, type FlowContext, type StartResult } from '../chat/engine.ts';
import { setIdentityLocale, setPersonLocale } from '../domain/people.ts';
import { isLocale, translator, type Locale } from '../i18n/index.ts';
import { fold } from '../util/text.ts';

const LANGUAGE_NAMES: Record<string, Locale> = { vi: 'vi', 'tieng viet': 'vi', vietnamese: 'vi', en: 'en', english: 'en', 'tieng anh': 'en' };

function choose(ctx: FlowContext, locale: Locale): StartResult<object> {
  if (ctx.person) setPersonLocale(ctx.db, ctx.person.id, locale);
  setIdentityLocale(ctx.db, ctx.identity.id, locale);
  return { kind: 'done', message: translator(locale)('lang-set') };
}

/** Picks the language the bot speaks to this person (Vietnamese by default). */
export const languageFlow = defineFlow<object>({
  id: 'language',
  version: 1,
  schema: z.object({}),
  open: true,
  commands: [{ en: 'lang', vi: 'ngonngu', menu: ['guest', 'liaison', 'admin', 'cluster_head', 'viewer'], place: 240 }],
  start(ctx, args) {
    const wanted = LANGUAGE_NAMES[fold(args)];
    if (wanted) return choose(ctx, wanted);
    return { kind: 'start', step: 'pick', data: {} };
  },
  steps: {
    pick: {
      prompt: (ctx) => ({
        text: ctx.t('lang-prompt'),
        choices: [
          { id: 'vi', label: 'Tiếng Việt' },
          { id: 'en', label: 'English' },
        ],
      }),
      handle(ctx, _data, answer) {
        const id = answer.choice?.id ?? LANGUAGE_NAMES[fold(answer.text ?? '')];
        if (!isLocale(id)) return { kind: 'invalid', message: ctx.t('choice-expected') };
        const result = choose(ctx, id);
        return result.kind === 'done' ? result : { kind: 'invalid', message: ctx.t('choice-expected') };
      },
    },
  },
});
