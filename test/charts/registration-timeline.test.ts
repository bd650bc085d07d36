/**
 * Registration toward the deadline, drawn from known day-by-day figures and read back: every day a
 * bar (zero included) with the units that sent that day, the running total that the line follows,
 * the deadline marked and labelled, the PNG's size, and no picture of fewer than two units.
 */
import { describe, expect, it } from 'vitest';
import { renderChart, type ChartRequest } from '../../src/charts/index.ts';
import { timelineDays, TIMELINE_HEIGHT } from '../../src/charts/registration-timeline.ts';
import { SCALE, WIDTH } from '../../src/charts/style.ts';
import type { RegistrationTimelineFigures } from '../../src/charts/figures.ts';
import { drawnMarks, drawnTexts, pngSize, vnCount } from '../helpers/charts.ts';

const figures: RegistrationTimelineFigures = {
  movement: 'Phong trào thi đua năm 2026',
  units: 1_250,
  deadline: '2026-03-31',
  asOf: '2026-04-02',
  opensOn: '2026-03-20',
  sentByDay: [
    { day: '2026-03-10', units: 2 }, // before the first day drawn: counted in its total
    { day: '2026-03-20', units: 5 },
    { day: '2026-03-23', units: 40 },
    { day: '2026-03-30', units: 300 },
    { day: '2026-03-31', units: 612 },
    { day: '2026-04-01', units: 8 },
  ],
};

describe('registration toward the deadline', () => {
  it('has a bar for every day from the opening to the last sending past the deadline, and the running total', () => {
    const { days, deadline } = timelineDays(figures);
    expect(deadline).toBe('31/03');
    expect(days.map((d) => d.day)).toEqual([
      '20/03', '21/03', '22/03', '23/03', '24/03', '25/03', '26/03', '27/03', '28/03', '29/03', '30/03', '31/03', '01/04',
    ]);
    expect(days.map((d) => d.sent)).toEqual([5, 0, 0, 40, 0, 0, 0, 0, 0, 0, 300, 612, 8]);
    expect(days.map((d) => d.total)).toEqual([7, 7, 7, 47, 47, 47, 47, 47, 47, 47, 347, 959, 967]);
  });

  it('runs to the deadline when nothing was sent after it, months later too, and writes the year when the days span two', () => {
    const early = timelineDays({ ...figures, asOf: '2026-03-25', sentByDay: [{ day: '2026-03-21', units: 3 }] });
    expect(early.days.at(-1)).toEqual({ day: '31/03', sent: 0, total: 3 });
    expect(timelineDays({ ...figures, asOf: '2026-12-20', sentByDay: [{ day: '2026-03-21', units: 3 }] }).days).toEqual(early.days);
    const yearEnd = timelineDays({ ...figures, opensOn: '2025-12-30', deadline: '2026-01-02', asOf: '2026-01-01', sentByDay: [] });
    expect(yearEnd.days.map((d) => d.day)).toEqual(['30/12/2025', '31/12/2025', '01/01/2026', '02/01/2026']);
  });

  it('draws a 1200 × 720 PNG whose bars carry each day’s figure, with the deadline and all the units marked, in Vietnamese', async () => {
    const chart = await renderChart({ chart: 'registration-timeline', figures }, 'vi');
    if (chart.kind !== 'chart') throw new Error('no chart');
    expect(pngSize(chart.png)).toEqual({ width: WIDTH * SCALE, height: TIMELINE_HEIGHT * SCALE });
    expect(pngSize(chart.png)).toEqual({ width: 1200, height: 720 });

    const bars = drawnMarks(chart.svg, 'rect').map((m) => [m['Ngày'], vnCount(m['Gửi trong ngày (cột)']!)]);
    expect(bars).toEqual(timelineDays(figures).days.map((d) => [d.day, d.sent]));
    expect((chart.spec.data as { values: unknown[] }).values).toEqual(timelineDays(figures).days);

    const texts = drawnTexts(chart.svg);
    expect(texts).toEqual(
      expect.arrayContaining([
        'Tiến độ gửi bản đăng ký thi đua: Phong trào thi đua năm 2026',
        '967/1.250 đơn vị đã gửi · hạn đăng ký 31/03/2026 · số liệu đến ngày 02/04/2026',
        'Hạn 31/03/2026',
        'Tổng số 1.250 đơn vị',
        'Gửi trong ngày (cột)',
        'Lũy kế đã gửi (đường)',
        '31/03',
      ]),
    );
    // The cumulative axis reads up to all the units.
    expect(texts).toContain('1.200');
  });

  it('fewer than two units taking part: no picture', async () => {
    expect(await renderChart({ chart: 'registration-timeline', figures: { ...figures, units: 1 } } satisfies ChartRequest, 'vi')).toEqual({
      kind: 'not-enough-data',
      chart: 'registration-timeline',
      units: 1,
    });
  });
});
