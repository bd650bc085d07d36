/**
 * Faults of the database file rather than of the work: another process holds the write lock
 * beyond the busy timeout, the disk is full or read-only, the disk fails. Nothing of the work was
 * saved (the transaction rolled back), so the same work can simply be tried again later.
 */
import type { Logger } from '../util/log.ts';

/** `busy`: wait and try again, it passes by itself; `space`: full or read-only, someone must free space; `io`: the disk failed. */
export type StorageFault = 'busy' | 'space' | 'io';

const CODES: [prefix: string, fault: StorageFault][] = [
  ['SQLITE_BUSY', 'busy'],
  ['SQLITE_LOCKED', 'busy'],
  ['SQLITE_PROTOCOL', 'busy'],
  ['SQLITE_FULL', 'space'],
  ['SQLITE_READONLY', 'space'],
  ['SQLITE_IOERR', 'io'],
  ['SQLITE_CANTOPEN', 'io'],
];

/** What kind of storage fault an error is, if it is one (better-sqlite3's SqliteError carries SQLite's extended code). */
export function storageFault(error: unknown): StorageFault | undefined {
  if (!(error instanceof Error) || !('code' in error) || typeof error.code !== 'string') return undefined;
  const code = error.code;
  return CODES.find(([prefix]) => code === prefix || code.startsWith(`${prefix}_`))?.[1];
}

/** True when a person should be told their message waits: a lock is waited out silently, a full or failing disk is not. */
export const lastsUntilFixed = (fault: StorageFault) => fault !== 'busy';

/**
 * Says once that the database cannot be written (not once per message), and once that it can
 * again. One per process: every channel's work shares the one database file.
 */
class StorageAlarm {
  private current: { fault: StorageFault; since: number } | undefined;
  private readonly told = new Set<string>();

  /** Logs the fault when it starts (or changes kind); later repeats of it are quiet. */
  fault(log: Logger, fault: StorageFault, error: unknown, where: string): void {
    if (this.current?.fault === fault) return;
    this.current = { fault, since: Date.now() };
    const message = error instanceof Error ? error.message : String(error);
    const code = error instanceof Error && 'code' in error ? String(error.code) : undefined;
    if (fault === 'busy') log.warn('database locked by another process; waiting for it', { where, code, error: message });
    else
      log.error(fault === 'space' ? 'database cannot be written: disk full or read-only; messages wait until space is freed' : 'database disk error; messages wait and are tried again', {
        where,
        code,
        error: message,
      });
  }

  /** When `error` is a storage fault: logged as fault() does, and true; false for any other error. */
  noted(log: Logger, error: unknown, where: string): boolean {
    const fault = storageFault(error);
    if (fault) this.fault(log, fault, error, where);
    return fault !== undefined;
  }

  /** Logs the end of a fault, once, after a write went through. */
  recovered(log: Logger): void {
    if (!this.current) return;
    log.info('database writable again', { fault: this.current.fault, afterMs: Date.now() - this.current.since });
    this.current = undefined;
    this.told.clear();
  }

  /** True the first time a person (`who`) is to be told their message waits, during the fault going on. */
  firstNotice(who: string): boolean {
    if (this.told.has(who)) return false;
    this.told.add(who);
    return true;
  }
}

export const storageAlarm = new StorageAlarm();

/** While the database is locked, this often one waiting call tries it again (the others wait without touching it). */
const BUSY_PROBE_EVERY_MS = 100;
const WAIT_STEP_MS = 50;

/**
 * Many calls waiting for the same lock (a burst of webhook calls) must not each spend the busy
 * timeout on the only thread: once one found the database locked, one try per BUSY_PROBE_EVERY_MS
 * goes to it until a try goes through. One per process, like the database file it watches.
 */
class BusyGate {
  private lockedSince: number | undefined;
  private lastTry = 0;

  mayTry(now: number): boolean {
    if (this.lockedSince === undefined || now - this.lastTry >= BUSY_PROBE_EVERY_MS) {
      this.lastTry = now;
      return true;
    }
    return false;
  }

  locked(now: number): void {
    this.lockedSince ??= now;
    this.lastTry = now;
  }

  free(): void {
    this.lockedSince = undefined;
  }
}

const busyGate = new BusyGate();

/** What a call that waited its whole time without being let through to the locked database throws: a `busy` storage fault. */
function stillLocked(): Error {
  return Object.assign(new Error('database locked by another process'), { code: 'SQLITE_BUSY' });
}

/**
 * Runs `work` (a short write, all or nothing), trying again while another process holds the lock,
 * for up to `forMs`; the waiting is on timers, never on the thread. Throws the `busy` fault when
 * the time is up (a webhook answers 503), and any other error at once.
 */
export async function whileLocked<T>(work: () => T, forMs: number): Promise<T> {
  const end = Date.now() + forMs;
  for (;;) {
    if (busyGate.mayTry(Date.now())) {
      try {
        const result = work();
        busyGate.free();
        return result;
      } catch (error) {
        if (storageFault(error) !== 'busy') throw error;
        busyGate.locked(Date.now());
        if (Date.now() + WAIT_STEP_MS > end) throw error;
      }
    } else if (Date.now() + WAIT_STEP_MS > end) throw stillLocked();
    await new Promise((resolve) => setTimeout(resolve, WAIT_STEP_MS));
  }
}
