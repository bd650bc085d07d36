import { PassThrough } from 'node:stream';
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { ConsoleChat, CONSOLE_ADMIN, CONSOLE_GUEST } from '../../src/channels/console/adapter.ts';
import { deliverConsoleOutbox } from '../../src/channels/console/outbox.ts';
import { renderMessage } from '../../src/channels/console/render.ts';
import { runConsoleChat } from '../../src/channels/console/run.ts';
import { ChatCore } from '../../src/chat/core.ts';
import { defineFlow, type Flow } from '../../src/chat/engine.ts';
import type { Db } from '../../src/db/connection.ts';
import { identities, outbox, people, units } from '../../src/db/schema.ts';
import { fixedClock } from '../../src/util/clock.ts';
import { ALL_FLOWS } from '../../src/flows/index.ts';
import { linkFlow } from '../../src/flows/link.ts';
import { t } from '../../src/i18n/index.ts';
import { loadSampleMovement } from '../../src/sample/load.ts';
import { createLogger, silentLogger, type Logger } from '../../src/util/log.ts';
import { countRows, openTempDatabase, useTempDatabases } from '../helpers/db.ts';

useTempDatabases();

/** 2020-02-15 10:00 in Hà Nội: inside the sample movement, before its registration deadline. */
const NOW = Date.UTC(2020, 1, 15, 3, 0);

function sampleDb(): Db {
  const { db } = openTempDatabase();
  loadSampleMovement(db, { label: 'test' }, NOW);
  return db;
}

function consoleChat(db: Db, options: { flows?: Flow<any>[]; log?: Logger } = {}) {
  const clock = fixedClock(NOW);
  const log = options.log ?? silentLogger;
  const core = new ChatCore({ db, clock, flows: options.flows ?? ALL_FLOWS, log });
  return new ConsoleChat({ core, db, locale: 'vi', clock, log });
}

const snvId = (db: Db) => db.select().from(units).where(eq(units.code, 'SNV')).get()!.id;

describe('ConsoleChat /as', () => {
  it('acts as the liaison of a unit: creates the person and a console identity bound to it, and greets', async () => {
    const db = sampleDb();
    const chat = consoleChat(db);
    const out = await chat.handleLine('/as SNV');

    const person = db.select().from(people).get()!;
    expect(person).toMatchObject({ fullName: 'Cán bộ đầu mối (SNV)', role: 'liaison', unitId: snvId(db), active: true, locale: 'vi' });
    const identity = db.select().from(identities).where(eq(identities.externalId, 'console:unit:SNV')).get()!;
    expect(identity).toMatchObject({ channel: 'console', personId: person.id });
    expect(chat.currentIdentity).toBe('console:unit:SNV');

    expect(out).toMatch(/^Bạn đang đóng vai: Cán bộ đầu mối \(SNV\) — Cán bộ đầu mối, Sở Nội vụ\.\n/);
    // Then the core's greeting of a linked person: the main menu, numbered.
    expect(out).toContain(t('vi', 'menu-prompt'));
    expect(out).toContain(`  1. ${t('vi', 'menu-register')}`);

    // Again (in any case): the same person and identity, nothing duplicated.
    await chat.handleLine('/dongvai snv');
    expect(countRows(db, 'people')).toBe(1);
    expect(db.select().from(identities).where(eq(identities.channel, 'console')).all()).toHaveLength(1);
  });

  it('refuses an unknown unit code and changes nothing', async () => {
    const db = sampleDb();
    const chat = consoleChat(db);
    const before = { people: countRows(db, 'people'), identities: countRows(db, 'identities'), audit: countRows(db, 'audit_log') };
    const out = await chat.handleLine('/as NOPE');
    expect(out).toBe(t('vi', 'console-unit-unknown', { code: 'NOPE' }));
    expect(out).toContain('"NOPE"');
    expect({ people: countRows(db, 'people'), identities: countRows(db, 'identities'), audit: countRows(db, 'audit_log') }).toEqual(before);
    expect(chat.currentIdentity).toBe(CONSOLE_GUEST);
  });

  it('acts as the admin of the Ban TĐKT, a person with no unit', async () => {
    const db = sampleDb();
    const chat = consoleChat(db);
    const out = await chat.handleLine('/as admin');
    const person = db.select().from(people).where(eq(people.role, 'admin')).get()!;
    expect(person).toMatchObject({ fullName: t('vi', 'console-admin-name'), unitId: null });
    expect(db.select().from(identities).where(eq(identities.externalId, CONSOLE_ADMIN)).get()).toMatchObject({ personId: person.id });
    expect(out).toMatch(/^Bạn đang đóng vai: Quản trị viên \(Ban TĐKT\) — Cán bộ Ban Thi đua - Khen thưởng \(quản trị\)\.\n/);
    expect(out).toContain(t('vi', 'menu-prompt'));
    expect(chat.currentIdentity).toBe(CONSOLE_ADMIN);
  });

  it('explains itself and lists some unit codes when given no argument', async () => {
    const db = sampleDb();
    const out = await consoleChat(db).handleLine('/as');
    expect(out).toContain('/as admin');
    expect(out).toContain('SNV (Sở Nội vụ)');
    expect(countRows(db, 'people')).toBe(0);
  });

  it('goes back to being a guest', async () => {
    const db = sampleDb();
    const chat = consoleChat(db);
    await chat.handleLine('/as SNV');
    expect(await chat.handleLine('/as guest')).toBe(t('vi', 'console-as-guest'));
    expect(chat.currentIdentity).toBe(CONSOLE_GUEST);
  });
});

