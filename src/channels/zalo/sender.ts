/**
 * Sends one neutral message to a Zalo user and reports the outcome in the outbox's terms. An
 * answer to the person's own message goes as a free reply to it while Zalo's allowance for it
 * lasts (8 within 48 h); anything else is proactive and counted against the month's budget, which
 * decides, once spent, whether the message waits, goes by the person's other channel, or is refused.
 * A file Zalo's upload will not take (a workbook, anything over 5 MB) goes as a signed link.
 */
import { readFile, stat } from 'node:fs/promises';
import { and, eq } from 'drizzle-orm';
import type { ChannelSender, SendResult } from '../../chat/channel.ts';
import type { OutboundMessage } from '../../chat/types.ts';
import type { Db } from '../../db/connection.ts';
import { identities } from '../../db/schema.ts';
import type { Clock } from '../../domain/clock.ts';
import { BUDGET_SPENT, freeRepliesLeft, nextMonthStart, proactiveSpent, readBudget } from '../../delivery/zalo-quota.ts';
import type { SignedLinks } from '../../http/signed-links.ts';
import type { Logger } from '../../util/log.ts';
import type { ZaloClient, ZaloRecipient } from './client.ts';
import { sendFailure } from './errors.ts';
import { fileLinkText } from '../file-link-text.ts';
import { zaloUploadType } from './outbound-files.ts';
import { choiceList, MAX_BUTTONS, splitText } from './render.ts';

/** Records that this Zalo user cannot be reached (7-day window, not a follower, unfollowed). */
export function markUnreachable(db: Db, externalId: string, reason: string, now: number): void {
  db.update(identities)
    .set({ unreachableAt: now, unreachableReason: reason })
    .where(and(eq(identities.channel, 'zalo'), eq(identities.externalId, externalId)))
    .run();
}

export interface ZaloSenderOptions {
  db: Db;
  client: ZaloClient;
  clock: Clock;
  log: Logger;
  /** Signed links for files Zalo will not take; absent (no PUBLIC_BASE_URL): the person is told the file cannot come on Zalo. */
  links?: SignedLinks | undefined;
  timezone?: string;
}

/** How many Zalo messages a neutral message becomes (long text split, a file sent after it). */
function zaloMessages(message: OutboundMessage): number {
  const choices = message.choices ?? [];
  const text = choices.length > MAX_BUTTONS ? `${message.text}\n\n${choiceList(choices, message.numbered !== false)}` : message.text;
  const parts = choices.length === 0 && text.trim() === '' ? 0 : splitText(text).length;
  return parts + (message.file ? 1 : 0);
}

export function createZaloSender({ db, client, clock, log, links, timezone = 'Asia/Ho_Chi_Minh' }: ZaloSenderOptions): ChannelSender {
  const deliver = async (to: ZaloRecipient, message: OutboundMessage) => {
    if (message.choices && message.choices.length > 0) {
      await client.sendChoices(to, message.text, message.choices, message.seq ?? 0, message.numbered !== false);
    } else if (message.text.trim() !== '') {
      await client.sendText(to, message.text);
    }
    if (message.file) {
      const type = zaloUploadType(message.file.name, (await stat(message.file.path)).size);
      if (type) {
        await client.sendFile(to, await client.uploadFile(await readFile(message.file.path), message.file.name, type));
      } else {
        const handed = fileLinkText(db, links, { channel: 'zalo', externalId: to.userId, noLink: 'zalo-file-no-link' }, message.file, timezone);
        if (!handed.linked) log.warn('zalo file not sent: PUBLIC_BASE_URL is not set, so no link can be made', { user: to.userId, name: message.file.name });
        await client.sendText(to, handed.text);
      }
    }
  };

  /** Whether the month's budget leaves room for `count` proactive messages; if not, what becomes of this one. */
  const overBudget = (count: number): SendResult | undefined => {
    const now = clock.now();
    const budget = readBudget(db);
    if (proactiveSpent(db, now) + count <= budget.monthly) return undefined;
    log.warn('zalo proactive budget spent', { budget: budget.monthly, over: budget.over });
    if (budget.over === 'wait') return { ok: false, kind: 'deferred', error: BUDGET_SPENT, until: nextMonthStart(now) };
    if (budget.over === 'fallback') return { ok: false, kind: 'unreachable', error: BUDGET_SPENT, mark: false };
    return { ok: false, kind: 'permanent', error: BUDGET_SPENT };
  };

  return {
    channel: 'zalo',
    async send(externalId: string, message: OutboundMessage): Promise<SendResult> {
      const count = zaloMessages(message);
      const reply = message.replyTo && freeRepliesLeft(db, externalId, message.replyTo, clock.now()) >= count ? message.replyTo.id : undefined;
      if (!reply) {
        const refused = overBudget(count);
        if (refused) return refused;
      }
      try {
        await deliver({ userId: externalId, ...(reply ? { replyTo: reply } : {}) }, message);
        return { ok: true };
      } catch (error) {
        const failure = sendFailure(error);
        if (failure.kind === 'unreachable') markUnreachable(db, externalId, failure.error, clock.now());
        log.warn('zalo send failed', { user: externalId, kind: failure.kind, error: failure.error });
        return failure;
      }
    },
  };
}
