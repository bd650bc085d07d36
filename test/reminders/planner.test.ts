import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { encodeChoice } from '../../src/chat/types.ts';
import { identities, people } from '../../src/db/schema.ts';
import { cliActor } from '../../src/domain/audit.ts';
import { movementDefinition } from '../../src/domain/movement-definition.ts';
import { currentMovement } from '../../src/domain/movements.ts';
import { runDueReminders, type PlannerOptions } from '../../src/reminders/planner.ts';
import { addRule, setRulePaused, type RuleInput } from '../../src/reminders/rules.ts';
import { chatHarness } from '../helpers/chat.ts';
import { openTempDatabase, useTempDatabases } from '../helpers/db.ts';
import { smallDefinitionInput } from '../helpers/movement.ts';
import { HOUR, outboxRows, vn, vnText, world, type World } from './helpers.ts';

useTempDatabases();

const START = vn('2020-01-02T09:00');

/** Ticks every `step` from `from` to `to`; returns the firings as "#rule deliverAt@tick → queued". */
function tickThrough(w: World, from: string, to: string, options: PlannerOptions = {}, step = HOUR / 2): string[] {
  const out: string[] = [];
  for (let now = vn(from); now <= vn(to); now += step)
    for (const f of runDueReminders(w.db, now, options)) out.push(`#${f.ruleId} ${vnText(f.deliverAt)}${f.deliverAt === now ? '' : ` @${vnText(now)}`} → ${f.queued}`);
  return out;
}

const rule = (w: World, input: RuleInput, at = START) => addRule(w.db, w.movement.id, input, cliActor, at).id;

describe('holidays, weekends and quiet hours, for every kind of rule', () => {
  it('Tết 2021: the deadline falls on Tết, reminders wait until the Wednesday after; a daily schedule sends once Tết is over', () => {
    const input = smallDefinitionInput();
    input.movement = { ...input.movement, code: 'TEST-2021', starts: '2021-01-01', ends: '2021-12-31', registrationDeadline: '2021-02-12' };
    const { db } = openTempDatabase();
    const w = world(db, vn('2021-01-02T09:00'), movementDefinition.parse(input));
    const at = vn('2021-01-02T09:00');
    const before3 = rule(w, { kind: 'registration_deadline', offsetDays: -3 }, at); // Tue 09/02, the last working day
    const before4Late = rule(w, { kind: 'registration_deadline', offsetDays: -4, atTime: '22:30' }, at); // Mon 08/02 22:30: quiet
    const onTheDay = rule(w, { kind: 'registration_deadline', offsetDays: 0 }, at); // Fri 12/02: mùng 1 Tết
    const daily = rule(w, { kind: 'cron', cron: '0 9 * * *', subject: 'registration' }, at);
    const fired = tickThrough(w, '2021-02-08T00:00', '2021-02-18T23:30', { minGapMs: 0 });
    expect(fired).toEqual([
      `#${daily} 2021-02-08 09:00 → 5`,
      `#${before4Late} 2021-02-09 07:00 → 5`,
      `#${before3} 2021-02-09 08:00 → 5`,
      `#${daily} 2021-02-09 09:00 → 5`,
      // Nothing from Wednesday 10/02 (29 Tết) to Tuesday 16/02 (mùng 5).
      `#${onTheDay} 2021-02-17 07:00 → 5`,
      `#${daily} 2021-02-17 09:00 → 5`,
      `#${daily} 2021-02-18 09:00 → 5`,
    ]);
    const text = outboxRows(db).find((r) => r.ruleId === onTheDay)!.text;
    expect(text).toContain('Hạn đăng ký: thứ Sáu, 12/02/2021 (đã quá hạn 5 ngày).');
  });

  it('2020: Giỗ Tổ (Thursday 02/04), 30/4–1/5 (Thursday–Friday), 2/9–3/9 and weekends for report, registration and calendar rules', () => {
    const { db } = openTempDatabase();
    const w = world(db);
    for (const code of ['SNV', 'STC', 'HHH', 'HGT', 'MTTQ']) w.submit(code, vn('2020-03-01T09:00'));
    const q1Due = rule(w, { kind: 'period_due', offsetDays: -8 }); // Q1 due Fri 10/04 → Thu 02/04 Giỗ Tổ
    const weekly = rule(w, { kind: 'cron', cron: '0 16 * * 4', subject: 'report' }); // Thursdays 16:00
    const evening = rule(w, { kind: 'cron', cron: '0 21 1 5,9 *', subject: 'any' }); // 21:00 on the 1st of May and September
    const fired = tickThrough(w, '2020-04-01T00:00', '2020-04-05T00:00', { minGapMs: 0 })
      .concat(tickThrough(w, '2020-04-29T00:00', '2020-05-05T00:00', { minGapMs: 0 }))
      .concat(tickThrough(w, '2020-08-31T00:00', '2020-09-05T00:00', { minGapMs: 0 }));
    expect(fired).toEqual([
      // Q1 ended 31/03: a report is owed from then on.
      `#${q1Due} 2020-04-03 07:00 → 5`,
      `#${weekly} 2020-04-03 07:00 → 5`,
      `#${weekly} 2020-05-04 07:00 → 5`,
      // 01/05 at 21:00: holiday and quiet, then the weekend: Monday 07:00.
      `#${evening} 2020-05-04 07:00 → 5`,
      // 01/09 21:00 is quiet, 02/09 and 03/09 are holidays: Friday 04/09 07:00; Thursday 03/09's weekly one too.
      `#${evening} 2020-09-04 07:00 → 5`,
      `#${weekly} 2020-09-04 07:00 → 5`,
    ]);
  });

  it('another quiet-hours setting, and weekends let through', () => {
    const { db } = openTempDatabase();
    const w = world(db);
    const sat = rule(w, { kind: 'registration_deadline', offsetDays: -3, atTime: '07:30' }); // Sat 28/03/2020 07:30
    expect(tickThrough(w, '2020-03-28T00:00', '2020-03-30T12:00', { calendar: { quietStart: '20:00', quietEnd: '08:00' } })).toEqual([
      `#${sat} 2020-03-30 08:00 → 5`,
    ]);
    const { db: db2 } = openTempDatabase();
    const w2 = world(db2);
    const sat2 = rule(w2, { kind: 'registration_deadline', offsetDays: -3, atTime: '07:30' });
    expect(tickThrough(w2, '2020-03-28T00:00', '2020-03-30T12:00', { calendar: { skipWeekends: false } })).toEqual([`#${sat2} 2020-03-28 07:30 → 5`]);
  });
});

