/**
 * How every chart looks: one typeface, sizes, the Vietnamese way of writing numbers, and palettes
 * whose colours stay apart in black-and-white print (each colour's lightness differs from the
 * others' by at least 15 L*, and every bar is outlined in black).
 */
import type { Config } from 'vega-lite';
import { FONT_FAMILY } from './font.ts';

/** Layout width in SVG pixels; the PNG is drawn at SCALE times that (1200 px wide: a photo at full size). */
export const WIDTH = 800;
export const SCALE = 1.5;

/** Dark navy, blue, orange, pale blue, white: L* 21, 49, 66, 84, 100. */
export const COLOURS = { navy: '#08306b', blue: '#3a78b8', orange: '#e6892e', pale: '#b9d6ee', white: '#ffffff' } as const;

/**
 * The height of a bar chart with `rows` bars: 26 px a row (bars about 22 px thick), 18 px a row past
 * the 24th so that 50 clusters still fit a phone's screen in two swipes; never a squat picture.
 */
export const barChartHeight = (rows: number) => Math.max(380, 170 + 26 * Math.min(rows, 24) + 18 * Math.max(0, rows - 24));

/** Whole counts: "1.234", ticks only on whole numbers. */
export const COUNT_FORMAT = ',d';

export const CONFIG: Config = {
  font: FONT_FAMILY,
  background: 'white',
  padding: 16,
  // d3-format's locale: 1.234,5 (Vietnamese), whatever the language of the labels.
  locale: { number: { decimal: ',', thousands: '.', grouping: [3], currency: ['', ' ₫'] } },
  title: { anchor: 'start', fontSize: 16, fontWeight: 'bold', color: '#000', subtitleFontSize: 12, subtitleColor: '#222', offset: 12 },
  axis: {
    labelFontSize: 11,
    titleFontSize: 12,
    titleFontWeight: 'bold',
    labelColor: '#000',
    titleColor: '#000',
    domainColor: '#000',
    tickColor: '#000',
    gridColor: '#d9d9d9',
  },
  legend: { orient: 'bottom', direction: 'horizontal', labelFontSize: 12, titleFontSize: 12, symbolType: 'square', symbolSize: 180, symbolStrokeColor: '#000', symbolStrokeWidth: 1 },
  bar: { stroke: '#000', strokeWidth: 0.6 },
  view: { stroke: null },
};
