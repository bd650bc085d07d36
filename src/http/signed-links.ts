/**
 * Signed links to files on the bot's HTTP server, for what a messenger will not carry (Zalo takes
 * only PDF/DOC/DOCX files up to 5 MB): a workbook, a big document.
 *
 *   const url = signedLinks.issue({ path, name: 'bao-cao.xlsx', personId, ttlMs: 3_600_000 });
 *   // https://bot.example.gov.vn/files/<id>/<expires>/<signature>/bao-cao.xlsx
 *
 * Each link is a row of `file_links` (a random id, the file, its recipient, its expiry) and an
 * HMAC-SHA256 over id, expiry and recipient with the bot's secret: a guessed id, a changed expiry,
 * a link made for someone else or a forged signature all fail. A link works until it expires
 * (FILE_LINK_TTL_HOURS by default), or for one complete download when issued with `once`, and only
 * while its recipient is an active person. Anything that does not check out gets a bare 404 and one
 * log line saying why; the answer never tells why. Each download served is in the audit log.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { existsSync, statSync } from 'node:fs';
import { extname } from 'node:path';
import { eq, lt, sql } from 'drizzle-orm';
import type { Db } from '../db/connection.ts';
import { fileLinks, people, settings } from '../db/schema.ts';
import { recordAudit } from '../domain/audit.ts';
import type { Clock } from '../util/clock.ts';
import type { Logger } from '../util/log.ts';
import type { HttpRequest, HttpResponse, Route } from './server.ts';

const FILES_PATH = '/files/';

interface IssueLink {
  /** The file on this machine. */
  path: string;
  /** The name it is downloaded under. */
  name: string;
  /** Who it is for (null: a link not tied to a person, e.g. made from the command line). */
  personId: number | null;
  /** How long it works; default the configured FILE_LINK_TTL_HOURS. */
  ttlMs?: number;
  /** Works for one complete download only. */
  once?: boolean;
}

export interface SignedLinks {
  /** A signed URL for the file. */
  issue(link: IssueLink): string;
  /** When a link issued now expires (to tell the recipient). */
  expiresAt(ttlMs?: number): number;
  /** GET /files/…: serves a valid link's file, 404 otherwise. */
  route: Route;
}

interface SignedLinksOptions {
  db: Db;
  /** Public address of the bot's HTTP server, no trailing slash (PUBLIC_BASE_URL). */
  baseUrl: string;
  /** HMAC key; at least 32 bytes of entropy (FILE_LINK_SECRET, or one the bot keeps in its database). */
  secret: string;
  clock: Clock;
  log: Logger;
  defaultTtlMs: number;
}

/** Links expired this long ago are forgotten. */
const KEEP_EXPIRED_MS = 7 * 24 * 3_600_000;
const SECRET_KEY = 'file-links.secret';

/** FILE_LINK_SECRET when set; otherwise a random one made once and kept in the database. */
export function fileLinkSecret(db: Db, configured: string | undefined, now: number): string {
  if (configured) return configured;
  const existing = db.select().from(settings).where(eq(settings.key, SECRET_KEY)).get();
  if (existing) return existing.value;
  const secret = randomBytes(32).toString('base64url');
  db.insert(settings).values({ key: SECRET_KEY, value: secret, updatedAt: now }).onConflictDoNothing().run();
  return db.select().from(settings).where(eq(settings.key, SECRET_KEY)).get()!.value;
}

const CONTENT_TYPES: Record<string, string> = {
  '.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  '.csv': 'text/csv; charset=utf-8',
  '.pdf': 'application/pdf',
  '.zip': 'application/zip',
  '.png': 'image/png',
};

