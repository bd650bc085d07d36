/**
 * Reading a chart back, for tests: the PNG's size from its header, and what each drawn mark says
 * it is (Vega writes every bar's fields and values into its aria-label: "Số đơn vị: 4; Cụm, khối:
 * Cụm 1; Trạng thái: Đã duyệt"). Nothing of the renderer is used.
 */

/** Width and height from a PNG's IHDR chunk (after the 8-byte signature and the chunk's length and type). */
export function pngSize(png: Uint8Array): { width: number; height: number } {
  const bytes = Buffer.from(png);
  if (bytes.toString('latin1', 1, 4) !== 'PNG' || bytes.toString('latin1', 12, 16) !== 'IHDR') throw new Error('not a PNG');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

const unescape = (s: string) => s.replaceAll('&quot;', '"').replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&#39;', "'").replaceAll('&amp;', '&');

/** The marks of a mark type ("rect", "line"…) as field → value records, in drawing order. */
export function drawnMarks(svg: string, markType: string): Record<string, string>[] {
  const out: Record<string, string>[] = [];
  for (const group of svg.split(`aria-roledescription="${markType} mark container"`).slice(1)) {
    // A mark container's items run to the end of its <g>; the first nested </g> closes it.
    const items = group.slice(0, group.indexOf('</g>'));
    for (const m of items.matchAll(/aria-label="([^"]*)"/g)) {
      out.push(Object.fromEntries(unescape(m[1]!).split('; ').map((pair) => {
        const at = pair.lastIndexOf(': ');
        return [pair.slice(0, at), pair.slice(at + 2)];
      })));
    }
  }
  return out;
}

/** Every piece of text drawn (titles, axis labels, legends, numbers). */
export const drawnTexts = (svg: string) => [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => unescape(m[1]!));

/** A whole count as Vega's axis and labels write it here: "1.234". */
export const vnCount = (text: string) => Number(text.replaceAll('.', ''));

/** CIE L* (0 black … 100 white) of a "#rrggbb" colour: how light it prints in black and white. */
export function lightness(hex: string): number {
  const linear = [1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16) / 255).map((v) => (v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4));
  const y = 0.2126 * linear[0]! + 0.7152 * linear[1]! + 0.0722 * linear[2]!;
  return y > 216 / 24389 ? 116 * Math.cbrt(y) - 16 : (24389 / 27) * y;
}
