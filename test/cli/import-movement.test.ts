import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase, closeDatabase } from '../../src/db/connection.ts';
import { cliSandbox, useCliSandboxes } from '../helpers/cli.ts';
import { countRows } from '../helpers/db.ts';

useCliSandboxes();

function counts(path: string) {
  const db = openDatabase(path);
  try {
    return Object.fromEntries(
      ['movements', 'content_areas', 'units', 'groups', 'group_members', 'reporting_periods', 'targets', 'audit_log'].map((t) => [t, countRows(db, t)]),
    );
  } finally {
    closeDatabase(db);
  }
}

describe('thidua load-sample / import-movement', () => {
  it('loads the bundled 2020 Nam Định movement into an empty database', async () => {
    const cli = cliSandbox();
    const run = await cli.run('load-sample');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('ND-2020');
    expect(counts(cli.dbPath)).toMatchObject({ movements: 1, content_areas: 9, units: 34, groups: 6, group_members: 34, reporting_periods: 7, targets: 6 });
  });

  it('reports a JSON syntax error with its line and writes nothing', async () => {
    const cli = cliSandbox();
    const file = join(cli.dir, 'broken.json');
    writeFileSync(file, '{\n  "movement": {\n    "code": "X",\n    "name": "Thiếu dấu phẩy"\n    "starts": "2021-01-01"\n  }\n}\n');
    const run = await cli.run('import-movement', file);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('không có gì được ghi');
    expect(run.stderr).toMatch(/dòng 5 /);
    expect(counts(cli.dbPath).movements).toBe(0);
  });

  it('refuses a file with invalid values whole, giving each problem at its line', async () => {
    const cli = cliSandbox();
    const file = join(cli.dir, 'invalid.json');
    const lines = [
      '{', //                                                      1
      '  "movement": {', //                                        2
      '    "code": "BAD-2021",', //                                3
      '    "name": "Phong trào có lỗi",', //                       4
      '    "starts": "2021-01-01",', //                            5
      '    "ends": "2021-12-31",', //                              6
      '    "registrationDeadline": "2021-02-30"', //               7
      '  },', //                                                   8
      '  "contentAreas": [{ "number": 1, "title": "Một" }],', //  9
      '  "units": [', //                                           10
      '    { "code": "A", "name": "Đơn vị A", "kind": "so" },', // 11
      '    { "code": "B", "name": "Đơn vị B", "kind": "phuong" }', // 12
      '  ],', //                                                   13
      '  "groups": [', //                                          14
      '    { "code": "C1", "kind": "cum", "name": "Cụm 1", "members": ["A", "ZZZ"] }', // 15
      '  ]', //                                                    16
      '}',
    ];
    writeFileSync(file, lines.join('\n'));
    const run = await cli.run('import-movement', file, '--lang', 'en');
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/line 7 \[movement\.registrationDeadline\]: not a real calendar date/);
    expect(run.stderr).toMatch(/line 12 \[units\.1\.kind\]/);
    expect(counts(cli.dbPath)).toMatchObject({ movements: 0, units: 0, audit_log: 0 });

    // With the values fixed, the only problem left is the unknown member, found against the database.
    writeFileSync(file, lines.join('\n').replace('2021-02-30', '2021-03-31').replace('"phuong"', '"xa"'));
    const second = await cli.run('import-movement', file, '--lang', 'en', '--json');
    expect(second.code).toBe(1);
    const result = JSON.parse(second.stdout) as { problems: { line: number; field: string }[] };
    expect(result.problems).toEqual([expect.objectContaining({ line: 15, field: 'groups.0.members.1' })]);
    expect(counts(cli.dbPath)).toMatchObject({ movements: 0, units: 0 });
  });

  it('imports the same file twice without changing anything the second time', async () => {
    const cli = cliSandbox();
    await cli.run('load-sample');
    const before = counts(cli.dbPath);
    const again = await cli.run('load-sample', '--json');
    expect(JSON.parse(again.stdout)).toMatchObject({ movement: 'unchanged', units: { created: 0, updated: 0, unchanged: 34 }, sampleTargets: 0 });
    expect(counts(cli.dbPath)).toEqual(before);
  });

  it('checks a file without writing it in a dry run', async () => {
    const cli = cliSandbox();
    const run = await cli.run('import-movement', 'src/sample/nam-dinh-2020.json', '--dry-run');
    expect(run.code).toBe(0);
    expect(counts(cli.dbPath).movements).toBe(0);
  });
});
