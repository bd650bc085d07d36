/**
 * What of the bot's on disk is private to its user: the database with its WAL and SHM (and the
 * copies a restore keeps beside it), the backups, the files people sent and were sent (forms/),
 * the exports and the dossiers' files. Tightened at each start; `thidua doctor` warns of any that are wider.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { basename, dirname, extname, relative, resolve } from 'node:path';
import { backupDir, dossiersDir, exportDir, formsDir, type Config } from './config.ts';
import { openPaths, tightenPaths, type OpenPath } from './util/file-modes.ts';

/** The database's files: itself, its -wal and -shm, and the copies `thidua restore` kept (`<stem>.before-restore-…`). */
function databaseFiles(databasePath: string): string[] {
  const folder = dirname(databasePath);
  const name = basename(databasePath);
  const stem = basename(databasePath, extname(databasePath));
  let names: string[] = [];
  try {
    names = readdirSync(folder);
  } catch {
    return [];
  }
  return names.filter((n) => n === name || n === `${name}-wal` || n === `${name}-shm` || n.startsWith(`${stem}.before-restore-`)).map((n) => resolve(folder, n));
}

/**
 * The database's folder itself (not what else is in it): tightened only when it is a folder of its
 * own, not the working directory or one above it (a database kept beside the program must not close
 * the program's folder), nor the home folder, nor a shared one like /tmp (sticky).
 */
function ownFolder(databasePath: string): string[] {
  const folder = resolve(dirname(databasePath));
  const fromFolder = relative(folder, process.cwd());
  const holdsWorkingDirectory = fromFolder === '' || !fromFolder.startsWith('..');
  if (holdsWorkingDirectory || folder === resolve(homedir()) || !existsSync(folder)) return [];
  return statSync(folder).mode & 0o1000 ? [] : [folder];
}

type PathConfig = Pick<Config, 'DATABASE_PATH' | 'BACKUP_DIR'>;

/** The private paths of this configuration that exist now: `walked` with everything under them, `single` alone. */
function privatePaths(config: PathConfig): { walked: string[]; single: string[] } {
  if (config.DATABASE_PATH === ':memory:') return { walked: [], single: [] };
  const folders = [backupDir(config), formsDir(config.DATABASE_PATH), dossiersDir(config.DATABASE_PATH), exportDir(config.DATABASE_PATH)].map((f) => resolve(f));
  return { walked: [...databaseFiles(config.DATABASE_PATH), ...folders.filter((f) => existsSync(f))], single: ownFolder(config.DATABASE_PATH) };
}

/** Makes the private paths 0600 (files) and 0700 (folders); returns what was wider before. */
export function tightenPrivatePaths(config: PathConfig): OpenPath[] {
  const { walked, single } = privatePaths(config);
  return [...tightenPaths(single, { recursive: false }), ...tightenPaths(walked)];
}

/** The private paths others than the bot's user may read, write or enter. */
export function openPrivatePaths(config: PathConfig): OpenPath[] {
  const { walked, single } = privatePaths(config);
  return [...openPaths(single, { recursive: false }), ...openPaths(walked)];
}