describe('catching up after downtime', () => {
  it('slots missed while the bot was down go out at restart, within the catch-up period, and never at quiet times', () => {
    const { db } = openTempDatabase();
    const w = world(db);
    const minus3 = rule(w, { kind: 'registration_deadline', offsetDays: -3 }); // Sat 28/03 → Mon 30/03 07:00
    const minus1 = rule(w, { kind: 'registration_deadline', offsetDays: -1 }); // Mon 30/03 08:00
    const onDay = rule(w, { kind: 'registration_deadline', offsetDays: 0 }); // Tue 31/03 08:00
    const plus1 = rule(w, { kind: 'registration_deadline', offsetDays: 1 }); // Wed 01/04 08:00
    // Down from Friday evening to Monday 10:15: both Monday slots go out at once, in order; the
    // second finds everyone just reminded of the same thing and sends nothing more.
    expect(tickThrough(w, '2020-03-27T09:00', '2020-03-27T18:00')).toEqual([]);
    expect(runDueReminders(db, vn('2020-03-30T10:15')).map((f) => [f.ruleId, vnText(f.deliverAt), f.queued])).toEqual([
      [minus3, '2020-03-30 07:00', 5],
      [minus1, '2020-03-30 08:00', 0],
    ]);
    // Down again from Monday 11:00 to Tuesday 22:00 (quiet): nothing at 22:00; Wednesday 07:00 is
    // 23 hours after Tuesday's slot, within the default 24 hours; Wednesday's own slot at 08:00
    // finds everyone reminded an hour ago.
    expect(runDueReminders(db, vn('2020-03-31T22:00'))).toEqual([]);
    expect(tickThrough(w, '2020-04-01T07:00', '2020-04-01T09:00')).toEqual([`#${onDay} 2020-03-31 08:00 @2020-04-01 07:00 → 5`, `#${plus1} 2020-04-01 08:00 → 0`]);
    expect(outboxRows(db).filter((r) => r.ruleId === onDay).every((r) => r.notBefore === vn('2020-04-01T07:00'))).toBe(true);
  });

  it('a slot older than the catch-up period is not sent; a longer period (REMINDER_CATCH_UP_HOURS) sends it', () => {
    for (const [catchUpMs, queued] of [
      [undefined, 0],
      [48 * HOUR, 5],
    ] as const) {
      const { db } = openTempDatabase();
      const w = world(db);
      const minus14 = rule(w, { kind: 'registration_deadline', offsetDays: -14 }); // Tue 17/03 08:00
      // Down from Monday 16/03 18:00 to Wednesday 18/03 09:00 (25 hours after the slot).
      const fired = runDueReminders(db, vn('2020-03-18T09:00'), catchUpMs ? { catchUpMs } : {});
      expect(fired.filter((f) => f.ruleId === minus14).reduce((n, f) => n + f.queued, 0)).toBe(queued);
    }
  });

  it('a double tick, a restart and a tick much later plan nothing twice', () => {
    const temp = openTempDatabase();
    const w = world(temp.db);
    rule(w, { kind: 'registration_deadline', offsetDays: -14 });
    const at = vn('2020-03-17T08:00');
    expect(runDueReminders(temp.db, at).map((f) => f.queued)).toEqual([5]);
    expect(runDueReminders(temp.db, at)).toEqual([]);
    expect(runDueReminders(temp.db, at + 60_000)).toEqual([]);
    const db = temp.reopen();
    expect(runDueReminders(db, at + 120_000)).toEqual([]);
    expect(runDueReminders(db, at + 20 * HOUR)).toEqual([]);
    expect(outboxRows(db)).toHaveLength(5);
  });

  it('a rule added or resumed after its slot does not send it; a paused rule sends nothing', () => {
    const { db } = openTempDatabase();
    const w = world(db);
    rule(w, { kind: 'registration_deadline', offsetDays: -14 }, vn('2020-03-17T09:00'));
    expect(runDueReminders(db, vn('2020-03-17T10:00'))).toEqual([]);
    const paused = rule(w, { kind: 'registration_deadline', offsetDays: -7 });
    setRulePaused(db, paused, true, cliActor, vn('2020-03-20T09:00'));
    expect(runDueReminders(db, vn('2020-03-24T08:00'))).toEqual([]);
    setRulePaused(db, paused, false, cliActor, vn('2020-03-24T08:30'));
    expect(runDueReminders(db, vn('2020-03-24T09:00'))).toEqual([]);
    expect(outboxRows(db)).toEqual([]);
  });
});

