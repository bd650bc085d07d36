/**
 * The three bar charts (status and a period's reporting by cluster/block, targets by content area)
 * drawn from known figures and read back: the PNG's size from its header, each bar's figures from
 * the SVG's marks and from the spec, the words in Vietnamese (and in English), the colours apart
 * in black and white, and no picture of fewer than two units.
 */
import { describe, expect, it } from 'vitest';
import { renderChart, type Chart, type ChartRequest } from '../../src/charts/index.ts';
import { SCALE, WIDTH, barChartHeight } from '../../src/charts/style.ts';
import { drawnMarks, drawnTexts, lightness, pngSize, vnCount } from '../helpers/charts.ts';

const CLUSTERS = ['Cụm thi đua các huyện ven biển', 'Khối các sở, ban, ngành tổng hợp', 'Khối Đảng, Mặt trận và đoàn thể'];

const groupStatus: ChartRequest = {
  chart: 'group-status',
  figures: {
    movement: 'Phong trào thi đua năm 2026',
    asOf: '2026-04-05',
    groups: [
      { label: CLUSTERS[0]!, approved: 1_204, submitted: 4, returned: 1, draft: 3, none: 5 },
      { label: CLUSTERS[1]!, approved: 12, submitted: 0, returned: 0, draft: 2, none: 1 },
      { label: CLUSTERS[2]!, approved: 0, submitted: 7, returned: 2, draft: 0, none: 9 },
      { label: null, approved: 1, submitted: 0, returned: 0, draft: 0, none: 2 },
    ],
  },
};

const periodReporting: ChartRequest = {
  chart: 'period-reporting',
  figures: {
    period: '6 tháng đầu năm 2026',
    dueOn: '2026-07-15',
    asOf: '2026-07-16',
    groups: [
      { label: CLUSTERS[0]!, on_time: 12, late: 3, overdue: 2, not_due: 0 },
      { label: CLUSTERS[1]!, on_time: 9, late: 0, overdue: 4, not_due: 1 },
      { label: CLUSTERS[2]!, on_time: 0, late: 1, overdue: 0, not_due: 0 },
    ],
  },
};

const AREAS = ['Phát triển kinh tế - xã hội', 'Cải cách hành chính, chuyển đổi số', 'Xây dựng nông thôn mới'];
const targetOutcomes: ChartRequest = {
  chart: 'target-outcomes',
  figures: {
    period: '6 tháng đầu năm 2026',
    asOf: '2026-07-16',
    units: 42,
    areas: [
      { label: AREAS[0]!, exceeded: 30, met: 41, inProgress: 20, notMet: 5, notReported: 8 },
      { label: AREAS[1]!, exceeded: 0, met: 12, inProgress: 3, notMet: 0, notReported: 19 },
      { label: AREAS[2]!, exceeded: 7, met: 0, inProgress: 0, notMet: 2, notReported: 0 },
    ],
  },
};

async function drawn(request: ChartRequest, locale: 'vi' | 'en' = 'vi'): Promise<Extract<Chart, { kind: 'chart' }>> {
  const chart = await renderChart(request, locale);
  if (chart.kind !== 'chart') throw new Error(`no chart: ${JSON.stringify(chart)}`);
  return chart;
}

/** The bars' figures read back from the SVG: row → category → count (segments of 0 are not drawn). */
function barsOf(chart: { svg: string }, rowField: string, categoryField: string, countField: string) {
  const out: Record<string, Record<string, number>> = {};
  for (const mark of drawnMarks(chart.svg, 'rect')) {
    (out[mark[rowField]!] ??= {})[mark[categoryField]!] = vnCount(mark[countField]!);
  }
  return out;
}

/** The spec's data as row → category → count, zeros included. */
function dataOf(chart: Extract<Chart, { kind: 'chart' }>) {
  const out: Record<string, Record<string, number>> = {};
  const data = chart.spec.data as { values: { row: string; category: string; count: number }[] };
  for (const d of data.values) (out[d.row] ??= {})[d.category] = d.count;
  return out;
}

const withoutZeros = (bars: Record<string, Record<string, number>>) =>
  Object.fromEntries(Object.entries(bars).map(([row, counts]) => [row, Object.fromEntries(Object.entries(counts).filter(([, n]) => n > 0))]));

