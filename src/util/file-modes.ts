/**
 * Files only the bot's own user may read: the database (tokens, phone numbers, every unit's
 * figures), its backups, the files people send and the exports. Created 0600 in 0700 folders (the
 * process's umask), and ones made earlier, or by hand, tightened to that.
 */
import { chmodSync, lstatSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/** Nothing for the group or others: new files 0600, new folders 0700. */
export const PRIVATE_UMASK = 0o077;
const OPEN_BITS = 0o077;
const FILE_MODE = 0o600;
const FOLDER_MODE = 0o700;

/** Makes every file and folder this process creates from now on private to its user. */
export function usePrivateUmask(): void {
  process.umask(PRIVATE_UMASK);
}

export interface OpenPath {
  path: string;
  /** Its permission bits, e.g. 0o644. */
  mode: number;
}

/**
 * Each of `paths` that exists, and for a folder everything under it (symbolic links are not
 * followed: what they point to is not ours to judge).
 */
function walk(paths: readonly string[], visit: (path: string, folder: boolean, mode: number) => void, recursive = true, seen = new Set<string>()): void {
  for (const path of paths) {
    if (seen.has(path)) continue;
    seen.add(path);
    let stats;
    try {
      stats = lstatSync(path);
    } catch {
      continue;
    }
    if (stats.isSymbolicLink()) continue;
    if (stats.isDirectory()) {
      visit(path, true, stats.mode & 0o777);
      if (!recursive) continue;
      let names: string[] = [];
      try {
        names = readdirSync(path);
      } catch {
        // An unreadable folder: its own mode was still looked at.
      }
      walk(
        names.map((name) => join(path, name)),
        visit,
        true,
        seen,
      );
    } else if (stats.isFile()) visit(path, false, stats.mode & 0o777);
  }
}

interface WalkOptions {
  /** Folders stand for everything under them (default); false: the folders themselves only. */
  recursive?: boolean;
}

/** The paths (under `paths`) that the group or others may read, write or enter. */
export function openPaths(paths: readonly string[], options: WalkOptions = {}): OpenPath[] {
  const found: OpenPath[] = [];
  walk(
    paths,
    (path, _folder, mode) => {
      if (mode & OPEN_BITS) found.push({ path, mode });
    },
    options.recursive ?? true,
  );
  return found;
}

/**
 * Takes the group's and others' access away from `paths` and what is under them (files 0600 at
 * most, folders 0700 at most); returns what was changed. One that cannot be changed (another
 * user's) is left for `thidua doctor` to report.
 */
export function tightenPaths(paths: readonly string[], options: WalkOptions = {}): OpenPath[] {
  const changed: OpenPath[] = [];
  walk(
    paths,
    (path, folder, mode) => {
      if (!(mode & OPEN_BITS)) return;
      try {
        chmodSync(path, mode & (folder ? FOLDER_MODE : FILE_MODE));
        changed.push({ path, mode });
      } catch {
        // Not ours to change.
      }
    },
    options.recursive ?? true,
  );
  return changed;
}

/** 0o644 as "644". */
export const octal = (mode: number) => mode.toString(8).padStart(3, '0');
