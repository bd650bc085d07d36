/**
 * ZNS: Zalo's paid template messages, addressed by phone number, for a reminder that reaches the
 * person nowhere else (outside the OA's 7-day window, no Telegram). The template is approved by
 * Zalo beforehand; ZALO_ZNS_TEMPLATE_ID names it and ZALO_ZNS_PARAMS maps what a reminder says
 * (name, unit, what, due, movement) to its parameter names. Only a failure of the person's (a
 * number not on Zalo, ZNS refused) marks the number; the account's (balance, template, token,
 * night-time ban, daily limit) never does: the reminder waits and the admins are told.
 */
import type { ChannelSender, SendContext, SendResult } from '../../chat/channel.ts';
import type { OutboundMessage } from '../../chat/types.ts';
import type { ZnsParams } from '../../config.ts';
import type { Db } from '../../db/connection.ts';
import type { Clock } from '../../util/clock.ts';
import { zoneOffsetMs } from '../../util/time-zone.ts';
import { accountWatch } from '../../delivery/zalo-account.ts';
import { recordQuota } from '../../delivery/zalo-quota.ts';
import type { Logger } from '../../util/log.ts';
import type { ZaloClient } from './client.ts';
import { accountsMarkedFor, clearUnreachable } from '../../domain/accounts.ts';
import { classifyZaloError, DAILY_LIMIT, NIGHT_BAN, sendFailure, ZaloApiError } from './errors.ts';

/** ZNS parameters are short fields; a value longer than the template allows is refused, so it is cut. */
const MAX_PARAM = 100;
const ZALO_ZONE = 'Asia/Ho_Chi_Minh';
/** How long an account problem other than the night or the day's limit waits before the reminder is tried again. */
const ACCOUNT_RETRY_MS = 3_600_000;

interface ZnsSenderOptions {
  db: Db;
  client: ZaloClient;
  clock: Clock;
  log: Logger;
  templateId: string;
  params: ZnsParams;
}

/** The template's data for a reminder: each configured field under the template's name for it. */
function templateData(notice: NonNullable<OutboundMessage['notice']>, params: ZnsParams): Record<string, string> {
  const data: Record<string, string> = {};
  for (const [field, name] of Object.entries(params) as [keyof ZnsParams, string][]) {
    const value = notice[field];
    data[name] = value.length <= MAX_PARAM ? value : `${value.slice(0, MAX_PARAM - 1)}…`;
  }
  return data;
}

/**
 * The send's tracking_id: the outbox row's, so every try of one reminder carries the same one and
 * Zalo can tell a retry (after a timeout that did deliver) from a new message.
 */
export const trackingId = (outboxId: number): string => `thidua-o${outboxId}`;

/** The next `hour`:00 in Vietnamese time after `now`. */
function nextVietnamHour(now: number, hour: number): number {
  const offset = zoneOffsetMs(now, ZALO_ZONE);
  const local = new Date(now + offset);
  let at = Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate(), hour) - offset;
  if (at <= now) at += 86_400_000;
  return at;
}

/** How long an account problem makes the reminder wait: the night-time ban until 06:00, the day's limit until midnight, else an hour. */
function accountWait(code: number, now: number): number {
  if (code === NIGHT_BAN) return nextVietnamHour(now, 6) - now;
  if (code === DAILY_LIMIT) return nextVietnamHour(now, 0) - now;
  return ACCOUNT_RETRY_MS;
}

/**
 * Numbers marked unreachable by an earlier version for a failure of the account's (it took every
 * refusal for the person's, and ZNS numbers never write in to clear it): the mark is taken back.
 * Such marks kept Zalo's words as their reason (`zalo <code>: …`). Returns how many.
 */
export function clearAccountMarks(db: Db): number {
  const marked = accountsMarkedFor(db, 'zns', 'zalo %');
  let cleared = 0;
  for (const { id, reason } of marked) {
    const code = /^zalo (-?\d+):/.exec(reason);
    if (code && classifyZaloError(Number(code[1])) === 'unreachable') continue;
    if (clearUnreachable(db, id)) cleared += 1;
  }
  return cleared;
}

export function createZnsSender({ db, client, clock, log, templateId, params }: ZnsSenderOptions): ChannelSender {
  let sequence = 0;
  const account = accountWatch(db, 'zns', log);
  return {
    channel: 'zns',
    async send(phone: string, message: OutboundMessage, context: SendContext = {}): Promise<SendResult> {
      // Only reminders carry what a template needs; nothing else is ever moved here.
      if (!message.notice) return { ok: false, kind: 'permanent', error: 'zns: not a reminder' };
      const tracking = context.outboxId !== undefined ? trackingId(context.outboxId) : `thidua-${clock.now()}-${++sequence}`;
      try {
        await client.sendTemplate(phone, templateId, templateData(message.notice, params), tracking);
        recordQuota(db, { at: clock.now(), recipient: phone, kind: 'zns' });
        account.sent();
        return { ok: true };
      } catch (error) {
        const wait = error instanceof ZaloApiError ? accountWait(error.code, clock.now()) : ACCOUNT_RETRY_MS;
        const failure = sendFailure(error, wait);
        if (failure.kind === 'account') account.failed(failure.code, failure.error, clock.now());
        log.warn('zns send failed', { kind: failure.kind, error: failure.error, tracking });
        return failure;
      }
    },
  };
}
