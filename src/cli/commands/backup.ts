import { dirname } from 'node:path';
import { mkdirSync } from 'node:fs';
import { backupDir } from '../../config.ts';
import { backupDatabase, backupInto } from '../../db/backup.ts';
import type { Command } from '../context.ts';

export const backupCommand: Command = {
  name: 'backup',
  args: '[file]',
  options: {},
  async run(ctx, positionals) {
    const progress = (done: number, total: number) => ctx.progress(done, total);
    const file = positionals[0];
    if (file !== undefined) mkdirSync(dirname(file), { recursive: true });
    const result = file !== undefined ? await backupDatabase(ctx.db(), file, progress) : await backupInto(ctx.db(), backupDir(ctx.config), ctx.clock.now(), progress);
    ctx.say(ctx.t('cli-backup-done', { path: result.path, size: Math.ceil(result.bytes / 1024) }));
    ctx.result(result);
    return 0;
  },
};
