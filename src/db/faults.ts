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
