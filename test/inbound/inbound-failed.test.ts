import { describe, expect, it } from 'vitest';
import { cliSandbox, useCliSandboxes } from '../helpers/cli.ts';
import { useZaloHarnesses, zaloHarness } from '../channels/zalo/harness.ts';

useZaloHarnesses();
useCliSandboxes();

/** A fault of ours, standing in for a bug or a broken disk: storing these people's accounts fails. */
const failFor = (who: string[]) =>
  `CREATE TRIGGER boom BEFORE INSERT ON identities WHEN NEW.external_id IN (${who.map((w) => `'${w}'`).join(', ')}) BEGIN SELECT RAISE(ABORT, 'disk says no'); END`;

describe('thidua inbound', () => {
  it('lists the failed updates with their error, and --retry handles them once each, in each person’s order', async () => {
    const h = await zaloHarness();
    h.db.$client.exec(failFor(['userA', 'userB']));
    await h.say('userA', 'xin chào');
    await h.say('userA', '/trogiup');
    await h.say('userB', 'xin chào');
    // Each was told that something went wrong.
    expect(h.fake.messages('userA')).toHaveLength(2);
    const cli = cliSandbox({ DATABASE_PATH: h.temp.path });

    const listed = await cli.run('inbound', '--failed', '--lang', 'en');
    expect(listed.code).toBe(0);
    expect(listed.stdout).toContain('3 incoming messages failed to be handled:');
    expect(listed.stdout).toMatch(/#\d+ · 15\/02\/2020 \d\d:\d\d · zalo · userA: "\/trogiup" — .*disk says no/);
    const json = JSON.parse((await cli.run('inbound', '--failed', '--json')).stdout) as { id: number; event: { externalId: string } }[];
    expect(json.map((u) => u.event.externalId)).toEqual(['userA', 'userA', 'userB']);

    // The fault is fixed for B only: B's message is handled; A's first fails again, so A's second waits.
    h.db.$client.exec('DROP TRIGGER boom');
    h.db.$client.exec(failFor(['userA']));
    const partly = await cli.run('inbound', '--retry', '--json');
    expect(partly.code).toBe(1);
    expect(JSON.parse(partly.stdout)).toMatchObject({ handled: 1, failed: 1, waiting: 1 });
    const queued = () =>
      h.rows<{ key: string; text: string }>(
        "SELECT o.dedupe_key AS key, json_extract(o.payload, '$.text') AS text FROM outbox o WHERE dedupe_key LIKE 'reply:zalo:%' ORDER BY o.id",
      );
    // Keyed by the update (the messenger's own message id), then the time and the reply's place.
    expect(new Set(queued().map((r) => r.key.replace(/:\d+:\d+$/, '')))).toEqual(new Set(['reply:zalo:msg3-userB']));

    h.db.$client.exec('DROP TRIGGER boom');
    const rest = await cli.run('inbound', '--retry', '--lang', 'en');
    expect(rest.code).toBe(0);
    expect(rest.stdout).toContain('Handled again: 2; still failing: 0; waiting because an earlier message of the same person still fails: 0.');
    expect(rest.stdout).toContain('the bot sends them when it starts');
    const replies = queued();
    // A's answers in the order A wrote: the greeting's before the help's, each to A's account.
    const forA = replies.filter((r) => r.key.includes('userA')).map((r) => r.key.replace(/:\d+:\d+$/, ''));
    expect([...new Set(forA)]).toEqual(['reply:zalo:msg1-userA', 'reply:zalo:msg2-userA']);
    expect(h.rows("SELECT DISTINCT i.external_id AS who FROM outbox o JOIN identities i ON i.id = o.identity_id WHERE o.dedupe_key LIKE 'reply:zalo:msg_-userA%'")).toEqual([{ who: 'userA' }]);

    // Exactly once: nothing is left to retry, and nothing more is queued.
    expect((await cli.run('inbound', '--retry', '--lang', 'en')).stdout).toContain('No incoming message has failed.');
    expect(queued()).toEqual(replies);
    expect(h.rows('SELECT id FROM inbound_queue WHERE error IS NOT NULL')).toEqual([]);
  });
});
