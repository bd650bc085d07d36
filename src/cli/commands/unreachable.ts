import { and, desc, eq, isNotNull } from 'drizzle-orm';
import { identities, people, units } from '../../db/schema.ts';
import { messageIds } from '../../i18n/index.ts';
import type { CliContext, Command } from '../context.ts';
import { formatVnDateTime } from '../../domain/format-time.ts';

const CHANNELS = ['zalo', 'telegram'] as const;

/** A stored reason in words when the locales know it ("window-expired"), else as stored. */
function reasonText(ctx: CliContext, reason: string | null): string {
  if (!reason) return '—';
  const id = `unreachable-reason-${reason}`;
  return messageIds(ctx.locale).includes(id) ? ctx.t(id) : reason;
}

/** People the bot could not reach on a channel (Zalo's 7-day window, unfollowed, a blocked bot…), latest first. */
export const unreachableCommand: Command = {
  name: 'unreachable',
  options: { channel: { type: 'string' } },
  run(ctx, _positionals, options) {
    const channel = options.channel;
    if (channel !== undefined && !(CHANNELS as readonly unknown[]).includes(channel)) {
      ctx.io.stderr(ctx.t('cli-unreachable-bad-channel', { value: String(channel), channels: CHANNELS.join(', ') }));
      return 2;
    }
    const rows = ctx
      .db()
      .select({
        externalId: identities.externalId,
        displayName: identities.displayName,
        channel: identities.channel,
        since: identities.unreachableAt,
        reason: identities.unreachableReason,
        name: people.fullName,
        unitCode: units.code,
        unitName: units.name,
      })
      .from(identities)
      .leftJoin(people, eq(people.id, identities.personId))
      .leftJoin(units, eq(units.id, people.unitId))
      .where(and(isNotNull(identities.unreachableAt), channel ? eq(identities.channel, channel as (typeof CHANNELS)[number]) : undefined))
      .orderBy(desc(identities.unreachableAt))
      .all();
    const list = rows.map((r) => ({
      name: r.name ?? r.displayName ?? r.externalId,
      unit: r.unitName,
      unitCode: r.unitCode,
      channel: r.channel,
      externalId: r.externalId,
      since: new Date(r.since!).toISOString(),
      reason: r.reason,
      linked: r.name !== null,
    }));
    if (list.length === 0) ctx.say(ctx.t('cli-unreachable-none'));
    else ctx.say(ctx.t('cli-unreachable-title', { count: list.length }));
    for (const [i, r] of list.entries()) {
      ctx.say(
        ctx.t('cli-unreachable-line', {
          name: r.name,
          unit: r.unit ?? ctx.t('cli-unreachable-no-unit'),
          channel: r.channel,
          since: formatVnDateTime(rows[i]!.since!, ctx.config.TZ),
          reason: reasonText(ctx, r.reason),
        }),
      );
    }
    ctx.result(list);
    return 0;
  },
};
