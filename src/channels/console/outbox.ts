/**
 * A minimal delivery of notifications queued for console identities: print them and mark them
 * sent, so a trial in the terminal shows who would have been told what. (The paced dispatcher for
 * Telegram and Zalo is separate.)
 */
import type { Db } from '../../db/connection.ts';
import { takeConsoleOutbox } from '../../delivery/console-outbox.ts';
import { DEFAULT_LOCALE, t } from '../../i18n/index.ts';
import type { Render } from './render.ts';

/** Prints (returns) each pending console notification due by `now` as "📨 → name: text" and marks it sent. */
export function deliverConsoleOutbox(db: Db, now: number, render: Render): string[] {
  return takeConsoleOutbox(db, now, (row) => {
    const locale = row.locale ?? DEFAULT_LOCALE;
    const name = row.name ?? t(locale, 'console-recipient-unknown', { id: row.personId ?? '?' });
    return t(locale, 'console-outbox-line', { name, text: render(row.payload, locale) });
  });
}
