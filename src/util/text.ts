/**
 * Folds text for forgiving comparison: lower case, Vietnamese diacritics removed (đ → d),
 * invisible format characters (zero-width spaces…) dropped, runs of whitespace collapsed. "Sở Nội vụ" and "so noi vu" fold to the same string.
 */
export function fold(text: string): string {
  // Every typed answer is folded against the same few hundred labels (choices, units, titles): kept once folded.
  if (text.length > FOLDED_MAX_LENGTH) return foldText(text);
  let folded = foldedTexts.get(text);
  if (folded === undefined) {
    if (foldedTexts.size >= FOLDED_KEPT) foldedTexts.clear();
    foldedTexts.set(text, (folded = foldText(text)));
  }
  return folded;
}

/** How many folded texts are kept, and how long one may be: a megabyte at most. */
const FOLDED_KEPT = 5_000;
const FOLDED_MAX_LENGTH = 200;
const foldedTexts = new Map<string, string>();

function foldText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Cf}/gu, '')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * The units a person meant by a code or a name: an exact code (any case) wins, else every unit
 * whose name contains the text, accents ignored ("hai hau" finds "UBND huyện Hải Hậu").
 */
export function findByCodeOrName<T extends { code: string; name: string }>(all: readonly T[], query: string): T[] {
  const q = fold(query);
  const exact = all.filter((u) => fold(u.code) === q);
  return exact.length > 0 ? exact : all.filter((u) => fold(u.name).includes(q));
}
