import { it } from 'vitest';
import { useTempDatabases } from '../helpers/db.ts';
import { yearEndBot, liaison, hmlScoresInChat, sendToHead } from '../helpers/year-end-script.ts';
useTempDatabases();
it('debug', async () => {
  const bot = await yearEndBot();
  await hmlScoresInChat(bot);
  await sendToHead(bot, liaison('HML'));
  const who = liaison('HYY');
  const t0 = Date.now();
  await bot.say(who, '/chamdiemexcel', 'Biểu mẫu').catch((e) => console.log(String(e)));
  console.log('took', Date.now() - t0);
  console.log(JSON.stringify(bot.rows("SELECT o.id, o.status, o.not_before, substr(o.payload,1,80) p, o.last_error FROM outbox o JOIN identities i ON i.person_id=o.person_id WHERE i.external_id=?", String(bot.id(who))), null, 1));
  console.log(JSON.stringify(bot.rows("SELECT * FROM jobs")));
  console.log(JSON.stringify(bot.rows("SELECT count(*), status FROM outbox group by status")));
  console.log(JSON.stringify(bot.api.callsOf('getUpdates').length));
  await bot.stop();
});