describe('bar charts', () => {
  it('status by cluster/block: a 1200 px wide PNG, each status of each cluster drawn with its count, in Vietnamese', async () => {
    const chart = await drawn(groupStatus);
    expect(pngSize(chart.png)).toEqual({ width: WIDTH * SCALE, height: barChartHeight(4) * SCALE });
    expect({ width: chart.width, height: chart.height }).toEqual(pngSize(chart.png));

    const expected = {
      [CLUSTERS[0]!]: { 'Đã duyệt': 1_204, 'Chờ duyệt': 4, 'Trả lại': 1, 'Chưa gửi': 3, 'Chưa đăng ký': 5 },
      [CLUSTERS[1]!]: { 'Đã duyệt': 12, 'Chờ duyệt': 0, 'Trả lại': 0, 'Chưa gửi': 2, 'Chưa đăng ký': 1 },
      [CLUSTERS[2]!]: { 'Đã duyệt': 0, 'Chờ duyệt': 7, 'Trả lại': 2, 'Chưa gửi': 0, 'Chưa đăng ký': 9 },
      '(chưa thuộc cụm/khối)': { 'Đã duyệt': 1, 'Chờ duyệt': 0, 'Trả lại': 0, 'Chưa gửi': 0, 'Chưa đăng ký': 2 },
    };
    expect(dataOf(chart)).toEqual(expected);
    expect(barsOf(chart, 'Cụm, khối', 'Trạng thái', 'Số đơn vị')).toEqual(withoutZeros(expected));

    const texts = drawnTexts(chart.svg);
    expect(texts).toEqual(expect.arrayContaining(['Tình hình đăng ký theo cụm, khối: Phong trào thi đua năm 2026', 'Số liệu đến ngày 05/04/2026']));
    expect(texts).toEqual(expect.arrayContaining([...CLUSTERS, '(chưa thuộc cụm/khối)', 'Đã duyệt', 'Chờ duyệt', 'Trả lại', 'Chưa gửi', 'Chưa đăng ký', 'Số đơn vị']));
    // Each bar's total at its end, written the Vietnamese way.
    expect(texts).toEqual(expect.arrayContaining(['1.217', '15', '18', '3']));
    expect(chart.title).toBe('Tình hình đăng ký theo cụm, khối: Phong trào thi đua năm 2026');
  });

  it("a period's reporting by cluster/block: đúng hạn, trễ hạn, quá hạn chưa gửi, chưa đến hạn as given", async () => {
    const chart = await drawn(periodReporting);
    expect(pngSize(chart.png)).toEqual({ width: 1200, height: barChartHeight(3) * SCALE });
    const expected = {
      [CLUSTERS[0]!]: { 'Đúng hạn': 12, 'Trễ hạn': 3, 'Quá hạn chưa gửi': 2, 'Chưa đến hạn': 0 },
      [CLUSTERS[1]!]: { 'Đúng hạn': 9, 'Trễ hạn': 0, 'Quá hạn chưa gửi': 4, 'Chưa đến hạn': 1 },
      [CLUSTERS[2]!]: { 'Đúng hạn': 0, 'Trễ hạn': 1, 'Quá hạn chưa gửi': 0, 'Chưa đến hạn': 0 },
    };
    expect(dataOf(chart)).toEqual(expected);
    expect(barsOf(chart, 'Cụm, khối', 'Tình hình gửi báo cáo', 'Số đơn vị')).toEqual(withoutZeros(expected));
    expect(drawnTexts(chart.svg)).toEqual(
      expect.arrayContaining(['Báo cáo 6 tháng đầu năm 2026 theo cụm, khối', 'Hạn báo cáo 15/07/2026 · số liệu đến ngày 16/07/2026', 'Quá hạn chưa gửi', 'Chưa đến hạn']),
    );
  });

  it('targets by content area and outcome: vượt, đạt, đang thực hiện, không đạt, chưa báo cáo as given', async () => {
    const chart = await drawn(targetOutcomes);
    expect(pngSize(chart.png)).toEqual({ width: 1200, height: barChartHeight(3) * SCALE });
    const expected = {
      [AREAS[0]!]: { Vượt: 30, Đạt: 41, 'Đang thực hiện': 20, 'Không đạt': 5, 'Chưa báo cáo': 8 },
      [AREAS[1]!]: { Vượt: 0, Đạt: 12, 'Đang thực hiện': 3, 'Không đạt': 0, 'Chưa báo cáo': 19 },
      [AREAS[2]!]: { Vượt: 7, Đạt: 0, 'Đang thực hiện': 0, 'Không đạt': 2, 'Chưa báo cáo': 0 },
    };
    expect(dataOf(chart)).toEqual(expected);
    expect(barsOf(chart, 'Nội dung thi đua', 'Kết quả', 'Số chỉ tiêu')).toEqual(withoutZeros(expected));
    expect(drawnTexts(chart.svg)).toEqual(
      expect.arrayContaining(['Kết quả thực hiện chỉ tiêu theo nội dung thi đua: 6 tháng đầu năm 2026', '42 đơn vị · số liệu đến ngày 16/07/2026', ...AREAS, 'Số chỉ tiêu']),
    );
  });

  it('in English, the words are English and the numbers and dates stay as written in Vietnam', async () => {
    const chart = await drawn(groupStatus, 'en');
    const texts = drawnTexts(chart.svg);
    expect(texts).toEqual(expect.arrayContaining(['Registration by cluster and block: Phong trào thi đua năm 2026', 'Figures as of 05/04/2026', 'Approved', 'Not registered', '(in no cluster or block)', '1.217']));
    expect(texts).not.toContain('Đã duyệt');
    const outcomes = drawnTexts((await drawn(targetOutcomes, 'en')).svg);
    expect(outcomes).toEqual(expect.arrayContaining(['Exceeded', 'Met', 'In progress', 'Not met', 'Not reported']));
  });

  it('every chart colours its categories so that they print apart in black and white', async () => {
    for (const request of [groupStatus, periodReporting, targetOutcomes]) {
      const chart = await drawn(request);
      const layer = (chart.spec as { layer: { encoding?: { color?: { scale?: { range?: string[] } } } }[] }).layer;
      const colours = layer.flatMap((l) => l.encoding?.color?.scale?.range ?? []);
      expect(colours.length).toBeGreaterThanOrEqual(4);
      const levels = colours.map(lightness).sort((a, b) => a - b);
      for (let i = 1; i < levels.length; i++) expect(levels[i]! - levels[i - 1]!, `${request.chart}: ${colours.join(' ')}`).toBeGreaterThanOrEqual(15);
    }
  });

  it('two clusters of one name are two bars, not one', async () => {
    const twins: ChartRequest = {
      chart: 'period-reporting',
      figures: { period: 'năm 2026', dueOn: '2027-01-10', asOf: '2027-01-11', groups: [0, 1].map(() => ({ label: 'Cụm 1', on_time: 2, late: 0, overdue: 1, not_due: 0 })) },
    };
    const chart = await drawn(twins);
    expect(barsOf(chart, 'Cụm, khối', 'Tình hình gửi báo cáo', 'Số đơn vị')).toEqual({
      'Cụm 1': { 'Đúng hạn': 2, 'Quá hạn chưa gửi': 1 },
      'Cụm 1 (2)': { 'Đúng hạn': 2, 'Quá hạn chưa gửi': 1 },
    });
  });

  it('fewer than two units: no picture, a typed answer saying how many there are', async () => {
    const one: ChartRequest = { chart: 'group-status', figures: { movement: 'X', asOf: '2026-04-05', groups: [{ label: 'Cụm 1', approved: 1, submitted: 0, returned: 0, draft: 0, none: 0 }] } };
    expect(await renderChart(one, 'vi')).toEqual({ kind: 'not-enough-data', chart: 'group-status', units: 1 });
    const none: ChartRequest = { chart: 'period-reporting', figures: { period: 'năm 2026', dueOn: '2027-01-10', asOf: '2026-12-01', groups: [] } };
    expect(await renderChart(none, 'vi')).toEqual({ kind: 'not-enough-data', chart: 'period-reporting', units: 0 });
    const lone: ChartRequest = { chart: 'target-outcomes', figures: { period: null, asOf: '2026-07-16', units: 1, areas: [{ label: 'A', exceeded: 9, met: 0, inProgress: 0, notMet: 0, notReported: 0 }] } };
    expect(await renderChart(lone, 'vi')).toMatchObject({ kind: 'not-enough-data', units: 1 });
  });
});
