/**
 * A test adapter for the chat core: people talk to the real ChatCore over a real SQLite file with
 * the sample movement loaded, and tests read the replies and the rows written.
 */
import { expect } from 'vitest';
import { ChatCore } from '../../src/chat/core.ts';
import { handleAndNotify } from '../../src/inbound/inbound.ts';
import { encodeChoice, type InboundEvent, type OutboundMessage } from '../../src/chat/types.ts';
import type { Db } from '../../src/db/connection.ts';
import { cliActor } from '../../src/domain/audit.ts';
import { fixedClock } from '../../src/util/clock.ts';
import { createInvite } from '../../src/domain/invites.ts';
import { currentMovement, listContentAreas } from '../../src/domain/movements.ts';
import { addTarget, ensureRegistration, submitRegistration } from '../../src/domain/registrations.ts';
import { ALL_FLOWS } from '../../src/flows/index.ts';
import { loadSampleMovement } from '../../src/sample/load.ts';
import { silentLogger } from '../../src/util/log.ts';
import { fold } from '../../src/util/text.ts';
import { openTempDatabase, type TempDatabase } from './db.ts';
import { loadedFlows } from './flows.ts';
import type { Role } from '../../src/domain/model.ts';

// The harness answers synchronously, as the core does: the deferred flows (the year's end) are
// loaded before any test talks to it. Their loading itself: test/chat/deferred-flows.test.ts.
await loadedFlows();

/** 2020-02-15 09:00 in Hà Nội: the movement is open and the deadline (31/03/2020) still ahead. */
export const FEB_15 = Date.UTC(2020, 1, 15, 2, 0);

export function loadSample(db: Db, now = FEB_15): void {
  loadSampleMovement(db, cliActor, now);
}

export class ChatHarness {
  readonly clock = fixedClock(FEB_15);
  core: ChatCore;
  private readonly last = new Map<string, OutboundMessage[]>();

  constructor(readonly temp: TempDatabase) {
    this.core = this.newCore();
  }

  get db(): Db {
    return this.temp.db;
  }

  private newCore(): ChatCore {
    return new ChatCore({ db: this.temp.db, clock: this.clock, flows: ALL_FLOWS, log: silentLogger });
  }

  /** Closes the database and opens it again with a fresh core, as a restart of the bot would. */
  restart(): void {
    this.temp.reopen();
    this.core = this.newCore();
  }

  send(who: string, event: Omit<InboundEvent, 'channel' | 'externalId'>): OutboundMessage[] {
    const { result } = handleAndNotify(this.db, this.core, { channel: 'telegram', externalId: who, displayName: `Người dùng ${who}`, ...event }, this.clock.now());
    this.last.set(who, result.replies);
    return result.replies;
  }

  /** Types a line, as a person would. Returns the text of the replies. */
  say(who: string, text: string): string {
    return this.send(who, { text }).map((r) => r.text).join('\n---\n');
  }

  /** Presses the button whose label contains `label` (accents ignored) on the latest question. */
  press(who: string, label: string): string {
    const question = [...(this.last.get(who) ?? [])].reverse().find((m) => m.choices?.length);
    const choice = question?.choices?.find((c) => fold(c.label).includes(fold(label)));
    expect(choice, `no button "${label}" in ${JSON.stringify(question?.choices?.map((c) => c.label))}`).toBeDefined();
    return this.send(who, { choice: encodeChoice(question!.seq ?? 0, choice!.id) }).map((r) => r.text).join('\n---\n');
  }

  /** The latest message that offered choices, for assertions on buttons. */
  lastQuestion(who: string): OutboundMessage | undefined {
    return [...(this.last.get(who) ?? [])].reverse().find((m) => m.choices?.length);
  }

  lastText(who: string): string {
    return (this.last.get(who) ?? []).map((r) => r.text).join('\n---\n');
  }

  /** Creates an invite for a unit and links `who` with it through /start, as a new liaison would. */
  link(who: string, unitCode: string | null, role: Role = 'liaison', name = `Cán bộ ${unitCode ?? 'Ban'}`): string {
    const invite = createInvite(this.db, { unitCode, role, personName: name }, cliActor, this.clock.now());
    return this.say(who, `/start ${invite.code}`);
  }

  rows<T = Record<string, unknown>>(sql: string, ...params: unknown[]): T[] {
    return this.db.$client.prepare(sql).all(...params) as T[];
  }
}

export function chatHarness(): ChatHarness {
  const temp = openTempDatabase();
  loadSample(temp.db);
  return new ChatHarness(temp);
}

/** A unit's registration with one qualitative target, sent for review; its id. */
export function submittedRegistration(h: ChatHarness, code: string): number {
  const movement = currentMovement(h.db)!;
  const unitId = h.rows<{ id: number }>('SELECT id FROM units WHERE code = ?', code)[0]!.id;
  const reg = ensureRegistration(h.db, movement.id, unitId, h.clock.now());
  addTarget(h.db, reg.id, { contentAreaId: listContentAreas(h.db, movement.id)[0]!.id, text: `Chỉ tiêu của ${code}`, kind: 'qualitative' }, cliActor, h.clock.now());
  submitRegistration(h.db, reg.id, cliActor, h.clock.now());
  return reg.id;
}
