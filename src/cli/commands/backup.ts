import { closeSync, existsSync, mkdirSync, openSync, readSync, rmSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { backupDir } from '../../config.ts';
import { backupDatabase, backupInto } from '../../db/backup.ts';
import type { CliContext, Command } from '../context.ts';

const SQLITE_HEADER = Buffer.from('SQLite format 3\u0000', 'latin1');

/** Whether the file at `path` starts as an SQLite database does (an empty file counts: nothing to lose). */
function looksLikeDatabase(path: string): boolean {
  const head = Buffer.alloc(SQLITE_HEADER.length);
  const fd = openSync(path, 'r');
  try {
    const read = readSync(fd, head, 0, head.length, 0);
    return read === 0 || (read === head.length && head.equals(SQLITE_HEADER));
  } finally {
    closeSync(fd);
  }
}

/** A half-written copy is not left behind; a path that cannot even be removed had nothing written. */
function removeQuietly(path: string): void {
  try {
    rmSync(path, { force: true });
  } catch {
    // Nothing there to remove.
  }
}

/** Why `file` must not be written, as the `cli-backup-…` text to say; none when it may. */
function refusal(ctx: CliContext, file: string, force: boolean): string | undefined {
  if (resolve(file) === resolve(ctx.config.DATABASE_PATH)) return 'cli-backup-is-database';
  if (!existsSync(file)) return undefined;
  if (!statSync(file).isFile()) return 'cli-backup-not-a-file';
  if (!looksLikeDatabase(file)) return 'cli-backup-not-database';
  return force ? undefined : 'cli-backup-exists';
}

export const backupCommand: Command = {
  name: 'backup',
  args: '[file]',
  options: { force: { type: 'boolean' } },
  async run(ctx, positionals, options) {
    const progress = (done: number, total: number) => ctx.progress(done, total);
    const file = positionals[0];
    if (file !== undefined) {
      const refused = refusal(ctx, file, options.force === true);
      if (refused) {
        ctx.io.stderr(ctx.t(refused, { file, path: ctx.config.DATABASE_PATH }));
        if (ctx.json) ctx.io.stdout(JSON.stringify({ error: refused.slice('cli-'.length), file }));
        return 1;
      }
    }
    const existed = file !== undefined && existsSync(file);
    try {
      if (file !== undefined) mkdirSync(dirname(file), { recursive: true });
      const result = file !== undefined ? await backupDatabase(ctx.db(), file, progress) : await backupInto(ctx.db(), backupDir(ctx.config), ctx.clock.now(), progress);
      ctx.say(ctx.t('cli-backup-done', { path: result.path, size: Math.ceil(result.bytes / 1024) }));
      ctx.result(result);
      return 0;
    } catch (error) {
      // A folder that cannot be written, a full disk: said in a line, without a stack trace.
      if (file !== undefined && !existed) removeQuietly(file);
      const detail = error instanceof Error ? error.message : String(error);
      ctx.io.stderr(ctx.t('cli-backup-failed', { file: file ?? backupDir(ctx.config), detail }));
      if (ctx.json) ctx.io.stdout(JSON.stringify({ error: 'backup-failed', detail }));
      return 1;
    }
  },
};
