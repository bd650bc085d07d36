import { cliActor } from '../../domain/audit.ts';
import { resolveMovement } from '../../domain/movements.ts';
import type { Period } from '../../domain/model.ts';
import { periodLabel } from '../../domain/period-labels.ts';
import { broadcastReport, confirmBroadcast, draftBroadcast, parseAudience, previewBroadcast, type Audience } from '../../reminders/broadcast.ts';
import type { CliContext, Command } from '../context.ts';

const SHOWN = 15;

function audienceWords(ctx: CliContext, audience: Audience, name: string | null, period: Period | null): string {
  switch (audience.kind) {
    case 'group':
      return ctx.t('cli-broadcast-audience', { kind: 'group', name: name ?? audience.code });
    case 'kind':
      return ctx.t('cli-broadcast-audience', { kind: 'kind', name: ctx.t(`unit-kind-${audience.unitKind}`) });
    case 'report-missing':
    case 'report-sent':
      return ctx.t('cli-broadcast-audience', { kind: audience.kind, name: period ? periodLabel(ctx.t, period) : audience.period });
    default:
      return ctx.t('cli-broadcast-audience', { kind: audience.kind, name: '' });
  }
}

function report(ctx: CliContext, id: number): number {
  const r = broadcastReport(ctx.db(), id);
  ctx.say(
    ctx.t('cli-broadcast-report', {
      id,
      audience: r.broadcast.audience,
      total: r.total,
      sent: r.sent,
      pending: r.pending,
      failed: r.failed,
      unreachable: r.unreachable,
    }),
  );
  for (const p of r.problems) ctx.say(ctx.t('cli-broadcast-problem', { name: p.name ?? `#${p.personId}`, unit: p.unit ?? '—', status: p.status, error: p.error ?? '—' }));
  ctx.result(r);
  return 0;
}

/**
 * `thidua broadcast --text "…" [--audience all|unsent|report-missing:PERIOD|report-sent:PERIOD|group:CODE|kind:KIND] [--yes]`: without --yes a
 * preview; with it, the message is queued for the running bot to deliver. `--report ID` shows how
 * the delivery went.
 */
export const broadcastCommand: Command = {
  name: 'broadcast',
  options: {
    text: { type: 'string' },
    audience: { type: 'string' },
    yes: { type: 'boolean', short: 'y' },
    report: { type: 'string' },
    movement: { type: 'string' },
  },
  run(ctx, _positionals, options) {
    if (typeof options.report === 'string') {
      const id = Number(options.report);
      if (!Number.isInteger(id) || id <= 0) {
        ctx.io.stderr(ctx.t('cli-reminders-bad-number', { value: options.report, option: 'report' }));
        return 2;
      }
      return report(ctx, id);
    }
    if (typeof options.text !== 'string') {
      ctx.io.stderr(ctx.t('cli-broadcast-missing-text'));
      return 2;
    }
    const db = ctx.db();
    const now = ctx.clock.now();
    const movement = resolveMovement(db, options.movement as string | undefined);
    const audience = parseAudience(options.audience as string | undefined);
    const preview = previewBroadcast(db, movement, { text: options.text, audience }, now);
    const words = audienceWords(ctx, audience, preview.audienceName, preview.period);
    if (preview.recipients.length === 0) {
      ctx.say(ctx.t('cli-broadcast-nobody', { audience: words }));
      ctx.result({ queued: 0, recipients: 0 });
      return 1;
    }
    if (options.yes !== true) {
      ctx.say(ctx.t('cli-broadcast-preview', { count: preview.recipients.length, units: preview.units, reached: preview.reachedUnits, unreached: preview.units - preview.reachedUnits, audience: words, noAccount: preview.noAccount }));
      ctx.say('');
      ctx.say(preview.messages[ctx.locale].text);
      ctx.say('');
      for (const r of preview.recipients.slice(0, SHOWN))
        ctx.say(ctx.t('cli-broadcast-recipient', { name: r.name, unit: r.unitName, channel: r.channel ?? 'none' }));
      if (preview.recipients.length > SHOWN) ctx.say(ctx.t('cli-broadcast-more', { count: preview.recipients.length - SHOWN }));
      ctx.say(ctx.t('cli-broadcast-confirm-hint'));
      ctx.result({ preview: true, audience: options.audience ?? 'all', units: preview.units, recipients: preview.recipients, noAccount: preview.noAccount });
      return 0;
    }
    const { broadcast } = draftBroadcast(db, movement, { text: options.text, audience }, cliActor, now);
    const { queued } = confirmBroadcast(db, broadcast.id, cliActor, now);
    ctx.say(ctx.t('cli-broadcast-queued', { id: broadcast.id, count: queued, noAccount: preview.noAccount }));
    ctx.result({ id: broadcast.id, queued, recipients: preview.recipients.length, noAccount: preview.noAccount });
    return 0;
  },
};
