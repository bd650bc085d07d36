import { formatVnDateTime } from '../../domain/format-time.ts';
import { latestReminderOutcomes } from '../../delivery/reach.ts';
import type { Command } from '../context.ts';

/** Each person's latest reminder and how it went; by default only those it did not reach, with the phones to call. */
export const callListCommand: Command = {
  name: 'call-list',
  options: { all: { type: 'boolean' } },
  run(ctx, _positionals, options) {
    const all = latestReminderOutcomes(ctx.db());
    const list = options.all === true ? all : all.filter((r) => r.outcome === 'none');
    if (list.length === 0) ctx.say(ctx.t('cli-call-list-none'));
    else ctx.say(ctx.t(options.all === true ? 'cli-call-list-all-title' : 'cli-call-list-title', { count: list.length }));
    const none = ctx.t('cli-call-list-no-phone');
    for (const r of list)
      ctx.say(
        ctx.t('cli-call-list-line', {
          name: r.name,
          unit: r.unit ?? '—',
          outcome: ctx.t('reach-outcome', { outcome: r.outcome }),
          phone: r.phone ?? none,
          unitPhone: r.unitPhone ?? none,
          at: formatVnDateTime(r.at, ctx.config.TZ),
        }),
      );
    ctx.result(list.map((r) => ({ ...r, at: new Date(r.at).toISOString() })));
    return 0;
  },
};
