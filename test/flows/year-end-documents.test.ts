/**
 * The year-end documents in chat, on the scripted year-end of Cụm thi đua số 1: its head (TPND)
 * gets its cluster's minutes, tờ trình and scoring table from /xuat; the Board any cluster's and
 * the summary of proposals; the head of another cluster, a liaison of a member unit, are refused,
 * in the menu and again when a job asks for what is not theirs.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Job } from '../../src/chat/engine.ts';
import { encodeChoice } from '../../src/chat/types.ts';
import { runExportJob } from '../../src/jobs/export-job.ts';
import { silentLogger } from '../../src/util/log.ts';
import { fold } from '../../src/util/text.ts';
import { chatHarness, type ChatHarness } from '../helpers/chat.ts';
import { useTempDatabases } from '../helpers/db.ts';
import { readDocx, tableStartingWith } from '../helpers/docx.ts';
import { at, scriptYearEnd, type ScriptedYearEnd } from '../helpers/year-end-cluster.ts';

useTempDatabases();
const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

let h: ChatHarness;
let s: ScriptedYearEnd;
beforeEach(() => {
  h = chatHarness();
  s = scriptYearEnd(h.db, { loaded: true });
  h.clock.set(at('2020-12-12'));
});

function pressFor(who: string, label: string) {
  const question = h.lastQuestion(who)!;
  const choice = question.choices!.find((c) => fold(c.label).includes(fold(label)));
  expect(choice, `no "${label}" in ${question.choices!.map((c) => c.label).join(' | ')}`).toBeDefined();
  return h.core.handle({ channel: 'telegram', externalId: who, choice: encodeChoice(question.seq ?? 0, choice!.id) });
}

let jobIds = 0;
/** Runs the job and returns the one message it queued: a file, or a refusal. */
async function deliver(job: Job) {
  const dir = mkdtempSync(join(tmpdir(), 'thidua-year-end-chat-'));
  dirs.push(dir);
  if (job.kind !== 'document') throw new Error(`a document job was expected, not ${job.kind}`);
  const jobId = ++jobIds;
  await runExportJob(h.db, jobId, job, dir, h.clock, silentLogger);
  const rows = h.rows<{ payload: string }>('SELECT payload FROM outbox WHERE dedupe_key LIKE ?', `job:${jobId}:%`);
  expect(rows).toHaveLength(1);
  return JSON.parse(rows[0]!.payload) as { text: string; file?: { path: string; name: string } };
}

const personId = (who: string) => h.rows<{ id: number }>("SELECT person_id AS id FROM identities WHERE channel = 'telegram' AND external_id = ?", who)[0]!.id;
const identityId = (who: string) => h.rows<{ id: number }>("SELECT id FROM identities WHERE channel = 'telegram' AND external_id = ?", who)[0]!.id;
const forged = (who: string, document: 'minutes' | 'submission' | 'scores' | 'proposals', groupId?: number): Job => ({
  kind: 'document',
  personId: personId(who),
  identityId: identityId(who),
  locale: 'vi',
  movementId: s.m.movement.id,
  document,
  ...(groupId !== undefined ? { groupId } : {}),
});

