/** Đăng ký chỉ tiêu: the registration form (Mẫu 1a), one row per target. */
import { TARGET_ORDER_SQL } from '../../domain/target-order.ts';
import type { SheetSpec } from '../model.ts';
import { col, perRegistration, str, sheet, type SheetContext } from './context.ts';

export function targetsSheet({ reader, f, t, labels }: SheetContext): SheetSpec {
  return sheet(
    t,
    'targets',
    'dang-ky-chi-tieu',
    [
      col(t, 'unit-code', 12),
      col(t, 'unit-name', 26),
      col(t, 'status', 12),
      col(t, 'version', 8, 'integer'),
      col(t, 'return-reason', 24),
      col(t, 'index', 6, 'integer'),
      col(t, 'area', 28),
      col(t, 'target', 48),
      col(t, 'measure', 12),
      col(t, 'plan', 12, 'plan'),
      col(t, 'due', 12, 'date'),
      col(t, 'note', 24),
    ],
    function* () {
      const sql = `
        SELECT ca.number, ca.title, t.text, t.kind, t.measure, t.planned_value, t.direction, t.due_on, t.note
        FROM targets t
        JOIN content_areas ca ON ca.id = t.content_area_id
        WHERE t.registration_id = ? AND t.deleted_at IS NULL
        ORDER BY ${TARGET_ORDER_SQL}`;
      let unit: unknown = null;
      let index = 0;
      for (const [reg, [areaNumber, areaTitle, text, kind, measure, planned, direction, due, note]] of perRegistration(reader, f, sql)) {
        if (reg.code !== unit) [unit, index] = [reg.code, 0];
        index++;
        yield [
          str(reg.code),
          str(reg.name),
          labels.status(reg.status),
          reg.version,
          reg.returnReason,
          index,
          `${String(areaNumber)}. ${String(areaTitle)}`,
          str(text),
          str(measure),
          kind === 'quantitative' && planned !== null
            ? { value: Number(planned), direction: direction === 'at_most' ? 'at_most' : 'at_least' }
            : labels.qualitative,
          str(due),
          str(note),
        ];
      }
    },
  );
}
