import { appliedMigrations } from '../../db/connection.ts';
import type { Command } from '../context.ts';

export const migrateCommand: Command = {
  name: 'migrate',
  options: {},
  run(ctx) {
    const db = ctx.db();
    const applied = appliedMigrations(db);
    ctx.say(ctx.t('cli-migrate-done', { path: ctx.config.DATABASE_PATH, count: applied }));
    ctx.result({ database: ctx.config.DATABASE_PATH, migrations: applied });
    return 0;
  },
};
