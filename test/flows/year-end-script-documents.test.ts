/**
 * The scripted year-end of Cụm thi đua số 1 (test/helpers/year-end-script.ts), played again through
 * the running bot's chat, for what comes around it: a liaison of Cụm 2 (HHH) and a liaison of a
 * member unit (HVB) each trying to see or change what is not theirs, at each stage (another unit's
 * sheet, the head's review, the vote's opening and closing, the others' ballots before the close,
 * another unit's dossier, the decision, the cluster's documents): refused in words, nothing changed.
 * Then the documents as /xuat makes them, read back from their DOCX and checked against the rows.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { yearResultsByUnit } from '../../src/domain/year-end/results.ts';
import { groupRanking, groupSheets } from '../../src/domain/year-end/sheets.ts';
import { scoringTableOfGroup } from '../../src/domain/year-end/store.ts';
import { currentMovement } from '../../src/domain/movements.ts';
import { formatVnNumber } from '../../src/domain/vn-input.ts';
import { removeTempDatabases } from '../helpers/db.ts';
import { readDocx, tableStartingWith, type DocxContent } from '../helpers/docx.ts';
import { PDF_BYTES } from '../helpers/dossier-rows.ts';
import { PDF, type YearEndBot } from '../helpers/year-end-bot.ts';
import {
  BOARD,
  dossiers,
  HEAD,
  headAdjustsHml,
  headProposesTpnd,
  hmlProposesItself,
  liaison,
  membersVote,
  on,
  openFlagVote,
  OTHER,
  scoreCluster,
  WRITTEN_NOTE,
  writtenOpinionAndClose,
  yearEndBot,
} from '../helpers/year-end-script.ts';

const HVB = liaison('HVB');
const STALE = 'Nút này thuộc câu hỏi cũ';
const NOT_THEIRS = 'Đơn vị này không thuộc cụm/khối của bạn.';

let bot: YearEndBot;
beforeAll(async () => {
  bot = await yearEndBot();
  await scoreCluster(bot);
  await headAdjustsHml(bot);
});
afterAll(async () => {
  await bot.stop();
  removeTempDatabases();
});

/** Runs the attempts and checks no row of the year-end changed. */
async function changesNothing(attempts: () => Promise<void>): Promise<void> {
  const before = bot.yearEndRows();
  await attempts();
  expect(bot.yearEndRows()).toBe(before);
}

