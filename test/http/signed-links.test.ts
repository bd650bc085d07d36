/**
 * Signed file links served by the bot's real HTTP server on 127.0.0.1: the file comes back whole
 * under its Vietnamese name; a guessed, tampered or expired link, or a once-only link used again,
 * gets a bare 404 and a log line saying why.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { auditLog, fileLinks, people, settings } from '../../src/db/schema.ts';
import { loadConfig } from '../../src/config.ts';
import { fixedClock } from '../../src/util/clock.ts';
import { startHttpServer, type RunningServer } from '../../src/http/server.ts';
import { createSignedLinks, fileLinkSecret, type SignedLinks } from '../../src/http/signed-links.ts';
import { createLogger } from '../../src/util/log.ts';
import { openTempDatabase, useTempDatabases } from '../helpers/db.ts';

useTempDatabases();

const HOUR = 3_600_000;
const SECRET = 'k9V2s0L8d7GQ3x1fZ5yT6wR4pN0mB2cJ';

let dir: string;
let server: RunningServer;
let links: SignedLinks;
let logLines: { level: string; msg: string }[];
let clock: ReturnType<typeof fixedClock>;
let file: string;
let db: ReturnType<typeof openTempDatabase>['db'];
/** Two people the links are for. */
let hoa: number;
let nam: number;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'thidua-links-'));
  file = join(dir, 'workbook.xlsx');
  writeFileSync(file, Buffer.from('PK\u0003\u0004 not really a workbook, but bytes to compare'.repeat(1000)));
  db = openTempDatabase().db;
  const person = (fullName: string) => db.insert(people).values({ fullName, role: 'admin' }).returning().get().id;
  hoa = person('Nguyễn Thị Hoa');
  nam = person('Trần Văn Nam');
  clock = fixedClock(Date.parse('2020-07-15T03:00:00Z'));
  logLines = [];
  const log = createLogger('info', (line) => logLines.push(JSON.parse(line) as { level: string; msg: string }));
  // The base URL names the port the server gets, so the server's route defers to `links`, made just after.
  server = await startHttpServer(0, [{ method: 'GET', path: '/files/', prefix: true, handle: (r) => links.route.handle(r) }], log, '127.0.0.1');
  links = createSignedLinks({ db, baseUrl: `http://127.0.0.1:${server.port}`, secret: SECRET, clock, log, defaultTtlMs: 24 * HOUR });
});

