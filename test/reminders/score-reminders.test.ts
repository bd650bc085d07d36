/**
 * Reminders before the self-assessment date (30/11/2020 in the sample): each member unit of a
 * scoring cluster whose sheet is not sent is told through its liaisons, with a button to
 * /chamdiem; a unit that sent is not; once per slot.
 */
import { describe, expect, it } from 'vitest';
import { cliActor } from '../../src/domain/audit.ts';
import { currentMovement } from '../../src/domain/movements.ts';
import { saveSelfScores, sendSheet } from '../../src/domain/year-end/sheets.ts';
import { scoringTableOfGroup } from '../../src/domain/year-end/store.ts';
import { runDueReminders } from '../../src/reminders/planner.ts';
import { createDefaultRules, listRules } from '../../src/reminders/rules.ts';
import { chatHarness } from '../helpers/chat.ts';
import { useTempDatabases } from '../helpers/db.ts';
import { personOf } from '../helpers/dossier-rows.ts';
import { outboxRows } from './helpers.ts';

useTempDatabases();

const at = (iso: string) => Date.parse(`${iso}+07:00`);

describe('self-assessment reminders', () => {
  it('tell the liaisons of units that have not sent their score sheet, a week before the date, once; not those that sent', () => {
    const h = chatHarness();
    for (const [who, unit] of [['hml', 'HML'], ['hvb', 'HVB'], ['htn', 'HTN']] as const) h.link(who, unit, 'liaison');
    const movement = currentMovement(h.db)!;
    createDefaultRules(h.db, movement.id, cliActor, at('2020-11-01T09:00'));
    const scoreRules = listRules(h.db, movement.id).filter((r) => r.kind === 'self_assessment');
    expect(scoreRules.map((r) => [r.offsetDays, r.subject])).toEqual([[-7, 'score'], [-3, 'score'], [-1, 'score']]);
    const scoreRows = (after: number) => outboxRows(h.db, after).filter((r) => scoreRules.some((rule) => rule.id === r.ruleId));

    // HVB (Cụm 1) sends its sheet; HML (Cụm 1) and HTN (Cụm 2) have not.
    const cum1 = h.rows<{ id: number }>("SELECT id FROM groups WHERE code = 'CUM1'")[0]!.id;
    const hvb = h.rows<{ id: number }>("SELECT id FROM units WHERE code = 'HVB'")[0]!.id;
    const table = scoringTableOfGroup(h.db, cum1)!;
    saveSelfScores(h.db, table, { unitId: hvb, groupId: cum1 }, Object.fromEntries(table.criteria.filter((c) => c.kind === 'score').map((c) => [c.code, { points: c.max }])), 0);
    sendSheet(h.db, table, { unitId: hvb, groupId: cum1 }, undefined, { personId: personOf(h.db, 'HVB', 'liaison').id, now: 0 });
    const before = outboxRows(h.db).at(-1)?.id ?? 0;

    runDueReminders(h.db, at('2020-11-22T09:00'));
    expect(scoreRows(before)).toEqual([]);
    runDueReminders(h.db, at('2020-11-23T08:00'));
    const sent = scoreRows(before);
    expect(sent.map((r) => r.person).sort()).toEqual([personOf(h.db, 'HML', 'liaison').id, personOf(h.db, 'HTN', 'liaison').id].sort());
    const hml = sent.find((r) => r.person === personOf(h.db, 'HML', 'liaison').id)!;
    expect(hml.text).toContain('UBND huyện Mỹ Lộc chưa gửi bảng tự chấm điểm cho Cụm trưởng (Cụm thi đua số 1). Hạn: thứ Hai, 30/11/2020 (còn 7 ngày)');
    expect(hml.choices).toEqual(['go:score']);

    runDueReminders(h.db, at('2020-11-23T08:30'));
    expect(scoreRows(before)).toHaveLength(2);
  });
});