// The stages follow one another on one bot: each `it` is the next stage of the same year-end.
describe('a liaison of another cluster and a liaison of a member unit, at each stage', () => {
  it('scoring: neither sees another unit’s sheet or the cluster’s board, nor reaches the head’s adjustment', async () => {
    await changesNothing(async () => {
      for (const who of [OTHER, HVB]) expect(await bot.say(who, '/chamdiem HML', NOT_THEIRS)).not.toMatch(/82,5|Mỹ Lộc:/);
      expect(await bot.say(OTHER, '/chamdiem CUM1', NOT_THEIRS)).not.toContain('Xếp hạng');
      // A member asking for its own cluster's board is shown its own sheet, and nothing of the others'.
      const board = await bot.say(HVB, '/chamdiem CUM1', 'Bảng tự chấm điểm thi đua — UBND huyện Vụ Bản');
      expect(board).not.toMatch(/Xếp hạng|Mỹ Lộc|Ý Yên|Nam Trực|Nam Định/);
      const own = await bot.say(OTHER, '/chamdiem', 'Bảng tự chấm điểm thi đua — UBND huyện Hải Hậu');
      expect(own).not.toMatch(/Mỹ Lộc|Vụ Bản|Ý Yên|Nam Định/);
      // The head at HML's sheet, its adjust button pressed by the others: a stale button, nothing asked.
      await bot.say(HEAD, '/chamdiem', 'Bảng điểm thi đua — Cụm thi đua số 1');
      await bot.press(HEAD, 'HML', 'UBND huyện Mỹ Lộc');
      for (const who of [OTHER, HVB]) expect(await bot.pressAs(who, HEAD, 'Điều chỉnh điểm', STALE)).not.toContain('Điều chỉnh điểm tiêu chí nào?');
      await bot.say(HEAD, '/huy', '');
    });
  });

  it('the vote: neither opens it; the others’ ballots unseen before the close; neither closes it or records an opinion', async () => {
    await changesNothing(async () => {
      await bot.say(HEAD, '/binhxet', 'Chưa có cuộc bình xét nào');
      for (const who of [OTHER, HVB]) await bot.pressAs(who, HEAD, 'Mở bình xét Cờ thi đua', STALE);
      await bot.say(HEAD, '/huy', '');
    });
    await openFlagVote(bot);
    await membersVote(bot);
    await changesNothing(async () => {
      expect(await bot.say(OTHER, '/binhxet', 'Chưa có cuộc bình xét nào')).not.toContain('Cờ thi đua');
      const own = await bot.say(HVB, '/binhxet', 'Phiếu của đơn vị anh/chị');
      expect(own).toContain('• UBND thành phố Nam Định: ✅ Đồng ý\n• UBND huyện Ý Yên: ❌ Không đồng ý');
      expect(own).not.toMatch(/\d\/5 đồng ý|Kết quả/);
      expect(bot.buttons(HVB).some((b) => /Kết thúc|văn bản|Mở bình xét/.test(b))).toBe(false);
      // The head's own view of the open vote, its buttons pressed by the others.
      await bot.say(HEAD, '/binhxet', 'Các cuộc bình xét (1)');
      await bot.press(HEAD, 'đang bỏ phiếu', 'Tham gia');
      for (const who of [OTHER, HVB]) {
        await bot.pressAs(who, HEAD, 'Kết thúc bình xét', STALE);
        await bot.pressAs(who, HEAD, 'ý kiến bằng văn bản', STALE);
      }
      await bot.say(HEAD, '/huy', '');
    });
    expect(bot.rows('SELECT closed_on AS closedOn FROM votes')).toEqual([{ closedOn: null }]);
    await writtenOpinionAndClose(bot);
  });

  it('proposals and dossiers: neither sees HML’s proposal or reaches its dossier', async () => {
    await headProposesTpnd(bot);
    await hmlProposesItself(bot);
    await dossiers(bot);
    await changesNothing(async () => {
      for (const who of [OTHER, HVB]) {
        expect(await bot.say(who, '/denghi', 'Chưa có đề nghị khen thưởng nào')).not.toContain('Mỹ Lộc');
        expect(await bot.say(who, '/hoso', 'Chưa có đề nghị khen thưởng nào mà bạn cần nộp hồ sơ.')).not.toContain('Mỹ Lộc');
        // A file sent with no dossier asked for is not kept anywhere.
        await bot.sendFile(who, PDF_BYTES, 'to-trinh.pdf', PDF, '');
      }
      await bot.say(liaison('HML'), '/hoso', 'Hồ sơ:');
      for (const who of [OTHER, HVB]) await bot.pressAs(who, liaison('HML'), 'Tờ trình', STALE);
      await bot.say(liaison('HML'), '/huy', '');
    });
  });

  it('the decision and the cluster’s documents: refused to both, in each one’s language', async () => {
    bot.clock.set(on('2020-12-12'));
    await changesNothing(async () => {
      for (const who of [OTHER, HVB]) {
        await bot.say(who, '/quyetdinh', 'chỉ dành cho cán bộ Ban');
        await bot.say(who, '/xuat', 'Việc này dành cho Ban Thi đua - Khen thưởng, lãnh đạo và cụm, khối trưởng.');
      }
      await bot.say(BOARD, '/quyetdinh', 'Có 2 đề nghị, đã ghi quyết định 0');
      for (const who of [OTHER, HVB]) await bot.pressAs(who, BOARD, 'Cờ thi đua', STALE);
      await bot.say(BOARD, '/huy', '');
      await bot.say(HEAD, '/xuat', '');
      await bot.press(HEAD, 'Văn bản cuối năm', 'Văn bản cuối năm nào?');
      for (const who of [OTHER, HVB]) await bot.pressAs(who, HEAD, 'Biên bản họp bình xét', STALE);
      await bot.say(HEAD, '/huy', '');
      // In the liaison's own language.
      await bot.say(OTHER, '/lang', '');
      await bot.press(OTHER, 'English', '');
      await bot.say(OTHER, '/score HML', 'This unit is not in your cluster or block.');
      await bot.say(OTHER, '/xuat', 'This is for the Board, leaders and cluster/block heads.');
    });
    expect(bot.rows("SELECT count(*) AS n FROM outbox WHERE json_extract(payload, '$.file') IS NOT NULL")).toEqual([{ n: 1 }]); // HYY's form only
  });
});

