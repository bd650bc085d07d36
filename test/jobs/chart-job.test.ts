/**
 * The chart job: what it draws is decided when it runs, by the asker's scope as it stands then (a
 * cluster head's chart is of their own cluster/block, a forged ask for another is refused); too few
 * units is said in words, with no picture written. Run as the runner runs it, on the sample
 * movement in a real SQLite file; the picture is read back from the outbox row and the file.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { renderChart } from '../../src/charts/index.ts';
import type { Job } from '../../src/chat/engine.ts';
import { encodeChoice, type OutboundMessage } from '../../src/chat/types.ts';
import { currentMovement, listPeriods } from '../../src/domain/movements.ts';
import { chartFigures } from '../../src/documents/chart-figures.ts';
import { runChartJob } from '../../src/jobs/chart-job.ts';
import { silentLogger } from '../../src/util/log.ts';
import { pngSize } from '../helpers/charts.ts';
import { chatHarness, submittedRegistration, type ChatHarness } from '../helpers/chat.ts';
import { useTempDatabases } from '../helpers/db.ts';

useTempDatabases();
const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const TODAY = '2020-02-15';
let jobIds = 0;

/** Runs a chart job into a fresh directory; what it queued, and the files it left there. */
async function run(h: ChatHarness, job: Job): Promise<{ messages: OutboundMessage[]; files: string[] }> {
  if (job.kind !== 'chart') throw new Error(`a chart job was expected, not ${job.kind}`);
  const dir = mkdtempSync(join(tmpdir(), 'thidua-chart-'));
  dirs.push(dir);
  h.db.$client.prepare('DELETE FROM outbox').run();
  await runChartJob(h.db, ++jobIds, job, dir, h.clock, silentLogger);
  const messages = h.rows<{ payload: string }>('SELECT payload FROM outbox ORDER BY id').map((r) => JSON.parse(r.payload) as OutboundMessage);
  return { messages, files: readdirSync(dir).map((f) => join(dir, f)) };
}

/** The jobs `who` asks for by pressing 📊 Biểu đồ on /tinhhinh. */
function pressChart(h: ChatHarness, who: string): Job[] {
  h.say(who, '/tinhhinh');
  const seq = h.lastQuestion(who)?.seq ?? 0;
  return h.core.handle({ channel: 'telegram', externalId: who, choice: encodeChoice(seq, 'chart') }).jobs;
}

const groupId = (h: ChatHarness, code: string) => h.rows<{ id: number }>('SELECT id FROM groups WHERE code = ?', code)[0]!.id;

