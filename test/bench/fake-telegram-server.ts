// The fake Bot API in a process of its own for the benchmark, so that what it measures (arrival
// times, 429s) is not disturbed by the sender's work. Prints its root URL; on "stats" (stdin)
// prints what it received as one JSON line.
import { createInterface } from 'node:readline';
import { FakeBotApi } from '../helpers/fake-telegram.ts';

const [limit, perChat] = process.argv.slice(2).map(Number);
const api = await new FakeBotApi().start();
api.lean = true;
api.limitRate({ perWindow: limit!, perChat: perChat! });
process.stdout.write(`${api.root}\n`);

function busiestSecond(times: number[]): number {
  let best = 0;
  for (let i = 0, j = 0; i < times.length; i++) {
    while (times[i]! - times[j]! >= 1000) j++;
    best = Math.max(best, i - j + 1);
  }
  return best;
}

for await (const line of createInterface({ input: process.stdin })) {
  if (line.trim() !== 'stats') continue;
  const counts = api.countsByChat();
  const times = api.deliveries.map((d) => d.at).sort((a, b) => a - b);
  process.stdout.write(
    `${JSON.stringify({
      received: api.deliveries.length,
      chats: counts.size,
      doubled: [...counts.values()].filter((n) => n > 1).length,
      rateLimited: api.rateLimited,
      spanMs: times.length > 1 ? times.at(-1)! - times[0]! : 0,
      busiestSecond: busiestSecond(times),
    })}\n`,
  );
}