describe('a cluster head', () => {
  it('gets its own cluster’s three documents, the minutes read back with the vote', async () => {
    h.link('60', 'TPND', 'cluster_head', 'Trưởng cụm 1');
    h.say('60', '/xuat');
    h.press('60', 'Văn bản cuối năm');
    expect(h.lastQuestion('60')!.choices!.map((c) => c.id)).toEqual(['minutes', 'submission', 'scores']);
    const result = pressFor('60', 'Biên bản họp bình xét');
    expect(result.replies[0]!.text).toBe('Đang soạn biên bản họp bình xét của Cụm thi đua số 1… Tệp Word sẽ được gửi vào đây khi xong.');
    expect(result.jobs).toEqual([expect.objectContaining({ kind: 'document', document: 'minutes', groupId: s.cum1 })]);
    const payload = await deliver(result.jobs[0]!);
    expect(payload.text).toContain('Biên bản họp bình xét (dự thảo để trình ký)');
    expect(payload.file!.name).toMatch(/^bien-ban-binh-xet-CUM1-ND-2020-.*\.docx$/);
    const doc = readDocx(payload.file!.path);
    expect(doc.tables.filter((t) => t[0]?.[4] === 'Đồng ý').flatMap((t) => t.slice(1).map((r) => r[7]))).toEqual(['4/5 (80%)', '3/5 (60%)', '4/5 (80%)']);

    h.say('60', '/xuat');
    h.press('60', 'Văn bản cuối năm');
    const scores = pressFor('60', 'Bảng tổng hợp điểm');
    const file = (await deliver(scores.jobs[0]!)).file!;
    expect(existsSync(file.path)).toBe(true);
    expect(tableStartingWith(readDocx(file.path), 'Xếp hạng')).toHaveLength(6);
  });

  it('of another cluster is offered only its own, and a job asking for Cụm 1’s minutes is refused', async () => {
    h.link('61', 'HHH', 'cluster_head', 'Trưởng cụm 2');
    h.say('61', '/xuat');
    expect(h.lastQuestion('61')!.choices!.map((c) => c.id)).toEqual(['xlsx', 'csv', 'registration', 'yearend']);
    h.press('61', 'Văn bản cuối năm');
    const own = pressFor('61', 'Biên bản họp bình xét');
    // Cụm 2's vote is still open: no minutes yet, said so.
    expect((await deliver(own.jobs[0]!)).text).toBe('Cụm thi đua số 2 chưa kết thúc cuộc bình xét nào: chưa lập được biên bản.');
    for (const kind of ['minutes', 'submission', 'scores', 'proposals'] as const) {
      const payload = await deliver(forged('61', kind, s.cum1));
      expect(payload.file).toBeUndefined();
      expect(payload.text).toBe('Anh/chị không có quyền xem đơn vị này.');
    }
  });
});

describe('a liaison of a member unit', () => {
  it('is offered no document of the cluster, and a job asking for one is refused', async () => {
    h.link('62', 'HML', 'liaison');
    expect(h.say('62', '/xuat')).toBe('Việc này dành cho Ban Thi đua - Khen thưởng, lãnh đạo và cụm, khối trưởng.');
    for (const kind of ['minutes', 'submission', 'scores', 'proposals'] as const) expect((await deliver(forged('62', kind, s.cum1))).file).toBeUndefined();
  });
});

describe('the Board', () => {
  it('gets the summary of proposals, and any cluster’s documents by choosing the cluster', async () => {
    h.link('63', null, 'admin', 'Trần Văn Ban');
    h.say('63', '/xuat');
    h.press('63', 'Văn bản cuối năm');
    expect(h.lastQuestion('63')!.choices!.map((c) => c.id)).toEqual(['minutes', 'submission', 'scores', 'proposals']);
    const summary = pressFor('63', 'Tổng hợp đề nghị khen thưởng');
    expect(summary.replies[0]!.text).toBe('Đang soạn báo cáo tổng hợp đề nghị khen thưởng… Tệp Word sẽ được gửi vào đây khi xong.');
    const doc = readDocx((await deliver(summary.jobs[0]!)).file!.path);
    expect(doc.paragraphs).toContain('Kính gửi: Hội đồng Thi đua - Khen thưởng tỉnh Nam Định');

    h.say('63', '/xuat');
    h.press('63', 'Văn bản cuối năm');
    h.press('63', 'Tờ trình đề nghị khen thưởng');
    expect(h.lastQuestion('63')!.choices!.map((c) => c.id)).toEqual(['CUM1', 'CUM2', 'KHOI-DT', 'KHOI-KT', 'KHOI-NC', 'KHOI-VX']);
    expect(h.say('63', 'CUM9')).toContain('Không tìm thấy cụm, khối "CUM9"');
    const submission = h.core.handle({ channel: 'telegram', externalId: '63', text: 'cum1' });
    expect(submission.jobs).toEqual([expect.objectContaining({ document: 'submission', groupId: s.cum1 })]);
    expect(readDocx((await deliver(submission.jobs[0]!)).file!.path).paragraphs).toContain('TỜ TRÌNH');
  });
});
