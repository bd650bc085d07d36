/**
 * The charts' typeface: Be Vietnam Pro, designed for Vietnamese, shipped through npm
 * (@expo-google-fonts/be-vietnam-pro, TrueType, SIL Open Font License), so `npm install` is all
 * the set-up and no system font is ever used. Vega lays text out with these advance widths (it has
 * no canvas here to measure with); resvg draws with the same files, so what is laid out is what is
 * drawn. (Noto Sans was tried first: its many scripts make shaping three times slower.)
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

export const FONT_FAMILY = 'Be Vietnam Pro';

const require = createRequire(import.meta.url);
export const FONT_FILES = {
  regular: require.resolve('@expo-google-fonts/be-vietnam-pro/400Regular/BeVietnamPro_400Regular.ttf'),
  bold: require.resolve('@expo-google-fonts/be-vietnam-pro/700Bold/BeVietnamPro_700Bold.ttf'),
} as const;

/** Advance widths of one TrueType face, in em, by code point. */
export interface FaceMetrics {
  advance(codePoint: number): number;
  /** Whether the face has a glyph for the character (else it would be drawn as a blank box). */
  covers(codePoint: number): boolean;
}

/**
 * Reads the advance widths of a TrueType file: `cmap` (format 4, the Basic Multilingual Plane, where
 * every Vietnamese letter is) maps a character to its glyph, `hmtx` gives the glyph's advance.
 * A character the face lacks counts as the average Latin letter.
 */
export function readFaceMetrics(file: string): FaceMetrics {
  const font = readFileSync(file);
  const tables = new Map<string, number>();
  for (let i = 0, n = font.readUInt16BE(4); i < n; i++) {
    const record = 12 + 16 * i;
    tables.set(font.toString('latin1', record, record + 4), font.readUInt32BE(record + 8));
  }
  const table = (tag: string) => {
    const offset = tables.get(tag);
    if (offset === undefined) throw new Error(`${file}: no '${tag}' table`);
    return offset;
  };
  const unitsPerEm = font.readUInt16BE(table('head') + 18);
  const longMetrics = font.readUInt16BE(table('hhea') + 34);
  const hmtx = table('hmtx');
  const advanceOfGlyph = (glyph: number) => font.readUInt16BE(hmtx + 4 * Math.min(glyph, longMetrics - 1)) / unitsPerEm;
  const glyphOf = format4Lookup(font, table('cmap'));
  const fallback = 0.55;
  const cache = new Map<number, number>();
  return {
    covers: (codePoint) => codePoint <= 0xffff && glyphOf(codePoint) !== 0,
    advance(codePoint) {
      let width = cache.get(codePoint);
      if (width === undefined) {
        const glyph = codePoint <= 0xffff ? glyphOf(codePoint) : 0;
        width = glyph === 0 ? fallback : advanceOfGlyph(glyph);
        cache.set(codePoint, width);
      }
      return width;
    },
  };
}

/** The glyph lookup of the font's Unicode BMP subtable (platform 3 encoding 1, or platform 0). */
function format4Lookup(font: Buffer, cmap: number): (codePoint: number) => number {
  let subtable = -1;
  for (let i = 0, n = font.readUInt16BE(cmap + 2); i < n; i++) {
    const record = cmap + 4 + 8 * i;
    const platform = font.readUInt16BE(record);
    const encoding = font.readUInt16BE(record + 2);
    const offset = cmap + font.readUInt32BE(record + 4);
    if (font.readUInt16BE(offset) === 4 && ((platform === 3 && encoding === 1) || platform === 0)) subtable = offset;
  }
  if (subtable < 0) throw new Error('no Unicode BMP (format 4) character map');
  const segments = font.readUInt16BE(subtable + 6) / 2;
  const ends = subtable + 14;
  const starts = ends + 2 * segments + 2;
  const deltas = starts + 2 * segments;
  const rangeOffsets = deltas + 2 * segments;
  return (codePoint) => {
    for (let s = 0; s < segments; s++) {
      if (codePoint > font.readUInt16BE(ends + 2 * s)) continue;
      const start = font.readUInt16BE(starts + 2 * s);
      if (codePoint < start) return 0;
      const delta = font.readUInt16BE(deltas + 2 * s);
      const rangeOffset = font.readUInt16BE(rangeOffsets + 2 * s);
      if (rangeOffset === 0) return (codePoint + delta) & 0xffff;
      const glyph = font.readUInt16BE(rangeOffsets + 2 * s + rangeOffset + 2 * (codePoint - start));
      return glyph === 0 ? 0 : (glyph + delta) & 0xffff;
    }
    return 0;
  };
}

let faces: { regular: FaceMetrics; bold: FaceMetrics } | undefined;

/** The width in pixels of `text` set in the charts' face at `fontSize`, bold or not. */
export function textWidth(text: string, fontSize: number, bold: boolean): number {
  faces ??= { regular: readFaceMetrics(FONT_FILES.regular), bold: readFaceMetrics(FONT_FILES.bold) };
  const face = bold ? faces.bold : faces.regular;
  let em = 0;
  for (const char of text) em += face.advance(char.codePointAt(0)!);
  return em * fontSize;
}
