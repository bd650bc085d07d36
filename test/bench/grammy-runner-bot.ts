// The ecosystem's answer, for comparison in the load benchmark: grammY with @grammyjs/runner and
// `sequentialize` per chat (its documented setup for concurrent long polling), one SQLite
// transaction and one reply per message. Started like the bot: TELEGRAM_BOT_TOKEN,
// TELEGRAM_API_ROOT, DATABASE_PATH from the environment; stops on SIGTERM.
import { run, sequentialize } from '@grammyjs/runner';
import { Bot } from 'grammy';
import { closeDatabase, openDatabase } from '../../src/db/connection.ts';

const db = openDatabase(process.env.DATABASE_PATH!, { backgroundCheckpoints: true });
const upsert = db.$client.prepare('INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value');
const step = db.$client.transaction((key: string, value: string) => upsert.run(key, value, Date.now()));

const bot = new Bot(process.env.TELEGRAM_BOT_TOKEN!, { client: { apiRoot: process.env.TELEGRAM_API_ROOT! } });
bot.use(sequentialize((ctx) => String(ctx.chat?.id)));
bot.on('message:text', async (ctx) => {
  step(String(ctx.chat.id), ctx.message.text);
  await ctx.reply(`ok ${ctx.message.text}`);
});
await bot.init();
process.stderr.write(`@${bot.botInfo.username} ready\n`);
const runner = run(bot);
process.once('SIGTERM', () => {
  void runner.stop().then(() => {
    closeDatabase(db);
    process.exit(0);
  });
});
