import { describe, expect, it } from 'vitest';
import { closeDatabase, openDatabase } from '../../../src/db/connection.ts';
import { cliSandbox, FEB_15_2020, queryDatabase as query, useCliSandboxes } from '../../helpers/cli.ts';

useCliSandboxes();

const ACCESS = 'RfBh5NdqsWzhcX8bDDe_1A463Z34Fhy1GVi63AoTU1InwujqF';
const REFRESH = 'L2Y2BO9Prn_I1SkM08T4J99bZQYVbOBPfTVeRgrLdPK4ZqGX9G';

describe('thidua zalo-tokens', () => {
  it('stores the first pair, expiring in 25 hours by default, and never writes the tokens anywhere else', async () => {
    const cli = cliSandbox();
    const out = await cli.run('zalo-tokens', '--access', ACCESS, '--refresh', REFRESH);
    expect(out.code).toBe(0);
    expect(out.stdout).toBe('Đã lưu mã truy cập Zalo OA; access token hết hạn lúc 16/02/2020 11:00 và sẽ được tự làm mới trước đó.\n');
    expect(query(cli.dbPath, 'SELECT id, access_token, refresh_token, expires_at FROM zalo_tokens')).toEqual([
      { id: 1, access_token: ACCESS, refresh_token: REFRESH, expires_at: FEB_15_2020 + 90_000_000 },
    ]);
    const audit = query<{ action: string; after: string }>(cli.dbPath, 'SELECT action, after FROM audit_log');
    expect(audit.map((a) => a.action)).toEqual(['zalo.tokens.set']);
    expect(JSON.stringify(audit)).not.toContain(ACCESS.slice(0, 12));
    expect(out.stdout + out.stderr).not.toContain(ACCESS.slice(0, 12));

    const again = await cli.run('zalo-tokens', '--access', `${ACCESS}x`, '--refresh', `${REFRESH}x`, '--expires-in', '3600', '--json');
    expect(JSON.parse(again.stdout)).toEqual({ stored: true, expiresAt: new Date(FEB_15_2020 + 3_600_000).toISOString() });
    expect(query(cli.dbPath, 'SELECT count(*) AS n, max(access_token) AS a FROM zalo_tokens')).toEqual([{ n: 1, a: `${ACCESS}x` }]);
  });

  it('refuses a missing or malformed token and a wrong lifetime, storing nothing', async () => {
    const cli = cliSandbox();
    const cases: [string[], string][] = [
      [['--access', ACCESS], 'Cần cả --access và --refresh.'],
      [['--access', 'short', '--refresh', REFRESH], 'Giá trị của --access không giống một mã của Zalo'],
      [['--access', ACCESS, '--refresh', 'has a space in it somewhere'], 'Giá trị của --refresh không giống'],
      [['--access', ACCESS, '--refresh', REFRESH, '--expires-in', '25h'], 'Số giây "25h" không hợp lệ (từ 60 đến 2.592.000).'],
      [['--access', ACCESS, '--refresh', REFRESH, '--expires-in', '10'], 'Số giây "10" không hợp lệ'],
    ];
    for (const [args, message] of cases) {
      const out = await cli.run('zalo-tokens', ...args);
      expect(out.code).toBe(2);
      expect(out.stderr).toContain(message);
    }
    expect(query(cli.dbPath, 'SELECT count(*) AS n FROM zalo_tokens')).toEqual([{ n: 0 }]);
  });

  it('explains itself with --help, in both languages', async () => {
    const cli = cliSandbox();
    const vi = await cli.run('zalo-tokens', '--help');
    expect(vi.stdout).toContain('Lưu cặp mã truy cập đầu tiên của Zalo OA');
    expect(vi.stdout).toContain('--expires-in');
    const en = await cli.run('unreachable', '--help', '--lang', 'en');
    expect(en.stdout).toContain('List the people the bot could not reach');
    expect(en.stdout).toContain('--channel      Only one channel: zalo or telegram');
    expect((await cli.run('help')).stdout).toMatch(/zalo-tokens[\s\S]*unreachable/);
  });
});

