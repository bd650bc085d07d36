/**
 * Deferred flows (the year's end): declared at start, their code loaded with the first event that
 * needs one. That event is kept whole meanwhile and answered once the flow has loaded, on every
 * path a message takes: the terminal chat, a messenger's webhook queue, and a flow that cannot
 * load answers as any fault of ours does.
 */
import { z } from 'zod';
import { afterEach, describe, expect, it } from 'vitest';
import { ConsoleChat } from '../../src/channels/console/adapter.ts';
import { ChatCore } from '../../src/chat/core.ts';
import { deferFlow, defineFlow, FlowNotLoaded, type DeferredFlow, type Flow } from '../../src/chat/engine.ts';
import type { Db } from '../../src/db/connection.ts';
import { can } from '../../src/domain/scope.ts';
import { ALL_FLOWS } from '../../src/flows/index.ts';
import { t } from '../../src/i18n/index.ts';
import { fixedClock } from '../../src/util/clock.ts';
import { silentLogger } from '../../src/util/log.ts';
import { chatHarness, FEB_15, loadSample } from '../helpers/chat.ts';
import { countRows, openTempDatabase, useTempDatabases } from '../helpers/db.ts';
import { textOf, useZaloHarnesses, zaloHarness } from '../channels/zalo/harness.ts';

useTempDatabases();
useZaloHarnesses();

const DONE = 'Đã xong việc cuối năm.';

/** A flow for the Board alone, deferred; its code "loads" when the test opens the gate. */
function gatedFlow(load: () => Promise<void> = async () => undefined) {
  const calls = { loads: 0 };
  let open!: () => void;
  const gate = new Promise<void>((resolve) => (open = resolve));
  const flow: DeferredFlow = deferFlow(
    { id: 'later', commands: [{ en: 'later', vi: 'sau', menu: [], place: 999 }], requires: { movement: true, person: { may: can.review, refusal: 'scope-admin-only' } } },
    async () => {
      calls.loads++;
      await gate;
      await load();
      return defineFlow({ id: 'later', version: 1, schema: z.object({}), start: () => ({ kind: 'done', message: DONE }), steps: {} });
    },
  );
  return { flow, calls, open };
}

function consoleChat(db: Db, flows: (Flow<any> | DeferredFlow)[]) {
  const clock = fixedClock(FEB_15);
  const core = new ChatCore({ db, clock, flows, log: silentLogger });
  return new ConsoleChat({ core, db, locale: 'vi', clock, log: silentLogger });
}

function sampleDb(): Db {
  const { db } = openTempDatabase();
  loadSample(db);
  return db;
}

const settledSoon = (promise: Promise<unknown>) => Promise.race([promise.then(() => true), new Promise((resolve) => setTimeout(() => resolve(false), 50))]);

describe('a deferred flow', () => {
  let opened: (() => void) | undefined;
  afterEach(() => opened?.());

  it('the core keeps nothing of an event that needs it before it has loaded, and answers the same event once it has', async () => {
    const h = chatHarness();
    h.link('board', null, 'admin');
    const { flow, calls, open } = gatedFlow();
    opened = open;
    h.core = new ChatCore({ db: h.db, clock: h.clock, flows: [...ALL_FLOWS, flow], log: silentLogger });
    const counts = () => ({ identities: countRows(h.db, 'identities'), outbox: countRows(h.db, 'outbox'), conversations: countRows(h.db, 'conversations') });
    const before = counts();

    let waiting: FlowNotLoaded | undefined;
    try {
      h.say('board', '/later');
    } catch (error) {
      if (error instanceof FlowNotLoaded) waiting = error;
    }
    expect(waiting?.flow).toBe('later');
    expect(counts()).toEqual(before);
    expect(await settledSoon(waiting!.loading)).toBe(false);

    open();
    await waiting!.loading;
    expect(h.say('board', '/later')).toBe(DONE);
    expect(calls.loads).toBe(1);
  });

  it('the terminal chat waits for it: the Board is answered by the flow, once it has loaded', async () => {
    const db = sampleDb();
    const { flow, calls, open } = gatedFlow();
    opened = open;
    const chat = consoleChat(db, [...ALL_FLOWS, flow]);
    await chat.handleLine('/as admin');
    const outboxBefore = countRows(db, 'outbox');

    const answer = chat.handleLine('/later');
    expect(await settledSoon(answer)).toBe(false);
    expect(countRows(db, 'outbox')).toBe(outboxBefore);
    open();
    expect(await answer).toContain(DONE);
    expect(calls.loads).toBe(1);
  });

  it('is refused to those who may not open it without being loaded', async () => {
    const db = sampleDb();
    const { flow, calls, open } = gatedFlow();
    opened = open;
    const chat = consoleChat(db, [...ALL_FLOWS, flow]);
    await chat.handleLine('/as SNV');
    expect(await chat.handleLine('/later')).toContain(t('vi', 'scope-admin-only'));
    expect(calls.loads).toBe(0);
  });

  it('a message on Zalo waits in the queue for it, then is answered; nothing is marked failed', async () => {
    const { flow, calls, open } = gatedFlow();
    opened = open;
    const h = await zaloHarness({}, { flows: [...ALL_FLOWS, flow] });
    await h.say('board', `/start ${h.invite(null, 'admin', 'Trần Văn Ban')}`);
    setTimeout(open, 100);
    expect(textOf(await h.say('board', '/later'))).toContain(DONE);
    expect(h.rows('SELECT key FROM inbound_queue WHERE error IS NOT NULL')).toEqual([]);
    expect(calls.loads).toBe(1);
  });

  it('that cannot load answers as a fault of ours: the person told nothing was saved, the message kept with the fault', async () => {
    const { flow, open } = gatedFlow(async () => {
      throw new Error('module missing');
    });
    open();
    const h = await zaloHarness({}, { flows: [...ALL_FLOWS, flow] });
    await h.say('board', `/start ${h.invite(null, 'admin', 'Trần Văn Ban')}`);
    expect(textOf(await h.say('board', '/later'))).toBe(t('vi', 'zalo-internal-error'));
    expect(h.rows<{ error: string }>('SELECT error FROM inbound_queue WHERE error IS NOT NULL').map((r) => r.error.split('\n')[0])).toEqual(['Error: module missing']);
  });
});
