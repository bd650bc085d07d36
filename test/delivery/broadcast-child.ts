// The bot's delivery side for the crash test: drains the outbox to the fake Bot API at `rate`
// messages a second until the broadcast is delivered, then exits. The test kills it with SIGKILL.
import { closeDatabase, openDatabase } from '../../src/db/connection.ts';
import { systemClock } from '../../src/util/clock.ts';
import { Dispatcher } from '../../src/delivery/dispatcher.ts';
import { silentLogger } from '../../src/util/log.ts';
import { telegramSender } from './helpers.ts';

const [path, root, broadcastId, leaseMs, rate, inFlight] = process.argv.slice(2);
const db = openDatabase(path!);
const dispatcher = new Dispatcher({
  db,
  senders: [telegramSender(db, root!, systemClock)],
  clock: systemClock,
  log: silentLogger,
  leaseMs: Number(leaseMs),
  pollMs: 50,
  pace: { telegram: { limit: Number(rate), perChat: 1, maxInFlight: Number(inFlight) } },
}).start();
process.stdout.write('started\n');
const left = db.$client.prepare("SELECT count(*) AS n FROM outbox WHERE broadcast_id = ? AND status IN ('pending', 'sending')");
while ((left.get(Number(broadcastId)) as { n: number }).n > 0) await new Promise((resolve) => setTimeout(resolve, 100));
await dispatcher.stop();
closeDatabase(db);
process.stdout.write('done\n');
