import { Api } from 'grammy';
import { ROLES } from '../../util/vocabulary.ts';
import { deepLink } from '../../channels/telegram/render.ts';
import { cliActor } from '../../domain/audit.ts';
import { createInvite, rememberTelegramUsername, telegramUsername } from '../../domain/invites.ts';
import type { Role } from '../../domain/model.ts';
import { formatVnDate, localDate } from '../../domain/vn-input.ts';
import type { CliContext, Command } from '../context.ts';

/** How long the Bot API is given to say the bot's username before the invite goes without a link. */
const GET_ME_TIMEOUT_SECONDS = 5;

/** The bot's username, remembered in settings after the first successful getMe; undefined when Telegram cannot be reached in time. */
async function botUsername(ctx: CliContext): Promise<string | undefined> {
  const token = ctx.config.TELEGRAM_BOT_TOKEN;
  if (!token) return undefined;
  const db = ctx.db();
  const cached = telegramUsername(db);
  if (cached) return cached;
  const me = await new Api(token, { apiRoot: ctx.config.TELEGRAM_API_ROOT, timeoutSeconds: GET_ME_TIMEOUT_SECONDS }).getMe().catch(() => undefined);
  if (me) rememberTelegramUsername(db, me.username, ctx.clock.now());
  return me?.username;
}

export const inviteCommand: Command = {
  name: 'invite',
  options: { unit: { type: 'string' }, role: { type: 'string' }, name: { type: 'string' }, phone: { type: 'string' }, days: { type: 'string' } },
  async run(ctx, _positionals, options) {
    const role = (options.role ?? 'liaison') as string;
    if (!(ROLES as readonly string[]).includes(role)) {
      ctx.io.stderr(ctx.t('cli-bad-role', { role, roles: ROLES.join(', ') }));
      return 2;
    }
    const days = options.days === undefined ? undefined : Number(options.days);
    if (days !== undefined && !(Number.isInteger(days) && days >= 1 && days <= 365)) {
      ctx.io.stderr(ctx.t('cli-bad-days', { value: String(options.days) }));
      return 2;
    }
    const invite = createInvite(
      ctx.db(),
      { unitCode: (options.unit as string | undefined) ?? null, role: role as Role, personName: (options.name as string | undefined) ?? null, phone: (options.phone as string | undefined) ?? null, ...(days ? { validDays: days } : {}) },
      cliActor,
      ctx.clock.now(),
    );
    const username = await botUsername(ctx);
    const link = username ? deepLink(username, invite.code) : null;
    const expires = formatVnDate(localDate(invite.expiresAt, ctx.config.TZ));
    ctx.say(ctx.t('cli-invite-created', { code: invite.code, role: ctx.t(`role-${role}`), unit: (options.unit as string) ?? '—', expires }));
    ctx.say(link ? ctx.t('cli-invite-link', { link }) : ctx.t(ctx.config.TELEGRAM_BOT_TOKEN ? 'cli-invite-no-link-unreachable' : 'cli-invite-no-link'));
    ctx.result({ code: invite.code, role, unit: options.unit ?? null, expiresAt: new Date(invite.expiresAt).toISOString(), link });
    return 0;
  },
};
