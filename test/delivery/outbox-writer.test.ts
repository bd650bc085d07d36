/**
 * The one writer of outbox rows: which account a person is reached on (one rule for notices and
 * bulk mail alike), and rows written once under their keys.
 */
import { describe, expect, it } from 'vitest';
import { accountFor, NO_ACCOUNT, reachFor, writeJobMessages, writeNotifications } from '../../src/delivery/outbox-writer.ts';
import type { Db } from '../../src/db/connection.ts';
import { openTempDatabase } from '../helpers/db.ts';

const person = (db: Db, name: string) => Number(db.$client.prepare("INSERT INTO people (full_name, role) VALUES (?, 'admin')").run(name).lastInsertRowid);

function account(db: Db, personId: number, channel: string, externalId: string, lastInboundAt: number | null, unreachableAt: number | null = null): number {
  return Number(
    db.$client
      .prepare('INSERT INTO identities (person_id, channel, external_id, last_inbound_at, unreachable_at) VALUES (?, ?, ?, ?, ?)')
      .run(personId, channel, externalId, lastInboundAt, unreachableAt).lastInsertRowid,
  );
}

const rows = (db: Db) =>
  db.$client.prepare('SELECT dedupe_key AS key, person_id AS personId, identity_id AS identityId, channel, status, last_error AS error, payload FROM outbox ORDER BY id').all();

describe('the account a person is reached on', () => {
  it('is one not known to be unreachable before a later one that is, else the one they wrote from last', () => {
    const { db } = openTempDatabase();
    const hoa = person(db, 'Hoa');
    const zalo = account(db, hoa, 'zalo', 'z-hoa', 1_000);
    account(db, hoa, 'telegram', '101', 2_000, 2_500);
    expect(accountFor(db, hoa)).toEqual({ identityId: zalo, channel: 'zalo' });

    const lan = person(db, 'Lan');
    account(db, lan, 'zalo', 'z-lan', 1_000);
    const latest = account(db, lan, 'telegram', '102', 3_000);
    expect(accountFor(db, lan)).toEqual({ identityId: latest, channel: 'telegram' });

    const binh = person(db, 'Bình');
    const blocked = account(db, binh, 'telegram', '103', 1_000, 1_500);
    account(db, binh, 'zalo', 'z-binh', null);
    expect(accountFor(db, binh)).toEqual({ identityId: blocked, channel: 'telegram' });

    const never = person(db, 'Chưa nhắn');
    expect(accountFor(db, never)).toBeUndefined();
    expect(reachFor(db, [hoa, lan, never, hoa])).toEqual(new Map([
      [hoa, { identityId: zalo, channel: 'zalo' }],
      [lan, { identityId: latest, channel: 'telegram' }],
    ]));
  });
});

describe('notices for other people', () => {
  it('go to each person’s account once per key; someone with no account is recorded unreachable at once', () => {
    const { db } = openTempDatabase();
    const hoa = person(db, 'Hoa');
    const zalo = account(db, hoa, 'zalo', 'z-hoa', 1_000);
    account(db, hoa, 'telegram', '101', 2_000, 2_500);
    const never = person(db, 'Chưa nhắn');
    const notices = [
      { personId: hoa, key: `submitted:1:${hoa}`, message: { text: 'Sở Nội vụ đã gửi bản đăng ký.' } },
      { personId: never, key: `submitted:1:${never}`, message: { text: 'Sở Nội vụ đã gửi bản đăng ký.' } },
    ];
    expect(writeNotifications(db, notices, 5_000)).toBe(2);
    expect(writeNotifications(db, notices, 6_000)).toBe(0);
    expect(rows(db)).toEqual([
      { key: `submitted:1:${hoa}`, personId: hoa, identityId: zalo, channel: 'zalo', status: 'pending', error: null, payload: '{"text":"Sở Nội vụ đã gửi bản đăng ký."}' },
      { key: `submitted:1:${never}`, personId: never, identityId: null, channel: 'console', status: 'unreachable', error: NO_ACCOUNT, payload: '{"text":"Sở Nội vụ đã gửi bản đăng ký."}' },
    ]);
  });
});

describe('a job’s messages', () => {
  it('go to the account that asked, once per job and file, and nowhere when that account is gone', () => {
    const { db } = openTempDatabase();
    const hoa = person(db, 'Hoa');
    const asked = account(db, hoa, 'telegram', '101', 1_000);
    const files = [{ text: 'Đã xuất 2 tệp', file: { path: '/tmp/a.xlsx', name: 'a.xlsx' } }, { text: '', file: { path: '/tmp/b.csv', name: 'b.csv' } }];
    writeJobMessages(db, 7, { personId: hoa, identityId: asked }, files, 5_000);
    writeJobMessages(db, 7, { personId: hoa, identityId: asked }, files, 6_000);
    writeJobMessages(db, 8, { personId: hoa, identityId: asked + 100 }, files, 6_000);
    expect(rows(db)).toEqual(
      files.map((payload, i) => ({ key: `job:7:${i}`, personId: hoa, identityId: asked, channel: 'telegram', status: 'pending', error: null, payload: JSON.stringify(payload) })),
    );
  });
});