describe('the audience, computed when the rule fires', () => {
  it('every active liaison of each unit that owes, in their language; someone with no account is recorded unreachable', () => {
    const { db } = openTempDatabase();
    const w = world(db);
    w.addPerson('SNV-2', 'liaison', 'SNV', { locale: 'en' });
    w.addPerson('SNV-gone', 'liaison', 'SNV');
    db.update(people).set({ active: false }).where(eq(people.id, w.person['SNV-gone']!)).run();
    w.addPerson('HGT-nochat', 'liaison', 'HGT', { chatId: null });
    w.addPerson('viewer', 'viewer', 'SNV');
    w.submit('STC', vn('2020-03-10T09:00'));
    rule(w, { kind: 'registration_deadline', offsetDays: -14 });
    runDueReminders(db, vn('2020-03-17T08:00'));
    const rows = outboxRows(db);
    const who = (id: number) => Object.entries(w.person).find(([, p]) => p === id)![0];
    expect(rows.map((r) => [who(r.person), r.status, r.channel]).sort()).toEqual(
      [
        ['HGT', 'pending', 'telegram'],
        ['HGT-nochat', 'unreachable', 'console'],
        ['HHH', 'pending', 'telegram'],
        ['MTTQ', 'pending', 'telegram'],
        ['SNV', 'pending', 'telegram'],
        ['SNV-2', 'pending', 'telegram'],
      ].sort(),
    );
    expect(rows.find((r) => r.person === w.person['SNV-2'])!.text).toBe(
      [
        '⏰ Reminder — Phong trào thi đua thử nghiệm 2020',
        '• Sở Nội vụ has not registered its emulation targets.',
        '  Registration deadline: Tuesday, 31/03/2020 (14 days left).',
        'Press "Register targets" below to do it now.',
      ].join('\n'),
    );
    expect(db.$client.prepare("SELECT last_error AS e FROM outbox WHERE status = 'unreachable'").get()).toEqual({ e: 'no messenger account linked' });
  });

  it('the account a person last wrote from, preferring one not known to be unreachable', () => {
    const { db } = openTempDatabase();
    const w = world(db);
    const snv = w.person.SNV!;
    db.insert(identities).values({ personId: snv, channel: 'zalo', externalId: 'z-snv', lastInboundAt: vn('2020-03-01T09:00') }).run();
    db.update(identities).set({ unreachableAt: vn('2020-03-02T09:00') }).where(eq(identities.externalId, String(w.chat.SNV))).run();
    rule(w, { kind: 'registration_deadline', offsetDays: -14 });
    runDueReminders(db, vn('2020-03-17T08:00'));
    expect(outboxRows(db).find((r) => r.person === snv)!.channel).toBe('zalo');
  });

  it('calendar rules: registration, reports of ended periods, or both', () => {
    const { db } = openTempDatabase();
    const w = world(db);
    w.submit('SNV', vn('2020-03-01T09:00'));
    w.submit('STC', vn('2020-03-01T09:00'));
    w.report('STC', 'Q2020-1', vn('2020-04-02T09:00'));
    rule(w, { kind: 'cron', cron: '0 9 * * 1', subject: 'registration' });
    rule(w, { kind: 'cron', cron: '0 10 * * 1', subject: 'report' });
    rule(w, { kind: 'cron', cron: '0 11 * * 1', subject: 'any' });
    const who = (id: number) => Object.entries(w.person).find(([, p]) => p === id)![0];
    const sent = (at: string) => {
      const before = outboxRows(db).length;
      runDueReminders(db, vn(at), { minGapMs: 0 });
      return outboxRows(db)
        .slice(before)
        .map((r) => `${who(r.person)} ${r.choices.join('+')}`)
        .sort();
    };
    // Monday 23/03: Q1 has not ended, nobody owes a report yet.
    expect(sent('2020-03-23T09:00')).toEqual(['HGT go:register+go:register:form', 'HHH go:register+go:register:form', 'MTTQ go:register+go:register:form']);
    expect(sent('2020-03-23T10:00')).toEqual([]);
    // Monday 06/04: Q1 ended; STC reported it.
    expect(sent('2020-04-06T09:00')).toEqual(['HGT go:register+go:register:form', 'HHH go:register+go:register:form', 'MTTQ go:register+go:register:form']);
    expect(sent('2020-04-06T10:00')).toEqual(['SNV go:report']);
    expect(sent('2020-04-06T11:00')).toEqual(['HGT go:register+go:register:form', 'HHH go:register+go:register:form', 'MTTQ go:register+go:register:form', 'SNV go:report']);
  });

  it('the escalation goes to the cluster head people and liaisons of the head unit, in their language', () => {
    const { db } = openTempDatabase();
    const w = world(db);
    w.addPerson('CUM1-head', 'cluster_head', 'HHH', { locale: 'en' });
    rule(w, { kind: 'registration_deadline', offsetDays: 1, escalateAfter: 1 });
    rule(w, { kind: 'registration_deadline', offsetDays: 0 });
    runDueReminders(db, vn('2020-03-31T08:00'));
    const fired = runDueReminders(db, vn('2020-04-01T08:00'));
    expect(fired[0]!.escalated.sort()).toEqual([w.unit('HGT'), w.unit('HHH'), w.unit('MTTQ'), w.unit('SNV'), w.unit('STC')].sort());
    const escalations = outboxRows(db).filter((r) => r.key.startsWith('es:'));
    const who = (id: number) => Object.entries(w.person).find(([, p]) => p === id)![0];
    expect(escalations.map((r) => who(r.person)).sort()).toEqual(['CUM1-head', 'HHH', 'SNV']);
    expect(escalations.find((r) => r.person === w.person['CUM1-head'])!.text).toBe(
      [
        '📋 Cụm 1 — Phong trào thi đua thử nghiệm 2020: 1 unit has been reminded several times and still not done it. As cluster head, please urge them:',
        '• Huyện Giao Thủy: no targets registered (reminded once)',
      ].join('\n'),
    );
    // Told once per unit and obligation: the next overdue reminder does not tell them again.
    rule(w, { kind: 'registration_deadline', offsetDays: 2, escalateAfter: 1 });
    expect(runDueReminders(db, vn('2020-04-02T08:00'))).toEqual([]); // Giỗ Tổ
    const next = runDueReminders(db, vn('2020-04-03T07:00'));
    expect(next.map((f) => f.escalated)).toEqual([[]]);
    expect(outboxRows(db).filter((r) => r.key.startsWith('es:'))).toHaveLength(3);
  });
});

