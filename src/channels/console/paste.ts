/**
 * Lines typed at a terminal, as the messages a person sends: a table pasted at once arrives as
 * several lines within a few milliseconds and is one message, as a messenger would send it; lines
 * typed one by one (an Enter is never that quick) are one message each.
 */
import type { Interface } from 'node:readline';

/** Lines closer together than this came in one paste. */
const PASTE_WINDOW_MS = 40;

/** The messages typed at `rl`, each lines arriving together joined with "\n", until it closes. */
export function pastedMessages(rl: Interface, windowMs = PASTE_WINDOW_MS): AsyncIterable<string> {
  const ready: string[] = [];
  let pending: string[] = [];
  let timer: NodeJS.Timeout | undefined;
  let ended = false;
  let wake: (() => void) | undefined;
  const flush = () => {
    clearTimeout(timer);
    timer = undefined;
    if (pending.length > 0) ready.push(pending.join('\n'));
    pending = [];
    wake?.();
  };
  rl.on('line', (line) => {
    pending.push(line);
    clearTimeout(timer);
    timer = setTimeout(flush, windowMs);
  });
  rl.on('close', () => {
    ended = true;
    flush();
  });
  return {
    async *[Symbol.asyncIterator]() {
      while (true) {
        if (ready.length > 0) {
          yield ready.shift()!;
          continue;
        }
        if (ended) return;
        await new Promise<void>((resolve) => (wake = resolve));
        wake = undefined;
      }
    },
  };
}
