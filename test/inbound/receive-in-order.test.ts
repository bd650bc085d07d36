import { describe, expect, it } from 'vitest';
import { ChatCore } from '../../src/chat/core.ts';
import { InboundWaiting, receiveInOrder, type InOrder } from '../../src/inbound/inbound.ts';
import { openDatabase, closeDatabase } from '../../src/db/connection.ts';
import { fixedClock } from '../../src/util/clock.ts';
import { ALL_FLOWS } from '../../src/flows/index.ts';
import { silentLogger } from '../../src/util/log.ts';
import { liaisons, loadThisYearsMovement } from '../helpers/liaisons.ts';
import { openTempDatabase, useTempDatabases } from '../helpers/db.ts';

useTempDatabases();

const update = (sequence: number, chatId: number, text: string): InOrder => ({ sequence, event: { channel: 'telegram', externalId: String(chatId), text } });

function setUp() {
  const temp = openTempDatabase();
  loadThisYearsMovement(temp.db);
  const [a, b, c] = liaisons(temp.db, 3);
  const core = new ChatCore({ db: temp.db, clock: fixedClock(Date.now()), flows: ALL_FLOWS, log: silentLogger });
  const rows = <T>(sql: string) => temp.db.$client.prepare(sql).all() as T[];
  const mark = () => rows<{ value: string }>("SELECT value FROM settings WHERE key = 'inbound.telegram.handled'")[0]?.value;
  const replies = () => rows<{ chat: string }>("SELECT i.external_id AS chat FROM outbox o JOIN identities i ON i.id = o.identity_id WHERE o.reply = 1 ORDER BY o.id").map((r) => r.chat);
  return { temp, core, a: a!, b: b!, c: c!, rows, mark, replies, receive: (batch: InOrder[]) => receiveInOrder(temp.db, core, batch, fixedClock(Date.now()), silentLogger) };
}

describe('long polling: a batch of updates handled in one transaction', () => {
  it('handles each update once, writes their replies in order, and moves the mark to the last', () => {
    const { a, b, c, mark, replies, receive } = setUp();
    const batch = [update(11, a, '/trogiup'), update(12, b, '/trogiup'), update(13, a, '/dangky'), update(14, c, '/trogiup')];

    const first = receive(batch);
    expect(first.map((p) => (p === 'duplicate' ? p : p.kind))).toEqual(['handled', 'handled', 'handled', 'handled']);
    expect(mark()).toBe('14');
    // In the order the updates came: a person's several replies together (consecutive repeats collapsed).
    expect(replies().filter((chat, i, all) => chat !== all[i - 1])).toEqual([a, b, a, c].map(String));

    // Telegram delivers the same batch again (we stopped before telling it): nothing is done twice.
    const before = replies().length;
    expect(receive(batch)).toEqual(['duplicate', 'duplicate', 'duplicate', 'duplicate']);
    expect(replies()).toHaveLength(before);
  });

  it('undoes only the update that failed through a fault of ours, keeps it with its error, and handles the others', () => {
    const { temp, a, b, c, rows, mark, replies, receive } = setUp();
    temp.db.$client.exec(`CREATE TRIGGER boom BEFORE INSERT ON outbox WHEN NEW.identity_id = (SELECT id FROM identities WHERE external_id = '${b}') BEGIN SELECT RAISE(ABORT, 'disk says no'); END`);

    const processed = receive([update(21, a, '/trogiup'), update(22, b, '/trogiup'), update(23, c, '/trogiup')]);
    expect(processed.map((p) => (p === 'duplicate' ? p : p.kind))).toEqual(['handled', 'failed', 'handled']);
    expect(new Set(replies())).toEqual(new Set([String(a), String(c)]));
    expect(rows<{ key: string; error: string }>('SELECT key, error FROM inbound_queue')).toEqual([{ key: '22', error: expect.stringContaining('disk says no') }]);
    expect(mark()).toBe('23');
  });

  it('saves nothing of the batch, and leaves the mark, while the database cannot be written (another process holds it)', () => {
    const { temp, a, b, mark, replies, receive } = setUp();
    receive([update(1, a, '/trogiup')]);
    const before = replies();
    temp.db.$client.pragma('busy_timeout = 50');
    const other = openDatabase(temp.path, { migrate: false });
    other.$client.exec('BEGIN IMMEDIATE');
    try {
      expect(() => receive([update(2, a, '/dangky'), update(3, b, '/trogiup')])).toThrow(InboundWaiting);
      expect(mark()).toBe('1');
      expect(replies()).toEqual(before);
    } finally {
      other.$client.exec('ROLLBACK');
      closeDatabase(other);
    }
    // Tried again once the lock is gone: both handled.
    expect(receive([update(2, a, '/dangky'), update(3, b, '/trogiup')]).every((p) => p !== 'duplicate' && p.kind === 'handled')).toBe(true);
    expect(mark()).toBe('3');
  });
});
