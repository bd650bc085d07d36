import { Api } from 'grammy';
import type { Update } from 'grammy/types';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LongPoller } from '../../../src/channels/telegram/poller.ts';
import { silentLogger } from '../../../src/util/log.ts';
import { FAKE_TOKEN, FakeBotApi, tg } from '../../helpers/fake-telegram.ts';
import { waitFor } from '../../helpers/wait.ts';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('Telegram long polling (our loop over the Bot API)', () => {
  let api: FakeBotApi;
  let poller: LongPoller | undefined;

  beforeEach(async () => {
    api = await new FakeBotApi().start();
    api.roundTripMs = 40;
  });

  afterEach(async () => {
    poller?.stopFetching();
    await api.close();
  });

  const start = (handle: (updates: Update[]) => Promise<void>) => {
    poller = new LongPoller({ api: new Api(FAKE_TOKEN, { apiRoot: api.root }), allowedUpdates: ['message'], handle, log: silentLogger });
    return poller.start();
  };
  const offsets = () => api.calls.filter((c) => c.method === 'getUpdates').map((c) => Number(c.payload.offset));

  it('asks for the next updates while it handles the ones in hand, and confirms only what is handled', async () => {
    const handled: number[] = [];
    let asksWhileHandling = 0;
    void start(async (updates) => {
      const asked = offsets().length;
      await sleep(150); // slower than a round trip
      asksWhileHandling += offsets().length - asked;
      handled.push(...updates.map((u) => u.update_id));
    });
    const first = api.pushUpdate(tg.text(1, 'một'));
    await sleep(100);
    const second = api.pushUpdate(tg.text(2, 'hai'));
    const third = api.pushUpdate(tg.text(3, 'ba'));
    await sleep(700);

    expect(handled).toEqual([first, second, third]);
    expect(asksWhileHandling).toBeGreaterThan(0);
    // Each call's offset is one past what was handled when it was made: never past an unhandled update.
    expect(offsets()[0]).toBe(1);
    expect(offsets()).toContain(third + 1);
    expect(Math.max(...offsets())).toBe(third + 1);
  });

  it('hands every update over once, in update_id order, though a batch comes back while it is handled', async () => {
    const handled: number[] = [];
    void start(async (updates) => {
      await sleep(60);
      handled.push(...updates.map((u) => u.update_id));
    });
    const pushed: number[] = [];
    for (let i = 0; i < 30; i++) {
      pushed.push(api.pushUpdate(tg.text(100 + (i % 4), `tin ${i}`)));
      await sleep(7);
    }
    await sleep(600);
    expect(handled).toEqual(pushed);
  });

  it('stops asking on stop(), after the updates in hand, and leaves unhandled ones for the next start', async () => {
    let release!: () => void;
    const handled: number[] = [];
    void start(async (updates) => {
      handled.push(...updates.map((u) => u.update_id));
      await new Promise<void>((resolve) => (release = resolve));
    });
    const first = api.pushUpdate(tg.text(1, 'một'));
    await sleep(150);
    const stopping = poller!.stop();
    release();
    await stopping;
    api.pushUpdate(tg.text(2, 'hai'));
    await sleep(150);

    expect(handled).toEqual([first]);
    // The last call told Telegram the first update was taken; the second waits for the next process.
    expect(offsets().at(-1)).toBe(first + 1);
    expect(api.pendingUpdates()).toBe(1);
  });

  it('takes updates Telegram numbers anew below the last handled (after a quiet week), says so, and goes on from them', async () => {
    const handled: { ids: number[]; renumbered: boolean }[] = [];
    poller = new LongPoller({
      api: new Api(FAKE_TOKEN, { apiRoot: api.root }),
      allowedUpdates: ['message'],
      handle: async (updates, renumbered) => void handled.push({ ids: updates.map((u) => u.update_id), renumbered }),
      log: silentLogger,
    });
    void poller.start();
    const before = api.pushUpdate({ update_id: 90_000, ...tg.text(1, 'trước Tết') });
    await waitFor(() => handled.length === 1, 'the first update');
    // A week without updates: the poller waits in a long poll past the last one handled.
    await waitFor(() => offsets().includes(before + 1), 'the long poll after it');
    await sleep(100);

    api.restartUpdateIds(37);
    const after = api.pushUpdate(tg.text(1, 'sau Tết'));
    await waitFor(() => handled.length === 2, 'the renumbered update');
    const next = api.pushUpdate(tg.text(1, 'tin tiếp'));
    await waitFor(() => handled.length === 3, 'the one after it');
    await sleep(150);

    expect(handled).toEqual([
      { ids: [before], renumbered: false },
      { ids: [after], renumbered: true },
      { ids: [next], renumbered: false },
    ]);
    // The offsets start again from the new numbers: each update confirmed only once handled.
    expect(offsets().at(-1)).toBe(next + 1);
    expect(api.pendingUpdates()).toBe(0);
  });

  it('tries again after a failed call, and gives up with the error when another process polls the same bot (409)', async () => {
    const handled: number[] = [];
    api.roundTripMs = 0;
    api.fail('getUpdates', 502, 'Bad Gateway');
    const id = api.pushUpdate(tg.text(1, 'một'));
    poller = new LongPoller({
      api: new Api(FAKE_TOKEN, { apiRoot: api.root }),
      allowedUpdates: ['message'],
      handle: async (updates) => void handled.push(...updates.map((u) => u.update_id)),
      log: silentLogger,
    });
    const polling = poller.start();
    await sleep(1_400); // the first retry comes after 1 s
    expect(handled).toEqual([id]);

    api.fail('getUpdates', 409, 'Conflict: terminated by other getUpdates request', { times: 10 });
    api.pushUpdate(tg.text(1, 'hai'));
    await expect(polling).rejects.toMatchObject({ error_code: 409 });
  });
});
