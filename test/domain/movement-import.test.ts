import { readFileSync } from 'node:fs';
import { asc, eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../src/db/connection.ts';
import { contentAreas, groupMembers, groups, movements, registrations, reportingPeriods, targets, units } from '../../src/db/schema.ts';
import { movementDefinition, type MovementDefinition } from '../../src/domain/movement-definition.ts';
import { importMovement, referenceIssues } from '../../src/domain/movements.ts';
import { describeIssues } from '../../src/domain/validation-report.ts';
import { parseJsonSource } from '../../src/io/json-source.ts';
import { countRows, openTempDatabase, useTempDatabases } from '../helpers/db.ts';
import { admin, loadMovement, smallDefinitionInput } from '../helpers/movement.ts';

useTempDatabases();

const NOW = Date.parse('2020-01-05T02:00:00Z');
const SAMPLE_TEXT = readFileSync(new URL('../fixtures/nam-dinh-2020.json', import.meta.url), 'utf8');

function sampleDefinition(): MovementDefinition {
  const source = parseJsonSource(SAMPLE_TEXT);
  if (!source.ok) throw new Error(`fixture is not JSON: ${JSON.stringify(source.errors)}`);
  return movementDefinition.parse(source.value);
}

/**
 * Every row of every table, to compare a database before and after. sqlite_sequence is left out:
 * an upsert that ends in an update still consumes an AUTOINCREMENT number, which changes no row.
 */
function dump(db: Db): Record<string, unknown[]> {
  const tables = db.$client
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name <> 'sqlite_sequence' ORDER BY name")
    .all() as { name: string }[];
  return Object.fromEntries(tables.map(({ name }) => [name, db.$client.prepare(`SELECT * FROM "${name}" ORDER BY rowid`).all()]));
}

describe('importing the Nam Định 2020 sample', () => {
  let db: Db;
  beforeEach(() => {
    db = openTempDatabase().db;
  });

  it('creates the movement, its content areas, units, groups, periods and sample registrations', () => {
    const summary = importMovement(db, sampleDefinition(), admin, NOW);
    expect(summary).toMatchObject({
      movement: 'created',
      contentAreas: 9,
      periods: 7,
      units: { created: 34, updated: 0, unchanged: 0 },
      groups: { created: 6, updated: 0, unchanged: 0 },
      sampleTargets: 6,
    });

    expect(db.select().from(movements).all()).toEqual([
      expect.objectContaining({
        id: summary.movementId,
        code: 'ND-2020',
        province: 'Nam Định',
        documentNumber: '77/UBND-VP8',
        documentDate: '2020-01-25',
        startsOn: '2020-01-01',
        endsOn: '2020-12-31',
        registrationDeadline: '2020-03-31',
        timezone: 'Asia/Ho_Chi_Minh',
        status: 'open',
      }),
    ]);
    expect(db.select({ n: contentAreas.number }).from(contentAreas).orderBy(asc(contentAreas.number)).all().map((r) => r.n)).toEqual([
      1, 2, 3, 4, 5, 6, 7, 8, 9,
    ]);
    expect(countRows(db, 'units')).toBe(34);
  });

  it('puts every unit of the file in its group, with the group’s head and deputy', () => {
    importMovement(db, sampleDefinition(), admin, NOW);
    const codeOf = new Map(db.select().from(units).all().map((u) => [u.id, u.code]));
    const members = db.select().from(groupMembers).all();
    const actual = db
      .select()
      .from(groups)
      .orderBy(asc(groups.id))
      .all()
      .map((g) => ({
        code: g.code,
        kind: g.kind,
        head: codeOf.get(g.headUnitId!),
        deputy: codeOf.get(g.deputyUnitId!),
        illustrative: g.illustrative,
        members: members
          .filter((m) => m.groupId === g.id)
          .map((m) => codeOf.get(m.unitId)!)
          .sort(),
      }));
    const expected = sampleDefinition().groups.map((g) => ({
      code: g.code,
      kind: g.kind,
      head: g.head,
      deputy: g.deputy,
      illustrative: true,
      members: [...g.members].sort(),
    }));
    expect(actual).toEqual(expected);
    expect(actual.map((g) => [g.code, g.members.length])).toEqual([
      ['CUM1', 5],
      ['CUM2', 5],
      ['KHOI-KT', 8],
      ['KHOI-VX', 6],
      ['KHOI-NC', 4],
      ['KHOI-DT', 6],
    ]);
    // 34 units, each in exactly one group
    expect(members).toHaveLength(34);
    expect(new Set(members.map((m) => m.unitId)).size).toBe(34);
  });

  it('generates the reporting periods: four quarters, two halves and the year, each due 10 days after it ends', () => {
    importMovement(db, sampleDefinition(), admin, NOW);
    const periods = db
      .select()
      .from(reportingPeriods)
      .orderBy(asc(reportingPeriods.id))
      .all()
      .map((p) => [p.code, p.kind, p.startsOn, p.endsOn, p.dueOn]);
    expect(periods).toEqual([
      ['Q2020-1', 'quarter', '2020-01-01', '2020-03-31', '2020-04-10'],
      ['Q2020-2', 'quarter', '2020-04-01', '2020-06-30', '2020-07-10'],
      ['H2020-1', 'half', '2020-01-01', '2020-06-30', '2020-07-10'],
      ['Q2020-3', 'quarter', '2020-07-01', '2020-09-30', '2020-10-10'],
      ['Q2020-4', 'quarter', '2020-10-01', '2020-12-31', '2021-01-10'],
      ['H2020-2', 'half', '2020-07-01', '2020-12-31', '2021-01-10'],
      ['Y2020', 'year', '2020-01-01', '2020-12-31', '2021-01-10'],
    ]);
  });

  it('turns the six sample targets into draft registrations of their units', () => {
    importMovement(db, sampleDefinition(), admin, NOW);
    const codeOf = new Map(db.select().from(units).all().map((u) => [u.id, u.code]));
    const areaNumber = new Map(db.select().from(contentAreas).all().map((a) => [a.id, a.number]));
    const regs = db.select().from(registrations).orderBy(asc(registrations.id)).all();
    expect(regs.map((r) => [codeOf.get(r.unitId), r.status, r.version, r.late])).toEqual([
      ['SNNPTNT', 'draft', 0, false],
      ['HHH', 'draft', 0, false],
      ['SGTVT', 'draft', 0, false],
      ['SGDDT', 'draft', 0, false],
    ]);
    const unitOfReg = new Map(regs.map((r) => [r.id, codeOf.get(r.unitId)]));
    const rows = db.select().from(targets).orderBy(asc(targets.id)).all();
    expect(rows.map((t) => [unitOfReg.get(t.registrationId), areaNumber.get(t.contentAreaId), t.position, t.kind, t.measure, t.plannedValue, t.direction, t.dueOn])).toEqual([
      ['SNNPTNT', 2, 1, 'quantitative', '%', 25, 'at_least', '2020-12-31'],
      ['SNNPTNT', 2, 2, 'quantitative', 'mô hình', 10, 'at_least', '2020-12-31'],
      ['SNNPTNT', 2, 3, 'quantitative', 'sản phẩm', 100, 'at_least', '2020-12-31'],
      ['HHH', 2, 1, 'qualitative', null, null, null, '2020-12-31'],
      ['SGTVT', 1, 1, 'qualitative', null, null, null, '2020-12-31'],
      ['SGDDT', 4, 1, 'qualitative', null, null, null, '2020-12-31'],
    ]);
    expect(rows[4]!.text).toBe('Hoàn thành đưa vào sử dụng cầu Thịnh Long');
  });

  it('importing the same file again changes nothing', () => {
    importMovement(db, sampleDefinition(), admin, NOW);
    const before = dump(db);
    const summary = importMovement(db, sampleDefinition(), admin, NOW + 86_400_000);
    expect(summary).toMatchObject({
      movement: 'unchanged',
      units: { created: 0, updated: 0, unchanged: 34 },
      groups: { created: 0, updated: 0, unchanged: 6 },
      sampleTargets: 0,
    });
    expect(dump(db)).toEqual(before);
  });

  it('an edited file updates what it names, writes it to the audit log, and leaves registrations alone', () => {
    const first = importMovement(db, sampleDefinition(), admin, NOW);
    const regsBefore = db.select().from(registrations).all();
    const targetsBefore = db.select().from(targets).all();

    const edited = JSON.parse(SAMPLE_TEXT) as ReturnType<typeof JSON.parse>;
    edited.movement.name = 'Phong trào thi đua năm 2020 (sửa)';
    edited.units.find((u: { code: string }) => u.code === 'HHH').name = 'UBND huyện Hải Hậu (mới)';
    // HNH moves from CUM2 to CUM1
    edited.groups[1].members = edited.groups[1].members.filter((c: string) => c !== 'HNH');
    edited.groups[0].members.push('HNH');
    edited.sampleTargets[0].planned = 99;

    const summary = importMovement(db, movementDefinition.parse(edited), admin, NOW + 1);
    expect(summary.movementId).toBe(first.movementId);
    expect(summary).toMatchObject({ movement: 'updated', units: { created: 0, updated: 1, unchanged: 33 }, sampleTargets: 0 });
    expect(summary.groups.updated).toBeGreaterThanOrEqual(1);

    expect(db.select().from(movements).get()!.name).toBe('Phong trào thi đua năm 2020 (sửa)');
    expect(db.select().from(units).where(eq(units.code, 'HHH')).get()!.name).toBe('UBND huyện Hải Hậu (mới)');
    const hnh = db.select().from(units).where(eq(units.code, 'HNH')).get()!.id;
    const cum1 = db.select().from(groups).where(eq(groups.code, 'CUM1')).get()!.id;
    expect(db.select().from(groupMembers).where(eq(groupMembers.unitId, hnh)).all()).toEqual([
      { movementId: first.movementId, groupId: cum1, unitId: hnh },
    ]);
    expect(countRows(db, 'group_members')).toBe(34);
    expect(db.select().from(registrations).all()).toEqual(regsBefore);
    expect(db.select().from(targets).all()).toEqual(targetsBefore);

    const audit = db.$client.prepare('SELECT action, entity_id AS entityId, before, after FROM audit_log WHERE at = ?').all(NOW + 1) as {
      action: string;
      before: string;
      after: string;
    }[];
    const actions = audit.map((a) => a.action);
    expect(actions).toContain('movement.update');
    expect(actions).toContain('unit.update');
    expect(actions).toContain('group.update');
    const unitUpdate = audit.find((a) => a.action === 'unit.update')!;
    expect(JSON.parse(unitUpdate.before)).toMatchObject({ name: 'UBND huyện Hải Hậu' });
    expect(JSON.parse(unitUpdate.after)).toMatchObject({ name: 'UBND huyện Hải Hậu (mới)' });
  });
  it('a unit moving from one group to another is a change of both groups, in the summary and the audit log', () => {
    importMovement(db, sampleDefinition(), admin, NOW);
    const edited = JSON.parse(SAMPLE_TEXT) as { groups: { code: string; members: string[] }[] };
    // HNH leaves CUM2 (listed second) for CUM1 (listed first)
    edited.groups[1]!.members = edited.groups[1]!.members.filter((c) => c !== 'HNH');
    edited.groups[0]!.members.push('HNH');
    const summary = importMovement(db, movementDefinition.parse(edited), admin, NOW + 1);
    expect(summary.groups).toEqual({ created: 0, updated: 2, unchanged: 4 });

    const hnh = db.select().from(units).where(eq(units.code, 'HNH')).get()!.id;
    const cum2 = db.select().from(groups).where(eq(groups.code, 'CUM2')).get()!.id;
    const cum2Updates = db.$client
      .prepare("SELECT before, after FROM audit_log WHERE action = 'group.update' AND entity_id = ?")
      .all(String(cum2)) as { before: string; after: string }[];
    expect(cum2Updates).toHaveLength(1);
    expect(JSON.parse(cum2Updates[0]!.before).members).toContain(hnh);
    expect(JSON.parse(cum2Updates[0]!.after).members).not.toContain(hnh);
  });
});

describe('referenceIssues: units a definition names must exist', () => {
  it('reports a group member that is neither in the file nor in the database, at its path', () => {
    const { db } = openTempDatabase();
    const input = smallDefinitionInput();
    input.groups[1]!.members = ['HHH', 'HGT', 'XYZ'];
    const def = movementDefinition.parse(input);
    const issues = referenceIssues(db, def);
    expect(issues).toEqual([expect.objectContaining({ code: 'custom', path: ['groups', 1, 'members', 2], message: 'def-unknown-unit' })]);
    expect((issues[0] as { params?: unknown }).params).toEqual({ unit: 'XYZ' });
  });

  it('reports a sample target of an unknown unit', () => {
    const { db } = openTempDatabase();
    const input = { ...smallDefinitionInput(), sampleTargets: [{ unit: 'GHOST', area: 1, text: 'x', kind: 'qualitative' }] };
    const issues = referenceIssues(db, movementDefinition.parse(input));
    expect(issues.map((i) => [i.path, i.message])).toEqual([[['sampleTargets', 0, 'unit'], 'def-unknown-unit']]);
  });

  it('accepts units the database already knows, even if the file does not list them', () => {
    const { db } = openTempDatabase();
    loadMovement(db);
    const input = smallDefinitionInput();
    input.movement.code = 'TEST-2021';
    const def = movementDefinition.parse({ ...input, units: [] });
    expect(referenceIssues(db, def)).toEqual([]);
  });

  it('finds nothing wrong with the sample', () => {
    const { db } = openTempDatabase();
    expect(referenceIssues(db, sampleDefinition())).toEqual([]);
  });
});

describe('movementDefinition refuses broken definitions, saying where', () => {
  type Input = ReturnType<typeof smallDefinitionInput> & Record<string, unknown>;
  const cases: [string, (d: Input) => void, (string | number)[], string][] = [
    [
      'a registration deadline after the movement ends',
      (d) => {
        d.movement.registrationDeadline = '2021-01-15';
      },
      ['movement', 'registrationDeadline'],
      'def-deadline-outside',
    ],
    [
      'a registration deadline before the movement starts',
      (d) => {
        d.movement.registrationDeadline = '2019-12-31';
      },
      ['movement', 'registrationDeadline'],
      'def-deadline-outside',
    ],
    [
      'a duplicate unit code',
      (d) => {
        d.units.push({ code: 'STC', name: 'Sở Tài chính (bản sao)', kind: 'so' });
      },
      ['units', 5, 'code'],
      'def-duplicate',
    ],
    [
      'a unit in two groups',
      (d) => {
        d.groups[1]!.members.push('SNV');
      },
      ['groups', 1, 'members', 2],
      'def-member-twice',
    ],
    [
      'a head that is not a member of its group',
      (d) => {
        d.groups[0]!.head = 'HHH';
      },
      ['groups', 0, 'head'],
      'def-role-not-member',
    ],
    [
      'a deputy that is not a member of its group',
      (d) => {
        d.groups[1]!.deputy = 'STC';
      },
      ['groups', 1, 'deputy'],
      'def-role-not-member',
    ],
    [
      'a date that does not exist (30/02/2020)',
      (d) => {
        d.movement = { ...d.movement, document: { number: '77/UBND-VP8', date: '2020-02-30' } } as Input['movement'];
      },
      ['movement', 'document', 'date'],
      'def-not-a-date',
    ],
    [
      'a quantitative sample target without a planned value',
      (d) => {
        d.sampleTargets = [{ unit: 'SNV', area: 1, text: 'Tỷ lệ hồ sơ đúng hạn', kind: 'quantitative', measure: '%' }];
      },
      ['sampleTargets', 0],
      'def-quantitative-needs-plan',
    ],
    [
      'a sample target in a content area that does not exist',
      (d) => {
        d.sampleTargets = [{ unit: 'SNV', area: 7, text: 'x', kind: 'qualitative' }];
      },
      ['sampleTargets', 0, 'area'],
      'def-no-area',
    ],
    [
      'a movement that ends before it starts',
      (d) => {
        d.movement.ends = '2019-06-30';
        d.movement.registrationDeadline = '2019-03-31';
        d.movement.starts = '2019-12-01';
      },
      ['movement', 'ends'],
      'def-ends-before-start',
    ],
    [
      'a duplicate content area number',
      (d) => {
        d.contentAreas.push({ number: 2, title: 'again' });
      },
      ['contentAreas', 3, 'number'],
      'def-duplicate',
    ],
  ];

  it('accepts the small definition as it is', () => {
    expect(movementDefinition.safeParse(smallDefinitionInput()).success).toBe(true);
  });

  it.each(cases)('%s', (_label, breakIt, path, message) => {
    const input = smallDefinitionInput() as Input;
    breakIt(input);
    const result = movementDefinition.safeParse(input);
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((i) => ({ path: i.path, message: i.message }))).toContainEqual({ path, message });
  });

  it('a malformed date is reported where it stands, not as a deadline problem elsewhere', () => {
    const input = smallDefinitionInput();
    input.movement.starts = '2020-1-1';
    const result = movementDefinition.safeParse(input);
    expect(result.success).toBe(false);
    // Only movement.starts is wrong; comparing '2020-03-31' with '2020-1-1' as text must not
    // produce a "deadline outside the movement" issue at movement.registrationDeadline.
    expect([...new Set(result.error!.issues.map((i) => i.path.join('.')))]).toEqual(['movement.starts']);
  });
});

