import { join } from 'node:path';
import { dirname } from 'node:path';
import { mkdirSync } from 'node:fs';
import { backupDatabase } from '../../db/backup.ts';
import type { Command } from '../context.ts';

export const backupCommand: Command = {
  name: 'backup',
  args: '[file]',
  options: {},
  async run(ctx, positionals) {
    const stamp = new Date(ctx.clock.now()).toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
    const destination = positionals[0] ?? join(dirname(ctx.config.DATABASE_PATH), 'backups', `thidua-${stamp}.db`);
    mkdirSync(dirname(destination), { recursive: true });
    const result = await backupDatabase(ctx.db(), destination, (done, total) => ctx.progress(done, total));
    ctx.say(ctx.t('cli-backup-done', { path: result.path, size: Math.ceil(result.bytes / 1024) }));
    ctx.result(result);
    return 0;
  },
};
