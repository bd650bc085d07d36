import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { cliSandbox, FEB_15_2020, useCliSandboxes } from '../helpers/cli.ts';
import { FAKE_TOKEN, FakeBotApi } from '../helpers/fake-telegram.ts';
import { APP_ID, OA_SECRET_KEY, startFakeZalo, type FakeZalo } from '../channels/zalo/fake-zalo.ts';
import { BOT_TOKEN, startFakeZaloBot } from '../channels/zalobot/fake-zalobot.ts';

useCliSandboxes();
const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

const WEBHOOK = 'https://thidua.namdinh.gov.vn/telegram/webhook';

async function fakes(): Promise<{ api: FakeBotApi; zalo: FakeZalo }> {
  const api = await new FakeBotApi().start();
  const zalo = await startFakeZalo();
  cleanups.push(() => api.close(), () => zalo.close());
  return { api, zalo };
}

/** A sandbox configured for both messengers against the fakes, with the Zalo tokens stored. */
async function configured(api: FakeBotApi, zalo: FakeZalo, extra: Record<string, string> = {}) {
  const cli = cliSandbox({
    TELEGRAM_BOT_TOKEN: FAKE_TOKEN,
    TELEGRAM_API_ROOT: api.root,
    TELEGRAM_WEBHOOK_URL: WEBHOOK,
    ZALO_APP_ID: APP_ID,
    ZALO_APP_SECRET: 'test-app-secret',
    ZALO_OA_SECRET_KEY: OA_SECRET_KEY,
    ZALO_API_BASE: zalo.base,
    ZALO_OAUTH_BASE: zalo.base,
    ...extra,
  });
  expect((await cli.run('zalo-tokens', '--access', zalo.valid.access, '--refresh', zalo.valid.refresh)).code).toBe(0);
  return cli;
}

