import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../../src/db/connection.ts';
import { groups, scoringCriteria, scoringTableGroups, scoringTables, yearEnds } from '../../../src/db/schema.ts';
import { movementDefinition, type MovementDefinition } from '../../../src/domain/movement-definition.ts';
import { importMovement } from '../../../src/domain/movements.ts';
import { describeIssues } from '../../../src/domain/validation-report.ts';
import { scoringTableOfGroup } from '../../../src/domain/year-end/store.ts';
import { parseJsonSource } from '../../../src/io/json-source.ts';
import { openTempDatabase, useTempDatabases } from '../../helpers/db.ts';
import { admin } from '../../helpers/movement.ts';
import { eq } from 'drizzle-orm';

useTempDatabases();

const NOW = Date.parse('2020-01-05T02:00:00Z');
const SAMPLE_TEXT = readFileSync(new URL('../../../src/sample/nam-dinh-2020.json', import.meta.url), 'utf8');

function sampleInput(): Record<string, unknown> & { yearEnd: any } {
  return JSON.parse(SAMPLE_TEXT);
}

function sample(edit: (input: ReturnType<typeof sampleInput>) => void = () => {}): MovementDefinition {
  const input = sampleInput();
  edit(input);
  return movementDefinition.parse(input);
}

function rows(db: Db) {
  return {
    yearEnds: db.select().from(yearEnds).all(),
    tables: db.select().from(scoringTables).all(),
    links: db.select().from(scoringTableGroups).all(),
    criteria: db.select().from(scoringCriteria).all(),
  };
}

describe('the year-end section of the movement file', () => {
  let db: Db;
  beforeEach(() => {
    db = openTempDatabase().db;
  });

  it('the sample movement carries a year-end for every cluster and block, imported with the movement', () => {
    const summary = importMovement(db, sample(), admin, NOW);
    expect(summary.scoringTables).toBe(2);
    expect(db.select().from(yearEnds).all()).toEqual([
      { movementId: summary.movementId, selfAssessmentBy: '2020-11-30', clusterMeetingBy: '2020-12-05', dossierDeadline: '2020-12-10', councilOn: '2021-01-15', confirmations: sample().yearEnd!.confirmations },
    ]);
    expect(sample().yearEnd!.confirmations.map((c) => c.code)).toEqual(['CA', 'THUE', 'BHXH']);
    const allGroups = db.select().from(groups).where(eq(groups.movementId, summary.movementId)).all();
    expect(db.select().from(scoringTableGroups).all()).toHaveLength(allGroups.length);

    const cum1 = allGroups.find((g) => g.code === 'CUM1')!;
    const table = scoringTableOfGroup(db, cum1.id)!;
    expect(table.code).toBe('BD-CUM');
    expect(table.quotas).toEqual({ flag: 1, certificate: 1 });
    expect(table.vote).toEqual({ quorum: 0.8, threshold: 0.8 });
    expect(table.criteria.map((c) => c.code)).toEqual(['I.1', 'I.2', 'I.3', 'II.1', 'II.2', 'II.3', 'III.1', 'III.2', 'III.3', 'D.1', 'D.2', 'B.1', 'B.2']);
    // The scores proper add up to the 100-point scale.
    expect(table.criteria.filter((c) => c.kind === 'score').reduce((sum, c) => sum + c.max, 0)).toBe(100);
    expect(table.criteria.find((c) => c.code === 'I.1')).toMatchObject({ fromResults: 'targets-reached', max: 40 });
    expect(table.criteria.find((c) => c.code === 'B.1')).toMatchObject({ kind: 'bonus', max: 10 });
  });

  it('importing the same file again changes no row; an edited file updates, adds and removes criteria', () => {
    importMovement(db, sample(), admin, NOW);
    const before = rows(db);
    expect(importMovement(db, sample(), admin, NOW).scoringTables).toBe(2);
    expect(rows(db)).toEqual(before);

    importMovement(
      db,
      sample((d) => {
        const table = d.yearEnd.tables[0];
        table.criteria = table.criteria.filter((c: { code: string }) => c.code !== 'B.2');
        table.criteria[0].max = 45;
        table.criteria.push({ code: 'B.3', section: 'Điểm thưởng', title: 'Bằng khen của Thủ tướng năm trước', kind: 'bonus', max: 5 });
        table.quotas.certificate = 2;
        d.yearEnd.tables[1].groups = ['KHOI-KT', 'KHOI-VX', 'KHOI-NC'];
        d.yearEnd.tables.push({ code: 'BD-DT', groups: ['KHOI-DT'], quotas: { flag: 1 }, criteria: [{ code: 'A', section: 'I', title: 'Nhiệm vụ', max: 100 }] });
      }),
      admin,
      NOW,
    );
    const after = rows(db);
    const cum = after.tables.find((t) => t.code === 'BD-CUM')!;
    expect(cum).toMatchObject({ id: before.tables.find((t) => t.code === 'BD-CUM')!.id, certificateQuota: 2 });
    const cumCriteria = after.criteria.filter((c) => c.tableId === cum.id);
    expect(cumCriteria.map((c) => c.code)).not.toContain('B.2');
    expect(cumCriteria.find((c) => c.code === 'I.1')!.max).toBe(45);
    expect(cumCriteria.find((c) => c.code === 'B.3')).toMatchObject({ kind: 'bonus', max: 5, position: 12 });
    const dt = after.tables.find((t) => t.code === 'BD-DT')!;
    // Defaults: no certificate quota, the quorum of two thirds, 80% of all members.
    expect(dt).toMatchObject({ flagQuota: 1, certificateQuota: 0, threshold: 0.8 });
    expect(dt.quorum).toBeCloseTo(2 / 3);
    const khoiDt = db.select().from(groups).where(eq(groups.code, 'KHOI-DT')).get()!;
    expect(scoringTableOfGroup(db, khoiDt.id)!.code).toBe('BD-DT');

    // A file whose year-end names fewer tables: the others are gone, with their criteria.
    importMovement(db, sample((d) => (d.yearEnd.tables = [d.yearEnd.tables[0]])), admin, NOW);
    expect(db.select().from(scoringTables).all().map((t) => t.code)).toEqual(['BD-CUM']);
    expect(db.select().from(scoringCriteria).all().every((c) => c.tableId === cum.id)).toBe(true);
  });

  it('a movement file without a year-end imports as before', () => {
    const summary = importMovement(db, sample((d) => delete d.yearEnd), admin, NOW);
    expect(summary.scoringTables).toBe(0);
    expect(rows(db)).toEqual({ yearEnds: [], tables: [], links: [], criteria: [] });
  });
});

