/**
 * A conversation's way back (/back): the steps answered since the last save, kept as the JSON text
 * of a list. Most messages only add a step, so the text is added to as it is, and read (parsed)
 * only to step back, or to let old steps go once it grows long.
 */
interface HistoryEntry {
  step: string;
  data: unknown;
}

export const EMPTY_HISTORY = '[]';
/** How far /back can go at least. */
export const HISTORY_LIMIT = 20;
/** Past this length the history is cut to its last HISTORY_LIMIT steps. */
const HISTORY_TRIM_CHARS = 8_000;

/** Whether saved text can be a history (its entries are checked when it is read). */
export const isHistoryText = (text: string) => text.startsWith('[') && text.endsWith(']');

export function pushHistory(text: string, entry: HistoryEntry): string {
  const item = JSON.stringify(entry);
  const next = text === EMPTY_HISTORY || !isHistoryText(text) ? `[${item}]` : `${text.slice(0, -1)},${item}]`;
  return next.length > HISTORY_TRIM_CHARS ? JSON.stringify(readHistory(next).slice(-HISTORY_LIMIT)) : next;
}

/** The step before, and the history without it; undefined when there is none (or the text is damaged). */
export function popHistory(text: string): { previous: HistoryEntry; rest: string } | undefined {
  const entries = readHistory(text);
  const previous = entries.pop();
  return previous ? { previous, rest: JSON.stringify(entries) } : undefined;
}

/** The entries, if the text has the shape written here; none otherwise. */
function readHistory(text: string): HistoryEntry[] {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return [];
  }
  if (!Array.isArray(value)) return [];
  const valid = value.every((entry) => typeof entry === 'object' && entry !== null && typeof (entry as HistoryEntry).step === 'string');
  return valid ? (value as HistoryEntry[]) : [];
}
