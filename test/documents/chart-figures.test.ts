/**
 * Each chart's figures read from a scripted registration season of the 2020 sample movement: they
 * equal the database's counts (first sendings by local day in Hà Nội, statuses by cluster/block,
 * one cluster/block alone), and the chart drawn from them carries the same figures (read back from
 * the spec and from the SVG's marks) with its Vietnamese words.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { renderChart, type Chart, type ChartRequest } from '../../src/charts/index.ts';
import type { Db } from '../../src/db/connection.ts';
import { chartFigures } from '../../src/documents/chart-figures.ts';
import { periodData } from '../../src/documents/period-data.ts';
import { listPeriods } from '../../src/domain/movements.ts';
import { translator } from '../../src/i18n/index.ts';
import type { Movement } from '../../src/domain/model.ts';
import { listGroups } from '../../src/domain/units.ts';
import { scriptedSeason, sixMonthReports } from '../helpers/chart-season.ts';
import { drawnMarks, drawnTexts, vnCount } from '../helpers/charts.ts';
import { openTempDatabase, useTempDatabases } from '../helpers/db.ts';
import { refusal } from '../helpers/errors.ts';

useTempDatabases();

const TODAY = '2020-04-05';

let db: Db;
let movement: Movement;

beforeEach(() => {
  db = openTempDatabase().db;
  movement = scriptedSeason(db);
});

const groupId = (code: string) => listGroups(db, movement.id).find((g) => g.code === code)!.id;

async function drawn(request: ChartRequest): Promise<Extract<Chart, { kind: 'chart' }>> {
  const chart = await renderChart(request, 'vi');
  if (chart.kind !== 'chart') throw new Error(`no chart: ${JSON.stringify(chart)}`);
  return chart;
}

describe('registration toward the deadline, from the database', () => {
  it('counts each unit once, on the local day of its first sending, against all the units taking part', () => {
    const request = chartFigures(db, movement, { chart: 'registration-timeline' }, TODAY);
    expect(request).toEqual({
      chart: 'registration-timeline',
      figures: {
        movement: movement.name,
        units: 34,
        deadline: '2020-03-31',
        asOf: TODAY,
        opensOn: movement.startsOn,
        sentByDay: [
          { day: '2020-03-05', units: 1 }, // returned since: it was sent that day
          { day: '2020-03-10', units: 1 },
          { day: '2020-03-11', units: 1 }, // 00:30 in Hà Nội
          { day: '2020-04-02', units: 1 },
        ],
      },
    });
    const sent = db.$client.prepare('SELECT count(*) AS n FROM registrations WHERE first_submitted_at IS NOT NULL').get() as { n: number };
    expect(request.chart === 'registration-timeline' && request.figures.sentByDay.reduce((n, d) => n + d.units, 0)).toBe(sent.n);
  });

  it('one cluster/block: its units and their sendings only', () => {
    const request = chartFigures(db, movement, { chart: 'registration-timeline', groupId: groupId('KHOI-NC') }, TODAY);
    expect(request.chart === 'registration-timeline' && request.figures).toMatchObject({
      movement: `${movement.name} · Khối Nội chính`,
      units: 4,
      sentByDay: [
        { day: '2020-03-10', units: 1 },
        { day: '2020-03-11', units: 1 },
      ],
    });
  });

  it('the picture drawn from them has a bar of each day’s sendings and the running total up to 4 of 34', async () => {
    const chart = await drawn(chartFigures(db, movement, { chart: 'registration-timeline' }, TODAY));
    const bars = Object.fromEntries(drawnMarks(chart.svg, 'rect').filter((m) => vnCount(m['Gửi trong ngày (cột)']!) > 0).map((m) => [m['Ngày'], vnCount(m['Gửi trong ngày (cột)']!)]));
    expect(bars).toEqual({ '05/03': 1, '10/03': 1, '11/03': 1, '02/04': 1 });
    const days = (chart.spec.data as { values: { day: string; sent: number; total: number }[] }).values;
    expect(days[0]).toEqual({ day: '01/01', sent: 0, total: 0 });
    expect(days.at(-1)).toEqual({ day: '02/04', sent: 1, total: 4 });
    expect(drawnTexts(chart.svg)).toEqual(expect.arrayContaining(['4/34 đơn vị đã gửi · hạn đăng ký 31/03/2020 · số liệu đến ngày 05/04/2020', 'Hạn 31/03/2020']));
  });
});

describe('registration by cluster/block, from the database', () => {
  const EXPECTED = {
    'Cụm thi đua số 1': { approved: 0, submitted: 0, returned: 0, draft: 0, none: 5 },
    'Cụm thi đua số 2': { approved: 0, submitted: 1, returned: 0, draft: 0, none: 4 },
    'Khối Đoàn thể': { approved: 0, submitted: 0, returned: 0, draft: 0, none: 6 },
    'Khối Kinh tế tổng hợp': { approved: 0, submitted: 0, returned: 1, draft: 3, none: 4 },
    'Khối Nội chính': { approved: 1, submitted: 1, returned: 0, draft: 0, none: 2 },
    'Khối Văn hóa - Xã hội': { approved: 0, submitted: 0, returned: 0, draft: 1, none: 5 },
  };

  it('counts every unit of each cluster/block by its registration status, as the database holds them', () => {
    const request = chartFigures(db, movement, { chart: 'group-status' }, TODAY);
    if (request.chart !== 'group-status') throw new Error(request.chart);
    const byLabel = Object.fromEntries(request.figures.groups.map(({ label, ...counts }) => [label, counts]));
    expect(byLabel).toEqual(EXPECTED);
    // The same counts straight from SQLite.
    const rows = db.$client
      .prepare(`SELECT g.name AS name, coalesce(r.status, 'none') AS status, count(*) AS n FROM group_members gm JOIN groups g ON g.id = gm.group_id
                LEFT JOIN registrations r ON r.unit_id = gm.unit_id AND r.movement_id = gm.movement_id GROUP BY g.name, status`)
      .all() as { name: string; status: keyof (typeof EXPECTED)['Khối Nội chính']; n: number }[];
    for (const row of rows) expect(byLabel[row.name]![row.status], `${row.name} ${row.status}`).toBe(row.n);
  });

  it('one cluster/block: its bar alone', () => {
    const request = chartFigures(db, movement, { chart: 'group-status', groupId: groupId('KHOI-KT') }, TODAY);
    expect(request.chart === 'group-status' && request.figures.groups).toEqual([{ label: 'Khối Kinh tế tổng hợp', ...EXPECTED['Khối Kinh tế tổng hợp'] }]);
  });

  it('the picture drawn from them carries the same counts, in Vietnamese', async () => {
    const chart = await drawn(chartFigures(db, movement, { chart: 'group-status' }, TODAY));
    const bars: Record<string, Record<string, number>> = {};
    for (const mark of drawnMarks(chart.svg, 'rect')) (bars[mark['Cụm, khối']!] ??= {})[mark['Trạng thái']!] = vnCount(mark['Số đơn vị']!);
    expect(bars['Khối Nội chính']).toEqual({ 'Đã duyệt': 1, 'Chờ duyệt': 1, 'Chưa đăng ký': 2 });
    expect(bars['Khối Kinh tế tổng hợp']).toEqual({ 'Trả lại': 1, 'Chưa gửi': 3, 'Chưa đăng ký': 4 });
    expect(bars['Cụm thi đua số 2']).toEqual({ 'Chờ duyệt': 1, 'Chưa đăng ký': 4 });
    expect(Object.keys(bars)).toHaveLength(6);
    expect(drawnTexts(chart.svg)).toEqual(expect.arrayContaining(['Khối Văn hóa - Xã hội', 'Cụm thi đua số 1', 'Số liệu đến ngày 05/04/2020']));
  });

  it('an unknown cluster/block or period is refused in words, not drawn', () => {
    expect(refusal(() => chartFigures(db, movement, { chart: 'group-status', groupId: 9_999 }, TODAY))).toBe('err-export-group-unknown');
    expect(refusal(() => chartFigures(db, movement, { chart: 'period-reporting', periodId: 9_999 }, TODAY))).toBe('err-export-period-unknown');
    expect(refusal(() => chartFigures(db, movement, { chart: 'target-outcomes' }, TODAY))).toBe('err-doc-period-needed');
  });
});

describe("a period's charts, from the database", () => {
  /** 16/07/2020: the 6-month report was due on 10/07. */
  const JULY_16 = '2020-07-16';
  let periodId: number;
  beforeEach(() => {
    periodId = sixMonthReports(db, movement);
  });

  it('reporting by cluster/block: on time, late, overdue, as each unit in the period stands', () => {
    const request = chartFigures(db, movement, { chart: 'period-reporting', periodId }, JULY_16);
    expect(request).toEqual({
      chart: 'period-reporting',
      figures: {
        period: '6 tháng đầu năm 2020',
        dueOn: '2020-07-10',
        asOf: JULY_16,
        groups: [
          { label: 'Cụm thi đua số 2', on_time: 0, late: 0, overdue: 1, not_due: 0 }, // Hải Hậu
          { label: 'Khối Kinh tế tổng hợp', on_time: 0, late: 0, overdue: 1, not_due: 0 }, // Sở Kế hoạch và Đầu tư
          { label: 'Khối Nội chính', on_time: 1, late: 1, overdue: 0, not_due: 0 }, // Sở Nội vụ, Sở Tư pháp
        ],
      },
    });
    // Asked on the due day, nobody is overdue yet: the two not sent are not due.
    const onDueDay = chartFigures(db, movement, { chart: 'period-reporting', periodId }, '2020-07-10');
    expect(onDueDay.chart === 'period-reporting' && onDueDay.figures.groups.map((g) => [g.label, g.overdue, g.not_due])).toEqual([
      ['Cụm thi đua số 2', 0, 1],
      ['Khối Kinh tế tổng hợp', 0, 1],
      ['Khối Nội chính', 0, 0],
    ]);
  });

  it('targets by content area: the outcomes the period report counts, for the units in the period', () => {
    const request = chartFigures(db, movement, { chart: 'target-outcomes', periodId }, JULY_16);
    if (request.chart !== 'target-outcomes') throw new Error(request.chart);
    expect(request.figures).toMatchObject({ period: '6 tháng đầu năm 2020', asOf: '2020-06-30', units: 4 });
    const period = listPeriods(db, movement.id).find((p) => p.id === periodId)!;
    const report = periodData(db, movement, period, JULY_16, translator('vi'));
    expect(request.figures.areas).toEqual(
      report.byArea.map(({ title, counts }) => ({ label: title, exceeded: counts.exceeded, met: counts.met, inProgress: counts.inProgress, notMet: counts.notMet, notReported: counts.notReported })),
    );
    // Every target of the four units in the period counted once: the database's count.
    const targets = db.$client
      .prepare('SELECT count(*) AS n FROM targets t JOIN registrations r ON r.id = t.registration_id WHERE r.version > 0 AND t.deleted_at IS NULL')
      .get() as { n: number };
    const counted = request.figures.areas.reduce((n, a) => n + a.exceeded + a.met + a.inProgress + a.notMet + a.notReported, 0);
    expect(counted).toBe(targets.n);
    expect(targets.n).toBeGreaterThanOrEqual(4);
  });

  it('the pictures drawn from them carry the same figures, in Vietnamese', async () => {
    const reporting = await drawn(chartFigures(db, movement, { chart: 'period-reporting', periodId }, JULY_16));
    const bars: Record<string, Record<string, number>> = {};
    for (const mark of drawnMarks(reporting.svg, 'rect')) (bars[mark['Cụm, khối']!] ??= {})[mark['Tình hình gửi báo cáo']!] = vnCount(mark['Số đơn vị']!);
    expect(bars).toEqual({
      'Cụm thi đua số 2': { 'Quá hạn chưa gửi': 1 },
      'Khối Kinh tế tổng hợp': { 'Quá hạn chưa gửi': 1 },
      'Khối Nội chính': { 'Đúng hạn': 1, 'Trễ hạn': 1 },
    });
    expect(drawnTexts(reporting.svg)).toEqual(expect.arrayContaining(['Báo cáo 6 tháng đầu năm 2020 theo cụm, khối', 'Hạn báo cáo 10/07/2020 · số liệu đến ngày 16/07/2020']));

    const outcomes = await drawn(chartFigures(db, movement, { chart: 'target-outcomes', periodId }, JULY_16));
    const areas = chartFigures(db, movement, { chart: 'target-outcomes', periodId }, JULY_16);
    const expected = areas.chart === 'target-outcomes' ? areas.figures.areas.reduce((n, a) => n + a.exceeded + a.met + a.inProgress + a.notMet + a.notReported, 0) : -1;
    const drawnCounts = drawnMarks(outcomes.svg, 'rect').reduce((n, m) => n + vnCount(m['Số chỉ tiêu']!), 0);
    expect(drawnCounts).toBe(expected);
    expect(drawnTexts(outcomes.svg)).toEqual(expect.arrayContaining(['Kết quả thực hiện chỉ tiêu theo nội dung thi đua: 6 tháng đầu năm 2020', '4 đơn vị · số liệu đến ngày 30/06/2020']));
  });

  it('one cluster/block: its units alone', () => {
    const request = chartFigures(db, movement, { chart: 'period-reporting', periodId, groupId: groupId('KHOI-NC') }, JULY_16);
    expect(request.chart === 'period-reporting' && request.figures.groups).toEqual([{ label: 'Khối Nội chính', on_time: 1, late: 1, overdue: 0, not_due: 0 }]);
    const outcomes = chartFigures(db, movement, { chart: 'target-outcomes', periodId, groupId: groupId('KHOI-NC') }, JULY_16);
    expect(outcomes.chart === 'target-outcomes' && outcomes.figures.units).toBe(2);
  });
});