describe('ConsoleChat lines', () => {
  it('asks an unlinked guest for an invite code', async () => {
    const db = sampleDb();
    const chat = consoleChat(db);
    const out = await chat.handleLine('xin chào');
    expect(out).toContain(t('vi', 'link-code-prompt'));
    expect(db.select().from(identities).where(and(eq(identities.channel, 'console'), eq(identities.externalId, CONSOLE_GUEST))).get()).toMatchObject({
      personId: null,
    });
    expect(countRows(db, 'people')).toBe(0);
  });

  it('adds the terminal-only commands to /help, and /quit ends', async () => {
    const db = sampleDb();
    const chat = consoleChat(db);
    await chat.handleLine('/as SNV');
    expect(await chat.handleLine('/help')).toContain(t('vi', 'console-help-extra'));
    expect(chat.finished).toBe(false);
    expect(await chat.handleLine('/thoát')).toBe(t('vi', 'console-bye'));
    expect(chat.finished).toBe(true);
  });

  it('answers an unexpected failure with "nothing was saved, try again" and logs it, without throwing', async () => {
    const db = sampleDb();
    const logged: string[] = [];
    const broken = defineFlow({
      id: 'menu',
      version: 1,
      schema: z.object({}),
      start: () => {
        throw new Error('boom');
      },
      steps: {},
    });
    const chat = consoleChat(db, { flows: [linkFlow, broken], log: createLogger('error', (l) => logged.push(l)) });
    const out = await chat.handleLine('/as SNV');
    expect(out).toContain(t('vi', 'console-internal-error'));
    expect(logged.join('')).toContain('boom');
    expect(countRows(db, 'conversations')).toBe(0);
  });
});

describe('rendering', () => {
  it('numbers the options of a question answered by choice', () => {
    const text = renderMessage(
      { text: 'Đơn vị nào?', choices: [{ id: 'a', label: 'Sở Nội vụ' }, { id: 'b', label: 'Sở Tư pháp' }] },
      'vi',
    );
    expect(text).toBe('Đơn vị nào?\n  1. Sở Nội vụ\n  2. Sở Tư pháp');
  });

  it('shows the options of a question that takes a typed number or date on one line, without numbers', () => {
    const text = renderMessage(
      { text: 'Hạn hoàn thành?', numbered: false, choices: [{ id: 'skip', label: 'Bỏ qua' }, { id: 'end', label: 'Cuối phong trào' }] },
      'vi',
    );
    expect(text).toBe('Hạn hoàn thành?\n  → [Bỏ qua] [Cuối phong trào]');
  });

  it('shows a file as a line with its path', () => {
    const text = renderMessage({ text: 'Bảng tổng hợp', file: { path: '/tmp/tong-hop.xlsx', name: 'tong-hop.xlsx' } }, 'vi');
    expect(text).toBe(`Bảng tổng hợp\n  ${t('vi', 'console-file', { name: 'tong-hop.xlsx', path: '/tmp/tong-hop.xlsx' })}`);
    expect(text).toContain('/tmp/tong-hop.xlsx');
  });
});