describe('thidua doctor', () => {
  it('names a messenger only half set up, asking it nothing, and the others off', async () => {
    const cli = cliSandbox({ TELEGRAM_BOT_TOKEN: '', ZALO_APP_ID: APP_ID, ZALO_APP_SECRET: '', ZALO_OA_SECRET_KEY: OA_SECRET_KEY, ZALO_BOT_TOKEN: '', ZALO_BOT_WEBHOOK_URL: 'https://thidua.namdinh.gov.vn/zalobot/webhook' });
    const out = await cli.run('doctor', '--lang', 'en');
    expect(out.code).toBe(1);
    const lines = out.stdout.split('\n');
    expect(lines).toContain('✗ Zalo OA: only half set up (ZALO_APP_ID, ZALO_OA_SECRET_KEY set, ZALO_APP_SECRET missing); the bot will not start. Set the missing variables, or leave ZALO_APP_ID, ZALO_OA_SECRET_KEY empty.');
    expect(lines).toContain('✗ Zalo Bot Platform: only half set up (ZALO_BOT_WEBHOOK_URL set, ZALO_BOT_TOKEN missing); the bot will not start. Set the missing variables, or leave ZALO_BOT_WEBHOOK_URL empty.');
    expect(lines).toContain('✓ Telegram: not configured (TELEGRAM_BOT_TOKEN is empty).');
    expect(out.stdout).not.toContain('Zalo OA: not configured');
  });

  it('says all is well, in Vietnamese, when tokens, webhook, database and backups are in order', async () => {
    const { api, zalo } = await fakes();
    api.webhookUrl = WEBHOOK;
    const cli = await configured(api, zalo, { PUBLIC_BASE_URL: 'https://thidua.example.gov.vn' });
    await cli.run('backup');

    const out = await cli.run('doctor');
    expect(out.stderr).toBe('');
    expect(out.code).toBe(0);
    expect(out.stdout).toContain('✓ Múi giờ Asia/Ho_Chi_Minh; bây giờ là 15/02/2020 10:00.');
    expect(out.stdout).toContain('✓ Telegram: mã bot hợp lệ (@thidua_test_bot).');
    expect(out.stdout).toContain(`✓ Telegram: webhook đã đăng ký tại ${WEBHOOK}.`);
    expect(out.stdout).toContain('✓ Zalo OA: mã truy cập hợp lệ (OA "Ban Thi đua - Khen thưởng"');
    expect(out.stdout).toContain('✓ Tệp Zalo không nhận (bảng tính, CSV, tệp trên 5 MB) được gửi bằng đường link có chữ ký tại https://thidua.example.gov.vn/files/…');
    expect(out.stdout).toContain('✓ Bot không chạy trên cơ sở dữ liệu này');
    expect(out.stdout).toMatch(/✓ Ổ đĩa còn [\d.]+ MB trống\./);
    expect(out.stdout).toMatch(/✓ Bản sao lưu mới nhất: .*thidua-20200215-030000\.db \(lúc 15\/02\/2020 10:00\); giữ 14 bản gần nhất\./);
    expect(out.stdout).toContain('Mọi thứ đều ổn.');
    expect(out.stdout).not.toMatch(/^[!✗]/m);
    // It asked the messengers themselves.
    expect(api.callsOf('getMe')).toHaveLength(1);
    expect(zalo.requests.some((r) => r.path === '/v2.0/oa/getoa')).toBe(true);
  });

  it('says what to fix, in English with --lang en: a revoked token, a webhook not registered, Zalo refusing, no backup, another zone', async () => {
    const { api, zalo } = await fakes();
    const cli = await configured(api, zalo, { TZ: 'Asia/Bangkok', BACKUP_AT: 'off' });
    api.fail('getMe', 401, 'Unauthorized');
    zalo.valid = { access: 'A-NEWER-ACCESS-TOKEN-0002', refresh: 'A-NEWER-REFRESH-TOKEN-002' };
    // A message that failed yesterday, not retried yet.
    const db = new Database(cli.dbPath);
    db.prepare("INSERT INTO inbound_queue (channel, key, event, received_at, processed_at, error) VALUES ('zalo', 'm1', '{}', ?, ?, 'SqliteError: boom')").run(FEB_15_2020 - 86_400_000, FEB_15_2020 - 86_400_000);
    db.close();

    const out = await cli.run('doctor', '--lang', 'en');
    expect(out.code).toBe(1);
    const lines = out.stdout.split('\n');
    expect(lines).toContain('! The time zone is Asia/Bangkok (it is now 15/02/2020 10:00): deadlines, quiet hours and dates follow it. Provinces of Viet Nam use TZ=Asia/Ho_Chi_Minh.');
    expect(lines).toContain(
      '✗ Telegram refuses the bot token (401 Unauthorized): it was revoked or mistyped. Get a new one from @BotFather, put it in TELEGRAM_BOT_TOKEN and restart the bot.',
    );
    expect(out.stdout).toContain('✗ Zalo refuses the access token (-216');
    expect(out.stdout).toContain('! Scheduled backups are off (BACKUP_AT=off).');
    expect(out.stdout).toContain('! PUBLIC_BASE_URL is not set: Zalo users cannot get workbooks');
    expect(out.stdout).toContain('! No backup yet in');
    expect(out.stdout).toContain('! 1 incoming message that failed earlier still waits. See them: npx thidua inbound --failed');
    expect(out.stdout).toContain('2 things to fix (marked ✗).');

    // The token is fine again, but Telegram has no webhook at the configured address.
    const again = await cli.run('doctor', '--lang', 'en', '--json');
    const report = JSON.parse(again.stdout) as { ok: boolean; findings: { severity: string; code: string; message: string }[] };
    expect(report.ok).toBe(false);
    expect(report.findings.find((f) => f.code === 'doctor-telegram-webhook-missing')).toMatchObject({
      severity: 'fail',
      message: expect.stringContaining(`no webhook registered at ${WEBHOOK} (Telegram has: —)`),
    });
  });

  it('says the database is busy (a warning: it passes by itself) while another program holds its lock', async () => {
    const cli = cliSandbox();
    await cli.run('migrate');
    // Someone has thidua.db open in a SQLite browser, in the middle of an edit.
    const other = new Database(cli.dbPath);
    other.exec('BEGIN EXCLUSIVE');
    try {
      const out = await cli.run('doctor', '--lang', 'en');
      expect(out.code).toBe(0);
      expect(out.stdout).toContain('! Degraded: database busy, another program holds its write lock (SQLITE_BUSY: database is locked).');
      expect(out.stdout).not.toContain('cannot be written');
    } finally {
      other.close();
    }
    expect((await cli.run('doctor', '--lang', 'en')).stdout).not.toContain('database busy');
  }, 20_000);

  it('checks the Zalo Bot Platform token, and says whether ZNS is set up', async () => {
    const { api, zalo } = await fakes();
    const bot = await startFakeZaloBot();
    cleanups.push(() => bot.close());
    const cli = await configured(api, zalo, { ZALO_BOT_TOKEN: BOT_TOKEN, ZALO_BOT_API_BASE: bot.base, ZALO_ZNS_TEMPLATE_ID: '424242' });
    const run = await cli.run('doctor');
    expect(run.stdout).toContain('Zalo Bot Platform: mã bot hợp lệ (bot "bot.ThiDuaNamDinh", nhận tin bằng long polling).');
    expect(run.stdout).toContain('ZNS: tin nhắc tới người quá 7 ngày chưa nhắn cho OA được gửi theo mẫu 424242');
    const refused = await cliSandbox({ ...cli.env, ZALO_BOT_TOKEN: '1459232241454765289:revoked-token' }).run('doctor');
    expect(refused.code).toBe(1);
    expect(refused.stdout).toContain('Zalo Bot Platform từ chối mã bot');
  });
});
