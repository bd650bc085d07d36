import { describe, expect, it } from 'vitest';
import { MAX_TEXT, buttonTitle } from '../../../src/channels/zalo/render.ts';
import { choiceList, splitText } from '../../../src/channels/shared/text.ts';

const words = (text: string) => text.split(/\s+/).filter(Boolean);

describe('splitting long text for Zalo', () => {
  it('leaves a text within the limit alone', () => {
    expect(splitText('Xin chào.')).toEqual(['Xin chào.']);
    expect(splitText('a'.repeat(MAX_TEXT))).toEqual(['a'.repeat(MAX_TEXT)]);
  });

  it('cuts at sentence ends, keeping every word and each part within 2000 characters', () => {
    const sentence = 'Đơn vị đã hoàn thành chỉ tiêu cải cách hành chính của quý này. ';
    const text = sentence.repeat(100).trim();
    const parts = splitText(text);
    expect(parts.length).toBeGreaterThan(2);
    for (const part of parts) {
      expect(part.length).toBeLessThanOrEqual(MAX_TEXT);
      expect(part.endsWith('.')).toBe(true);
    }
    expect(words(parts.join(' '))).toEqual(words(text));
  });

  it('prefers a paragraph break, and falls back to spaces, then to a hard cut', () => {
    const paragraphs = `${'Một. '.repeat(250)}\n\n${'Hai. '.repeat(250)}`;
    expect(splitText(paragraphs)[0]).toBe('Một. '.repeat(250).trim());
    const noSentences = 'chữ '.repeat(1200).trim();
    const parts = splitText(noSentences);
    expect(parts.every((p) => p.length <= MAX_TEXT && !p.startsWith(' ') && !p.endsWith(' '))).toBe(true);
    expect(words(parts.join(' '))).toEqual(words(noSentences));
    expect(splitText('x'.repeat(4500)).map((p) => p.length)).toEqual([2000, 2000, 500]);
  });
});

describe('options as text', () => {
  it('numbers them, or bullets them when a typed number is an answer of its own', () => {
    const choices = [
      { id: 'a', label: 'Sở Nội vụ' },
      { id: 'b', label: 'Sở Tài chính' },
    ];
    expect(choiceList(choices, true)).toBe('1. Sở Nội vụ\n2. Sở Tài chính');
    expect(choiceList(choices, false)).toBe('• Sở Nội vụ\n• Sở Tài chính');
  });

  it('shortens very long button titles', () => {
    expect(buttonTitle('ngắn')).toBe('ngắn');
    const long = buttonTitle('dài '.repeat(60));
    expect(long.length).toBeLessThanOrEqual(100);
    expect(long.endsWith('…')).toBe(true);
  });
});
