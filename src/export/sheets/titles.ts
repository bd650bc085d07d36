/** Danh hiệu: the titles sought, in the order of the titles. */
import { TITLES } from '../../domain/titles.ts';
import type { SheetSpec } from '../model.ts';
import { col, iterate, str, groupClause, sheet, type SheetContext } from './context.ts';
import type { RegistrationStatus } from '../../domain/model.ts';

export function titlesSheet({ reader, f, t, labels }: SheetContext): SheetSpec {
  const m = f.movement;
  const titleOrder = `CASE rt.title ${TITLES.map((title, i) => `WHEN '${title}' THEN ${i}`).join(' ')} ELSE ${TITLES.length} END`;
  return sheet(
    t,
    'titles',
    'danh-hieu',
    [col(t, 'unit-code', 12), col(t, 'unit-name', 36), col(t, 'group', 28), col(t, 'status', 12), col(t, 'version', 8, 'integer'), col(t, 'title', 44)],
    function* () {
      const sql = `
        SELECT u.code, u.name, g.name, r.status, r.version, rt.title
        FROM registration_titles rt
        JOIN registrations r ON r.id = rt.registration_id
        JOIN units u ON u.id = r.unit_id
        LEFT JOIN group_members gm ON gm.movement_id = r.movement_id AND gm.unit_id = u.id
        LEFT JOIN groups g ON g.id = gm.group_id
        WHERE r.movement_id = @movement${groupClause(f, 'r.unit_id')}${f.includeDrafts ? '' : " AND r.status <> 'draft'"}
        ORDER BY u.code, ${titleOrder}`;
      for (const [code, name, groupName, status, version, title] of iterate(reader, sql, { movement: m.id })) {
        yield [str(code), str(name), str(groupName), labels.status(status as RegistrationStatus), Number(version), labels.title(String(title))];
      }
    },
  );
}