describe('thidua unreachable', () => {
  async function withPeople() {
    const cli = cliSandbox();
    await cli.run('load-sample');
    const db = openDatabase(cli.dbPath);
    try {
      const run = (sql: string, ...params: unknown[]) => db.$client.prepare(sql).run(...params);
      const snv = (db.$client.prepare("SELECT id FROM units WHERE code = 'SNV'").get() as { id: number }).id;
      const hoa = run("INSERT INTO people (full_name, role, unit_id) VALUES ('Nguyễn Thị Hoa', 'liaison', ?)", snv).lastInsertRowid;
      const ban = run("INSERT INTO people (full_name, role) VALUES ('Trần Văn Ban', 'admin')").lastInsertRowid;
      run("INSERT INTO identities (person_id, channel, external_id, unreachable_at, unreachable_reason) VALUES (?, 'zalo', '2468', ?, 'window-expired')", hoa, Date.UTC(2020, 1, 14, 1, 30));
      run("INSERT INTO identities (person_id, channel, external_id, unreachable_at, unreachable_reason) VALUES (?, 'telegram', '777', ?, 'bot blocked by the user')", ban, Date.UTC(2020, 1, 13, 9, 0));
      run("INSERT INTO identities (channel, external_id, display_name, unreachable_at, unreachable_reason) VALUES ('zalo', '1357', 'Khách Zalo', ?, 'unfollowed')", Date.UTC(2020, 1, 12, 0, 0));
      run("INSERT INTO identities (person_id, channel, external_id) VALUES (?, 'telegram', '888')", hoa);
    } finally {
      closeDatabase(db);
    }
    return cli;
  }

  it('lists who could not be reached, latest first, with unit, channel, since when and why', async () => {
    const cli = await withPeople();
    const out = await cli.run('unreachable');
    expect(out.code).toBe(0);
    expect(out.stdout).toBe(
      [
        '3 tài khoản bot không nhắn tới được:',
        '  Nguyễn Thị Hoa — Sở Nội vụ · Zalo · từ 14/02/2020 08:30 · quá 7 ngày chưa nhắn cho OA, Zalo không cho gửi tin',
        '  Trần Văn Ban — (chưa gắn đơn vị) · Telegram · từ 13/02/2020 16:00 · bot blocked by the user',
        '  Khách Zalo — (chưa gắn đơn vị) · Zalo · từ 12/02/2020 07:00 · đã bỏ quan tâm OA',
        '',
      ].join('\n'),
    );
    const zalo = await cli.run('unreachable', '--channel', 'zalo', '--json', '--lang', 'en');
    expect(JSON.parse(zalo.stdout)).toEqual([
      { name: 'Nguyễn Thị Hoa', unit: 'Sở Nội vụ', unitCode: 'SNV', channel: 'zalo', externalId: '2468', since: '2020-02-14T01:30:00.000Z', reason: 'window-expired', linked: true },
      { name: 'Khách Zalo', unit: null, unitCode: null, channel: 'zalo', externalId: '1357', since: '2020-02-12T00:00:00.000Z', reason: 'unfollowed', linked: false },
    ]);
    const english = await cli.run('unreachable', '--channel', 'telegram', '--lang', 'en');
    expect(english.stdout).toContain('Trần Văn Ban — (no unit) · Telegram · since 13/02/2020 16:00 · bot blocked by the user');
  });

  it('says when everyone can be reached, and refuses an unknown channel', async () => {
    const cli = cliSandbox();
    expect((await cli.run('unreachable')).stdout).toBe('Bot nhắn tới được tất cả mọi người.\n');
    expect(JSON.parse((await cli.run('unreachable', '--json')).stdout)).toEqual([]);
    const bad = await cli.run('unreachable', '--channel', 'viber');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('Kênh "viber" không hợp lệ. Chọn một trong: zalo, telegram');
  });
});
