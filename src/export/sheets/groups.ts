/** Cụm, khối: the clusters and blocks, with their head and deputy units. */
import type { SheetSpec } from '../model.ts';
import { col, iterate, str, idList, sheet, type SheetContext } from './context.ts';

export function groupsSheet({ reader, f, t, labels }: SheetContext): SheetSpec {
  const m = f.movement;
  return sheet(
    t,
    'groups',
    'cum-khoi',
    [
      col(t, 'group-code', 14),
      col(t, 'group-kind', 8),
      col(t, 'group-name', 32),
      col(t, 'head', 36),
      col(t, 'deputy', 36),
      col(t, 'members', 10, 'integer'),
      col(t, 'illustrative', 10),
    ],
    function* () {
      const sql = `
        SELECT g.code, g.kind, g.name, h.name, d.name, (SELECT count(*) FROM group_members gm WHERE gm.group_id = g.id), g.illustrative
        FROM groups g
        LEFT JOIN units h ON h.id = g.head_unit_id
        LEFT JOIN units d ON d.id = g.deputy_unit_id
        WHERE g.movement_id = @movement${f.group ? ` AND g.id = ${f.group.id}` : ''}${f.unitIds ? ` AND g.id IN (SELECT group_id FROM group_members WHERE unit_id IN ${idList(f.unitIds)})` : ''}
        ORDER BY g.code`;
      for (const [code, kind, name, head, deputy, members, illustrative] of iterate(reader, sql, { movement: m.id })) {
        yield [str(code), labels.groupKind(String(kind)), str(name), str(head), str(deputy), Number(members), labels.bool(illustrative)];
      }
    },
  );
}
