import { restoreDatabase, RestoreRefusedError } from '../../db/restore.ts';
import { DatabaseInUseError } from '../../db/run-lock.ts';
import type { Command } from '../context.ts';

/** Puts a backup back; refused while the bot runs, and for a file that is not a sound backup. */
export const restoreCommand: Command = {
  name: 'restore',
  args: '<file>',
  options: {},
  async run(ctx, positionals) {
    const file = positionals[0];
    if (file === undefined) {
      ctx.io.stderr(ctx.t('cli-missing-argument', { name: 'file' }));
      return 2;
    }
    const path = ctx.config.DATABASE_PATH;
    try {
      const result = await restoreDatabase(path, file, ctx.clock.now());
      ctx.say(ctx.t(result.kept ? 'cli-restore-done' : 'cli-restore-done-new', { file, path, kept: result.kept ?? '' }));
      if (result.migrationsAfter > result.migrationsBefore) ctx.say(ctx.t('cli-restore-migrated', { count: result.migrationsAfter - result.migrationsBefore }));
      if (result.keptZaloTokens) ctx.say(ctx.t('cli-restore-zalo-tokens-kept'));
      ctx.result({ database: path, restored: file, ...result });
      return 0;
    } catch (error) {
      if (error instanceof RestoreRefusedError) {
        ctx.io.stderr(ctx.t(`cli-restore-${error.problem}`, { file, detail: error.detail }));
        if (ctx.json) ctx.io.stdout(JSON.stringify({ error: `restore-${error.problem}`, detail: error.detail }));
        return 1;
      }
      if (error instanceof DatabaseInUseError) {
        ctx.io.stderr(ctx.t('cli-restore-bot-running', { path }));
        if (ctx.json) ctx.io.stdout(JSON.stringify({ error: 'bot-running' }));
        return 1;
      }
      // Anything else (a full disk, a migration that fails): the database was put back as it was.
      const detail = error instanceof Error ? error.message : String(error);
      ctx.io.stderr(ctx.t('cli-restore-failed', { file, path, detail }));
      if (ctx.json) ctx.io.stdout(JSON.stringify({ error: 'restore-failed', detail }));
      return 1;
    }
  },
};
