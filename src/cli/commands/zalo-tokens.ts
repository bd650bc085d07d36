import { recordAudit, cliActor } from '../../domain/audit.ts';
import { tokenText } from '../../channels/zalo/tokens.ts';
import { storeTokenPair } from '../../db/zalo-tokens.ts';
import type { Command } from '../context.ts';
import { formatVnDateTime } from '../../domain/format-time.ts';

/** Zalo's access tokens live 25 hours: 90000 seconds, as its OAuth server answers. */
const DEFAULT_EXPIRES_IN = 90_000;
const MAX_EXPIRES_IN = 30 * 24 * 3600;

/** Sets the Zalo OA's first token pair (from the Zalo developer console); later pairs come from refreshing. */
export const zaloTokensCommand: Command = {
  name: 'zalo-tokens',
  options: { access: { type: 'string' }, refresh: { type: 'string' }, 'expires-in': { type: 'string' } },
  run(ctx, _positionals, options) {
    if (typeof options.access !== 'string' || typeof options.refresh !== 'string') {
      ctx.io.stderr(ctx.t('cli-zalo-tokens-missing'));
      return 2;
    }
    const access = tokenText.safeParse(options.access);
    const refresh = tokenText.safeParse(options.refresh);
    if (!access.success || !refresh.success) {
      ctx.io.stderr(ctx.t('cli-zalo-tokens-bad-token', { option: access.success ? 'refresh' : 'access' }));
      return 2;
    }
    const raw = options['expires-in'];
    const expiresIn = raw === undefined ? DEFAULT_EXPIRES_IN : /^\d{1,9}$/.test(String(raw)) ? Number(raw) : NaN;
    if (!(expiresIn >= 60 && expiresIn <= MAX_EXPIRES_IN)) {
      ctx.io.stderr(ctx.t('cli-zalo-tokens-bad-expires', { value: String(raw), max: MAX_EXPIRES_IN }));
      return 2;
    }
    const db = ctx.db();
    const now = ctx.clock.now();
    const expiresAt = now + expiresIn * 1000;
    db.transaction((tx) => {
      storeTokenPair(tx, { accessToken: access.data, refreshToken: refresh.data, expiresAt }, now);
      // Never the tokens themselves: the audit log is read by people who must not hold them.
      recordAudit(tx, cliActor, now, { action: 'zalo.tokens.set', entity: 'zalo_tokens', entityId: 1, after: { expiresAt } });
    });
    ctx.say(ctx.t('cli-zalo-tokens-set', { expires: formatVnDateTime(expiresAt, ctx.config.TZ) }));
    ctx.result({ stored: true, expiresAt: new Date(expiresAt).toISOString() });
    return 0;
  },
};
