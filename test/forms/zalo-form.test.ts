import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { FilledForm } from '../helpers/forms.ts';
import { fixtureJson } from '../channels/zalo/fake-zalo.ts';
import { createSignedLinks } from '../../src/http/signed-links.ts';
import { DAY, textOf, useZaloHarnesses, zaloHarness, type ZaloHarness } from '../channels/zalo/harness.ts';

useZaloHarnesses();

const USER = '246845883529197922';

/** A user_send_file event as Zalo sends it, its link pointing at the fake's file storage. */
function fileEvent(h: ZaloHarness, name: string, size: number, msgId: string): Record<string, unknown> {
  const sample = fixtureJson('user_send_file.constructed.json');
  // Zalo knows the message the bot will answer by its id.
  h.fake.inbound(USER, msgId, h.clock.now());
  const attachment = { type: 'file', payload: { size: String(size), name, checksum: 'x', type: 'xlsx', url: `${h.fake.base}/files/${encodeURIComponent(name)}` } };
  return { ...sample, sender: { id: USER }, message: { msg_id: msgId, attachments: [attachment] } };
}

function sentFormPath(h: ZaloHarness): string {
  const row = h.rows<{ payload: string }>("SELECT payload FROM outbox WHERE json_extract(payload, '$.file') IS NOT NULL ORDER BY id DESC")[0]!;
  return (JSON.parse(row.payload) as { file: { path: string } }).file.path;
}

const snvTargets = (h: ZaloHarness) =>
  h.rows(
    "SELECT t.text, t.kind, t.planned_value FROM targets t JOIN registrations r ON r.id = t.registration_id JOIN units u ON u.id = r.unit_id WHERE u.code = 'SNV' AND t.deleted_at IS NULL ORDER BY t.id",
  );

