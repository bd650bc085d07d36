/**
 * Sends one neutral message to a Zalo user and reports the outcome in the outbox's terms. An
 * answer to the person's own message goes as a free reply to it while Zalo's allowance for it
 * lasts; a follow-up to someone who wrote within the free window is free too; anything else is
 * proactive and counted against the month's budget, which decides, once spent, whether the
 * message waits, goes by the person's other channel, or is refused (Zalo is asked first whether it
 * would in fact be free). Zalo's own answer says which allowance a message used. A failure of the
 * account's (balance, package) marks nobody: the admins are told. A file Zalo's upload will not
 * take (a workbook, anything over 5 MB) goes as a signed link. A picture (a chart) is uploaded
 * and sent as an image message with its caption.
 */
import { readFile, stat } from 'node:fs/promises';
import type { ChannelSender, SendResult } from '../../chat/channel.ts';
import type { OutboundMessage } from '../../chat/types.ts';
import type { Db } from '../../db/connection.ts';
import { lastMessageAt } from '../../domain/accounts.ts';
import { accountWatch } from '../../delivery/zalo-account.ts';
import type { Clock } from '../../util/clock.ts';
import {
  BUDGET_SPENT,
  DEFAULT_ALLOWANCE,
  freeRepliesLeft,
  inFreeWindow,
  nextMonthStart,
  proactiveSpent,
  readBudget,
  type ZaloAllowance,
} from '../../delivery/zalo-quota.ts';
import type { SignedLinks } from '../../http/signed-links.ts';
import type { Logger } from '../../util/log.ts';
import type { ZaloClient, ZaloRecipient } from './client.ts';
import { sendFailure } from './errors.ts';
import { fileLinkText } from '../file-link-text.ts';
import { zaloTakesImage, zaloUploadType } from './outbound-files.ts';
import { MAX_BUTTONS } from './render.ts';
import { choiceList, splitText } from '../shared/text.ts';

interface ZaloSenderOptions {
  db: Db;
  client: ZaloClient;
  clock: Clock;
  log: Logger;
  /** Signed links for files Zalo will not take; absent (no PUBLIC_BASE_URL): the person is told the file cannot come on Zalo. */
  links?: SignedLinks | undefined;
  timezone?: string;
  /** Zalo's free window and replies (configuration, with today's documented values by default). */
  allowance?: ZaloAllowance;
  /** Zalo's `request_user_info` form, where the OA has it (ZALO_REQUEST_USER_INFO): sent with a question asking for the phone. */
  userInfoForm?: { imageUrl: string } | undefined;
}

/** How many Zalo messages a neutral message becomes (long text split, a file sent after it). */
function zaloMessages(message: OutboundMessage, form: boolean): number {
  const choices = message.choices ?? [];
  const text = choices.length > MAX_BUTTONS ? `${message.text}\n\n${choiceList(choices, message.numbered !== false)}` : message.text;
  const parts = choices.length === 0 && text.trim() === '' ? 0 : splitText(text).length;
  // A picture goes with the last part of the text, or alone when there is none (or the text has options).
  const image = message.image ? (parts === 0 || choices.length > 0 ? 1 : 0) : 0;
  return parts + image + (message.file ? 1 : 0) + (form && message.askPhone ? 1 : 0);
}

export function createZaloSender({ db, client, clock, log, links, timezone = 'Asia/Ho_Chi_Minh', allowance = DEFAULT_ALLOWANCE, userInfoForm }: ZaloSenderOptions): ChannelSender {
  const account = accountWatch(db, 'zalo', log);
  /** A picture as an image message carrying `caption`; one Zalo will not take (over 1 MB) as a signed link. */
  const sendImage = async (to: ZaloRecipient, image: { path: string; name: string }, caption: string) => {
    const bytes = await readFile(image.path);
    if (zaloTakesImage(bytes.length)) {
      await client.sendImage(to, await client.uploadImage(bytes, image.name), caption);
      return;
    }
    if (caption !== '') await client.sendText(to, caption);
    const handed = fileLinkText(db, links, { channel: 'zalo', externalId: to.userId, noLink: 'zalo-file-no-link' }, image, timezone);
    await client.sendText(to, handed.text);
  };

  const deliver = async (to: ZaloRecipient, message: OutboundMessage) => {
    if (message.choices && message.choices.length > 0) {
      await client.sendChoices(to, message.text, message.choices, message.seq ?? 0, message.numbered !== false);
      if (message.image) await sendImage(to, message.image, '');
    } else if (message.image) {
      // The caption goes with the picture: its last part, the parts before it as text first.
      const parts = message.text.trim() === '' ? [] : splitText(message.text);
      const caption = parts.pop() ?? '';
      for (const part of parts) await client.sendText(to, part);
      await sendImage(to, message.image, caption);
    } else if (message.text.trim() !== '') {
      await client.sendText(to, message.text);
    }
    if (message.askPhone && userInfoForm) await client.requestUserInfo(to, message.askPhone.title, message.askPhone.subtitle, userInfoForm.imageUrl);
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

  /** In doubt (our records say the message is paid and the budget is spent): whether Zalo says it would be free. */
  const zaloSaysFree = async (externalId: string): Promise<boolean> => {
    try {
      const quota = await client.checkQuota(externalId);
      return quota.quota_type === 'reply' || inFreeWindow(quota.last_interaction, clock.now(), allowance);
    } catch (error) {
      log.info('zalo quota not checked', { user: externalId, error: error instanceof Error ? error.message : String(error) });
      return false;
    }
  };

  return {
    channel: 'zalo',
    async send(externalId: string, message: OutboundMessage): Promise<SendResult> {
      const now = clock.now();
      const count = zaloMessages(message, userInfoForm !== undefined);
      const reply = message.replyTo && freeRepliesLeft(db, externalId, message.replyTo, now, allowance) >= count ? message.replyTo.id : undefined;
      let free = reply !== undefined || inFreeWindow(lastMessageAt(db, 'zalo', externalId), now, allowance);
      if (!free) {
        const refused = overBudget(count);
        if (refused) {
          if (!(await zaloSaysFree(externalId))) return refused;
          free = true;
        }
      }
      try {
        await deliver({ userId: externalId, ...(reply ? { replyTo: reply } : {}), ...(free ? { free } : {}) }, message);
        account.sent();
        return { ok: true };
      } catch (error) {
        const failure = sendFailure(error);
        if (failure.kind === 'account') account.failed(failure.code, failure.error, clock.now());
        log.warn('zalo send failed', { user: externalId, kind: failure.kind, error: failure.error });
        return failure;
      }
    },
  };
}
