/**
 * A file a messenger will not carry (Zalo OA's upload takes only PDF/DOC/DOCX up to 5 MB; the Zalo
 * Bot Platform takes no files at all) is handed over as a signed link to the bot's HTTP server
 * (src/http/signed-links.ts), in a text in the person's language.
 */
import { statSync } from 'node:fs';
import { accountLocale } from '../chat/store.ts';
import type { Db } from '../db/connection.ts';
import { linkedPersonId } from '../domain/accounts.ts';
import { formatVnDate, formatVnNumber, localDate } from '../domain/vn-input.ts';
import type { SignedLinks } from '../http/signed-links.ts';
import { DEFAULT_LOCALE, t, type Locale } from '../i18n/index.ts';
import type { Channel } from '../domain/model.ts';

/** "1,2 MB" */
const size = (bytes: number) => (bytes < 1024 * 1024 ? `${formatVnNumber(Math.max(1, Math.round(bytes / 1024)))} KB` : `${formatVnNumber(bytes / 1024 / 1024, 1)} MB`);

/**
 * The text that hands a file over as a signed link, for the account `externalId` on `channel` (in
 * their language, the link tied to their person); without a public address configured, the text
 * (`noLink`) says the file cannot be sent there.
 */
export function fileLinkText(
  db: Db,
  links: SignedLinks | undefined,
  to: { channel: Channel; externalId: string; noLink: string },
  file: { path: string; name: string },
  timezone: string,
): { text: string; linked: boolean } {
  const locale: Locale = accountLocale(db, to.channel, to.externalId) ?? DEFAULT_LOCALE;
  const bytes = statSync(file.path).size;
  if (!links) return { text: t(locale, to.noLink, { name: file.name, size: size(bytes) }), linked: false };
  const expires = links.expiresAt();
  const url = links.issue({ path: file.path, name: file.name, personId: linkedPersonId(db, to.channel, to.externalId) ?? null });
  const until = new Intl.DateTimeFormat('en-GB', { timeZone: timezone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(expires);
  return { text: t(locale, 'zalo-file-link', { name: file.name, size: size(bytes), url, time: until, date: formatVnDate(localDate(expires, timezone)) }), linked: true };
}
