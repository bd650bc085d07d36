/**
 * The Board's documents in chat: /xuat offers them to the Board and leaders (a cluster head, whose
 * view is its cluster, only its units' registrations); a liaison who sends the registration is offered "Tải bản đăng ký để
 * trình ký"; the document is written after the message and queued in the outbox as a file.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { encodeChoice } from '../../src/chat/types.ts';
import type { Job } from '../../src/chat/engine.ts';
import { cliActor } from '../../src/domain/audit.ts';
import { currentMovement } from '../../src/domain/movements.ts';
import { addTarget, ensureRegistration } from '../../src/domain/registrations.ts';
import { runExportJob } from '../../src/jobs/export-job.ts';
import { silentLogger } from '../../src/util/log.ts';
import { fold } from '../../src/util/text.ts';
import { chatHarness, type ChatHarness } from '../helpers/chat.ts';
import { useTempDatabases } from '../helpers/db.ts';
import { readDocx } from '../helpers/docx.ts';

useTempDatabases();
const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** Presses a button of the latest question and returns what the core answered, jobs included. */
function pressFor(h: ChatHarness, who: string, label: string) {
  const question = h.lastQuestion(who)!;
  const choice = question.choices!.find((c) => fold(c.label).includes(fold(label)));
  expect(choice, `no "${label}" in ${question.choices!.map((c) => c.label).join(' | ')}`).toBeDefined();
  return h.core.handle({ channel: 'telegram', externalId: who, choice: encodeChoice(question.seq ?? 0, choice!.id) });
}

/** Runs the job (as job row `jobIds`, counted) and returns the outbox message it queued, with the document read back. */
let jobIds = 0;
async function deliver(h: ChatHarness, job: Job) {
  const dir = mkdtempSync(join(tmpdir(), 'thidua-docs-chat-'));
  dirs.push(dir);
  if (job.kind !== 'document') throw new Error(`a document job was expected, not ${job.kind}`);
  const jobId = ++jobIds;
  await runExportJob(h.db, jobId, job, dir, h.clock, silentLogger);
  const rows = h.rows<{ payload: string; channel: string; status: string }>('SELECT payload, channel, status FROM outbox WHERE dedupe_key LIKE ?', `job:${jobId}:%`);
  expect(rows).toHaveLength(1);
  const payload = JSON.parse(rows[0]!.payload) as { text: string; file: { path: string; name: string } };
  expect(existsSync(payload.file.path)).toBe(true);
  expect(payload.file.name).toMatch(/\.docx$/);
  return { payload, doc: readDocx(payload.file.path) };
}

