/**
 * A minimal delivery of notifications queued for console identities: print them and mark them
 * sent, so a trial in the terminal shows who would have been told what. (The paced dispatcher for
 * Telegram and Zalo is separate.)
 */
import { and, asc, eq, lte } from 'drizzle-orm';
import type { Db } from '../../db/connection.ts';
import { outbox, people } from '../../db/schema.ts';
import type { OutboundMessage } from '../../chat/types.ts';
import { DEFAULT_LOCALE, t } from '../../i18n/index.ts';
import type { Render } from './render.ts';

/** Prints (returns) each pending console notification due by `now` as "📨 → name: text" and marks it sent. */
export function deliverConsoleOutbox(db: Db, now: number, render: Render): string[] {
  return db.transaction((tx) => {
    const rows = tx
      .select({ id: outbox.id, personId: outbox.personId, payload: outbox.payload, attempts: outbox.attempts, name: people.fullName, locale: people.locale })
      .from(outbox)
      .leftJoin(people, eq(people.id, outbox.personId))
      .where(and(eq(outbox.status, 'pending'), eq(outbox.channel, 'console'), lte(outbox.notBefore, now)))
      .orderBy(asc(outbox.notBefore), asc(outbox.id))
      .all();
    return rows.map((row) => {
      const locale = row.locale ?? DEFAULT_LOCALE;
      const name = row.name ?? t(locale, 'console-recipient-unknown', { id: row.personId ?? '?' });
      const line = t(locale, 'console-outbox-line', { name, text: render(row.payload as OutboundMessage, locale) });
      tx.update(outbox).set({ status: 'sent', sentAt: now, attempts: row.attempts + 1, lastError: null }).where(eq(outbox.id, row.id)).run();
      return line;
    });
  });
}
