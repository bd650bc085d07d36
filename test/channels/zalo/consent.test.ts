/**
 * A phone number with consent, the Zalo way: where the OA has Zalo's `request_user_info` form, it
 * is offered with the question asked at linking; what the person sends back (user_submit_info)
 * becomes their phone, with their consent to ZNS reminders; and they can withdraw that consent by
 * a command (/ngungzns, /nozns), after which no ZNS message goes to them.
 */
import { describe, expect, it } from 'vitest';
import { fixtureJson } from './fake-zalo.ts';
import { textOf, useZaloHarnesses, zaloHarness, ZNS_ENV, type ZaloHarness } from './harness.ts';

useZaloHarnesses();

const USER = '246845883529697922'; // the sender of Zalo's sample user_submit_info
const FORM_ENV = { ...ZNS_ENV, ZALO_REQUEST_USER_INFO: 'on', ZALO_USER_INFO_IMAGE: 'https://thidua.example.gov.vn/zalo-form.png' };

const forms = (h: ZaloHarness) =>
  h.fake.requests.filter((r) => r.path === '/v3.0/oa/message/cs' && r.body.message.attachment?.payload?.template_type === 'request_user_info').map((r) => r.body.message.attachment.payload.elements);
const submitted = (phone: unknown) => ({ ...fixtureJson('user_submit_info.official-example.json'), info: { name: 'Trần Thị Bình', phone } });
const znsAccounts = (h: ZaloHarness) => h.rows("SELECT external_id, person_id IS NOT NULL AS linked FROM identities WHERE channel = 'zns'");

describe('Zalo’s request_user_info form', () => {
  it('is offered with the question at linking, and the number sent back is stored with the consent', async () => {
    const h = await zaloHarness(FORM_ENV);
    const asked = await h.say(USER, `/start ${h.invite('STC', 'liaison', 'Trần Thị Bình')}`);
    expect(textOf(asked)).toContain('tin ZNS của Zalo theo số điện thoại');
    expect(forms(h)).toEqual([
      [{ title: 'Số điện thoại nhận tin nhắc việc', subtitle: expect.stringContaining('Bấm để gửi số điện thoại Zalo'), image_url: FORM_ENV.ZALO_USER_INFO_IMAGE }],
    ]);
    // The form goes as a reply to the person's message, like the question: nothing proactive.
    expect(h.fake.proactiveCount()).toBe(0);

    expect(await h.postEvent(submitted('84912345678'))).toBe(200);
    expect(textOf(h.newMessages(USER))).toContain('Đã lưu số 0912345678');
    expect(znsAccounts(h)).toEqual([{ external_id: '84912345678', linked: 1 }]);
    expect(h.rows("SELECT p.phone FROM people p JOIN identities i ON i.person_id = p.id WHERE i.external_id = ?", USER)).toEqual([{ phone: '0912345678' }]);
    expect(h.rows("SELECT actor FROM audit_log WHERE action = 'person.zns-consent'")).toEqual([{ actor: `zalo:${USER}` }]);
  });

  it('is not offered when the OA does not have it (the default)', async () => {
    const h = await zaloHarness(ZNS_ENV);
    expect(textOf(await h.say(USER, `/start ${h.invite('STC')}`))).toContain('tin ZNS của Zalo theo số điện thoại');
    expect(forms(h)).toEqual([]);
  });

  it('from an account not linked, or without a mobile number, stores nothing and says why', async () => {
    const h = await zaloHarness(FORM_ENV);
    expect(await h.postEvent(submitted('84912345678'))).toBe(200);
    expect(textOf(h.newMessages(USER))).toContain('tài khoản Zalo này chưa liên kết');
    await h.say(USER, `/start ${h.invite('STC')}`);
    for (const phone of ['12345', undefined, 'không có']) {
      expect(await h.postEvent(submitted(phone))).toBe(200);
      expect(textOf(h.newMessages(USER))).toContain('không phải số di động Việt Nam');
    }
    expect(znsAccounts(h)).toEqual([]);
  });
});

describe('withdrawing the consent to ZNS', () => {
  it('/ngungzns lets the number go: waiting ZNS reminders are not sent; /nozns works too, and help lists it', async () => {
    const h = await zaloHarness(ZNS_ENV);
    await h.say(USER, `/start ${h.invite('STC', 'liaison', 'Trần Thị Bình')}`);
    expect(textOf(await h.say(USER, '0912 345 678'))).toContain('gõ /ngungzns');
    expect(textOf(await h.say(USER, '/trogiup'))).toContain('/ngungzns — thôi nhận tin nhắc ZNS');
    const { person_id: personId, id } = h.rows<{ person_id: number; id: number }>("SELECT person_id, id FROM identities WHERE channel = 'zns'")[0]!;
    h.db.$client
      .prepare("INSERT INTO outbox (dedupe_key, person_id, identity_id, channel, payload, not_before) VALUES ('zns-waiting', ?, ?, 'zns', ?, ?)")
      .run(personId, id, JSON.stringify({ text: 'Nhắc' }), h.clock.now() + 3_600_000);

    expect(textOf(await h.say(USER, '/ngungzns'))).toContain('Đã thôi nhắc việc qua tin ZNS');
    expect(znsAccounts(h)).toEqual([{ external_id: '84912345678', linked: 0 }]);
    expect(h.rows("SELECT status, last_error FROM outbox WHERE dedupe_key = 'zns-waiting'")).toEqual([{ status: 'failed', last_error: 'zns-consent-withdrawn' }]);
    // The number stays the person's, for the Board's calls.
    expect(h.rows('SELECT phone FROM people WHERE id = ?', personId)).toEqual([{ phone: '0912345678' }]);
    expect(textOf(await h.say(USER, '/nozns'))).toContain('chưa đồng ý nhận tin nhắc ZNS');
  });

  it('needs a linked account', async () => {
    const h = await zaloHarness(ZNS_ENV);
    const reply = textOf(await h.say(USER, '/nozns'));
    expect(reply).not.toContain('Đã thôi');
    expect(znsAccounts(h)).toEqual([]);
  });
});
