import { describe, expect, it } from 'vitest';
import { cleanText, isBlankText } from '../../src/domain/text-input.ts';
import { addTarget, ensureRegistration, listTargets } from '../../src/domain/registrations.ts';
import { findByCodeOrName } from '../../src/util/text.ts';
import { openTempDatabase, useTempDatabases } from '../helpers/db.ts';
import { refusal } from '../helpers/errors.ts';
import { admin, loadMovement } from '../helpers/movement.ts';

useTempDatabases();

const ZWSP = '\u200b';

describe('text that is not text', () => {
  it('text empty once invisible and control characters are removed is refused', () => {
    expect(isBlankText(ZWSP.repeat(8))).toBe(true);
    expect(isBlankText(`\u200d\u2060\ufeff\u0007 \u00ad`)).toBe(true);
    const db = openTempDatabase().db;
    const m = loadMovement(db);
    const reg = ensureRegistration(db, m.movement.id, m.unit('SNV'), 0);
    expect(refusal(() => addTarget(db, reg.id, { contentAreaId: m.area(1), text: ZWSP.repeat(8), kind: 'qualitative' }, admin, 0))).toBe('err-text-blank');
    expect(listTargets(db, reg.id)).toEqual([]);
  });

  it('an emoji sequence keeps its joiners and a flag its tags; a joiner anywhere else goes', () => {
    expect(cleanText('Nhóm 👩\u200d💻 và 👨\u200d👩\u200d👧')).toBe('Nhóm 👩\u200d💻 và 👨\u200d👩\u200d👧');
    expect(cleanText('👍🏽\u200d❤\ufe0f')).toBe('👍🏽\u200d❤\ufe0f');
    const scotland = '🏴\u{E0067}\u{E0062}\u{E0073}\u{E0063}\u{E0074}\u{E007F}';
    expect(cleanText(`Cờ ${scotland}`)).toBe(`Cờ ${scotland}`);
    expect(cleanText('Sở\u200dNội\u200d vụ \u200d👩 \u{E0067}')).toBe('SởNội vụ 👩');
  });

  it('text is saved in NFC with invisible characters removed, line breaks kept', () => {
    const decomposed = 'Ho\u0302\u0300 so\u031b'; // "Hồ sơ" typed as letters and combining marks
    expect(cleanText(` ${decomposed}${ZWSP} trực\u200btuyến\nquý I `)).toBe('Hồ sơ trựctuyến\nquý I');
    const db = openTempDatabase().db;
    const m = loadMovement(db);
    const reg = ensureRegistration(db, m.movement.id, m.unit('SNV'), 0);
    addTarget(db, reg.id, { contentAreaId: m.area(1), text: `${decomposed} giải quyết${ZWSP}`, kind: 'qualitative' }, admin, 0);
    expect(listTargets(db, reg.id).map((t) => t.text)).toEqual(['Hồ sơ giải quyết']);
  });

  it('searching ignores invisible characters and the Unicode form typed', () => {
    const units = [{ code: 'HHH', name: 'Huyện Hải Hậu' }];
    expect(findByCodeOrName(units, `Ha\u0309i${ZWSP} Hâ\u0323u`)).toEqual(units);
  });
});