export function createSignedLinks(options: SignedLinksOptions): SignedLinks {
  const { db, baseUrl, secret, clock, log } = options;
  if (Buffer.byteLength(secret) < 32) throw new Error('the file-link secret must be at least 32 bytes');
  const sign = (id: string, expiresAt: number, personId: number | null) =>
    createHmac('sha256', secret).update(`${id}.${expiresAt}.${personId ?? '-'}`).digest('base64url');
  const expiresAt = (ttlMs = options.defaultTtlMs) => clock.now() + ttlMs;

  const refuse = (why: string, details: Record<string, unknown>): HttpResponse => {
    log.warn(`file link refused: ${why}`, details);
    return { status: 404 };
  };

  const serve = (request: HttpRequest): HttpResponse => {
    const [id = '', expires = '', signature = ''] = request.path.slice(FILES_PATH.length).split('/');
    const shown = { id: id.slice(0, 40) };
    if (!/^[A-Za-z0-9_-]{22}$/.test(id) || !/^\d{1,15}$/.test(expires) || !/^[A-Za-z0-9_-]{43}$/.test(signature)) return refuse('malformed', shown);
    const row = db.select().from(fileLinks).where(eq(fileLinks.id, id)).get();
    if (!row) return refuse('unknown', shown);
    const expected = Buffer.from(sign(id, Number(expires), row.personId));
    if (!timingSafeEqual(expected, Buffer.from(signature)) || Number(expires) !== row.expiresAt) return refuse('bad signature', { ...shown, person: row.personId });
    const now = clock.now();
    if (now > row.expiresAt) return refuse('expired', { ...shown, person: row.personId, expiredAt: new Date(row.expiresAt).toISOString() });
    if (row.once && row.usedAt !== null) return refuse('already used', { ...shown, person: row.personId });
    // A person deactivated since (left the unit, a lost phone) no longer gets the unit's files.
    if (row.personId !== null && !db.select({ active: people.active }).from(people).where(eq(people.id, row.personId)).get()?.active)
      return refuse('recipient deactivated', { ...shown, person: row.personId });
    if (!existsSync(row.path) || !statSync(row.path).isFile()) return refuse('file gone', { ...shown, person: row.personId });
    db.transaction((tx) => {
      tx.update(fileLinks).set({ downloads: sql`${fileLinks.downloads} + 1` }).where(eq(fileLinks.id, id)).run();
      recordAudit(tx, { personId: row.personId, label: row.personId === null ? 'file-link' : `file-link:person-${row.personId}` }, now, {
        action: 'file.download',
        entity: 'file_link',
        entityId: id,
        after: {
          name: row.name,
          path: row.path,
          // Behind the HTTPS proxy the connection is the proxy's: the address it forwards for says who.
          from: request.remoteAddress ?? null,
          forwardedFor: String(request.headers['x-forwarded-for'] ?? '').slice(0, 200) || null,
          userAgent: String(request.headers['user-agent'] ?? '').slice(0, 200) || null,
        },
      });
    });
    log.info('file link served', { ...shown, person: row.personId, name: row.name });
    return {
      status: 200,
      file: {
        path: row.path,
        name: row.name,
        contentType: CONTENT_TYPES[extname(row.name).toLowerCase()] ?? 'application/octet-stream',
        // A once-only link is spent by a complete download, not by one cut short.
        sent: () => {
          if (row.once) db.update(fileLinks).set({ usedAt: clock.now() }).where(eq(fileLinks.id, id)).run();
        },
      },
    };
  };

  return {
    issue(link) {
      const now = clock.now();
      const id = randomBytes(16).toString('base64url');
      const expires = expiresAt(link.ttlMs);
      db.delete(fileLinks).where(lt(fileLinks.expiresAt, now - KEEP_EXPIRED_MS)).run();
      db.insert(fileLinks).values({ id, path: link.path, name: link.name, personId: link.personId, expiresAt: expires, once: link.once ?? false }).run();
      return `${baseUrl}${FILES_PATH}${id}/${expires}/${sign(id, expires, link.personId)}/${encodeURIComponent(link.name)}`;
    },
    expiresAt,
    route: { method: 'GET', path: FILES_PATH, prefix: true, handle: serve },
  };
}
