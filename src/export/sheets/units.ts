/** Đơn vị: the units taking part, with their cluster or block. */
import type { SheetSpec } from '../model.ts';
import { col, iterate, str, PARTICIPATING, unitClause, sheet, type SheetContext } from './context.ts';

export function unitsSheet({ reader, f, t, labels, base }: SheetContext): SheetSpec {
  return sheet(
    t,
    'units',
    'don-vi',
    [
      col(t, 'unit-code', 12),
      col(t, 'unit-name', 42),
      col(t, 'unit-kind', 20),
      col(t, 'group-code', 14),
      col(t, 'group', 28),
      col(t, 'valid-from', 12, 'date'),
      col(t, 'valid-to', 12, 'date'),
    ],
    function* () {
      const sql = `
        SELECT u.code, u.name, u.kind, g.code, g.name, u.valid_from, u.valid_to
        FROM units u
        LEFT JOIN group_members gm ON gm.movement_id = @movement AND gm.unit_id = u.id
        LEFT JOIN groups g ON g.id = gm.group_id
        WHERE ${PARTICIPATING}${f.group ? ` AND gm.group_id = ${f.group.id}` : ''}${unitClause(f, 'u.id')}
        ORDER BY u.code`;
      for (const [code, name, kind, groupCode, groupName, validFrom, validTo] of iterate(reader, sql, base)) {
        yield [str(code), str(name), labels.unitKind(String(kind)), str(groupCode), str(groupName), str(validFrom), str(validTo)];
      }
    },
  );
}
