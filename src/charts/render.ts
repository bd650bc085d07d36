/**
 * A Vega-Lite spec drawn: compiled to Vega, laid out to SVG (no canvas: text is measured with the
 * shipped font's own widths), then rasterised by resvg with only that font, never the system's.
 * The libraries load on the first chart, not when the bot starts.
 */
import type { TopLevelSpec } from 'vega-lite';
import { FONT_FAMILY, FONT_FILES, textWidth } from './font.ts';
import { SCALE } from './style.ts';

type Libraries = {
  vega: typeof import('vega');
  vegaLite: typeof import('vega-lite');
  renderAsync: typeof import('@resvg/resvg-js').renderAsync;
};

/** Vega's text measuring hook (exported, not typed); a function of ours is used as is (vl-convert does the same). */
interface TextMetrics {
  width: (item: { fontSize?: number; fontWeight?: string | number }, text: unknown) => number;
}

let loading: Promise<Libraries> | undefined;

function libraries(): Promise<Libraries> {
  loading ??= (async () => {
    const [vega, vegaLite, resvg] = await Promise.all([import('vega'), import('vega-lite'), import('@resvg/resvg-js')]);
    // Vega's own guess is 0.8 em a character: far too wide for real text, and labels get cut.
    (vega as unknown as { textMetrics: TextMetrics }).textMetrics.width = (item, text) =>
      textWidth(String(text ?? '').trim(), item.fontSize ?? 11, item.fontWeight === 'bold' || Number(item.fontWeight) >= 600);
    return { vega, vegaLite, renderAsync: resvg.renderAsync };
  })();
  return loading;
}

export interface Drawing {
  svg: string;
  png: Uint8Array;
  /** The PNG's size in pixels. */
  width: number;
  height: number;
}

export async function draw(spec: TopLevelSpec): Promise<Drawing> {
  const { vega, vegaLite, renderAsync } = await libraries();
  // Vega marks the data it is given (a symbol on each datum): it gets a copy, the caller's spec stays as built.
  const view = new vega.View(vega.parse(vegaLite.compile(structuredClone(spec)).spec), { renderer: 'none' });
  let svg: string;
  try {
    svg = await view.toSVG();
  } finally {
    view.finalize();
  }
  // Drawn on libuv's thread pool: the bot keeps answering meanwhile.
  const image = await renderAsync(svg, {
    font: { loadSystemFonts: false, fontFiles: [FONT_FILES.regular, FONT_FILES.bold], defaultFontFamily: FONT_FAMILY },
    fitTo: { mode: 'zoom', value: SCALE },
  });
  return { svg, png: image.asPng(), width: image.width, height: image.height };
}
