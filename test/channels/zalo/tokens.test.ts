import { afterEach, describe, expect, it } from 'vitest';
import { ZaloTokenError } from '../../../src/channels/zalo/errors.ts';
import { ZaloTokens } from '../../../src/channels/zalo/tokens.ts';
import { readTokenPair, storeTokenPair } from '../../../src/db/zalo-tokens.ts';
import { openDatabase, closeDatabase, type Db } from '../../../src/db/connection.ts';
import { fixedClock } from '../../../src/util/clock.ts';
import { createLogger } from '../../../src/util/log.ts';
import { openTempDatabase, useTempDatabases } from '../../helpers/db.ts';
import { APP_ID, fixtureJson, startFakeZalo, type FakeZalo } from './fake-zalo.ts';

useTempDatabases();
const fakes: FakeZalo[] = [];
const extraDbs: Db[] = [];
afterEach(async () => {
  for (const db of extraDbs.splice(0)) closeDatabase(db);
  for (const f of fakes.splice(0)) await f.close();
});

const NOW = Date.UTC(2020, 1, 15, 2, 0);
const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
const sample = fixtureJson('oauth_token.response.json');

async function setup(expiresIn: number) {
  const temp = openTempDatabase();
  const fake = await startFakeZalo();
  fakes.push(fake);
  const clock = fixedClock(NOW);
  const logs: string[] = [];
  const log = createLogger('debug', (l) => logs.push(l));
  storeTokenPair(temp.db, { accessToken: fake.valid.access, refreshToken: fake.valid.refresh, expiresAt: NOW + expiresIn }, NOW);
  const tokens = (db: Db = temp.db) => new ZaloTokens({ db, clock, log, oauthBase: fake.base, appId: APP_ID, appSecret: 'test-app-secret', pollMs: 20 });
  return { temp, fake, clock, logs, tokens };
}

describe('the Zalo token pair', () => {
  it('is used as stored while it has time left, and refreshed within five minutes of expiry', async () => {
    const { temp, fake, clock, tokens } = await setup(10 * MINUTE);
    const store = tokens();
    expect(await store.accessToken()).toBe('INITIAL-ACCESS-TOKEN-0001');
    expect(fake.oauthCalls()).toHaveLength(0);
    clock.advance(6 * MINUTE);
    expect(await store.accessToken()).toBe(sample.access_token);
    expect(fake.oauthCalls()).toHaveLength(1);
    expect(readTokenPair(temp.db)).toEqual({ accessToken: sample.access_token, refreshToken: sample.refresh_token, expiresAt: clock.now() + 90_000 * 1000 });
    expect(temp.db.$client.prepare('SELECT updated_at FROM zalo_tokens').get()).toEqual({ updated_at: clock.now() });
  });

  it('keeps the old pair when Zalo refuses the refresh, using the old token until it expires', async () => {
    const { temp, fake, clock, logs, tokens } = await setup(2 * MINUTE);
    const before = readTokenPair(temp.db);
    fake.nextOauth.push({ body: fixtureJson('oauth_error.constructed.json') });
    const store = tokens();
    expect(await store.accessToken()).toBe('INITIAL-ACCESS-TOKEN-0001');
    expect(readTokenPair(temp.db)).toEqual(before);
    expect(logs.join('')).toContain('zalo token refresh failed, using the current token');
    // Expired, and Zalo still refuses: no token rather than a dead one.
    clock.advance(3 * MINUTE);
    fake.nextOauth.push({ body: fixtureJson('oauth_error.constructed.json') });
    await expect(store.accessToken()).rejects.toThrow(ZaloTokenError);
    expect(readTokenPair(temp.db)).toEqual(before);
    expect(logs.join('')).not.toContain(before!.refreshToken);
  });

  it('never stores a pair with a token missing, or an answer of another shape', async () => {
    const { temp, fake, clock, tokens } = await setup(MINUTE);
    const before = readTokenPair(temp.db);
    clock.advance(2 * MINUTE); // expired: the refresh must succeed to get a token
    for (const body of [{ access_token: 'NEW-ACCESS-TOKEN-00000001', expires_in: '90000' }, { access_token: 'NEW-ACCESS-TOKEN-00000001', refresh_token: '', expires_in: '90000' }, 'Service Unavailable']) {
      fake.nextOauth.push({ body });
      await expect(tokens().accessToken()).rejects.toThrow(ZaloTokenError);
      expect(readTokenPair(temp.db)).toEqual(before);
    }
  });

  it('says so when no pair was ever stored', async () => {
    const temp = openTempDatabase();
    const store = new ZaloTokens({ db: temp.db, clock: fixedClock(NOW), log: createLogger('silent'), oauthBase: 'http://127.0.0.1:9', appId: APP_ID, appSecret: 's' });
    await expect(store.accessToken()).rejects.toThrow(/thidua zalo-tokens/);
  });

  it('makes one OAuth call for two refreshes at once in one process', async () => {
    const { temp, fake, tokens } = await setup(DAY);
    fake.oauthDelayMs = 150;
    const store = tokens();
    const stale = readTokenPair(temp.db)!.accessToken;
    const [a, b] = await Promise.all([store.refresh(stale), store.refresh(stale)]);
    expect([a, b]).toEqual([sample.access_token, sample.access_token]);
    expect(fake.oauthCalls()).toHaveLength(1);
  });

  it('makes one OAuth call for two processes refreshing at once: the second waits and reads the new pair', async () => {
    const { temp, fake, tokens } = await setup(DAY);
    fake.oauthDelayMs = 200;
    const other = openDatabase(temp.path); // a second process has its own connection
    extraDbs.push(other);
    const stale = readTokenPair(temp.db)!.accessToken;
    const [a, b] = await Promise.all([tokens().refresh(stale), tokens(other).refresh(stale)]);
    expect([a, b]).toEqual([sample.access_token, sample.access_token]);
    expect(fake.oauthCalls()).toHaveLength(1);
    expect(readTokenPair(other)?.refreshToken).toBe(sample.refresh_token);
    // The lease is given back.
    expect(temp.db.$client.prepare("SELECT count(*) AS n FROM settings WHERE key LIKE 'zalo.%'").get()).toEqual({ n: 0 });
  });

  it('takes over the lease of a process that died while refreshing', async () => {
    const { temp, fake, clock, tokens } = await setup(DAY);
    temp.db.$client.prepare("INSERT INTO settings (key, value, updated_at) VALUES ('zalo.tokens.refresh_lease', 'crashed-process', ?)").run(clock.now() - 31_000);
    expect(await tokens().refresh(readTokenPair(temp.db)!.accessToken)).toBe(sample.access_token);
    expect(fake.oauthCalls()).toHaveLength(1);
  });
});