afterEach(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

const refusals = () => logLines.filter((l) => l.msg.startsWith('file link refused')).map((l) => l.msg);

describe('signed file links', () => {
  it('serve the file whole, as an attachment under its name, to whoever holds the link until it expires', async () => {
    const url = links.issue({ path: file, name: 'Tổng hợp thi đua.xlsx', personId: null });
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/files\/[A-Za-z0-9_-]{22}\/\d+\/[A-Za-z0-9_-]{43}\/T%E1%BB%95ng%20h%E1%BB%A3p%20thi%20%C4%91ua\.xlsx$/);
    const answer = await fetch(url);
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(answer.headers.get('content-disposition')).toBe(`attachment; filename="Tong hop thi dua.xlsx"; filename*=UTF-8''T%E1%BB%95ng%20h%E1%BB%A3p%20thi%20%C4%91ua.xlsx`);
    expect(Buffer.from(await answer.arrayBuffer()).equals(readFileSync(file))).toBe(true);
    // Again within the time: still works (Zalo may open a link to preview it).
    expect((await fetch(url)).status).toBe(200);
    expect(db.select().from(fileLinks).get()!.downloads).toBe(2);

    clock.advance(24 * HOUR + 1);
    const expired = await fetch(url);
    expect(expired.status).toBe(404);
    expect(await expired.text()).toBe('');
    expect(refusals()).toEqual(['file link refused: expired']);
  });

  it('refuse a tampered signature, a stretched expiry, a guessed id and a malformed path, saying why in the log', async () => {
    const url = links.issue({ path: file, name: 'bao-cao.docx', personId: hoa });
    const [base, id, expires, signature, name] = /^(.*\/files\/)([^/]+)\/(\d+)\/([^/]+)\/(.+)$/.exec(url)!.slice(1) as [string, string, string, string, string];
    const flipped = `${signature.slice(0, -1)}${signature.endsWith('A') ? 'B' : 'A'}`;
    const cases = [
      `${base}${id}/${expires}/${flipped}/${name}`,
      `${base}${id}/${Number(expires) + 30 * 24 * HOUR}/${signature}/${name}`,
      `${base}${'A'.repeat(22)}/${expires}/${signature}/${name}`,
      `${base}${id}/${expires}`,
      `${base}..%2F..%2Fetc%2Fpasswd`,
    ];
    for (const bad of cases) expect((await fetch(bad)).status).toBe(404);
    expect(refusals()).toEqual([
      'file link refused: bad signature',
      'file link refused: bad signature',
      'file link refused: unknown',
      'file link refused: malformed',
      'file link refused: malformed',
    ]);
    // The genuine link still works.
    expect((await fetch(url)).status).toBe(200);
  });

  it('a link signed for one person does not pass for another (the recipient is in the signature)', async () => {
    const url = links.issue({ path: file, name: 'bao-cao.docx', personId: hoa });
    const id = /\/files\/([^/]+)\//.exec(url)![1]!;
    db.update(fileLinks).set({ personId: nam }).where(eq(fileLinks.id, id)).run();
    expect((await fetch(url)).status).toBe(404);
    expect(refusals()).toEqual(['file link refused: bad signature']);
  });

  it('a once-only link works for one complete download', async () => {
    const url = links.issue({ path: file, name: 'bao-cao.docx', personId: hoa, once: true, ttlMs: HOUR });
    const first = await fetch(url);
    expect(first.status).toBe(200);
    await first.arrayBuffer(); // downloaded to the end: only then is the link spent
    expect((await fetch(url)).status).toBe(404);
    expect(refusals()).toEqual(['file link refused: already used']);
  });

  it('a removed file is a 404, not an error', async () => {
    const url = links.issue({ path: file, name: 'bao-cao.docx', personId: hoa });
    rmSync(file);
    expect((await fetch(url)).status).toBe(404);
    expect(refusals()).toEqual(['file link refused: file gone']);
  });

  it('stops working once its recipient is deactivated, and works again if they are reactivated', async () => {
    const url = links.issue({ path: file, name: 'bao-cao.docx', personId: hoa });
    expect((await fetch(url)).status).toBe(200);
    db.update(people).set({ active: false }).where(eq(people.id, hoa)).run();
    const refused = await fetch(url);
    expect(refused.status).toBe(404);
    expect(await refused.text()).toBe('');
    expect(refusals()).toEqual(['file link refused: recipient deactivated']);
    // Another person's link is untouched.
    expect((await fetch(links.issue({ path: file, name: 'bao-cao.docx', personId: nam }))).status).toBe(200);
    db.update(people).set({ active: true }).where(eq(people.id, hoa)).run();
    expect((await fetch(url)).status).toBe(200);
  });

  it('puts every download served in the audit log (who, which link, which file, from where), and no refused one', async () => {
    const url = links.issue({ path: file, name: 'bao-cao.docx', personId: hoa });
    const id = /\/files\/([^/]+)\//.exec(url)![1]!;
    expect((await fetch(url, { headers: { 'user-agent': 'ZaloPreview/1.0', 'x-forwarded-for': '203.0.113.9' } })).status).toBe(200);
    expect((await fetch(url)).status).toBe(200);
    expect((await fetch(url.replace(/\/(\d+)\//, (_m, e: string) => `/${Number(e) + 1}/`))).status).toBe(404);
    const entries = db.select().from(auditLog).where(eq(auditLog.action, 'file.download')).all();
    expect(entries).toHaveLength(2);
    expect(entries[0]).toMatchObject({ at: clock.now(), actorPersonId: hoa, entity: 'file_link', entityId: id });
    expect(entries[0]!.after).toEqual({ name: 'bao-cao.docx', path: file, from: '127.0.0.1', forwardedFor: '203.0.113.9', userAgent: 'ZaloPreview/1.0' });
  });

  it('lasts FILE_LINK_TTL_HOURS by default', async () => {
    const config = loadConfig({ FILE_LINK_TTL_HOURS: '2' });
    const short = createSignedLinks({ db, baseUrl: `http://127.0.0.1:${server.port}`, secret: SECRET, clock, log: createLogger('silent'), defaultTtlMs: config.FILE_LINK_TTL_HOURS * HOUR });
    const url = short.issue({ path: file, name: 'bao-cao.docx', personId: hoa });
    clock.advance(2 * HOUR - 1);
    expect((await fetch(url)).status).toBe(200);
    clock.advance(2);
    expect((await fetch(url)).status).toBe(404);
    expect(refusals()).toEqual(['file link refused: expired']);
  });

  it('without FILE_LINK_SECRET the key is made once and kept in the database', () => {
    const first = fileLinkSecret(db, undefined, clock.now());
    expect(first.length).toBeGreaterThanOrEqual(43);
    expect(fileLinkSecret(db, undefined, clock.now())).toBe(first);
    expect(db.select().from(settings).where(eq(settings.key, 'file-links.secret')).get()!.value).toBe(first);
    expect(fileLinkSecret(db, SECRET, clock.now())).toBe(SECRET);
  });
});