describe('the registration form over Zalo', () => {
  it('uploads the form to the person, downloads the filled one from the user_send_file link at once, saves on confirmation', async () => {
    const h = await zaloHarness({}, { links: (harness) => createSignedLinks({ db: harness.db, baseUrl: 'https://thidua.example.vn', secret: 'k'.repeat(32), clock: harness.clock, log: harness.log, defaultTtlMs: DAY }) });
    await h.say(USER, `/start ${h.invite('SNV')}`);
    await h.say(USER, '/dangky');
    await h.say(USER, 'Nhận biểu mẫu Excel');
    // Zalo's upload takes no workbook: the form went out as the person's own signed link.
    expect(h.fake.messages(USER).some((m) => /dang-ky-SNV-2020\.xlsx.*https:\/\/thidua\.example\.vn\/files\//s.test(m.text ?? ''))).toBe(true);

    const form = await FilledForm.open(sentFormPath(h));
    form
      .set(1, { area: '9. Công tác thi đua, khen thưởng', text: 'Số lớp tập huấn nghiệp vụ thi đua', kind: 'Định lượng', measure: 'lớp', plan: 4 })
      .set(2, { area: '6', text: 'Tỷ lệ hồ sơ giải quyết đúng hạn', measure: '%', plan: '98,5', direction: 'Không thấp hơn' })
      .set(3, { area: '8', text: 'Không để xảy ra sự cố mất an toàn thông tin', kind: 'Định tính' });
    const bytes = Buffer.from(await form.workbook.xlsx.writeBuffer());
    h.fake.files.set('dang-ky-SNV-2020.xlsx', bytes);
    expect(await h.postEvent(fileEvent(h, 'dang-ky-SNV-2020.xlsx', bytes.length, 'file-1'))).toBe(200);
    const summary = textOf(h.newMessages(USER));
    expect(h.fake.downloads).toEqual(['dang-ky-SNV-2020.xlsx']);
    expect(summary).toContain('Đã nhận tệp dang-ky-SNV-2020.xlsx');
    expect(summary).toContain('Thêm 3, sửa 0, xóa 0');
    expect(snvTargets(h)).toEqual([]);

    expect(textOf(await h.press(USER, 'Lưu'))).toContain('✔ Đã lưu.');
    expect(snvTargets(h)).toEqual([
      { text: 'Số lớp tập huấn nghiệp vụ thi đua', kind: 'quantitative', planned_value: 4 },
      { text: 'Tỷ lệ hồ sơ giải quyết đúng hạn', kind: 'quantitative', planned_value: 98.5 },
      { text: 'Không để xảy ra sự cố mất an toàn thông tin', kind: 'qualitative', planned_value: null },
    ]);
  });

  it('a file whose link is gone is asked for again, and nothing changes', async () => {
    const h = await zaloHarness();
    await h.say(USER, `/start ${h.invite('SNV')}`);
    await h.say(USER, '/dangky');
    await h.say(USER, 'Nhận biểu mẫu Excel');
    await h.postEvent(fileEvent(h, 'het-han.xlsx', 5_000, 'file-2'));
    const answer = textOf(h.newMessages(USER));
    expect(answer).toContain('Chưa tải được tệp từ ứng dụng nhắn tin. Xin gửi lại tệp.');
    expect(snvTargets(h)).toEqual([]);
  });
});

describe('where a Zalo file is downloaded from', () => {
  const formsIn = (h: ZaloHarness) => join(h.temp.dir, 'forms', 'in');
  const REFUSAL = 'Tệp này không đến từ máy chủ tệp của Zalo nên bot không tải về.';

  /** A registering liaison sends a user_send_file event whose link is `url`; returns what they were told. */
  async function sendLink(h: ZaloHarness, url: string, msgId: string): Promise<string> {
    await h.say(USER, `/start ${h.invite('SNV')}`);
    await h.say(USER, '/dangky');
    await h.say(USER, 'Nhận biểu mẫu Excel');
    const event = fileEvent(h, 'dang-ky-SNV-2020.xlsx', 5_000, msgId);
    const message = event.message as { attachments: { payload: Record<string, unknown> }[] };
    message.attachments[0]!.payload.url = url;
    expect(await h.postEvent(event)).toBe(200);
    return textOf(h.newMessages(USER));
  }

  /** The refusal was said, nothing was downloaded or kept, nothing changed. */
  function expectRefused(h: ZaloHarness, answer: string): void {
    expect(answer).toContain(REFUSAL);
    expect(h.fake.downloads).toEqual([]);
    expect(existsSync(formsIn(h)) ? readdirSync(formsIn(h)) : []).toEqual([]);
    expect(h.rows('SELECT stored_path FROM form_uploads')).toEqual([{ stored_path: null }]);
    expect(snvTargets(h)).toEqual([]);
  }

  const workbook = async () => Buffer.from(await new ExcelJS.Workbook().xlsx.writeBuffer());

  it('refuses a link to a host off the list (the defaults: Zalo’s own file hosts), without connecting', async () => {
    const h = await zaloHarness({ ZALO_FILE_HOSTS: '', ZALO_FILE_ALLOW_ADDRESSES: '' });
    h.fake.files.set('dang-ky-SNV-2020.xlsx', await workbook());
    expectRefused(h, await sendLink(h, `${h.fake.base}/files/dang-ky-SNV-2020.xlsx`, 'off-list'));
    expect(h.logs.some((line) => line.includes('download refused (host): 127.0.0.1'))).toBe(true);
  });

  it('refuses 127.0.0.1 even on the list, unless the configuration allows that address', async () => {
    const h = await zaloHarness({ ZALO_FILE_HOSTS: '127.0.0.1', ZALO_FILE_ALLOW_ADDRESSES: '' });
    h.fake.files.set('dang-ky-SNV-2020.xlsx', await workbook());
    expectRefused(h, await sendLink(h, `${h.fake.base}/files/dang-ky-SNV-2020.xlsx`, 'loopback'));
    expect(h.logs.some((line) => line.includes('download refused (address): 127.0.0.1'))).toBe(true);
  });

  it('refuses a name that resolves to a loopback address (checked on what DNS answers)', async () => {
    const h = await zaloHarness({ ZALO_FILE_HOSTS: 'localhost', ZALO_FILE_ALLOW_ADDRESSES: '' });
    h.fake.files.set('dang-ky-SNV-2020.xlsx', await workbook());
    expectRefused(h, await sendLink(h, h.fake.base.replace('127.0.0.1', 'localhost') + '/files/dang-ky-SNV-2020.xlsx', 'localhost'));
    expect(h.logs.some((line) => /download refused \(address\): localhost → (127\.0\.0\.1|::1)/.test(line))).toBe(true);
  });

  it.each([
    ['a private address', 'http://10.20.30.40/files/x.xlsx', '10.20.30.40'],
    ['a link-local address (cloud metadata)', 'http://169.254.169.254/latest/meta-data', '169.254.169.254'],
    ['an IPv4-mapped IPv6 loopback', 'http://[::ffff:127.0.0.1]:9/files/x.xlsx', '::ffff:7f00:1'],
    ['the IPv6 loopback', 'http://[::1]:9/files/x.xlsx', '::1'],
  ])('refuses %s before connecting to it', async (_what, url, shown) => {
    const host = new URL(url).hostname.replace(/^\[|\]$/g, '');
    const h = await zaloHarness({ ZALO_FILE_HOSTS: host, ZALO_FILE_ALLOW_ADDRESSES: '' });
    const started = Date.now();
    expectRefused(h, await sendLink(h, url, `private-${host}`));
    // Refused on sight: no connection was tried (10.x would have waited for a timeout).
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(h.logs.some((line) => line.includes(`download refused (address): ${shown}`))).toBe(true);
  });

  it('refuses a redirect from an allowed host to a private address, and one to a host off the list', async () => {
    const h = await zaloHarness({ ZALO_FILE_HOSTS: '127.0.0.1,10.0.0.7', ZALO_FILE_ALLOW_ADDRESSES: '127.0.0.1' });
    h.fake.redirects.set('dang-ky-SNV-2020.xlsx', 'http://10.0.0.7/admin/secret.csv');
    h.fake.redirects.set('to-elsewhere.xlsx', 'https://files.example.com/x.xlsx');
    const answer = await sendLink(h, `${h.fake.base}/files/dang-ky-SNV-2020.xlsx`, 'redirect-private');
    expect(answer).toContain(REFUSAL);
    expect(h.logs.some((line) => line.includes('download refused (address): 10.0.0.7'))).toBe(true);

    const event = fileEvent(h, 'to-elsewhere.xlsx', 5_000, 'redirect-off-list');
    expect(await h.postEvent(event)).toBe(200);
    expect(textOf(h.newMessages(USER))).toContain(REFUSAL);
    expect(h.logs.some((line) => line.includes('download refused (host): files.example.com'))).toBe(true);
    // The allowed host was asked; nothing it pointed to was fetched, nothing kept.
    expect(h.fake.downloads).toEqual(['dang-ky-SNV-2020.xlsx', 'to-elsewhere.xlsx']);
    expect(existsSync(formsIn(h)) ? readdirSync(formsIn(h)) : []).toEqual([]);
    expect(snvTargets(h)).toEqual([]);
  });

  it('follows a redirect that stays on the list', async () => {
    const h = await zaloHarness();
    const bytes = await workbook();
    h.fake.files.set('stored.xlsx', bytes);
    h.fake.redirects.set('dang-ky-SNV-2020.xlsx', `${h.fake.base}/files/stored.xlsx`);
    const answer = await sendLink(h, `${h.fake.base}/files/dang-ky-SNV-2020.xlsx`, 'redirect-ok');
    expect(answer).not.toContain(REFUSAL);
    expect(h.fake.downloads).toEqual(['dang-ky-SNV-2020.xlsx', 'stored.xlsx']);
    expect(readdirSync(formsIn(h))).toHaveLength(1);
  });
});
