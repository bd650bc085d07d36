import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { currentMovement, listContentAreas } from '../../../src/domain/movements.ts';
import { addTarget, ensureRegistration, submitRegistration } from '../../../src/domain/registrations.ts';
import { MAX_BUTTONS, MAX_TEXT } from '../../../src/channels/zalo/render.ts';
import type { SentMessage } from './fake-zalo.ts';
import { textOf, useZaloHarnesses, zaloHarness, type ZaloHarness } from './harness.ts';

useZaloHarnesses();

const LIAISON = '246845883529197922';
const ADMIN = '3521178826104492837';

/** Every message with buttons the bot sent had at most five, each carrying a `#<seq>:<id>` payload. */
function expectButtonsWithinZaloLimits(messages: SentMessage[]) {
  for (const m of messages) {
    expect(m.text!.length).toBeLessThanOrEqual(MAX_TEXT);
    if (!m.buttons) continue;
    expect(m.buttons.length).toBeLessThanOrEqual(MAX_BUTTONS);
    for (const b of m.buttons) expect(b).toMatchObject({ type: 'oa.query.hide', payload: expect.stringMatching(/^#\d+:.+$/) });
  }
}

describe('the conversations over Zalo', () => {
  it('links by code, registers a target by buttons and typed numbers, submits, and the admin is told on Zalo', async () => {
    const h = await zaloHarness();
    await h.say(ADMIN, `/start ${h.invite(null, 'admin', 'Trần Văn Ban')}`);

    // Someone new writes: asked for the code; the code typed alone links the account.
    expect(textOf(await h.say(LIAISON, 'Chào anh chị'))).toContain('Mời gửi mã mời');
    const linked = await h.say(LIAISON, h.invite('SNV', 'liaison', 'Nguyễn Thị Hoa'));
    expect(textOf(linked)).toContain('Xin chào Nguyễn Thị Hoa — Cán bộ đầu mối, Sở Nội vụ');
    expect(linked.at(-1)!.buttons!.map((b) => b.payload)).toEqual(['#0:go:register', '#0:go:report', '#0:go:myunit', '#0:go:yearend', '#0:go:lang']);
    expect(h.rows("SELECT p.full_name, i.display_name FROM identities i JOIN people p ON p.id = i.person_id WHERE i.external_id = ?", LIAISON)).toEqual([
      { full_name: 'Nguyễn Thị Hoa', display_name: 'Nguyễn Thị Hoa' },
    ]);

    // The menu button opens the registration; nine content areas come as a numbered list.
    const areas = await h.press(LIAISON, 'Đăng ký chỉ tiêu');
    expect(areas.at(-1)!.buttons).toBeUndefined();
    expect(textOf(areas)).toContain('Bước 1.');
    expect(textOf(areas)).toMatch(/\n1\. Đẩy nhanh tiến độ.*\n[\s\S]*\n9\. Công tác thi đua/);
    expect(textOf(await h.say(LIAISON, '6'))).toContain('Bước 2.');
    const kind = await h.say(LIAISON, 'Tỷ lệ thủ tục hành chính giải quyết đúng hạn');
    expect(kind.at(-1)!.buttons!.map((b) => b.title)).toEqual(['Định lượng', 'Định tính']);
    await h.press(LIAISON, 'Định lượng');
    expect(textOf(await h.say(LIAISON, '1'))).toContain('Kế hoạch (con số phấn đấu) là bao nhiêu %?');
    expect(textOf(await h.say(LIAISON, '98,5'))).toContain('✔ Đã ghi: 98,5%');
    await h.press(LIAISON, 'Không thấp hơn');
    await h.press(LIAISON, 'Cuối phong trào');
    await h.press(LIAISON, 'Bỏ qua');
    const saved = await h.press(LIAISON, 'Lưu');
    expect(textOf(saved)).toContain('✔ Đã lưu chỉ tiêu.');
    expect(textOf(saved)).toContain('5. Gửi bản đăng ký\n6. Để sau');

    // A second one: a qualitative target, the kind typed instead of pressed.
    await h.say(LIAISON, '1');
    await h.say(LIAISON, '8');
    await h.say(LIAISON, 'Bảo đảm an toàn thông tin cho cổng thông tin của Sở');
    expect(textOf(await h.say(LIAISON, 'dinh tinh'))).toContain('Bước 4/6');
    await h.say(LIAISON, '30/6');
    await h.press(LIAISON, 'Bỏ qua');
    await h.press(LIAISON, 'Lưu');

    // A button pressed twice (Zalo redelivers nothing, but people tap old messages).
    const stale = await h.say(LIAISON, '#3:quantitative');
    expect(textOf(stale)).toContain('Nút này thuộc câu hỏi cũ');

    await h.say(LIAISON, 'Gửi bản đăng ký');
    expect(textOf(await h.press(LIAISON, 'Gửi'))).toContain('Bản đăng ký chưa có danh hiệu thi đua nào');
    expect(textOf(await h.say(LIAISON, 'Không đăng ký danh hiệu'))).toContain('✔ Đã gửi bản đăng ký (lần 1)');
    expect(
      h.rows(
        `SELECT t.text, t.kind, t.measure, t.planned_value, t.direction, t.due_on FROM targets t JOIN registrations r ON r.id = t.registration_id
           JOIN units u ON u.id = r.unit_id WHERE u.code = 'SNV' AND t.deleted_at IS NULL ORDER BY t.position`,
      ),
    ).toEqual([
      { text: 'Tỷ lệ thủ tục hành chính giải quyết đúng hạn', kind: 'quantitative', measure: '%', planned_value: 98.5, direction: 'at_least', due_on: '2020-12-31' },
      { text: 'Bảo đảm an toàn thông tin cho cổng thông tin của Sở', kind: 'qualitative', measure: null, planned_value: null, direction: null, due_on: '2020-06-30' },
    ]);
    expect(h.rows("SELECT status, version FROM registrations r JOIN units u ON u.id = r.unit_id WHERE u.code = 'SNV'")).toEqual([{ status: 'submitted', version: 1 }]);

    // The admin's notice goes through the outbox to the Zalo admin, as every reply did.
    expect(h.rows('SELECT channel, status FROM outbox WHERE reply = 0')).toEqual([{ channel: 'zalo', status: 'sent' }]);
    expect(h.rows('SELECT DISTINCT status FROM outbox WHERE reply = 1')).toEqual([{ status: 'sent' }]);
    expect(textOf(h.newMessages(ADMIN).slice(-1))).toContain('Sở Nội vụ');
    expectButtonsWithinZaloLimits(h.fake.messages());
  });

  it('reports progress with a photo and a file as evidence, then shows my unit', async () => {
    const h = await zaloHarness();
    await h.say(LIAISON, `/start ${h.invite('SNV', 'liaison', 'Lê Minh')}`);
    registerThreeTargets(h);
    h.clock.set(Date.UTC(2020, 3, 5, 3)); // 05/04/2020

    const periods = await h.say(LIAISON, '/baocao');
    expect(textOf(periods)).toContain('1. Quý I/2020 (hạn 10/04/2020)\n2. Quý II/2020');
    expect(periods.at(-1)!.buttons).toBeUndefined();
    const first = await h.say(LIAISON, '1');
    expect(textOf(first)).toContain('Chỉ tiêu 1/3: Sản phẩm OCOP');
    // A question that takes a typed amount keeps its options as buttons: "35" is an amount.
    expect(first.at(-1)!.buttons!.map((b) => b.title)).toEqual(['Bỏ qua', '📄 Báo cáo bằng biểu mẫu Excel']);
    // Quý I: this period is the running total, so that is not asked.
    expect(textOf(await h.say(LIAISON, '35'))).toContain('✔ Đã ghi: 35 sản phẩm');
    await h.say(LIAISON, '12');
    await h.press(LIAISON, 'Đang thực hiện');

    // Evidence from the summary, for the targets that have it.
    await h.press(LIAISON, 'Thêm minh chứng / ghi chú');
    await h.say(LIAISON, '1');
    expect(textOf(await h.sendFixture(LIAISON, 'user_send_image.constructed.json'))).toContain('✔ Đã nhận minh chứng.');
    await h.say(LIAISON, 'Đã có quyết định công nhận');
    await h.press(LIAISON, 'Thêm minh chứng / ghi chú');
    await h.say(LIAISON, '2');
    expect(textOf(await h.sendFixture(LIAISON, 'user_send_file.constructed.json'))).toContain('✔ Đã nhận minh chứng.');
    const summary = await h.press(LIAISON, 'Không ghi chú');
    expect(textOf(summary)).toContain('1. Sản phẩm OCOP: 35 sản phẩm (đạt 35% kế hoạch; đang thực hiện, đã qua 25% thời gian) 📎');
    expect(textOf(await h.press(LIAISON, 'Gửi báo cáo'))).toContain('✔ Đã gửi báo cáo Quý I/2020 tới Ban (3 chỉ tiêu).');

    expect(h.rows('SELECT l.value, l.assessment, l.evidence_kind, l.evidence_ref, l.note FROM progress_lines l ORDER BY l.id')).toEqual([
      { value: 35, assessment: 'in_progress', evidence_kind: 'photo', evidence_ref: 'https://photo-stal-1.zdn.vn/full/quyet-dinh-ocop.jpg', note: 'Đã có quyết định công nhận' },
      { value: 12, assessment: 'in_progress', evidence_kind: 'document', evidence_ref: 'https://f21-zpc.zdn.vn/bao-cao-quy-1.pdf', note: null },
      { value: null, assessment: 'in_progress', evidence_kind: null, evidence_ref: null, note: null },
    ]);

    const mine = textOf(await h.press(LIAISON, 'Đơn vị của tôi'));
    expect(mine).toContain('Sở Nội vụ · Khối Nội chính');
    expect(mine).toContain('1. Quý I/2020: 35 sản phẩm (đạt 35% kế hoạch, đang thực hiện)');
    expectButtonsWithinZaloLimits(h.fake.messages());
  });

  it('refuses a file where none is asked; a sticker is answered with what the bot can read, the question left as it was', async () => {
    const h = await zaloHarness();
    await h.say(LIAISON, `/start ${h.invite('SNV', 'liaison', 'Lê Minh')}`);
    await h.say(LIAISON, '/dangky');
    expect(textOf(await h.sendFixture(LIAISON, 'user_send_image.constructed.json'))).toContain('Bước 1.');
    const sticker = { ...h.textEvent(LIAISON, ''), event_name: 'user_send_sticker', message: { msg_id: 'st1', attachments: [{ type: 'sticker', payload: { id: 'x' } }] } };
    h.fake.inbound(LIAISON, 'st1', h.clock.now());
    expect(await h.postEvent(sticker)).toBe(200);
    // Answered as a free reply to the sticker.
    expect(h.fake.allowances(LIAISON).at(-1)).toMatchObject({ replyTo: 'st1', quotaType: 'reply' });
    expect(textOf(h.newMessages(LIAISON))).toContain('Bot chỉ đọc được tin nhắn chữ, nút bấm, ảnh và tệp');
    expect(h.rows("SELECT step FROM conversations")).toEqual([{ step: 'area' }]);
    expect(h.rows('SELECT count(*) AS n FROM inbound_queue WHERE error IS NOT NULL')).toEqual([{ n: 0 }]);
  });

  it('someone not linked who sends a location is told how to link with an invite code, not to "type the answer"', async () => {
    const h = await zaloHarness();
    const stranger = '5550001112223334445';
    const location = { ...h.textEvent(stranger, ''), event_name: 'user_send_location', message: { msg_id: 'loc1', attachments: [{ type: 'location', payload: { coordinates: { latitude: '20.42', longitude: '106.17' } } }] } };
    h.fake.inbound(stranger, 'loc1', h.clock.now());
    expect(await h.postEvent(location)).toBe(200);
    const answer = textOf(h.newMessages(stranger));
    expect(answer).toContain('xin gửi mã mời do Ban Thi đua - Khen thưởng cấp');
    expect(answer).not.toContain('gõ câu trả lời');
  });
});

describe('rendering replies as Zalo messages', () => {
  it('splits long text, puts up to five options as buttons under the last part, more as a list', async () => {
    const h = await zaloHarness();
    const long = 'Đơn vị đã hoàn thành chỉ tiêu cải cách hành chính của quý này. '.repeat(80).trim();
    const choices = [1, 2, 3].map((n) => ({ id: `c${n}`, label: `Lựa chọn ${n}` }));
    expect(await h.channel.sender.send(LIAISON, { text: long, choices, seq: 7 })).toEqual({ ok: true });
    const sent = h.newMessages(LIAISON);
    expect(sent.length).toBeGreaterThan(2);
    expect(sent.every((m) => m.text!.length <= MAX_TEXT)).toBe(true);
    expect(sent.slice(0, -1).every((m) => m.buttons === undefined)).toBe(true);
    expect(sent.at(-1)!.buttons).toEqual(choices.map((c) => ({ title: c.label, type: 'oa.query.hide', payload: `#7:${c.id}` })));
    expect(sent.map((m) => m.text).join(' ')).toBe(long);

    const many = [1, 2, 3, 4, 5, 6].map((n) => ({ id: `c${n}`, label: `Lựa chọn ${n}` }));
    await h.channel.sender.send(LIAISON, { text: 'Chọn một:', choices: many, seq: 8 });
    expect(h.newMessages(LIAISON)).toEqual([{ userId: LIAISON, text: `Chọn một:\n\n${many.map((c, i) => `${i + 1}. ${c.label}`).join('\n')}` }]);
    await h.channel.sender.send(LIAISON, { text: 'Bao nhiêu?', choices: many, seq: 9, numbered: false });
    expect(textOf(h.newMessages(LIAISON))).toBe(`Bao nhiêu?\n\n${many.map((c) => `• ${c.label}`).join('\n')}`);
  });

  it('uploads a file (multipart field "file") and sends it by its token', async () => {
    const h = await zaloHarness();
    const path = join(h.temp.dir, 'bao-cao.pdf');
    writeFileSync(path, '%PDF-1.4 báo cáo');
    expect(await h.channel.sender.send(LIAISON, { text: 'Báo cáo tổng hợp', file: { path, name: 'bao-cao.pdf' } })).toEqual({ ok: true });
    const upload = h.fake.requests.find((r) => r.path === '/v2.0/oa/upload/file')!;
    expect(upload.method).toBe('POST');
    expect(upload.headers['content-type']).toMatch(/^multipart\/form-data; boundary=/);
    expect(upload.raw.toString('utf8')).toContain('Content-Disposition: form-data; name="file"; filename="bao-cao.pdf"');
    expect(upload.raw.toString('utf8')).toContain('%PDF-1.4 báo cáo');
    expect(h.newMessages(LIAISON)).toEqual([
      { userId: LIAISON, text: 'Báo cáo tổng hợp' },
      { userId: LIAISON, fileToken: 'Kk8Jx7n3r0hV1bY2Zc4QeT6uWm9Ps5Df' },
    ]);
    // Every call carries the access token header, and nothing else of ours.
    expect(new Set(h.fake.requests.map((r) => r.headers['access_token']))).toEqual(new Set([h.fake.valid.access]));
  });
});

/** SNV registered two quantitative targets and a qualitative one, and sent them (as in test/flows/report.test.ts). */
function registerThreeTargets(h: ZaloHarness) {
  const movement = currentMovement(h.db)!;
  const unitId = h.rows<{ id: number }>("SELECT id FROM units WHERE code = 'SNV'")[0]!.id;
  const reg = ensureRegistration(h.db, movement.id, unitId, h.clock.now());
  const area = listContentAreas(h.db, movement.id)[5]!.id;
  const actor = { label: 'test' };
  addTarget(h.db, reg.id, { contentAreaId: area, text: 'Sản phẩm OCOP', kind: 'quantitative', measure: 'sản phẩm', plannedValue: 100, direction: 'at_least' }, actor, 0);
  addTarget(h.db, reg.id, { contentAreaId: area, text: 'Số vụ tai nạn giao thông', kind: 'quantitative', measure: 'vụ', plannedValue: 40, direction: 'at_most' }, actor, 0);
  addTarget(h.db, reg.id, { contentAreaId: area, text: 'Đưa cầu Thịnh Long vào sử dụng', kind: 'qualitative' }, actor, 0);
  submitRegistration(h.db, reg.id, actor, h.clock.now());
}
