/**
 * Reminders before the dossier deadline (10/12/2020 in the sample): whoever may still send a
 * document of an incomplete dossier is told what is missing — HML's liaison and Cụm 1's head for
 * the cluster's flag proposal — and nobody for a complete one; once per slot, at allowed hours.
 */
import { describe, expect, it } from 'vitest';
import { cliActor } from '../../src/domain/audit.ts';
import { currentMovement } from '../../src/domain/movements.ts';
import { checklistItems, dossierYear } from '../../src/domain/year-end/dossiers.ts';
import { runDueReminders } from '../../src/reminders/planner.ts';
import { createDefaultRules, listRules } from '../../src/reminders/rules.ts';
import { chatHarness } from '../helpers/chat.ts';
import { useTempDatabases } from '../helpers/db.ts';
import { personOf, proposalRow } from '../helpers/dossier-rows.ts';
import { outboxRows } from './helpers.ts';

useTempDatabases();

const at = (iso: string) => Date.parse(`${iso}+07:00`);

describe('dossier reminders', () => {
  it('tell the senders of an incomplete dossier what is missing, a week before the deadline, once', () => {
    const h = chatHarness();
    for (const [who, unit, role] of [['hml', 'HML', 'liaison'], ['tpnd', 'TPND', 'cluster_head'], ['hvb', 'HVB', 'liaison'], ['htn', 'HTN', 'liaison']] as const) h.link(who, unit, role);
    const movement = currentMovement(h.db)!;
    createDefaultRules(h.db, movement.id, cliActor, at('2020-11-01T09:00'));
    const dossierRules = listRules(h.db, movement.id).filter((r) => r.kind === 'dossier_deadline');
    expect(dossierRules.map((r) => r.offsetDays)).toEqual([-7, -3, -1]);
    // Only what the dossier rules queued (the registration's and the reports' go on beside them).
    const dossierRows = (after: number) => outboxRows(h.db, after).filter((r) => dossierRules.some((rule) => rule.id === r.ruleId));
    const flag = proposalRow(h.db, 'HML', 'co-thi-dua-ubnd-tinh', 'CUM1');
    const own = proposalRow(h.db, 'HVB', 'tap-the-lao-dong-xuat-sac');
    const insert = h.db.$client.prepare('INSERT INTO dossier_files (proposal_id, item, file_name, stored_path, bytes, received_at) VALUES (?, ?, ?, ?, 1, ?)');
    for (const item of checklistItems(dossierYear(h.db, movement)!.confirmations)) insert.run(own, item, `${item}.pdf`, '/x', at('2020-12-01T09:00'));
    insert.run(flag, 'to-trinh', 'tt.pdf', '/x', at('2020-12-01T09:00'));
    const before = outboxRows(h.db).at(-1)?.id ?? 0;

    runDueReminders(h.db, at('2020-12-02T09:00'));
    expect(dossierRows(before)).toEqual([]);
    runDueReminders(h.db, at('2020-12-03T08:00'));
    const sent = dossierRows(before);
    const [hml, tpnd] = [personOf(h.db, 'HML', 'liaison').id, personOf(h.db, 'TPND', 'cluster_head').id];
    expect(sent.map((r) => r.person).sort()).toEqual([hml, tpnd].sort());
    const text = sent[0]!.text;
    expect(text).toContain('Hạn nộp: thứ Năm, 10/12/2020 (còn 7 ngày)');
    expect(text).toContain('• Cờ thi đua của UBND tỉnh — UBND huyện Mỹ Lộc: còn thiếu Báo cáo thành tích; Biên bản họp bình xét (kèm kết quả bỏ phiếu); Xác nhận của Công an tỉnh');
    expect(text).not.toContain('Tờ trình');
    expect(sent[0]!.choices).toEqual(['go:dossier']);

    runDueReminders(h.db, at('2020-12-03T08:30'));
    expect(dossierRows(before)).toHaveLength(2);
  });
});
