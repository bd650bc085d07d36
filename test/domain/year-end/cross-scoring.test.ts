/**
 * Chấm chéo and evidence on a score sheet, in the domain: the head assigns pairs within its group,
 * only the assigned scorer scores, points are checked against the table, a cross-scoring is sent
 * once and complete; evidence leaves the points (and the year's pre-fill) as they were.
 */
import { readFileSync } from 'node:fs';
import { eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../../src/db/connection.ts';
import { groups } from '../../../src/db/schema.ts';
import { movementDefinition } from '../../../src/domain/movement-definition.ts';
import { assignCrossScoring, crossScoringsBy, groupCrossScorings, saveCrossPoints, sendCrossScoring } from '../../../src/domain/year-end/cross-scoring.ts';
import { attachEvidence } from '../../../src/domain/year-end/sheet-evidence.ts';
import { clusterHeadsOf, scoringGroupOfUnit, scoringGroups, scoringGroupsHeadedBy } from '../../../src/domain/year-end/groups.ts';
import type { ScoringTable } from '../../../src/domain/year-end/scoring.ts';
import { loadSheet, saveSelfScores, sendSheet } from '../../../src/domain/year-end/sheets.ts';
import { scoringTableOfGroup } from '../../../src/domain/year-end/store.ts';
import { countRows, openTempDatabase, useTempDatabases } from '../../helpers/db.ts';
import { refusal } from '../../helpers/errors.ts';
import { loadMovement, type LoadedMovement } from '../../helpers/movement.ts';

useTempDatabases();

const SAMPLE = movementDefinition.parse(JSON.parse(readFileSync(new URL('../../../src/sample/nam-dinh-2020.json', import.meta.url), 'utf8')));

let db: Db;
let m: LoadedMovement;
let table: ScoringTable;
let cum1: number;
const head = () => ({ groupId: cum1, personId: null });

beforeEach(() => {
  db = openTempDatabase().db;
  m = loadMovement(db, SAMPLE);
  cum1 = db.select().from(groups).where(eq(groups.code, 'CUM1')).get()!.id;
  table = scoringTableOfGroup(db, cum1)!;
});

describe('the groups a person scores in', () => {
  it('a unit in its group with a table, a head in the groups its unit heads, the Board in all', () => {
    expect(scoringGroupOfUnit(db, m.movement.id, m.unit('HML'))?.code).toBe('CUM1');
    expect(scoringGroupsHeadedBy(db, m.movement.id, m.unit('TPND')).map((g) => g.code)).toEqual(['CUM1']);
    expect(scoringGroupsHeadedBy(db, m.movement.id, m.unit('HML'))).toEqual([]);
    expect(scoringGroups(db, m.movement.id).map((g) => g.code)).toEqual(['CUM1', 'CUM2', 'KHOI-DT', 'KHOI-KT', 'KHOI-NC', 'KHOI-VX']);
    expect(clusterHeadsOf(db, cum1)).toEqual([]); // nobody linked yet
  });
});

describe('chấm chéo', () => {
  it('is assigned between two members of the group, once per pair', () => {
    const first = assignCrossScoring(db, head(), m.unit('HVB'), m.unit('HML'), 1);
    expect(first.created).toBe(true);
    expect(assignCrossScoring(db, head(), m.unit('HVB'), m.unit('HML'), 2)).toEqual({ id: first.id, created: false });
    expect(refusal(() => assignCrossScoring(db, head(), m.unit('HML'), m.unit('HML'), 1))).toBe('err-cross-same-unit');
    expect(refusal(() => assignCrossScoring(db, head(), m.unit('HHH'), m.unit('HML'), 1))).toBe('err-not-your-cluster');
    expect(countRows(db, 'cross_scorings')).toBe(1);
  });

  it('is scored by its scorer only, checked against the table, and sent once when complete', () => {
    const { id } = assignCrossScoring(db, head(), m.unit('HVB'), m.unit('HML'), 1);
    expect(refusal(() => saveCrossPoints(db, table, m.unit('HYY'), id, 'I.1', 30))).toBe('err-cross-not-yours');
    expect(refusal(() => saveCrossPoints(db, table, m.unit('HVB'), id, 'I.1', 41))).toBe('err-score-out-of-range');
    expect(refusal(() => saveCrossPoints(db, table, m.unit('HVB'), id, 'X.9', 1))).toBe('err-score-unknown-criterion');
    saveCrossPoints(db, table, m.unit('HVB'), id, 'I.1', 30.456);
    expect(refusal(() => sendCrossScoring(db, table, m.unit('HVB'), id, 2))).toBe('err-score-incomplete');
    for (const c of table.criteria) if (c.kind === 'score' && c.code !== 'I.1') saveCrossPoints(db, table, m.unit('HVB'), id, c.code, c.max);
    saveCrossPoints(db, table, m.unit('HVB'), id, 'D.1', 2);
    expect(refusal(() => sendCrossScoring(db, table, m.unit('HML'), id, 2))).toBe('err-cross-not-yours');
    expect(sendCrossScoring(db, table, m.unit('HVB'), id, 2)).toBe(true);
    expect(sendCrossScoring(db, table, m.unit('HVB'), id, 3)).toBe(false);
    expect(refusal(() => saveCrossPoints(db, table, m.unit('HVB'), id, 'I.1', 20))).toBe('err-score-already-sent');
    const [cross] = groupCrossScorings(db, table, cum1);
    // 30,46 + the other score criteria at their maximum (60) − 2 deducted.
    expect(cross).toMatchObject({ scorerUnitId: m.unit('HVB'), scoredUnitId: m.unit('HML'), sentAt: 2, total: 88.46, complete: true });
    expect(crossScoringsBy(db, table, cum1, m.unit('HML'))).toEqual([]);
  });
});

describe('evidence on a sheet line', () => {
  it('is kept beside the points without changing them; refused once the sheet is sent', () => {
    const unit = { unitId: m.unit('HML'), groupId: cum1 };
    attachEvidence(db, table, unit, 'I.1', { kind: 'link', ref: 'https://example.gov.vn/bao-cao' }, 1);
    const sheet = loadSheet(db, table, unit, { exceeded: 1, met: 1, notMet: 0, inProgress: 0, notReported: 0 });
    expect(sheet.lines.find((l) => l.code === 'I.1')).toEqual({ code: 'I.1', self: 40, prefilled: true });
    expect(sheet.evidence.get('I.1')).toEqual({ kind: 'link', ref: 'https://example.gov.vn/bao-cao' });
    expect(refusal(() => attachEvidence(db, table, { unitId: m.unit('HHH'), groupId: cum1 }, 'I.1', { kind: 'photo', ref: 'x' }, 1))).toBe('err-not-your-cluster');
    expect(refusal(() => attachEvidence(db, table, unit, 'Z.1', { kind: 'photo', ref: 'x' }, 1))).toBe('err-score-unknown-criterion');
    const entries = Object.fromEntries(table.criteria.filter((c) => c.kind === 'score' && !c.code.startsWith('I.')).map((c) => [c.code, { points: c.max }]));
    saveSelfScores(db, table, unit, { ...entries, 'I.3': { points: 5 } }, 2);
    sendSheet(db, table, unit, { exceeded: 1, met: 1, notMet: 0, inProgress: 0, notReported: 0 }, { personId: null as unknown as number, now: 3 });
    expect(refusal(() => attachEvidence(db, table, unit, 'I.3', { kind: 'photo', ref: 'x' }, 4))).toBe('err-score-already-sent');
    expect(loadSheet(db, table, unit).lines.find((l) => l.code === 'I.1')).toEqual({ code: 'I.1', self: 40, prefilled: true });
  });
});
