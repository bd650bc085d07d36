import { ChatCore } from '../../chat/core.ts';
import { listFailedInbound, retryFailedInbound, type FailedUpdate } from '../../inbound/inbound-failed.ts';
import { exportDir, formsDir } from '../../config.ts';
import { botRunning } from '../../db/run-lock.ts';
import { formatVnDateTime } from '../../domain/format-time.ts';
import { ALL_FLOWS } from '../../flows/index.ts';
import { runPendingJobs } from '../../jobs/runner.ts';
import type { FileFetcher } from '../../chat/files.ts';
import { telegramFileFetcher } from '../../channels/telegram/files.ts';
import { zaloFileFetcher, zaloFilePolicy } from '../../channels/zalo/files.ts';
import { Api } from 'grammy';
import { createLogger } from '../../util/log.ts';
import type { CliContext, Command } from '../context.ts';
import type { Channel } from '../../domain/model.ts';

/** What the person sent, in a few words. */
function sent(ctx: CliContext, update: FailedUpdate): string {
  const event = update.event;
  if (!event) return ctx.t('cli-inbound-unreadable');
  const what = event.text ?? (event.choice !== undefined ? ctx.t('cli-inbound-choice', { choice: event.choice }) : event.file ? ctx.t('cli-inbound-file') : '');
  return what.length > 60 ? `${what.slice(0, 59)}…` : what;
}

/** The channels whose jobs the bot runs (the terminal runs its own). */
const MESSENGERS: readonly Channel[] = ['telegram', 'zalo', 'zalobot'];

/**
 * Updates that failed through a fault of ours: listed with their error (--failed), or handled
 * again (--retry), which also does the work a stopped bot left (jobs) when the bot is not running.
 */
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
    // Every flow at hand first: the retries run one after another, none waits for one loading.
    await core.loadFlows();
    const outcomes = retryFailedInbound(db, core, ctx.clock, log);
    const running = botRunning(ctx.config.DATABASE_PATH);
    // The work asked for in retried messages, and any a stopped bot left (an export, a form sent in),
    // is done now and sent like the replies; the running bot does it itself. A form whose file was
    // kept is read from disk; one not fetched yet is fetched (Zalo's link; Telegram's through the token).
    let jobsRun = 0;
    if (!running) {
      const { config } = ctx;
      const fetchers: Partial<Record<Channel, FileFetcher>> = { zalo: zaloFileFetcher(zaloFilePolicy(config)) };
      if (config.TELEGRAM_BOT_TOKEN)
        fetchers.telegram = telegramFileFetcher(new Api(config.TELEGRAM_BOT_TOKEN, { apiRoot: config.TELEGRAM_API_ROOT }), config.TELEGRAM_BOT_TOKEN, config.TELEGRAM_API_ROOT);
      const deps = { db, core, clock: ctx.clock, log, exportDir: exportDir(config.DATABASE_PATH), dir: formsDir(config.DATABASE_PATH), fetchers };
      await runPendingJobs(deps, MESSENGERS, () => jobsRun++);
    }
    const count = (kind: string) => outcomes.filter((o) => o.kind === kind).length;
    const counts = { handled: count('handled'), failed: count('failed'), waiting: count('waiting') };
    if (outcomes.length === 0) ctx.say(ctx.t('cli-inbound-none'));
    else ctx.say(ctx.t('cli-inbound-retried', counts));
    if (jobsRun > 0) ctx.say(ctx.t('cli-inbound-jobs', { count: jobsRun }));
    if (counts.handled > 0 || jobsRun > 0) ctx.say(ctx.t(running ? 'cli-inbound-replies-now' : 'cli-inbound-replies-at-start'));
    ctx.result({ ...counts, jobs: jobsRun, outcomes: outcomes.map((o) => ({ id: o.id, kind: o.kind, ...(o.kind === 'failed' ? { error: o.error } : {}) })) });
    return counts.failed > 0 ? 1 : 0;
  },
};