describe('a wrong year-end is reported at its line, in words', () => {
  function problemsOf(edit: (input: ReturnType<typeof sampleInput>) => void) {
    const input = sampleInput();
    edit(input);
    const text = JSON.stringify(input, null, 2);
    const source = parseJsonSource(text);
    if (!source.ok) throw new Error('not JSON');
    const result = movementDefinition.safeParse(source.value);
    expect(result.success).toBe(false);
    return { problems: describeIssues(result.error!.issues, 'en', source.lineOf), lines: text.split('\n') };
  }

  it.each([
    ['a threshold above 100%', (d: any) => (d.yearEnd.tables[0].vote.threshold = 80), 'yearEnd.tables.0.vote.threshold', /share above 0 and at most 1/],
    ['a criterion without a positive maximum', (d: any) => (d.yearEnd.tables[0].criteria[2].max = 0), 'yearEnd.tables.0.criteria.2.max', /above 0/],
    ['a group the file does not have', (d: any) => d.yearEnd.tables[1].groups.push('KHOI-XX'), 'yearEnd.tables.1.groups.4', /no group with code KHOI-XX/],
    ['a group under two tables', (d: any) => d.yearEnd.tables[1].groups.push('CUM2'), 'yearEnd.tables.1.groups.4', /CUM2 already has scoring table BD-CUM/],
    ['a criterion code twice', (d: any) => (d.yearEnd.tables[0].criteria[1].code = 'I.1'), 'yearEnd.tables.0.criteria.1.code', /criterion code used twice/],
    ['a deduction filled from the results', (d: any) => (d.yearEnd.tables[0].criteria[9].fromResults = 'targets-reached'), 'yearEnd.tables.0.criteria.9.fromResults', /only a "score" criterion/],
    ['the dossier deadline before the cluster meeting', (d: any) => (d.yearEnd.dates.dossierDeadline = '2020-12-01'), 'yearEnd.dates.dossierDeadline', /must come in order/],
    ['a negative quota', (d: any) => (d.yearEnd.tables[0].quotas.flag = -1), 'yearEnd.tables.0.quotas.flag', /./],
  ])('%s', (_label, edit, field, message) => {
    const { problems, lines } = problemsOf(edit);
    expect(problems.map((p) => p.field)).toEqual([field]);
    // The line named holds the value at fault: its key, or for an element of a list the element.
    const last = field.split('.').at(-1)!;
    const line = lines[problems[0]!.line - 1]!;
    if (/^\d+$/.test(last)) expect(line).toMatch(/"(KHOI-XX|CUM2)"/);
    else expect(line).toContain(`"${last}"`);
    expect(problems[0]!.message).toMatch(message);
  });
});