describe('console outbox delivery', () => {
  it('prints a notification for a console identity after the next event and marks it sent', async () => {
    const db = sampleDb();
    const chat = consoleChat(db);
    await chat.handleLine('/as admin');
    await chat.handleLine('/as SNV');
    const admin = db.select().from(people).where(eq(people.role, 'admin')).get()!;
    const adminIdentity = db.select().from(identities).where(eq(identities.externalId, CONSOLE_ADMIN)).get()!;
    const payload = { text: 'Sở Nội vụ đã gửi bản đăng ký.', choices: [{ id: 'approve', label: 'Duyệt' }] };
    const base = { personId: admin.id, identityId: adminIdentity.id, payload, notBefore: NOW };
    db.insert(outbox).values({ ...base, dedupeKey: 'submit:1', channel: 'console' }).run();
    db.insert(outbox).values({ ...base, dedupeKey: 'later:1', channel: 'console', notBefore: NOW + 60_000 }).run();
    db.insert(outbox).values({ ...base, dedupeKey: 'telegram:1', channel: 'telegram' }).run();

    const out = await chat.handleLine('/help');
    expect(out).toContain(`📨 → ${admin.fullName}: Sở Nội vụ đã gửi bản đăng ký.\n  1. Duyệt`);

    const rows = db.select().from(outbox).all();
    expect(rows.find((r) => r.dedupeKey === 'submit:1')).toMatchObject({ status: 'sent', sentAt: NOW, attempts: 1 });
    expect(rows.find((r) => r.dedupeKey === 'later:1')).toMatchObject({ status: 'pending', sentAt: null });
    expect(rows.find((r) => r.dedupeKey === 'telegram:1')).toMatchObject({ status: 'pending', sentAt: null });
    // Delivered once only.
    expect(deliverConsoleOutbox(db, NOW, renderMessage)).toEqual([]);
    expect(deliverConsoleOutbox(db, NOW + 60_000, renderMessage)).toEqual([`📨 → ${admin.fullName}: Sở Nội vụ đã gửi bản đăng ký.\n  1. Duyệt`]);
  });
});

describe('runConsoleChat with piped input', () => {
  it('answers each line in order, without a prompt, and resolves at the end of the input', async () => {
    const db = sampleDb();
    const clock = fixedClock(NOW);
    const core = new ChatCore({ db, clock, flows: ALL_FLOWS, log: silentLogger });
    const input = new PassThrough();
    const output = new PassThrough();
    let printed = '';
    output.on('data', (chunk: Buffer) => (printed += chunk.toString('utf8')));
    input.end('/as NOPE\n/as SNV\n/as admin\n');
    await runConsoleChat({ db, core, input, output, locale: 'vi', interactive: false, databasePath: 'thu.db', clock });
    expect(printed).toContain('thu.db');
    expect(printed).toContain('ND-2020');
    expect(printed).not.toContain(t('vi', 'console-prompt'));
    const nope = printed.indexOf('"NOPE"');
    const snv = printed.indexOf('Cán bộ đầu mối (SNV)');
    const admin = printed.indexOf(t('vi', 'console-admin-name'));
    expect(nope).toBeGreaterThan(0);
    expect(snv).toBeGreaterThan(nope);
    expect(admin).toBeGreaterThan(snv);
  });

  it('stops reading at /quit', async () => {
    const db = sampleDb();
    const clock = fixedClock(NOW);
    const core = new ChatCore({ db, clock, flows: ALL_FLOWS, log: silentLogger });
    const input = new PassThrough();
    const output = new PassThrough();
    let printed = '';
    output.on('data', (chunk: Buffer) => (printed += chunk.toString('utf8')));
    input.write('/quit\n/as SNV\n');
    await runConsoleChat({ db, core, input, output, locale: 'en', interactive: false, clock });
    expect(printed).toContain(t('en', 'console-bye'));
    expect(countRows(db, 'people')).toBe(0);
  });
});
