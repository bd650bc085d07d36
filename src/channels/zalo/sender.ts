/** Sends one neutral message to a Zalo user and reports the outcome in the outbox's terms. */
import { readFile, stat } from 'node:fs/promises';
import { and, eq } from 'drizzle-orm';
import type { ChannelSender, SendResult } from '../../chat/channel.ts';
import type { OutboundMessage } from '../../chat/types.ts';
import type { Db } from '../../db/connection.ts';
import { identities } from '../../db/schema.ts';
import type { Clock } from '../../domain/clock.ts';
import type { Logger } from '../../util/log.ts';
import type { SignedLinks } from '../../http/signed-links.ts';
import type { ZaloClient } from './client.ts';
import { sendFailure } from './errors.ts';
import { fileLinkText, zaloUploadType } from './files.ts';

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
  /** Signed links for files Zalo's upload refuses (a workbook, more than 5 MB); none: such a file is only named. */
  links?: SignedLinks;
  /** Time zone the links' expiry is told in. */
  timezone?: string;
}

export function createZaloSender({ db, client, clock, log, links, timezone = 'Asia/Ho_Chi_Minh' }: ZaloSenderOptions): ChannelSender {
  const deliver = async (userId: string, message: OutboundMessage) => {
    if (message.choices && message.choices.length > 0) {
      await client.sendChoices(userId, message.text, message.choices, message.seq ?? 0, message.numbered !== false);
    } else if (message.text.trim() !== '') {
      await client.sendText(userId, message.text);
    }
    if (message.file) {
      const type = zaloUploadType(message.file.name, (await stat(message.file.path)).size);
      if (type) {
        await client.sendFile(userId, await client.uploadFile(await readFile(message.file.path), message.file.name, type));
      } else {
        const handed = fileLinkText(db, links, userId, message.file, timezone);
        if (!handed.linked) log.warn('zalo file not sent: PUBLIC_BASE_URL is not set, so no link can be made', { user: userId, name: message.file.name });
        await client.sendText(userId, handed.text);
      }
    }
  };

  return {
    channel: 'zalo',
    async send(externalId: string, message: OutboundMessage): Promise<SendResult> {
      try {
        await deliver(externalId, message);
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
