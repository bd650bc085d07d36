/** Runs the admin CLI in-process against a temp database and captures what it prints. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import { runCli } from '../../src/cli/main.ts';
import { closeDatabase, openDatabase } from '../../src/db/connection.ts';
import { fixedClock } from '../../src/util/clock.ts';
import { PRIVATE_UMASK } from '../../src/util/file-modes.ts';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

export interface CliSandbox {
  dir: string;
  dbPath: string;
  env: NodeJS.ProcessEnv;
  run(...argv: string[]): Promise<CliRun>;
}

const dirs: string[] = [];

/** 2020-02-15 10:00 in Hà Nội: inside the sample movement, before its registration deadline. */
export const FEB_15_2020 = Date.UTC(2020, 1, 15, 3, 0);

export function cliSandbox(env: NodeJS.ProcessEnv = {}, now = FEB_15_2020): CliSandbox {
  const dir = mkdtempSync(join(tmpdir(), 'thidua-cli-'));
  dirs.push(dir);
  const dbPath = join(dir, 'thidua.db');
  const sandboxEnv = { DATABASE_PATH: dbPath, ...env };
  return {
    dir,
    dbPath,
    env: sandboxEnv,
    async run(...argv) {
      let stdout = '';
      let stderr = '';
      // With the umask src/cli/run.ts sets: what the CLI writes is private, as when run from the shell.
      const umask = process.umask(PRIVATE_UMASK);
      let code: number;
      try {
        code = await runCli(argv, {
          env: sandboxEnv,
          clock: fixedClock(now),
          io: { stdout: (s) => (stdout += `${s}\n`), stderr: (s) => (stderr += `${s}\n`), interactive: false },
        });
      } finally {
        process.umask(umask);
      }
      return { code, stdout, stderr };
    },
  };
}

export function useCliSandboxes(): void {
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });
}

/** Rows of a query on a sandbox's database, opened and closed around it (as a separate process would). */
export function queryDatabase<T>(path: string, sql: string): T[] {
  const db = openDatabase(path);
  try {
    return db.$client.prepare(sql).all() as T[];
  } finally {
    closeDatabase(db);
  }
}
