import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { movementDefinition } from '../../src/domain/movement-definition.ts';
import { addTarget, ensureRegistration } from '../../src/domain/registrations.ts';
import { buildForm, readForm } from '../../src/forms/service.ts';
import { openTempDatabase, useTempDatabases } from '../helpers/db.ts';
import { admin, loadMovement, smallDefinitionInput } from '../helpers/movement.ts';

useTempDatabases();

const FIRST_ROW = 6;

function nextYear() {
  const input = smallDefinitionInput();
  return movementDefinition.parse({
    ...input,
    movement: { ...input.movement, code: 'TEST-2021', name: 'Phong trào thi đua năm 2021', starts: '2021-01-01', ends: '2021-12-31', registrationDeadline: '2021-03-31' },
    // Area 3 is gone this year: a target of it is not carried over.
    contentAreas: input.contentAreas.slice(0, 2),
  });
}

describe('a form for a unit that has not registered yet this year', () => {
  it('is pre-filled with its targets of last year, moved to this year, as new rows', async () => {
    const { db } = openTempDatabase();
    const y2020 = loadMovement(db);
    const reg2020 = ensureRegistration(db, y2020.movement.id, y2020.unit('SNV'), Date.UTC(2020, 1, 1));
    addTarget(db, reg2020.id, { contentAreaId: y2020.area(2), text: 'Xã đạt chuẩn nông thôn mới nâng cao', kind: 'quantitative', measure: 'xã', plannedValue: 5, direction: 'at_least', dueOn: '2020-11-30' }, admin, 0);
    addTarget(db, reg2020.id, { contentAreaId: y2020.area(3), text: 'Trường đạt chuẩn quốc gia', kind: 'quantitative', measure: 'trường', plannedValue: 3, direction: 'at_least', dueOn: '2020-12-31' }, admin, 0);
    const y2021 = loadMovement(db, nextYear(), Date.UTC(2021, 0, 2));
    const reg2021 = ensureRegistration(db, y2021.movement.id, y2021.unit('SNV'), Date.UTC(2021, 1, 1));

    const { bytes } = await buildForm(db, 'targets', reg2021.id, null, 'vi');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.getCell(FIRST_ROW, 3).value).toBe('Xã đạt chuẩn nông thôn mới nâng cao');
    expect(sheet.getCell(FIRST_ROW, 2).value).toBe('2. Nông thôn mới');
    expect((sheet.getCell(FIRST_ROW, 8).value as Date).toISOString().slice(0, 10)).toBe('2021-11-30');
    expect(sheet.getCell(FIRST_ROW, 10).value).toBeNull();
    expect(sheet.getCell(FIRST_ROW + 1, 3).value).toBeNull();
    expect(workbook.getWorksheet('Hướng dẫn')!.getCell(4, 1).value).toContain('chỉ tiêu năm trước');

    // Sent back as it is, the carried row is a new target of this year's registration.
    const reading = await readForm(db, 'targets', reg2021.id, null, bytes, 'dang-ky.xlsx', Date.UTC(2021, 1, 1));
    expect(reading.ok && 'added' in reading.plan && reading.plan.added.map((a) => [a.input.text, a.input.dueOn])).toEqual([['Xã đạt chuẩn nông thôn mới nâng cao', '2021-11-30']]);
  });
});
