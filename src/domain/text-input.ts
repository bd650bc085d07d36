/**
 * Text people send, made into text worth keeping: Unicode in its composed form (NFC, so "ệ" typed
 * as e + two marks and "ệ" as one character are the same word when saved and when searched), with
 * invisible format characters (zero-width spaces, joiners, direction marks, BOM) and control
 * characters removed. Line breaks and tabs stay; they are text.
 */

/** Format (Cf) and control (Cc) characters, except tab, line feed and carriage return. */
const INVISIBLE = /[\p{Cf}\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/gu;

export function cleanText(input: string): string {
  return input.normalize('NFC').replace(INVISIBLE, '').trim();
}

/** True when nothing readable is left once invisible and control characters are removed. */
export const isBlankText = (input: string): boolean => cleanText(input).replace(/\s+/g, '') === '';
