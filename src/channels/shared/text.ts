/** Text helpers shared by the messengers that show options as lines and cut long texts (Zalo OA, Zalo Bot Platform). */
import type { Choice } from '../../chat/types.ts';

/** Where a chunk may end, best first: a paragraph, a line, a sentence, a word. */
const BREAKS = [/\n\s*\n/g, /\n/g, /[.!?…;:](?=\s)/g, /\s/g];

function cutAt(window: string): number {
  // Avoid a tiny first chunk: a break in the first third is not worth taking over a later one.
  const min = Math.floor(window.length / 3);
  for (const pattern of BREAKS) {
    let best = -1;
    for (const m of window.matchAll(pattern)) {
      // A sentence mark stays with its sentence; whitespace is dropped.
      const end = /\s/.test(m[0][0]!) ? m.index : m.index + m[0].length;
      if (end >= min) best = end;
    }
    if (best > 0) return best;
  }
  // No break at all: cut hard, but never between the two halves of a surrogate pair.
  const code = window.charCodeAt(window.length - 1);
  return code >= 0xd800 && code <= 0xdbff ? window.length - 1 : window.length;
}

/** Splits text longer than `max` characters (2,000 by default, both Zalos' limit) at paragraph, sentence, then word boundaries. */
export function splitText(text: string, max = 2000): string[] {
  const chunks: string[] = [];
  let rest = text.trim();
  while (rest.length > max) {
    const end = cutAt(rest.slice(0, max));
    const chunk = rest.slice(0, end).trimEnd();
    if (chunk) chunks.push(chunk);
    rest = rest.slice(end).trimStart();
  }
  if (rest || chunks.length === 0) chunks.push(rest);
  return chunks;
}

/**
 * Options that do not fit as buttons, as lines under the text: numbered ("1. Sở Nội vụ") to be
 * answered by number, or bulleted when the question also takes a typed number (so "1" stays an amount).
 */
export function choiceList(choices: readonly Choice[], numbered: boolean): string {
  return choices.map((c, i) => (numbered ? `${i + 1}. ${c.label}` : `• ${c.label}`)).join('\n');
}
