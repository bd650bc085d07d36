import { boardSettings, updateBoardSettings } from '../../domain/board-settings.ts';
import { resolveMovement } from '../../domain/movements.ts';
import { resolveBoardSettings } from '../../documents/settings.ts';
import { zodLocale } from '../../i18n/index.ts';
import type { Command } from '../context.ts';

/** Option → setting; an empty value clears the setting (the default then applies). */
const FIELDS = {
  parent: 'parent',
  body: 'body',
  'body-name': 'bodyName',
  abbreviation: 'abbreviation',
  place: 'place',
  'signer-title': 'signerTitle',
  signer: 'signerName',
  recipients: 'recipients',
  proposals: 'proposals',
} as const;

/** `thidua board [--movement CODE] [--body "SỞ NỘI VỤ"] [--signer "…"] …`: shows or changes who issues and signs the Board's documents. */
export const boardCommand: Command = {
  name: 'board',
  options: { movement: { type: 'string' }, ...Object.fromEntries(Object.keys(FIELDS).map((o) => [o, { type: 'string' as const }])) },
  run(ctx, _positionals, options) {
    const db = ctx.db();
    let movement = resolveMovement(db, options.movement as string | undefined);
    const changes: Record<string, unknown> = {};
    for (const [option, field] of Object.entries(FIELDS)) {
      const value = options[option];
      if (typeof value !== 'string') continue;
      // Recipients and proposals: one a line, or separated by "|".
      changes[field] = value.trim() === '' ? null : field === 'recipients' || field === 'proposals' ? value.split(/\r?\n|\|/).map((r) => r.trim()).filter(Boolean) : value;
    }
    if (Object.keys(changes).length > 0) {
      const checked = boardSettings.partial().safeParse(Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== null)), { error: zodLocale(ctx.locale) });
      if (!checked.success) {
        for (const issue of checked.error.issues) ctx.io.stderr(`--${Object.entries(FIELDS).find(([, f]) => f === issue.path[0])?.[0] ?? issue.path.join('.')}: ${/^[a-z]+(-[a-z]+)+$/.test(issue.message) ? ctx.t(issue.message) : issue.message}`);
        return 1;
      }
      updateBoardSettings(db, movement.id, changes, { label: 'cli' }, ctx.clock.now());
      movement = resolveMovement(db, movement.code);
    }
    const settings = resolveBoardSettings(movement, ctx.t);
    ctx.say(ctx.t('cli-board-title', { code: movement.code }));
    for (const [option, field] of Object.entries(FIELDS)) {
      const value = settings[field];
      ctx.say(`  --${option.padEnd(13)} ${Array.isArray(value) ? value.join(' | ') : (value?.replaceAll('\n', ' | ') ?? '—')}`);
    }
    ctx.result({ movement: movement.code, settings });
    return 0;
  },
};

