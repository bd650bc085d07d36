/**
 * Folds text for forgiving comparison: lower case, Vietnamese diacritics removed (đ → d),
 * runs of whitespace collapsed. "Sở Nội vụ" and "so noi vu" fold to the same string.
 */
export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}
