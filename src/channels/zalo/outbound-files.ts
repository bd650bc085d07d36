/**
 * How a file reaches a Zalo user. Zalo OA's upload takes only PDF, DOC and DOCX files up to 5 MB:
 * such a file goes as a file; anything else (a workbook, a CSV, a bigger document) goes as a
 * signed link to the bot's HTTP server (src/http/signed-links.ts) in a text message.
 */
import { statSync } from 'node:fs';
import { extname } from 'node:path';
import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/connection.ts';
import { identities, people } from '../../db/schema.ts';
import { formatVnDate, formatVnNumber, localDate } from '../../domain/vn-input.ts';
import type { SignedLinks } from '../../http/signed-links.ts';
import { DEFAULT_LOCALE, t, type Locale } from '../../i18n/index.ts';

export const ZALO_UPLOAD_MAX_BYTES = 5 * 1024 * 1024;
const UPLOAD_TYPES: Record<string, string> = {
  '.pdf': 'application/pdf',
  '.doc': 'application/msword',
  '.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};

/** The MIME type to upload the file with, or null when Zalo would refuse it (kind or size). */
export function zaloUploadType(name: string, bytes: number): string | null {
  const type = UPLOAD_TYPES[extname(name).toLowerCase()];
  return type !== undefined && bytes <= ZALO_UPLOAD_MAX_BYTES ? type : null;
}

/** "1,2 MB" */
const size = (bytes: number) => (bytes < 1024 * 1024 ? `${formatVnNumber(Math.max(1, Math.round(bytes / 1024)))} KB` : `${formatVnNumber(bytes / 1024 / 1024, 1)} MB`);

/**
 * The text that hands a file over as a signed link, for the Zalo user `externalId` (in their
 * language, the link tied to their person); without a public address configured, the text says
 * the file cannot be sent on Zalo.
 */
export function fileLinkText(db: Db, links: SignedLinks | undefined, externalId: string, file: { path: string; name: string }, timezone: string): { text: string; linked: boolean } {
  const who = db
    .select({ personId: identities.personId, locale: people.locale, identityLocale: identities.locale })
    .from(identities)
    .leftJoin(people, eq(people.id, identities.personId))
    .where(and(eq(identities.channel, 'zalo'), eq(identities.externalId, externalId)))
    .get();
  const locale: Locale = who?.locale ?? who?.identityLocale ?? DEFAULT_LOCALE;
  const bytes = statSync(file.path).size;
  if (!links) return { text: t(locale, 'zalo-file-no-link', { name: file.name, size: size(bytes) }), linked: false };
  const expires = links.expiresAt();
  const url = links.issue({ path: file.path, name: file.name, personId: who?.personId ?? null });
  const until = new Intl.DateTimeFormat('en-GB', { timeZone: timezone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(expires);
  return { text: t(locale, 'zalo-file-link', { name: file.name, size: size(bytes), url, time: until, date: formatVnDate(localDate(expires, timezone)) }), linked: true };
}
