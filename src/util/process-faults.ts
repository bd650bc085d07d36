/**
 * The last line of defence: an exception nobody caught, a rejected promise nobody waited for. A
 * database fault (locked, full) is logged and the bot goes on: its transaction was rolled back and
 * the work is tried again by whoever started it. Anything else means the process can no longer be
 * trusted: logged as such, then `stop(1)` ends it (a process manager starts it again).
 */
import type { Logger } from './log.ts';

interface ProcessFaultOptions {
  log: Logger;
  /** Whether an error is a passing fault of the database file (see db/faults.ts). */
  passing: (error: unknown) => boolean;
  /** Ends the process in order, with this exit status. */
  stop: (code: number) => void;
}

export function watchProcessFaults({ log, passing, stop }: ProcessFaultOptions): void {
  const describe = (error: unknown) => (error instanceof Error ? (error.stack ?? error.message) : String(error));
  const fault = (kind: string) => (error: unknown) => {
    if (passing(error)) {
      log.warn(`${kind} (database busy or full; the bot goes on)`, { error: describe(error) });
      return;
    }
    log.error(`${kind}; the process cannot be trusted any more and stops with status 1`, { error: describe(error) });
    stop(1);
  };
  process.on('uncaughtException', fault('uncaught exception'));
  process.on('unhandledRejection', fault('unhandled rejection'));
}
