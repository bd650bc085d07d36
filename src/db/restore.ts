/**
 * Putting a backup back in place of the database: the file is checked first (readable, passes
 * SQLite's integrity check, made by this program and not by a newer version of it, holding exactly
 * the tables, indexes, triggers and views the migrations create), the bot must be stopped, the
 * replaced database is kept beside it, and migrations bring an older backup up to date. An older
 * backup's schema is compared once it is migrated: anything extra, and it is put back as it was.
 */
import { existsSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { z } from 'zod';
import { backupFileName } from './backup.ts';
import { appliedMigrations, closeDatabase, openDatabase } from './connection.ts';
import { whileBotStopped } from './run-lock.ts';
import { schemaDifferences } from './schema-check.ts';

/** Why a file cannot be restored: the `cli-restore-<reason>` text says it to the operator. */
type RestoreProblem = 'missing' | 'unreadable' | 'damaged' | 'foreign' | 'newer' | 'schema';

/** The file was not restored, and nothing was changed. */
export class RestoreRefusedError extends Error {
  constructor(
    readonly problem: RestoreProblem,
    readonly detail = '',
  ) {
    super(`backup refused (${problem})${detail ? `: ${detail}` : ''}`);
  }
}

const journal = z.object({ entries: z.array(z.object({ when: z.number() })) });
const ourMigrations = () =>
  new Set(journal.parse(JSON.parse(readFileSync(fileURLToPath(new URL('../../drizzle/meta/_journal.json', import.meta.url)), 'utf8'))).entries.map((e) => e.when));

interface BackupCheck {
  /** Migrations applied in the backup. */
  migrations: number;
}

/** Checks that `file` is a sound backup of this program's database; throws RestoreRefusedError otherwise. */
function checkBackupFile(file: string): BackupCheck {
  if (!existsSync(file)) throw new RestoreRefusedError('missing');
  let copy: Database.Database;
  try {
    copy = new Database(file, { readonly: true, fileMustExist: true });
  } catch (error) {
    throw new RestoreRefusedError('unreadable', error instanceof Error ? error.message : String(error));
  }
  try {
    let check: unknown;
    try {
      check = copy.pragma('integrity_check', { simple: true });
    } catch (error) {
      // Not a database at all ("file is not a database"), or one too broken to read.
      throw new RestoreRefusedError('unreadable', error instanceof Error ? error.message : String(error));
    }
    if (check !== 'ok') throw new RestoreRefusedError('damaged', String(check));
    const hasMigrations = copy.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '__drizzle_migrations'").get();
    if (!hasMigrations) throw new RestoreRefusedError('foreign');
    const applied = (copy.prepare('SELECT created_at AS at FROM __drizzle_migrations').all() as { at: number }[]).map((r) => Number(r.at));
    const known = ourMigrations();
    if (applied.length === 0) throw new RestoreRefusedError('foreign');
    if (applied.some((at) => !known.has(at))) throw new RestoreRefusedError('newer');
    // Up to date: compared now, before anything is touched (an older one once migrated, below).
    if (applied.length === known.size) refuseOtherSchema(copy);
    return { migrations: applied.length };
  } finally {
    copy.close();
  }
}

function refuseOtherSchema(client: Database.Database): void {
  const differences = schemaDifferences(client);
  if (differences.length > 0) throw new RestoreRefusedError('schema', differences.slice(0, 5).join(', '));
}

interface RestoreResult {
  /** Where the database that was replaced now is (none when there was none). */
  kept: string | undefined;
  /** Migrations applied in the backup, and after the restore. */
  migrationsBefore: number;
  migrationsAfter: number;
  /** The Zalo token pair of the replaced database was newer and was kept (its refresh token is single-use). */
  keptZaloTokens: boolean;
}

/** Where the replaced database is kept: beside it, named by the time of the restore (never over an earlier one). */
function keptPath(databasePath: string, now: number): string {
  const ext = extname(databasePath);
  const stem = basename(databasePath, ext);
  const base = join(dirname(databasePath), `${stem}.before-restore-${backupFileName(now).slice('thidua-'.length, -'.db'.length)}`);
  let path = `${base}${ext || '.db'}`;
  for (let n = 2; existsSync(path); n++) path = `${base}-${n}${ext || '.db'}`;
  return path;
}

/**
 * Restores `file` over the database at `databasePath`. Throws DatabaseInUseError while a bot runs on
 * it, RestoreRefusedError for a file that is not a sound backup (then nothing is changed).
 */
export async function restoreDatabase(databasePath: string, file: string, now: number): Promise<RestoreResult> {
  const check = checkBackupFile(file);
  return whileBotStopped(databasePath, async () => {
    const kept = existsSync(databasePath) ? keepReplaced(databasePath, now) : undefined;
    try {
      return await putInPlace(databasePath, file, kept, check.migrations);
    } catch (error) {
      // A restore that fails half-way (a full disk…) leaves the database as it was.
      for (const path of [databasePath, `${databasePath}-wal`, `${databasePath}-shm`]) rmSync(path, { force: true });
      if (kept) {
        renameSync(kept, databasePath);
        if (existsSync(`${kept}-wal`)) renameSync(`${kept}-wal`, `${databasePath}-wal`);
      }
      throw error;
    }
  });
}

async function putInPlace(databasePath: string, file: string, kept: string | undefined, migrationsBefore: number): Promise<RestoreResult> {
  const source = new Database(file, { readonly: true, fileMustExist: true });
  try {
    // Through SQLite rather than a file copy: a -wal file beside the backup is taken in too.
    await source.backup(databasePath);
  } finally {
    source.close();
  }
  const db = openDatabase(databasePath);
  try {
    refuseOtherSchema(db.$client);
    const keptZaloTokens = kept ? carryNewerZaloTokens(kept, db.$client) : false;
    const after = db.$client.pragma('integrity_check', { simple: true });
    if (after !== 'ok') throw new Error(`the restored database failed its integrity check: ${String(after)}`);
    return { kept, migrationsBefore, migrationsAfter: appliedMigrations(db), keptZaloTokens };
  } finally {
    closeDatabase(db);
  }
}

/** Moves the current database (with its WAL, so even a damaged one is kept whole) out of the way. */
function keepReplaced(databasePath: string, now: number): string {
  const kept = keptPath(databasePath, now);
  try {
    // Closing the last connection copies the WAL into the file and removes it.
    new Database(databasePath).close();
  } catch {
    // Too damaged to open: it is kept as it is, WAL included.
  }
  renameSync(databasePath, kept);
  if (existsSync(`${databasePath}-wal`)) renameSync(`${databasePath}-wal`, `${kept}-wal`);
  rmSync(`${databasePath}-shm`, { force: true });
  return kept;
}

/**
 * Zalo's refresh token is single-use: the pair in an older backup has been used up since, so the
 * replaced database's pair is kept when it is the newer one. Otherwise Zalo would stop working.
 */
function carryNewerZaloTokens(keptPath: string, restored: Database.Database): boolean {
  let replaced: Database.Database;
  try {
    replaced = new Database(keptPath, { readonly: true, fileMustExist: true });
  } catch {
    return false;
  }
  try {
    const newer = replaced.prepare('SELECT * FROM zalo_tokens WHERE id = 1').get() as Record<string, unknown> | undefined;
    if (!newer) return false;
    const current = restored.prepare('SELECT updated_at AS updatedAt FROM zalo_tokens WHERE id = 1').get() as { updatedAt: number } | undefined;
    if (current && current.updatedAt >= Number(newer.updated_at)) return false;
    const columns = Object.keys(newer);
    restored
      .prepare(`INSERT OR REPLACE INTO zalo_tokens (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`)
      .run(...columns.map((c) => newer[c]));
    return true;
  } catch {
    // A damaged replaced database: its tokens cannot be read, the backup's stay.
    return false;
  } finally {
    replaced.close();
  }
}
