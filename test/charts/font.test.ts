/**
 * The charts' font, shipped through npm: it has a glyph for every Vietnamese letter (so nothing is
 * drawn as a blank box), and the widths the layout uses are the font's own.
 */
import { describe, expect, it } from 'vitest';
import { FONT_FILES, readFaceMetrics, textWidth } from '../../src/charts/font.ts';

const VIETNAMESE = 'aàảãáạăằẳẵắặâầẩẫấậbcdđeèẻẽéẹêềểễếệghiìỉĩíịklmnoòỏõóọôồổỗốộơờởỡớợpqrstuùủũúụưừửữứựvxyỳỷỹýỵ';

describe('the charts font', () => {
  it('covers every Vietnamese letter, small and capital, in regular and bold', () => {
    for (const file of [FONT_FILES.regular, FONT_FILES.bold]) {
      const face = readFaceMetrics(file);
      const letters = [...VIETNAMESE, ...VIETNAMESE.toLocaleUpperCase('vi'), ...'0123456789.,:/()–—·…'];
      expect(letters.filter((c) => !face.covers(c.codePointAt(0)!))).toEqual([]);
      // A character it lacks is reported as such (the check can fail).
      expect(face.covers(0x4e2d)).toBe(false);
    }
  });

  it('measures text with its real widths: narrow i, wide M, diacritics add (almost) no width, bold is wider', () => {
    expect(textWidth('i', 100, false)).toBeLessThan(30);
    expect(textWidth('M', 100, false)).toBeGreaterThan(85);
    const plain = textWidth('Huyen Hai Hau', 12, false);
    expect(Math.abs(textWidth('Huyện Hải Hậu', 12, false) - plain) / plain).toBeLessThan(0.02);
    expect(textWidth('Đã duyệt', 12, true)).toBeGreaterThan(textWidth('Đã duyệt', 12, false));
    expect(textWidth('Cụm 1', 24, false)).toBeCloseTo(2 * textWidth('Cụm 1', 12, false), 5);
  });
});
