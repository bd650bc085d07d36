/** People with a unit and a Telegram account each, as after linking (benchmarks and load tests). */
import { readFileSync } from 'node:fs';
import type { Db } from '../../src/db/connection.ts';
import { identities, people } from '../../src/db/schema.ts';
import { cliActor } from '../../src/domain/audit.ts';
import { movementDefinition } from '../../src/domain/movement-definition.ts';
import { importMovement } from '../../src/domain/movements.ts';
import { upsertUnit } from '../../src/domain/units.ts';
import { SAMPLE_MOVEMENT_PATH } from '../../src/sample/load.ts';

/**
 * The sample movement moved to this year, for runs on the real clock (`npm start` in a child
 * process): its year-end due dates are then still ahead, as they are for a movement in progress.
 */
export function loadThisYearsMovement(db: Db, now = Date.now()): void {
  const year = new Date(now).getUTCFullYear();
  const text = readFileSync(SAMPLE_MOVEMENT_PATH, 'utf8').replaceAll('2021', String(year + 1)).replaceAll('2020', String(year));
  importMovement(db, movementDefinition.parse(JSON.parse(text)), cliActor, now);
}

const FEB_15 = Date.UTC(2020, 1, 15, 2, 0);

/** `count` liaisons of units BENCH0…, their Telegram chats 10000…; returns the chat ids. */
export function liaisons(db: Db, count: number, firstChat = 10_000): number[] {
  const chats: number[] = [];
  db.transaction((tx) => {
    for (let i = 0; i < count; i++) {
      const unit = upsertUnit(tx, { code: `BENCH${i}`, name: `Đơn vị thử ${i}`, kind: 'khac' }, cliActor, FEB_15);
      const person = tx.insert(people).values({ fullName: `Cán bộ ${i}`, role: 'liaison', unitId: unit.id }).returning().get();
      const chatId = firstChat + i;
      tx.insert(identities).values({ channel: 'telegram', externalId: String(chatId), personId: person.id }).run();
      chats.push(chatId);
    }
  });
  return chats;
}