describe('the chart job', () => {
  it("a cluster head's chart is of their own cluster/block only, whatever the job asks", async () => {
    const h = chatHarness();
    h.link('2', 'HHH', 'cluster_head'); // Hải Hậu heads Cụm thi đua số 2
    const [groupStatus, timeline] = pressChart(h, '2');
    expect([groupStatus?.kind, timeline?.kind]).toEqual(['chart', 'chart']);

    const drawn = await run(h, groupStatus!);
    const movement = currentMovement(h.db)!;
    const figures = chartFigures(h.db, movement, { chart: 'group-status', groupId: groupId(h, 'CUM2') }, TODAY);
    expect(figures.chart === 'group-status' && figures.figures.groups.map((g) => g.label)).toEqual(['Cụm thi đua số 2']);
    const expected = await renderChart(figures, 'vi');
    if (expected.kind !== 'chart') throw new Error('no chart drawn');
    expect(drawn.messages).toEqual([{ text: expected.title, image: { path: drawn.files[0], name: 'bieu-do-group-status-ND-2020.png' } }]);
    const png = readFileSync(drawn.files[0]!);
    expect(pngSize(png)).toEqual({ width: expected.width, height: expected.height });
    expect(png.equals(Buffer.from(expected.png))).toBe(true);

    // Its timeline counts the 5 units of its cluster, not the province's 34.
    const timelineFigures = chartFigures(h.db, movement, { chart: 'registration-timeline', groupId: groupId(h, 'CUM2') }, TODAY);
    expect(timelineFigures.chart === 'registration-timeline' && timelineFigures.figures.units).toBe(5);
    const drawnTimeline = await run(h, timeline!);
    const expectedTimeline = await renderChart(timelineFigures, 'vi');
    expect(expectedTimeline.kind === 'chart' && readFileSync(drawnTimeline.files[0]!).equals(Buffer.from(expectedTimeline.png))).toBe(true);

    // Asked (forged) for another cluster: refused, nothing drawn.
    const forged = await run(h, { ...groupStatus!, groupId: groupId(h, 'CUM1') } as Job);
    expect(forged).toEqual({ messages: [{ text: 'Anh/chị không có quyền xem đơn vị này.' }], files: [] });
  });

  it("a cluster/block's page charts its units only", async () => {
    const h = chatHarness();
    h.link('1', null, 'admin', 'Trần Văn Ban');
    h.say('1', '/tinhhinh');
    h.press('1', 'Cụm thi đua số 1');
    expect(h.lastQuestion('1')?.choices?.map((c) => c.label)).toContain('📊 Biểu đồ');
    const seq = h.lastQuestion('1')?.seq ?? 0;
    const jobs = h.core.handle({ channel: 'telegram', externalId: '1', choice: encodeChoice(seq, 'chart') }).jobs;
    expect(jobs.map((j) => j.kind === 'chart' && [j.chart, j.groupId])).toEqual([
      ['group-status', groupId(h, 'CUM1')],
      ['registration-timeline', groupId(h, 'CUM1')],
    ]);
    const drawn = await run(h, jobs[1]!);
    const figures = chartFigures(h.db, currentMovement(h.db)!, { chart: 'registration-timeline', groupId: groupId(h, 'CUM1') }, TODAY);
    expect(figures.chart === 'registration-timeline' && figures.figures.units).toBe(5);
    const expected = await renderChart(figures, 'vi');
    expect(expected.kind === 'chart' && readFileSync(drawn.files[0]!).equals(Buffer.from(expected.png))).toBe(true);
  });

  it('a liaison, or a person deactivated since asking, gets no chart', async () => {
    const h = chatHarness();
    h.link('3', 'SNV');
    h.link('1', null, 'admin', 'Trần Văn Ban');
    const [asked] = pressChart(h, '1');
    const liaison = h.rows<{ personId: number; identityId: number }>("SELECT person_id AS personId, id AS identityId FROM identities WHERE external_id = '3'")[0]!;
    expect(await run(h, { ...asked!, ...liaison } as Job)).toEqual({ messages: [{ text: 'Anh/chị không có quyền xem đơn vị này.' }], files: [] });
    h.db.$client.prepare("UPDATE people SET active = 0 WHERE id = (SELECT person_id FROM identities WHERE external_id = '1')").run();
    expect(await run(h, asked!)).toEqual({ messages: [], files: [] });
  });

  it("a period's screen asks for its reporting by cluster/block and its targets by content area, drawn from the period's standing", async () => {
    const h = chatHarness();
    h.link('1', null, 'admin', 'Trần Văn Ban');
    // Units report on periods once their registration is sent.
    for (const code of ['SNV', 'STC', 'HHH']) submittedRegistration(h, code);
    const movement = currentMovement(h.db)!;
    const period = listPeriods(h.db, movement.id).find((p) => p.code === 'H2020-1')!;
    h.say('1', '/tinhhinh');
    expect(h.press('1', '6 tháng đầu năm 2020')).toContain('6 tháng đầu năm 2020');
    const seq = h.lastQuestion('1')?.seq ?? 0;
    const result = h.core.handle({ channel: 'telegram', externalId: '1', choice: encodeChoice(seq, 'chart') });
    expect(result.replies.map((r) => r.text)).toEqual(['Đang vẽ 2 biểu đồ… Ảnh sẽ được gửi vào đây khi xong.']);
    expect(result.jobs.map((j) => j.kind === 'chart' && [j.chart, j.periodId, j.groupId])).toEqual([
      ['period-reporting', period.id, undefined],
      ['target-outcomes', period.id, undefined],
    ]);
    for (const job of result.jobs) {
      if (job.kind !== 'chart') continue;
      const drawn = await run(h, job);
      const expected = await renderChart(chartFigures(h.db, movement, { chart: job.chart, periodId: period.id }, TODAY), 'vi');
      if (expected.kind !== 'chart') throw new Error('no chart drawn');
      expect(expected.title).toContain('6 tháng');
      expect(drawn.messages).toEqual([{ text: expected.title, image: { path: drawn.files[0], name: `bieu-do-${job.chart}-ND-2020.png` } }]);
      expect(readFileSync(drawn.files[0]!).equals(Buffer.from(expected.png))).toBe(true);
    }
  });

  it('fewer than two units: said in words, no picture written', async () => {
    const h = chatHarness();
    h.link('1', null, 'admin', 'Trần Văn Ban');
    const [groupStatus, timeline] = pressChart(h, '1');
    // Every unit but one left before the movement began: one unit takes part.
    h.db.$client.prepare("UPDATE units SET valid_to = '2019-12-31' WHERE code <> 'SNV'").run();
    for (const job of [groupStatus!, timeline!]) {
      const drawn = await run(h, job);
      expect(drawn).toEqual({ messages: [{ text: 'Chưa vẽ biểu đồ: cần số liệu của ít nhất 2 đơn vị (hiện có 1).' }], files: [] });
    }
    expect(existsSync(join(h.temp.dir, 'exports'))).toBe(false);
  });
});
