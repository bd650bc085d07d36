/**
 * The charts a document carries: their figures read together with the document's own (at the same
 * moment, synchronously, so both say the same), drawn afterwards. A chart of fewer than two units
 * is left out: no picture, no hole, no caption.
 */
import type { Paragraph } from 'docx';
import { renderChart, type ChartRequest } from '../charts/index.ts';
import type { DbOrTx } from '../db/connection.ts';
import type { Movement } from '../domain/model.ts';
import type { Locale, Translate } from '../i18n/index.ts';
import { chartFigures, type ChartWanted } from './chart-figures.ts';
import type { DocumentContext } from './common.ts';
import { para, picture } from './layout.ts';

export interface DocumentChart {
  png: Uint8Array;
  width: number;
  height: number;
  title: string;
}

export function chartRequests(db: DbOrTx, movement: Movement, wanted: readonly ChartWanted[], today: string, t: Translate): ChartRequest[] {
  return wanted.map((what) => chartFigures(db, movement, what, today, t));
}

/** Each request drawn in `locale`; undefined where there are too few units for a picture. */
export async function drawCharts(requests: readonly ChartRequest[], locale: Locale): Promise<(DocumentChart | undefined)[]> {
  const drawn: (DocumentChart | undefined)[] = [];
  // One after another: each holds a few megabytes of pixels only while it is drawn.
  for (const request of requests) {
    const chart = await renderChart(request, locale);
    drawn.push(chart.kind === 'chart' ? { png: chart.png, width: chart.width, height: chart.height, title: chart.title } : undefined);
  }
  return drawn;
}

/** Numbers the pictures of one document in the order they are placed ("Biểu đồ 1", "Biểu đồ 2"…). */
export function chartPlacer(ctx: DocumentContext): (chart: DocumentChart | undefined) => Paragraph[] {
  let number = 0;
  return (chart) => {
    if (!chart) return [];
    number++;
    return [picture(chart), para(ctx.t('doc-chart-caption', { number, title: chart.title }), { italics: true, align: 'center', size: 12, after: 8 })];
  };
}
