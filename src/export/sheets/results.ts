/** Kết quả: the progress lines, each with its running total (Lũy kế) as its report left it. */
import { figureKind, figureUpTo, type ReportedFigure } from '../../domain/figures.ts';
import { periodTitle } from '../../domain/period-labels.ts';
import type { CellValue, SheetSpec } from '../model.ts';
import { col, perRegistration, str, num, sheet, type RegistrationMeta, type SheetContext } from './context.ts';
import type { Period } from '../../domain/model.ts';

export function resultsSheet({ reader, f, t, labels, day }: SheetContext, periods: Period[]): SheetSpec {
  const periodNames = new Map(periods.map((p) => [p.id, periodTitle(t, p)]));
  return sheet(
    t,
    'results',
    'ket-qua',
    [
      col(t, 'unit-code', 12),
      col(t, 'unit-name', 26),
      col(t, 'period', 14),
      col(t, 'target', 44),
      col(t, 'measure', 12),
      col(t, 'plan', 12, 'plan'),
      col(t, 'result', 12, 'number'),
      col(t, 'cumulative', 12, 'number'),
      col(t, 'percent', 12, 'percent'),
      col(t, 'assessment', 12),
      col(t, 'evidence', 28),
      col(t, 'note', 24),
      col(t, 'revision', 10, 'integer'),
      col(t, 'reported-on', 13, 'date'),
    ],
    function* () {
      // Every line of the registration's reports, all periods and revisions: the rows shown are
      // picked from them, and the figures among them are what "Lũy kế" is made from (one read of
      // the lines, not a second query for the figures).
      const sql = `
        SELECT pr.period_id, t.text, t.measure, pl.value, pl.percent_of_plan, pl.assessment,
               pl.evidence_kind, pl.evidence_ref, pl.note, pr.revision, pr.reported_at, pl.target_id, p.kind, p.ends_on, pl.cumulative,
               t.kind, t.planned_value, t.direction
        FROM progress_reports pr
        JOIN reporting_periods p ON p.id = pr.period_id
        JOIN progress_lines pl ON pl.report_id = pr.id
        JOIN targets t ON t.id = pl.target_id
        WHERE pr.registration_id = ?
        ORDER BY p.ends_on, p.starts_on DESC, pr.period_id, pr.revision, t.position, t.id`;
      // Each period's latest revision (of the reports, whether or not it has lines).
      const latestRevisions = reader.prepare('SELECT period_id, max(revision) FROM progress_reports WHERE registration_id = ? GROUP BY period_id').raw(true);

      function* rowsOf(reg: RegistrationMeta, lines: unknown[][]): Generator<CellValue[]> {
        const figures = new Map<number, ReportedFigure[]>();
        for (const [periodId, , , value, , , , , , revision, , targetId, periodKind, endsOn, cumulative] of lines) {
          if (value === null) continue;
          const figure = { periodId: Number(periodId), periodKind: String(periodKind), endsOn: String(endsOn), revision: Number(revision), value: Number(value), cumulative: cumulative === 1 };
          const list = figures.get(Number(targetId));
          if (list) list.push(figure);
          else figures.set(Number(targetId), [figure]);
        }
        const latest = f.allRevisions ? null : new Map((latestRevisions.all(reg.id) as unknown[][]).map(([period, revision]) => [Number(period), Number(revision)]));
        for (const [periodId, text, measure, value, percent, assessment, evidenceKind, evidenceRef, note, revision, reportedAt, targetId, periodKind, endsOn, , targetKind, planned, direction] of lines) {
          if (f.period && Number(periodId) !== f.period.id) continue;
          if (latest && Number(revision) !== latest.get(Number(periodId))) continue;
          const hasValue = value !== null;
          // Lũy kế: the target's running total as this report left it (the same period's later
          // corrections not yet counted). A rate has none: the latest value stands, never a sum.
          const kind = figureKind(str(measure));
          const runningTotal =
            hasValue && kind !== 'rate'
              ? figureUpTo(
                  kind,
                  (figures.get(Number(targetId)) ?? []).filter((x) => x.periodId !== Number(periodId) || x.revision <= Number(revision)),
                  { kind: String(periodKind), endsOn: String(endsOn) },
                )
              : null;
          yield [
            str(reg.code),
            str(reg.name),
            periodNames.get(Number(periodId)) ?? null,
            str(text),
            str(measure),
            targetKind === 'quantitative' && planned !== null
              ? { value: Number(planned), direction: direction === 'at_most' ? 'at_most' : 'at_least' }
              : labels.qualitative,
            num(value),
            runningTotal,
            num(percent),
            // A line without a figure is a qualitative target's: "Hoàn thành", "Đang thực hiện"…
            assessment === null ? null : hasValue ? labels.verdict(String(assessment)) : labels.qualitativeState(String(assessment)),
            evidenceRef === null ? null : evidenceKind === 'link' || evidenceKind === null ? String(evidenceRef) : `${labels.evidenceKind(String(evidenceKind))}: ${String(evidenceRef)}`,
            str(note),
            Number(revision),
            day(num(reportedAt)),
          ];
        }
      }

      let current: RegistrationMeta | null = null;
      let lines: unknown[][] = [];
      for (const [reg, line] of perRegistration(reader, f, sql)) {
        if (reg !== current) {
          if (current) yield* rowsOf(current, lines);
          [current, lines] = [reg, []];
        }
        lines.push(line);
      }
      if (current) yield* rowsOf(current, lines);
    },
  );
}
