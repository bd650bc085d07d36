/** The board settings: from the movement file (checked on import), worked out from the movement when not set. */
import { describe, expect, it } from 'vitest';
import { movementDefinition } from '../../src/domain/movement-definition.ts';
import { importMovement, resolveMovement } from '../../src/domain/movements.ts';
import { resolveBoardSettings } from '../../src/documents/settings.ts';
import { translator } from '../../src/i18n/index.ts';
import { openTempDatabase, useTempDatabases } from '../helpers/db.ts';
import { admin, smallDefinitionInput } from '../helpers/movement.ts';

useTempDatabases();
const t = translator('vi');

describe('board settings', () => {
  it('are worked out from the province and the standing body when the file sets none', () => {
    const { db } = openTempDatabase();
    const input = smallDefinitionInput();
    importMovement(db, movementDefinition.parse({ ...input, movement: { ...input.movement, province: 'Ninh Bình', standingBody: 'Sở Nội vụ (Ban Thi đua - Khen thưởng)' } }), admin, 0);
    expect(resolveBoardSettings(resolveMovement(db, 'TEST-2020'), t)).toEqual({
      parent: 'UBND TỈNH NINH BÌNH',
      body: 'SỞ NỘI VỤ',
      bodyName: 'Sở Nội vụ',
      abbreviation: 'SNV',
      place: 'Ninh Bình',
      signerTitle: 'GIÁM ĐỐC',
      signerName: null,
      recipients: ['UBND tỉnh (để báo cáo);', 'Hội đồng Thi đua - Khen thưởng tỉnh;', 'Lưu: VT, Ban TĐKT.'],
      addressee: 'Ủy ban nhân dân tỉnh Ninh Bình',
    });
  });

  it('come from the movement file, checked; importing the same file again changes nothing', () => {
    const { db } = openTempDatabase();
    const input = smallDefinitionInput();
    const board = { body: 'BAN THI ĐUA - KHEN THƯỞNG', bodyName: 'Ban Thi đua - Khen thưởng', abbreviation: 'BTĐKT', signerTitle: 'TRƯỞNG BAN', signerName: 'Trần Thị Bình' };
    const def = movementDefinition.parse({ ...input, movement: { ...input.movement, province: 'Nam Định', board } });
    expect(importMovement(db, def, admin, 0).movement).toBe('created');
    expect(importMovement(db, def, admin, 1).movement).toBe('unchanged');
    expect(resolveBoardSettings(resolveMovement(db, 'TEST-2020'), t)).toMatchObject({ ...board, parent: 'UBND TỈNH NAM ĐỊNH', place: 'Nam Định' });

    const wrong = movementDefinition.safeParse({ ...input, movement: { ...input.movement, board: { abbreviation: 'snv', signerName: '', extra: 1 } } });
    expect(wrong.success).toBe(false);
    expect(wrong.error!.issues.map((i) => [i.path.join('.'), i.message.startsWith('board-') ? i.message : i.code])).toEqual([
      ['movement.board.abbreviation', 'board-bad-abbreviation'],
      ['movement.board.signerName', 'too_small'],
      ['movement.board', 'unrecognized_keys'],
    ]);
  });
});