describe('reading a definition file: parseJsonSource and describeIssues', () => {
  it('reports the line and column of a JSON syntax error', () => {
    const text = [
      '{', //                                  1
      '  "movement": {', //                    2
      '    "code": "TEST-2020",', //           3
      '    "name": "Thử nghiệm"', //           4  ← missing comma
      '    "starts": "2020-01-01"', //         5
      '  }', //                                6
      '}', //                                  7
    ].join('\n');
    const source = parseJsonSource(text);
    expect(source.ok).toBe(false);
    if (source.ok) return;
    expect(source.errors[0]).toEqual({ line: 5, column: 5, code: 'CommaExpected' });
  });

  it.each([
    ['a trailing comma', '{\n  "a": 1,\n  "b": [1, 2,]\n}', 3],
    ['a comment', '{\n  "a": 1\n  // note\n}', 3],
    ['an unterminated string', '{\n\n  "a": "oops\n}', 3],
  ])('refuses %s, at its line', (_label, text, line) => {
    const source = parseJsonSource(text);
    expect(source.ok).toBe(false);
    if (!source.ok) expect(source.errors[0]!.line).toBe(line);
  });

  it('skips a byte-order mark and still counts lines from 1', () => {
    const source = parseJsonSource('\ufeff{\n  "a": [\n    1,\n    "x"\n  ]\n}');
    expect(source.ok).toBe(true);
    if (source.ok) {
      expect(source.value).toEqual({ a: [1, 'x'] });
      expect(source.lineOf(['a', 1])).toBe(4);
    }
  });

  it('reports each wrong value of a valid JSON file at the line where the value stands', () => {
    const text = [
      '{', //                                                             1
      '  "movement": {', //                                               2
      '    "code": "TEST-2020",', //                                      3
      '    "name": "Thử nghiệm",', //                                     4
      '    "starts": "2020-01-01",', //                                   5
      '    "ends": "2020-12-31",', //                                     6
      '    "registrationDeadline": "2020-02-30"', //                      7  ← not a date
      '  },', //                                                          8
      '  "contentAreas": [', //                                           9
      '    { "number": 1, "title": "Hạ tầng" }', //                       10
      '  ],', //                                                          11
      '  "units": [', //                                                  12
      '    { "code": "SNV", "name": "Sở Nội vụ", "kind": "so" },', //     13
      '    {', //                                                         14
      '      "code": "STC",', //                                          15
      '      "name": "Sở Tài chính",', //                                 16
      '      "kind": "bank"', //                                          17 ← not a unit kind
      '    }', //                                                         18
      '  ]', //                                                           19
      '}', //                                                             20
    ].join('\n');
    const source = parseJsonSource(text);
    expect(source.ok).toBe(true);
    if (!source.ok) return;
    expect(source.lineOf(['movement', 'registrationDeadline'])).toBe(7);
    expect(source.lineOf(['units', 1, 'kind'])).toBe(17);
    expect(source.lineOf(['units', 1])).toBe(14);
    // a property that is missing is reported at the nearest enclosing value
    expect(source.lineOf(['units', 1, 'validFrom'])).toBe(14);
    expect(source.lineOf(['groups'])).toBe(1);

    const result = movementDefinition.safeParse(source.value);
    expect(result.success).toBe(false);
    const problems = describeIssues(result.error!.issues, 'en', source.lineOf);
    expect(problems.map((p) => [p.line, p.field])).toEqual([
      [7, 'movement.registrationDeadline'],
      [17, 'units.1.kind'],
    ]);
    // our own message ids are translated; zod's own checks come worded already
    expect(problems[0]!.message).toBe('not a real calendar date');
    expect(problems[1]!.message).toMatch(/so.*huyen/);
    for (const p of describeIssues(result.error!.issues, 'vi', source.lineOf)) expect(p.message).not.toMatch(/^def-/);
  });

  it('words the definition’s own checks with their details, in either language', () => {
    const input = smallDefinitionInput();
    input.groups[1]!.members.push('SNV');
    const result = movementDefinition.safeParse(input);
    const lineOf = () => 1;
    expect(describeIssues(result.error!.issues, 'en', lineOf)).toEqual([
      { line: 1, field: 'groups.1.members.2', message: 'unit SNV is already a member of KHOI-A' },
    ]);
    expect(describeIssues(result.error!.issues, 'vi', lineOf)[0]!.message).toContain('SNV');
  });

  it('reports a group member that names an unknown unit at its line', () => {
    const text = [
      '{', //                                                                    1
      '  "movement": { "code": "T", "name": "T", "starts": "2020-01-01",', //    2
      '    "ends": "2020-12-31", "registrationDeadline": "2020-03-31" },', //    3
      '  "contentAreas": [{ "number": 1, "title": "A" }],', //                  4
      '  "units": [{ "code": "SNV", "name": "Sở Nội vụ", "kind": "so" }],', //  5
      '  "groups": [', //                                                        6
      '    {', //                                                                7
      '      "code": "K", "kind": "khoi", "name": "Khối",', //                  8
      '      "members": [', //                                                   9
      '        "SNV",', //                                                       10
      '        "NOPE"', //                                                       11
      '      ]', //                                                              12
      '    }', //                                                                13
      '  ]', //                                                                  14
      '}', //                                                                    15
    ].join('\n');
    const source = parseJsonSource(text);
    if (!source.ok) throw new Error('valid JSON expected');
    const def = movementDefinition.parse(source.value);
    const { db } = openTempDatabase();
    const issues = referenceIssues(db, def);
    expect(describeIssues(issues, 'en', source.lineOf)).toEqual([
      { line: 11, field: 'groups.0.members.1', message: 'no unit with code NOPE (neither in the file nor in the database)' },
    ]);
  });
});
