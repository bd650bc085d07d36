import { describe, expect, it } from 'vitest';
import { importMovement } from '../../src/domain/movements.ts';
import { ensureRegistration, setTitles, submitRegistration, addTarget } from '../../src/domain/registrations.ts';
import { titleHistory, titlesOffered, toggleTitle } from '../../src/domain/titles.ts';
import { movementDefinition } from '../../src/domain/movement-definition.ts';
import { openTempDatabase, useTempDatabases } from '../helpers/db.ts';
import { refusal } from '../helpers/errors.ts';
import { admin, loadMovement, smallDefinitionInput } from '../helpers/movement.ts';

useTempDatabases();

describe('titles sought', () => {
  it('Tập thể lao động tiên tiến and Tập thể lao động xuất sắc are alternatives, not both', () => {
    expect(toggleTitle(['tap-the-lao-dong-tien-tien'], 'tap-the-lao-dong-xuat-sac')).toEqual(['tap-the-lao-dong-xuat-sac']);
    expect(toggleTitle(['tap-the-lao-dong-xuat-sac', 'bang-khen-ubnd-tinh'], 'tap-the-lao-dong-tien-tien')).toEqual(['tap-the-lao-dong-tien-tien', 'bang-khen-ubnd-tinh']);
    const db = openTempDatabase().db;
    const m = loadMovement(db);
    const reg = ensureRegistration(db, m.movement.id, m.unit('SNV'), 0).id;
    expect(refusal(() => setTitles(db, reg, ['tap-the-lao-dong-tien-tien', 'tap-the-lao-dong-xuat-sac'], admin, 0))).toBe('err-titles-alternatives');
  });

  it('titles the unit grants itself (Giấy khen) are not offered', () => {
    expect(titlesOffered('so', true)).not.toContain('giay-khen');
    const db = openTempDatabase().db;
    const m = loadMovement(db);
    const reg = ensureRegistration(db, m.movement.id, m.unit('SNV'), 0).id;
    expect(refusal(() => setTitles(db, reg, ['giay-khen'], admin, 0))).toBe('err-title-not-offered');
  });

  it('the titles offered depend on the kind of unit and on being in a cluster or block', () => {
    expect(titlesOffered('so', true)).toEqual(['tap-the-lao-dong-tien-tien', 'tap-the-lao-dong-xuat-sac', 'bang-khen-ubnd-tinh', 'co-thi-dua-ubnd-tinh', 'bang-khen-thu-tuong', 'co-thi-dua-chinh-phu']);
    expect(titlesOffered('xa', true)).toEqual(['tap-the-lao-dong-tien-tien', 'tap-the-lao-dong-xuat-sac', 'bang-khen-ubnd-tinh', 'co-thi-dua-ubnd-tinh']);
    expect(titlesOffered('doan-the', false)).not.toContain('co-thi-dua-ubnd-tinh');
  });

  it('when the data holds earlier years, the consecutive years a title was registered are counted', () => {
    const db = openTempDatabase().db;
    for (const year of [2017, 2018, 2019]) {
      const input = smallDefinitionInput();
      input.movement = { ...input.movement, code: `TD-${year}`, starts: `${year}-01-01`, ends: `${year}-12-31`, registrationDeadline: `${year}-03-31` };
      importMovement(db, movementDefinition.parse(input), admin, 0);
    }
    const m = loadMovement(db); // 2020
    const area = (code: string) => db.$client.prepare('SELECT ca.id FROM content_areas ca JOIN movements mv ON mv.id = ca.movement_id WHERE mv.code = ? AND ca.number = 1').get(code) as { id: number };
    for (const year of [2017, 2019]) {
      const movementId = (db.$client.prepare('SELECT id FROM movements WHERE code = ?').get(`TD-${year}`) as { id: number }).id;
      const reg = ensureRegistration(db, movementId, m.unit('SNV'), 0).id;
      addTarget(db, reg, { contentAreaId: area(`TD-${year}`).id, text: 'Chỉ tiêu', kind: 'qualitative' }, admin, 0);
      setTitles(db, reg, ['co-thi-dua-ubnd-tinh'], admin, 0);
      submitRegistration(db, reg, admin, 0);
    }
    expect(titleHistory(db, m.unit('SNV'), 'co-thi-dua-ubnd-tinh', 2020)).toEqual({ years: [2019, 2017], consecutive: 1 });
    expect(titleHistory(db, m.unit('STC'), 'co-thi-dua-ubnd-tinh', 2020)).toEqual({ years: [], consecutive: 0 });
  });
});
