/** Tổng hợp: one row per unit, its registration's standing and its targets counted by how far they are. */
import { overClient } from '../../db/connection.ts';
import { unitDeadline } from '../../domain/due-dates.ts';
import { progressCountsByUnit } from '../../domain/progress.ts';
import { lateness } from '../../domain/status.ts';
import type { SheetSpec } from '../model.ts';
import { col, iterate, str, num, PARTICIPATING, unitClause, sheet, type SheetContext } from './context.ts';
import type { RegistrationStatus } from '../../domain/model.ts';

export function summarySheet({ reader, f, t, labels, day, base }: SheetContext): SheetSpec {
  const m = f.movement;
  return sheet(
    t,
    'summary',
    'tong-hop',
    [
      col(t, 'group', 28),
      col(t, 'unit-code', 12),
      col(t, 'unit-name', 42),
      col(t, 'unit-kind', 20),
      col(t, 'status', 14),
      col(t, 'submitted-on', 12, 'date'),
      col(t, 'late', 16),
      col(t, 'target-count', 11, 'integer'),
      // Counted, never averaged: a mean of tỷ đồng and percentages means nothing.
      col(t, 'targets-exceeded', 9, 'integer'),
      col(t, 'targets-met', 9, 'integer'),
      col(t, 'targets-in-progress', 11, 'integer'),
      col(t, 'targets-not-met', 10, 'integer'),
      col(t, 'targets-not-reported', 11, 'integer'),
    ],
    function* () {
      const asOf = f.period && f.period.endsOn < f.today ? f.period.endsOn : f.today;
      const progress = progressCountsByUnit(overClient(reader), m.id, asOf, f.period?.endsOn, f.period ?? undefined);
      const sql = `
        SELECT g.name, u.code, u.name, u.kind, r.status, r.submitted_at, r.late,
          (SELECT count(*) FROM targets t WHERE t.registration_id = r.id AND t.deleted_at IS NULL), u.id, r.deadline_on
        FROM units u
        LEFT JOIN group_members gm ON gm.movement_id = @movement AND gm.unit_id = u.id
        LEFT JOIN groups g ON g.id = gm.group_id
        LEFT JOIN registrations r ON r.movement_id = @movement AND r.unit_id = u.id
        WHERE ${PARTICIPATING}${f.group ? ` AND gm.group_id = ${f.group.id}` : ''}${unitClause(f, 'u.id')}
        ORDER BY g.code IS NULL, g.code, u.code`;
      for (const [groupName, code, name, kind, status, submittedAt, late, targetCount, unitId, deadlineOn] of iterate(reader, sql, base)) {
        // A unit whose deadline the Board extended is held to its own.
        const deadlinePassed = f.today > unitDeadline(m.registrationDeadline, str(deadlineOn));
        const standing = (status ?? 'none') as RegistrationStatus | 'none';
        const counts = progress.get(Number(unitId));
        yield [
          str(groupName),
          str(code),
          str(name),
          labels.unitKind(String(kind)),
          labels.status(standing),
          day(num(submittedAt)),
          labels.lateness(lateness(standing, late === 1, deadlinePassed)),
          Number(targetCount ?? 0),
          counts?.exceeded ?? null,
          counts?.met ?? null,
          counts?.inProgress ?? null,
          counts?.notMet ?? null,
          counts?.notReported ?? null,
        ];
      }
    },
  );
}
