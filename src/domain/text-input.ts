/**
 * Text people send, made into text worth keeping: Unicode in its composed form (NFC, so "ệ" typed
 * as e + two marks and "ệ" as one character are the same word when saved and when searched), with
 * invisible format characters (zero-width spaces, joiners, direction marks, BOM) and control
 * characters removed. Line breaks and tabs stay; they are text. A joiner inside an emoji sequence
 * (👩‍💻) and the tags of a flag (🏴󠁧󠁢󠁳󠁣󠁴󠁿) stay too: they are part of the one picture.
 */

/** Format (Cf) and control (Cc) characters, except tab, line feed and carriage return. */
const INVISIBLE = /[\p{Cf}\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/gu;

/** A tag character of a flag's sequence: after the black flag or another tag. */
const FLAG_TAG = /(?<=[\u{1F3F4}\u{E0020}-\u{E007F}])[\u{E0020}-\u{E007F}]/uy;

function keptInvisible(ch: string, offset: number, whole: string): boolean {
  if (ch === '\u200d') return /[\p{Extended_Pictographic}\p{Emoji_Modifier}\u{FE0F}]$/u.test(whole.slice(Math.max(0, offset - 2), offset)) && /^\p{Extended_Pictographic}/u.test(whole.slice(offset + 1, offset + 3));
  FLAG_TAG.lastIndex = offset;
  return FLAG_TAG.test(whole);
}

export function cleanText(input: string): string {
  return input
    .normalize('NFC')
    .replace(INVISIBLE, (ch: string, offset: number, whole: string) => (keptInvisible(ch, offset, whole) ? ch : ''))
    .trim();
}

/** True when nothing readable is left once invisible and control characters are removed. */
export const isBlankText = (input: string): boolean => cleanText(input).replace(/\s+/g, '') === '';