describe('the documents, as /xuat makes them, read back against the database', () => {
  const docs: Partial<Record<'minutes' | 'submission' | 'scores' | 'proposals', DocxContent>> = {};
  const names: Record<string, string> = {};
  const text = (doc: DocxContent) => doc.paragraphs.join('\n');
  const codeOf = (name: string) => Object.keys(names).find((c) => names[c] === name)!;

  async function documentFor(who: string, label: string): Promise<DocxContent> {
    const before = bot.documentsSent(who);
    await bot.say(who, '/xuat', '');
    await bot.press(who, 'Văn bản cuối năm', 'Văn bản cuối năm nào?');
    await bot.press(who, label, 'Đang soạn');
    return readDocx(await bot.nextFile(who, before));
  }

  beforeAll(async () => {
    for (const r of bot.rows<{ code: string; name: string }>('SELECT code, name FROM units')) names[r.code] = r.name;
    docs.minutes = await documentFor(HEAD, 'Biên bản họp bình xét');
    docs.submission = await documentFor(HEAD, 'Tờ trình đề nghị khen thưởng');
    docs.scores = await documentFor(HEAD, 'Bảng tổng hợp điểm');
    docs.proposals = await documentFor(BOARD, 'Tổng hợp đề nghị khen thưởng');
  });

  const ranked = () => {
    const cum1 = bot.rows<{ id: number }>("SELECT id FROM groups WHERE code = 'CUM1'")[0]!.id;
    const sheets = groupSheets(bot.temp.db, scoringTableOfGroup(bot.temp.db, cum1)!, cum1, yearResultsByUnit(bot.temp.db, currentMovement(bot.temp.db)!));
    return { sheets, ranking: groupRanking(sheets) };
  };

  it('the minutes: each member’s score and rank as ranked from the sheets, the tie flagged; each candidate’s votes from the ballots rows', () => {
    const rows = tableStartingWith(docs.minutes!, 'STT').slice(1);
    const { sheets, ranking } = ranked();
    expect(rows.map((r) => [codeOf(r[1]!), r[3], r[4], r[5]!.includes('Đồng hạng')])).toEqual(
      ranking.map((r) => [Object.keys(names).find((c) => bot.unitId(c) === r.unitId), formatVnNumber(sheets.find((s) => s.unitId === r.unitId)!.total), String(r.rank), r.tied]),
    );
    expect(rows.map((r) => [codeOf(r[1]!), r[2], r[3], r[4]])).toEqual([
      ['TPND', '110', '110', '1'], ['HYY', '100', '100', '2'], ['HVB', '98', '98', '3'], ['HNT', '98', '98', '3'], ['HML', '82,5', '81', '5'],
    ]);

    const votes = docs.minutes!.tables.filter((t) => t[0]?.[4] === 'Đồng ý');
    expect(votes).toHaveLength(1);
    const counted = bot.rows<{ code: string; yes: number; no: number }>(
      'SELECT u.code, sum(b.approve = 1) AS yes, sum(b.approve = 0) AS no FROM ballots b JOIN units u ON u.id = b.candidate_unit_id GROUP BY u.code',
    );
    for (const row of votes[0]!.slice(1)) {
      const c = counted.find((x) => x.code === codeOf(row[1]!))!;
      expect([row[4], row[5], row[7]]).toEqual([String(c.yes), String(c.no), `${c.yes}/5 (${formatVnNumber(c.yes * 20)}%)`]);
    }
    expect(votes[0]!.slice(1).map((r) => [codeOf(r[1]!), r[7], r[8]])).toEqual([
      ['TPND', '4/5 (80%)', 'Đạt (≥ 80%)'],
      ['HYY', '3/5 (60%)', 'Không đạt (< 80%)'],
    ]);
    const all = text(docs.minutes!);
    expect(all).toContain('có mặt và bỏ phiếu: 4; có ý kiến bằng văn bản: 1; tổng số tham gia 5/5 (100%)');
    expect(all).toContain(`${names.HNT} (${WRITTEN_NOTE}): đồng ý ${names.TPND}; không đồng ý ${names.HYY}.`);
    expect(all).toContain('Nghị định 152/2025/NĐ-CP, Điều 4 khoản 6');
  });

  it('the scoring table: ranks and totals as the sheets give them, the head’s adjustment with its reason, the results’ pre-fill marked', () => {
    const table = tableStartingWith(docs.scores!, 'Xếp hạng');
    const { sheets, ranking } = ranked();
    expect(table.slice(1).map((r) => [r[0], r.at(-1)])).toEqual(ranking.map((r) => [`${r.rank}${r.tied ? '=' : ''}`, formatVnNumber(sheets.find((s) => s.unitId === r.unitId)!.total)]));
    const hml = table.find((r) => r[1] === names.HML)!;
    expect(hml.slice(2, 5)).toEqual(['30*', '5*', '7,5 → 6']);
    expect(text(docs.scores!)).toContain('Biên bản thu ngân sách chưa có xác nhận của Kho bạc');
  });

  it('the tờ trình proposes the candidate that passed, with its score, rank and vote; not the one that failed', () => {
    const tables = docs.submission!.tables.filter((t) => t[0]?.[0] === 'STT');
    expect(tables.map((t) => t.slice(1).map((r) => [r[1], r[2], r[3], r[4]]))).toEqual([[[names.TPND, '110', '1', '4/5 (80%)']]]);
    expect(text(docs.submission!)).not.toContain(names.HYY);
  });

  it('the Board’s summary: both proposals, conditions met / not met / not declared as HML declared them, dossiers complete and late as received', () => {
    const all = text(docs.proposals!);
    const late = bot.rows<{ code: string }>(
      "SELECT DISTINCT u.code FROM dossier_files f JOIN proposals p ON p.id = f.proposal_id JOIN units u ON u.id = p.unit_id WHERE f.received_at >= ?",
      Date.parse('2020-12-10T17:00:00Z'),
    );
    expect(late).toEqual([{ code: 'HML' }]);
    expect(all).toContain('Tổng số 2 đề nghị; hồ sơ đầy đủ: 2; chưa đầy đủ: 0; có tài liệu nộp sau hạn: 1.');
    const annexes = docs.proposals!.tables.filter((t) => t[0]?.[6] === 'Điều kiện (đối chiếu theo kê khai)');
    const [flag, excellent] = annexes.map((t) => t[1]!);
    expect([flag![1], flag![3], flag![4], flag![5], flag![7]]).toEqual([names.TPND, '110', '1', '4/5 (80%)\nĐạt tỷ lệ', 'Đầy đủ']);
    expect(excellent![1]).toBe(names.HML);
    expect(excellent![6]).toContain('Hoàn thành xuất sắc nhiệm vụ: đạt');
    expect(excellent![6]).toContain('Từ 70% thành viên đạt danh hiệu Lao động tiên tiến: chưa đạt');
    expect(excellent![6]).toContain('Có ít nhất 01 Chiến sĩ thi đua cơ sở: chưa kê khai');
    expect(excellent![7]).toBe('Đầy đủ\nNộp sau hạn');
  });
});