describe('the button in a reminder', () => {
  it('opens the registration flow from the chat', () => {
    const h = chatHarness();
    h.link('u1', 'SNV');
    const movement = currentMovement(h.db)!;
    addRule(h.db, movement.id, { kind: 'registration_deadline', offsetDays: -14 }, cliActor, START);
    runDueReminders(h.db, vn('2020-03-17T08:00'));
    const row = outboxRows(h.db).find((r) => r.person === h.rows<{ id: number }>("SELECT person_id AS id FROM identities WHERE external_id = 'u1'")[0]!.id)!;
    expect(row.choices).toEqual(['go:register', 'go:register:form']);
    const reply = h.send('u1', { choice: encodeChoice(0, row.choices[0]!) });
    expect(reply.map((r) => r.text).join('\n')).toContain('Bước 1.');
  });

  it('its form button opens the registration with the Excel form on its way', () => {
    const h = chatHarness();
    h.link('u1', 'SNV');
    const movement = currentMovement(h.db)!;
    addRule(h.db, movement.id, { kind: 'registration_deadline', offsetDays: -14 }, cliActor, START);
    runDueReminders(h.db, vn('2020-03-17T08:00'));
    const result = h.core.handle({ channel: 'telegram', externalId: 'u1', choice: encodeChoice(0, 'go:register:form') });
    expect(result.replies.map((r) => r.text).join('\n')).toContain('Biểu mẫu đăng ký đang được chuẩn bị');
    expect(result.jobs).toMatchObject([{ kind: 'form-out', form: 'targets' }]);
  });
});
