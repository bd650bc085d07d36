import { ChatCore } from '../../chat/core.ts';
import { listFailedInbound, retryFailedInbound, type FailedUpdate } from '../../chat/inbound-failed.ts';
import { botRunning } from '../../db/run-lock.ts';
import { formatVnDateTime } from '../../domain/format-time.ts';
import { ALL_FLOWS } from '../../flows/index.ts';
import { exportDir } from '../../jobs/export-job.ts';
import { formsDir } from '../../jobs/form-job.ts';
import { runJob } from '../../jobs/runner.ts';
import { zaloFileFetcher, zaloFilePolicy } from '../../channels/zalo/files.ts';
import { createLogger } from '../../util/log.ts';
import type { CliContext, Command } from '../context.ts';

/** What the person sent, in a few words. */
function sent(ctx: CliContext, update: FailedUpdate): string {
  const event = update.event;
  if (!event) return ctx.t('cli-inbound-unreadable');
  const what = event.text ?? (event.choice !== undefined ? ctx.t('cli-inbound-choice', { choice: event.choice }) : event.file ? ctx.t('cli-inbound-file') : '');
  return what.length > 60 ? `${what.slice(0, 59)}…` : what;
}

/** Updates that failed through a fault of ours: listed with their error (--failed), or handled again (--retry). */
export const inboundCommand: Command = {
  name: 'inbound',
  options: { failed: { type: 'boolean' }, retry: { type: 'boolean' } },
  async run(ctx, _positionals, options) {
    const db = ctx.db();
    if (options.retry !== true) {
      const failed = listFailedInbound(db);
      ctx.say(failed.length === 0 ? ctx.t('cli-inbound-none') : ctx.t('cli-inbound-title', { count: failed.length }));
      for (const u of failed) {
        ctx.say(
          ctx.t('cli-inbound-line', {
            id: u.id,
            at: formatVnDateTime(u.receivedAt, ctx.config.TZ),
            channel: u.channel,
            sender: u.sender ?? u.event?.externalId ?? '?',
            text: sent(ctx, u),
            error: u.error.split('\n')[0]!,
          }),
        );
      }
      ctx.result(failed.map((u) => ({ ...u, receivedAt: new Date(u.receivedAt).toISOString(), failedAt: new Date(u.failedAt).toISOString() })));
      return 0;
    }

    const log = createLogger(ctx.config.LOG_LEVEL, (line) => ctx.io.stderr(line.trimEnd()));
    const core = new ChatCore({ db, clock: ctx.clock, flows: ALL_FLOWS, log });
    const outcomes = retryFailedInbound(db, core, ctx.clock, log);
    // An export or a form asked for in a retried message is written now, and sent like the replies;
    // a form sent on Zalo is fetched from its link (one sent on Telegram needs the running bot's token: it is asked for again).
    const jobs = { db, core, clock: ctx.clock, log, exportDir: exportDir(ctx.config.DATABASE_PATH), dir: formsDir(ctx.config.DATABASE_PATH), fetchers: { zalo: zaloFileFetcher(zaloFilePolicy(ctx.config)) } };
    for (const o of outcomes) if (o.kind === 'handled') for (const job of o.result.jobs) await runJob(jobs, job);
    const count = (kind: string) => outcomes.filter((o) => o.kind === kind).length;
    const counts = { handled: count('handled'), failed: count('failed'), waiting: count('waiting') };
    if (outcomes.length === 0) ctx.say(ctx.t('cli-inbound-none'));
    else {
      ctx.say(ctx.t('cli-inbound-retried', counts));
      if (counts.handled > 0) ctx.say(ctx.t(botRunning(ctx.config.DATABASE_PATH) ? 'cli-inbound-replies-now' : 'cli-inbound-replies-at-start'));
    }
    ctx.result({ ...counts, outcomes: outcomes.map((o) => ({ id: o.id, kind: o.kind, ...(o.kind === 'failed' ? { error: o.error } : {}) })) });
    return counts.failed > 0 ? 1 : 0;
  },
};
