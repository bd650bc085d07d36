/**
 * What the Board sees of the Zalo OA's spending: `thidua zalo-quota` (and its settings: the budget,
 * what happens beyond it, the reach order of reminders) and the admins' /tinhhinh.
 */
import { describe, expect, it } from 'vitest';
import { recordQuota } from '../../src/delivery/zalo-quota.ts';
import { openDatabase, closeDatabase } from '../../src/db/connection.ts';
import { chatHarness } from '../helpers/chat.ts';
import { cliSandbox, FEB_15_2020, useCliSandboxes } from '../helpers/cli.ts';
import { useTempDatabases } from '../helpers/db.ts';

useCliSandboxes();
useTempDatabases();

function spend(path: string, kinds: ('reply' | 'proactive' | 'zns')[]): void {
  const db = openDatabase(path);
  for (const [i, kind] of kinds.entries()) recordQuota(db, { at: FEB_15_2020 + i, recipient: `u${i}`, kind, quota: kind === 'proactive' ? { quota_type: 'sub_quota', remain: String(990 - i), total: '1000' } : undefined });
  closeDatabase(db);
}

describe('thidua zalo-quota', () => {
  it('shows the month’s spending against the budget, and sets the budget, what happens beyond it and the reach order', async () => {
    const cli = cliSandbox();
    expect((await cli.run('load-sample')).code).toBe(0);
    spend(cli.dbPath, ['reply', 'reply', 'reply', 'proactive', 'proactive', 'zns']);
    const shown = await cli.run('zalo-quota');
    expect(shown.code).toBe(0);
    expect(shown.stdout).toContain('Zalo OA tháng 02/2020: 2/1.000 tin chủ động (còn 998), 3 tin phản hồi miễn phí, 1 tin ZNS.');
    expect(shown.stdout).toContain('Khi hết hạn mức: tin gửi qua kênh khác của người nhận');
    expect(shown.stdout).toContain('Zalo báo còn 986 tin chủ động miễn phí trong tháng.');
    expect(shown.stdout).toContain('Tin nhắc không tới được qua Zalo thì thử lần lượt: Telegram → Zalo Bot → tin ZNS theo số điện thoại → Ban gọi điện.');

    const set = await cli.run('zalo-quota', '--budget', '500', '--over', 'wait', '--reach', 'zns,telegram,call', '--json');
    expect(set.code).toBe(0);
    expect(JSON.parse(set.stdout)).toMatchObject({ proactive: 2, left: 498, budget: { monthly: 500, over: 'wait' }, reachOrder: ['zns', 'telegram', 'call'] });
  });

  it('refuses what it cannot read, and changes nothing', async () => {
    const cli = cliSandbox();
    await cli.run('load-sample');
    for (const [args, message] of [
      [['--budget', 'nhiều'], 'Hạn mức "nhiều" không hợp lệ'],
      [['--over', 'later'], '"later" không hợp lệ. Chọn một trong: wait, fallback, report.'],
      [['--reach', 'call,telegram'], 'Thứ tự "call,telegram" không hợp lệ'],
      [['--reach', 'sms'], 'Thứ tự "sms" không hợp lệ'],
      [['--month', '2020-13'], 'Tháng "2020-13" không hợp lệ'],
    ] as const) {
      const run = await cli.run('zalo-quota', ...args);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain(message);
    }
    expect(JSON.parse((await cli.run('zalo-quota', '--json')).stdout)).toMatchObject({ budget: { monthly: 1000, over: 'fallback' }, reachOrder: ['telegram', 'zalobot', 'zns', 'call'] });
  });
});

describe('/tinhhinh', () => {
  it('shows the admins this month’s Zalo spending once the Board sends through the OA, and nobody else', () => {
    const h = chatHarness();
    h.link('9100', null, 'admin');
    h.link('2', 'HHH', 'cluster_head');
    expect(h.say('9100', '/tinhhinh')).not.toContain('Zalo OA tháng');
    recordQuota(h.db, { at: h.clock.now(), recipient: 'u1', kind: 'proactive' });
    recordQuota(h.db, { at: h.clock.now(), recipient: 'u1', kind: 'reply' });
    expect(h.say('9100', '/tinhhinh')).toContain('Zalo OA tháng 02/2020: 1/1.000 tin chủ động (còn 999), 1 tin phản hồi miễn phí, 0 tin ZNS.');
    expect(h.say('2', '/tinhhinh')).not.toContain('Zalo OA tháng');
  });
});
