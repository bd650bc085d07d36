/**
 * ZNS: Zalo's paid template messages, addressed by phone number, for a reminder that reaches the
 * person nowhere else (outside the OA's 7-day window, no Telegram). The template is approved by
 * Zalo beforehand; ZALO_ZNS_TEMPLATE_ID names it and ZALO_ZNS_PARAMS maps what a reminder says
 * (name, unit, what, due, movement) to its parameter names.
 */
import type { ChannelSender, SendResult } from '../../chat/channel.ts';
import type { OutboundMessage } from '../../chat/types.ts';
import type { ZnsParams } from '../../config.ts';
import type { Db } from '../../db/connection.ts';
import type { Clock } from '../../domain/clock.ts';
import { recordQuota } from '../../delivery/zalo-quota.ts';
import type { Logger } from '../../util/log.ts';
import type { ZaloClient } from './client.ts';
import { sendFailure } from './errors.ts';

/** ZNS parameters are short fields; a value longer than the template allows is refused, so it is cut. */
const MAX_PARAM = 100;

export interface ZnsSenderOptions {
  db: Db;
  client: ZaloClient;
  clock: Clock;
  log: Logger;
  templateId: string;
  params: ZnsParams;
}

/** The template's data for a reminder: each configured field under the template's name for it. */
export function templateData(notice: NonNullable<OutboundMessage['notice']>, params: ZnsParams): Record<string, string> {
  const data: Record<string, string> = {};
  for (const [field, name] of Object.entries(params) as [keyof ZnsParams, string][]) {
    const value = notice[field];
    data[name] = value.length <= MAX_PARAM ? value : `${value.slice(0, MAX_PARAM - 1)}…`;
  }
  return data;
}

export function createZnsSender({ db, client, clock, log, templateId, params }: ZnsSenderOptions): ChannelSender {
  let sequence = 0;
  return {
    channel: 'zns',
    async send(phone: string, message: OutboundMessage): Promise<SendResult> {
      // Only reminders carry what a template needs; nothing else is ever moved here.
      if (!message.notice) return { ok: false, kind: 'permanent', error: 'zns: not a reminder' };
      try {
        await client.sendTemplate(phone, templateId, templateData(message.notice, params), `thidua-${clock.now()}-${++sequence}`);
        recordQuota(db, { at: clock.now(), recipient: phone, kind: 'zns' });
        return { ok: true };
      } catch (error) {
        const failure = sendFailure(error);
        // A number Zalo will not deliver to (not on Zalo, refused the OA's messages…): the Board calls.
        const outcome: SendResult = failure.kind === 'permanent' ? { ok: false, kind: 'unreachable', error: failure.error } : failure;
        log.warn('zns send failed', { kind: outcome.kind, error: failure.error });
        return outcome;
      }
    },
  };
}
