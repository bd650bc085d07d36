/** The outbox rows of the terminal chat's accounts: no messenger to pace, they are shown (channels/console/outbox.ts) and marked sent at once. */
import { and, asc, eq, lte } from 'drizzle-orm';
import type { Db } from '../db/connection.ts';
import { outbox, people } from '../db/schema.ts';
import type { OutboundMessage } from '../chat/types.ts';
import type { Locale } from '../i18n/index.ts';

export interface ConsoleRow {
  personId: number | null;
  payload: OutboundMessage;
  /** The recipient's name and language, when the row has a person. */
  name: string | null;
  locale: Locale | null;
}

/** Hands each pending console row due by `now` to `show`, oldest first, and marks it sent, in one transaction. */
export function takeConsoleOutbox<T>(db: Db, now: number, show: (row: ConsoleRow) => T): T[] {
  return db.transaction((tx) => {
    const rows = tx
      .select({ id: outbox.id, personId: outbox.personId, payload: outbox.payload, attempts: outbox.attempts, name: people.fullName, locale: people.locale })
      .from(outbox)
      .leftJoin(people, eq(people.id, outbox.personId))
      .where(and(eq(outbox.status, 'pending'), eq(outbox.channel, 'console'), lte(outbox.notBefore, now)))
      .orderBy(asc(outbox.notBefore), asc(outbox.id))
      .all();
    return rows.map((row) => {
      const shown = show({ personId: row.personId, payload: row.payload as OutboundMessage, name: row.name, locale: row.locale });
      tx.update(outbox).set({ status: 'sent', sentAt: now, attempts: row.attempts + 1, lastError: null }).where(eq(outbox.id, row.id)).run();
      return shown;
    });
  });
}
