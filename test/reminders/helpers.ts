/**
 * A small movement with people to remind: the test movement (deadline 31/03/2020; quarterly,
 * half-yearly and yearly reports due 10 days after each period), a liaison with a Telegram account
 * for each unit, an admin, and the registration life cycle as one-liners.
 */
import type { Db } from '../../src/db/connection.ts';
import { identities, people, reportingPeriods } from '../../src/db/schema.ts';
import { cliActor } from '../../src/domain/audit.ts';
import { recordProgressReport } from '../../src/domain/progress.ts';
import { addTarget, ensureRegistration, listTargets, returnRegistration, submitRegistration } from '../../src/domain/registrations.ts';
import type { MovementDefinition } from '../../src/domain/movement-definition.ts';
import { loadMovement, type LoadedMovement } from '../helpers/movement.ts';
import { and, eq } from 'drizzle-orm';
import type { Role } from '../../src/domain/model.ts';

export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;

/** An instant given as Hà Nội wall time. */
export const vn = (iso: string) => Date.parse(`${iso}+07:00`);

/** "2020-03-17 08:00" for an instant, in Hà Nội. */
export function vnText(epochMs: number): string {
  return new Date(epochMs + 7 * HOUR).toISOString().slice(0, 16).replace('T', ' ');
}

export const UNIT_CODES = ['SNV', 'STC', 'HHH', 'HGT', 'MTTQ'] as const;

export interface World extends LoadedMovement {
  db: Db;
  /** person id by name ("SNV" for the unit's liaison, "admin") */
  person: Record<string, number>;
  /** Telegram chat id by person name */
  chat: Record<string, number>;
  addPerson(name: string, role: Role, unitCode: string | null, options?: { locale?: 'vi' | 'en'; chatId?: number | null }): number;
  submit(code: string, now: number): void;
  draft(code: string, now: number): void;
  giveBack(code: string, reason: string, now: number): void;
  report(code: string, periodCode: string, now: number): void;
}

let nextChat = 7000;

export function world(db: Db, start = vn('2020-01-02T09:00'), def?: MovementDefinition): World {
  const loaded = loadMovement(db, def, start);
  const w: World = {
    ...loaded,
    db,
    person: {},
    chat: {},
    addPerson(name, role, unitCode, options = {}) {
      const id = db
        .insert(people)
        .values({ fullName: `Cán bộ ${name}`, role, unitId: unitCode ? loaded.unit(unitCode) : null, locale: options.locale ?? 'vi' })
        .returning()
        .get().id;
      w.person[name] = id;
      if (options.chatId !== null) {
        const chatId = options.chatId ?? nextChat++;
        db.insert(identities).values({ personId: id, channel: 'telegram', externalId: String(chatId), lastInboundAt: start }).run();
        w.chat[name] = chatId;
      }
      return id;
    },
    draft(code, now) {
      const reg = ensureRegistration(db, loaded.movement.id, loaded.unit(code), now);
      if (listTargets(db, reg.id).length === 0)
        addTarget(db, reg.id, { contentAreaId: loaded.area(1), text: `Chỉ tiêu của ${code}`, kind: 'qualitative' }, cliActor, now);
    },
    submit(code, now) {
      w.draft(code, now);
      submitRegistration(db, ensureRegistration(db, loaded.movement.id, loaded.unit(code), now).id, cliActor, now);
    },
    giveBack(code, reason, now) {
      returnRegistration(db, ensureRegistration(db, loaded.movement.id, loaded.unit(code), now).id, reason, cliActor, now);
    },
    report(code, periodCode, now) {
      const reg = ensureRegistration(db, loaded.movement.id, loaded.unit(code), now);
      const period = db
        .select()
        .from(reportingPeriods)
        .where(and(eq(reportingPeriods.movementId, loaded.movement.id), eq(reportingPeriods.code, periodCode)))
        .get()!;
      const lines = listTargets(db, reg.id).map((t) => ({ targetId: t.id, assessment: 'met' as const }));
      recordProgressReport(db, { registrationId: reg.id, periodId: period.id, lines }, cliActor, now);
    },
  };
  for (const code of UNIT_CODES) w.addPerson(code, 'liaison', code);
  w.addPerson('admin', 'admin', null);
  return w;
}

export interface OutRow {
  id: number;
  key: string;
  person: number;
  channel: string;
  status: string;
  text: string;
  choices: string[];
  notBefore: number;
  ruleId: number | null;
  broadcastId: number | null;
}

/** Outbox rows (after row `afterId`), oldest first, with their payload read. */
export function outboxRows(db: Db, afterId = 0): OutRow[] {
  return (
    db.$client
      .prepare(
        'SELECT id, dedupe_key AS key, person_id AS person, channel, status, payload, not_before AS notBefore, rule_id AS ruleId, broadcast_id AS broadcastId FROM outbox WHERE id > ? ORDER BY id',
      )
      .all(afterId) as (Omit<OutRow, 'text' | 'choices'> & { payload: string })[]
  ).map(({ payload, ...r }) => {
    const p = JSON.parse(payload) as { text: string; choices?: { id: string }[] };
    return { ...r, text: p.text, choices: (p.choices ?? []).map((c) => c.id) };
  });
}