describe('documents in chat', () => {
  it('the Board gets the aggregate report on registration from /xuat', async () => {
    const h = chatHarness();
    h.link('50', null, 'admin', 'Trần Văn Ban');
    h.say('50', '/xuat');
    const result = pressFor(h, '50', 'Báo cáo tổng hợp đăng ký');
    expect(result.replies[0]!.text).toBe('Đang soạn báo cáo tổng hợp đăng ký… Tệp Word sẽ được gửi vào đây khi xong.');
    expect(result.jobs).toEqual([expect.objectContaining({ kind: 'document', document: 'summary', locale: 'vi' })]);
    const { payload, doc } = await deliver(h, result.jobs[0]!);
    expect(payload.text).toBe('📄 Báo cáo tổng hợp đăng ký thi đua (dự thảo để trình ký).');
    expect(doc.paragraphs).toContain('Kính gửi: Ủy ban nhân dân tỉnh Nam Định');
  });

  it('a period report for the period chosen, and a unit found by part of its name', async () => {
    const h = chatHarness();
    h.link('50', null, 'viewer', 'Lãnh đạo');
    h.say('50', '/xuat');
    h.press('50', 'Báo cáo kết quả một kỳ');
    const period = pressFor(h, '50', '6 tháng đầu năm 2020');
    expect(period.jobs).toEqual([expect.objectContaining({ kind: 'document', document: 'period', periodCode: 'H2020-1' })]);
    const { doc } = await deliver(h, period.jobs[0]!);
    expect(doc.paragraphs).toContain('Kết quả thực hiện chỉ tiêu thi đua 6 tháng đầu năm 2020');

    h.say('50', '/xuat');
    h.press('50', 'Bản đăng ký của một đơn vị');
    expect(h.say('50', 'huyen')).toContain('Có 9 đơn vị khớp với "huyen": HGT (UBND huyện Giao Thủy)');
    const unit = h.core.handle({ channel: 'telegram', externalId: '50', text: 'hai hau' });
    const hhh = h.rows<{ id: number }>("SELECT id FROM units WHERE code = 'HHH'")[0]!.id;
    expect(unit.jobs).toEqual([expect.objectContaining({ kind: 'document', document: 'registration', unitId: hhh })]);
    expect(unit.replies[0]!.text).toBe('Đang soạn bản đăng ký của UBND huyện Hải Hậu… Tệp Word sẽ được gửi vào đây khi xong.');
  });

  it('a cluster head is offered its cluster\'s figures and its units\' registrations, not the documents for the whole province', () => {
    const h = chatHarness();
    h.link('51', 'HHH', 'cluster_head');
    h.say('51', '/xuat');
    expect(h.lastQuestion('51')!.choices!.map((c) => c.id)).toEqual(['xlsx', 'csv', 'registration', 'yearend']);
  });

  it('a liaison who sends the registration is offered the form to print and sign', async () => {
    const h = chatHarness();
    h.link('52', 'SNV');
    const movement = currentMovement(h.db)!;
    const unitId = h.rows<{ id: number }>("SELECT id FROM units WHERE code = 'SNV'")[0]!.id;
    const reg = ensureRegistration(h.db, movement.id, unitId, h.clock.now());
    const area = h.rows<{ id: number }>('SELECT id FROM content_areas WHERE movement_id = ? AND number = 6', movement.id)[0]!.id;
    addTarget(h.db, reg.id, { contentAreaId: area, text: 'Tỷ lệ hồ sơ giải quyết đúng hạn', kind: 'quantitative', measure: '%', plannedValue: 98.5, direction: 'at_least' }, cliActor, h.clock.now());
    h.say('52', '/dangky');
    h.press('52', 'Gửi bản đăng ký');
    h.press('52', 'Gửi');
    h.press('52', 'Không đăng ký danh hiệu');
    expect(h.lastQuestion('52')!.choices![0]!.label).toBe('Tải bản đăng ký để trình ký');
    // The first time, who signs it is asked (position, then name) and kept on the unit.
    const asked = pressFor(h, '52', 'Tải bản đăng ký để trình ký');
    expect(asked.jobs).toEqual([]);
    expect(asked.replies.at(-1)!.text).toContain('ai ký bản đăng ký của Sở Nội vụ?');
    expect(h.say('52', '12/3')).toContain('"12/3" không phải chức vụ người ký');
    pressFor(h, '52', 'KT. GIÁM ĐỐC');
    expect(h.say('52', '12345')).toContain('"12345" không phải họ tên');
    const result = h.core.handle({ channel: 'telegram', externalId: '52', text: 'Phạm  Thị Lan' });
    expect(result.replies[0]!.text).toBe(
      '✔ Đã lưu người ký: KT. GIÁM ĐỐC / PHÓ GIÁM ĐỐC — Phạm Thị Lan. Các bản đăng ký sau in sẵn chức vụ và họ tên này; sửa bằng /nguoiky.\nĐang soạn bản đăng ký của Sở Nội vụ… Tệp Word sẽ được gửi vào đây khi xong.',
    );
    expect(h.rows('SELECT signer_title AS title, signer_name AS name FROM units WHERE id = ?', unitId)).toEqual([{ title: 'KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC', name: 'Phạm Thị Lan' }]);
    expect(result.jobs).toEqual([expect.objectContaining({ kind: 'document', document: 'registration', unitId })]);
    const { payload, doc } = await deliver(h, result.jobs[0]!);
    expect(payload.text).toBe('📄 Bản đăng ký thi đua: in, trình thủ trưởng đơn vị ký, đóng dấu rồi gửi Ban Thi đua - Khen thưởng.');
    expect(doc.tables.some((t) => t.some((r) => r[1] === 'Tỷ lệ hồ sơ giải quyết đúng hạn' && r[2] === '≥ 98,5%'))).toBe(true);
    expect(doc.tables.at(-1)![0]![1]).toMatch(/^KT\. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC\n\(Ký tên, đóng dấu\)\n(\n)+Phạm Thị Lan$/);
    // Dated the day it was sent (the harness's clock), not the day it is downloaded.
    expect(doc.tables[0]![0]![1]).toMatch(/ngày 15 tháng 02 năm 2020$/);
    // By command, not asked again.
    expect(h.core.handle({ channel: 'telegram', externalId: '52', text: '/taidangky' }).jobs).toEqual([expect.objectContaining({ document: 'registration', unitId })]);
    // /nguoiky changes it, and makes no document.
    expect(h.say('52', '/nguoiky')).toContain('(hiện là: KT. GIÁM ĐỐC / PHÓ GIÁM ĐỐC)');
    pressFor(h, '52', 'GIÁM ĐỐC');
    const changed = h.core.handle({ channel: 'telegram', externalId: '52', text: 'Phạm Thị Lan' });
    expect(changed.jobs).toEqual([]);
    expect(h.rows('SELECT signer_title AS title FROM units WHERE id = ?', unitId)).toEqual([{ title: 'GIÁM ĐỐC' }]);
  });
});
