/**
 * The year-end of one cluster scripted through the chat of the running bot (fake Telegram, the
 * outbox, the job runner): Cụm thi đua số 1 of the sample, five units, TPND its head. Self-scores
 * in chat (HML, its year's results filled in from its registration and report) and by the Excel
 * form (HYY), all sent to the head; one line adjusted with a reason; the ranking with a tie; the
 * bình xét vote with an absent member's written opinion, one candidate passing the 80%-of-all-members
 * rule and one failing; proposals with conditions met, not met and not declared; a dossier complete
 * on time and one completed late. Each step checked against the rows it wrote.
 * The documents and the refusals: year-end-script-documents.test.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { removeTempDatabases } from '../helpers/db.ts';
import { XLSX, type YearEndBot } from '../helpers/year-end-bot.ts';
import {
  ADJUST_REASON,
  BOARD,
  dossiers,
  HEAD,
  headAdjustsHml,
  headProposesTpnd,
  hmlProposesItself,
  hmlScoresInChat,
  hyyScoresByForm,
  liaison,
  membersVote,
  on,
  openFlagVote,
  scoreInChat,
  sendToHead,
  writtenOpinionAndClose,
  yearEndBot,
} from '../helpers/year-end-script.ts';

// One bot and one database for the whole year-end, removed after the last step.
let bot: YearEndBot;
beforeAll(async () => {
  bot = await yearEndBot();
});
afterAll(async () => {
  await bot.stop();
  removeTempDatabases();
});

const linesOf = (code: string) =>
  bot.rows<{ code: string; self: number; prefilled: number; adjusted_to: number | null; adjust_reason: string | null }>(
    'SELECT l.criterion_code AS code, l.self, l.prefilled, l.adjusted_to, l.adjust_reason FROM score_lines l JOIN score_sheets s ON s.id = l.sheet_id WHERE s.unit_id = ? ORDER BY l.criterion_code',
    bot.unitId(code),
  );

// The steps follow one another: each `it` is the next day of the same cluster's year-end.
describe('the year-end of Cụm thi đua số 1, through the chat', () => {
  it('1. HML scores itself in chat with its year’s results filled in, and sends it to the head, who is told', async () => {
    const sheet = await hmlScoresInChat(bot);
    expect(sheet).toContain('Tổng điểm: 82,5');
    expect(await sendToHead(bot, liaison('HML'))).toContain('✔ Đã gửi bảng tự chấm cho Cụm trưởng.');
    expect(linesOf('HML').filter((l) => l.prefilled)).toEqual([
      expect.objectContaining({ code: 'I.1', self: 30 }),
      expect.objectContaining({ code: 'I.2', self: 5 }),
    ]);
    expect(linesOf('HML').find((l) => l.code === 'I.3')!.self).toBe(7.5);
    expect(bot.rows("SELECT l.evidence_kind AS kind, l.evidence_ref AS ref FROM score_lines l WHERE l.criterion_code = 'I.3' AND l.evidence_kind IS NOT NULL")).toEqual([{ kind: 'document', ref: 'FILE1' }]);
    expect(bot.notices(HEAD)).toContain('HML — UBND huyện Mỹ Lộc đã gửi bảng tự chấm điểm thi đua (Cụm thi đua số 1): 82,5 điểm.');
  });

  it('1. HYY scores itself by the Excel form: downloaded, filled, uploaded, confirmed, then sent; the form sent again after changes nothing', async () => {
    const { form, summary, saved } = await hyyScoresByForm(bot);
    expect(summary).toContain('Điểm sẽ lưu: 9 tiêu chí');
    expect(summary).toContain('Tổng điểm sau khi lưu: 100');
    expect(saved).toContain('✔ Đã lưu điểm 9 tiêu chí. Tổng điểm: 100.');
    expect(linesOf('HYY').map((l) => [l.code, l.self])).toEqual([
      ['I.1', 40], ['I.2', 10], ['I.3', 10], ['II.1', 5], ['II.2', 10], ['II.3', 5], ['III.1', 10], ['III.2', 5], ['III.3', 5],
    ]);
    await sendToHead(bot, liaison('HYY'));
    expect(bot.rows('SELECT sent_at AS sentAt FROM score_sheets WHERE unit_id = ?', bot.unitId('HYY'))).toEqual([{ sentAt: bot.clock.now() }]);

    // Sent: the form is no longer offered, and the file sent again changes nothing (the liaison told where a form goes).
    const sent = bot.yearEndRows();
    await bot.say(liaison('HYY'), '/chamdiemexcel', 'Bảng tự chấm đã gửi Cụm trưởng, không sửa được nữa');
    form.set('I.1', { points: 1 });
    await bot.sendFile(liaison('HYY'), await form.bytes(), 'tu-cham-HYY-2020.xlsx', XLSX, 'Nếu là biểu mẫu tự chấm điểm cuối năm: gõ /chamdiemexcel rồi gửi lại tệp.');
    expect(bot.yearEndRows()).toBe(sent);
  });

  it('1. TPND, HVB and HNT score in chat and send; the head sees all five ranked, HVB and HNT tied, the legal preference noted', async () => {
    const max: [string, string][] = [['I.1', '40'], ['I.2', '10'], ['I.3', '10'], ['II.1', '5'], ['II.2', '10'], ['II.3', '5'], ['III.1', '10'], ['III.2', '5'], ['III.3', '5']];
    const change = (code: string, points: string) => max.map(([c, p]): [string, string] => [c, c === code ? points : p]);
    await scoreInChat(bot, liaison('TPND'), [...max, ['B.1', '10']]);
    await sendToHead(bot, liaison('TPND'));
    await scoreInChat(bot, liaison('HVB'), change('I.3', '8'));
    await sendToHead(bot, liaison('HVB'));
    await scoreInChat(bot, liaison('HNT'), change('I.1', '38'));
    await sendToHead(bot, liaison('HNT'));
    expect(bot.rows<{ n: number }>('SELECT count(*) AS n FROM score_sheets WHERE sent_at IS NOT NULL')[0]!.n).toBe(5);

    const board = await bot.say(HEAD, '/chamdiem', 'Bảng điểm thi đua — Cụm thi đua số 1');
    expect(board).toContain(
      [
        'Xếp hạng (5/5 đơn vị đã gửi bảng tự chấm):',
        '1. TPND — UBND thành phố Nam Định: 110 điểm',
        '2. HYY — UBND huyện Ý Yên: 100 điểm',
        '3. ⚖ HVB — UBND huyện Vụ Bản: 98 điểm',
        '3. ⚖ HNT — UBND huyện Nam Trực: 98 điểm',
        '5. HML — UBND huyện Mỹ Lộc: 82,5 điểm',
      ].join('\n'),
    );
    expect(board).toContain('Theo Nghị định 152/2025/NĐ-CP, Điều 4 khoản 6');
  });

  it('2. the head adjusts HML’s I.3 with a reason: kept beside the unit’s own, HML told and shown it', async () => {
    expect(await headAdjustsHml(bot)).toContain('✔ Đã điều chỉnh I.3 thành 6 điểm');
    expect(linesOf('HML').find((l) => l.code === 'I.3')).toMatchObject({ self: 7.5, adjusted_to: 6, adjust_reason: ADJUST_REASON });
    expect(bot.notices(liaison('HML')).at(-1)).toContain(`từ 7,5 thành 6 điểm. Lý do: ${ADJUST_REASON}. Tổng điểm hiện nay: 81.`);
    const own = await bot.say(liaison('HML'), '/chamdiem', 'Bảng tự chấm điểm thi đua');
    expect(own).toContain(`↳ Cụm trưởng điều chỉnh: 6 — lý do: ${ADJUST_REASON}`);
    expect(own).toContain('Tổng điểm: 81 (tự chấm 82,5, sau điều chỉnh của Cụm trưởng 81)');
  });

  it('3. the head opens the Cờ vote on the ranking’s leader and one more; the members are told, Cụm 2 is not', async () => {
    const ranking = await openFlagVote(bot);
    expect(ranking).toContain('1. UBND thành phố Nam Định — 110 điểm');
    expect(ranking).toContain('3. UBND huyện Vụ Bản — 98 điểm ⚖ bằng điểm\n3. UBND huyện Nam Trực — 98 điểm ⚖ bằng điểm');
    expect(bot.rows('SELECT count(*) AS n FROM vote_members')).toEqual([{ n: 5 }]);
    expect(bot.rows<{ unit: string }>('SELECT u.code AS unit FROM vote_candidates c JOIN units u ON u.id = c.unit_id ORDER BY u.code').map((r) => r.unit)).toEqual(['HYY', 'TPND']);
    expect(bot.notices(liaison('HNT')).at(-1)).toMatch(/Cụm thi đua số 1 mở bình xét Cờ thi đua của UBND tỉnh/);
    expect(bot.notices('Cán bộ HHH').some((t) => t.includes('bình xét'))).toBe(false);
  });

  it('3. the members vote once per candidate in chat, each seeing only its own ballot', async () => {
    await membersVote(bot);
    expect(bot.rows('SELECT count(*) AS n FROM ballots')).toEqual([{ n: 8 }]);
    const seen = await bot.say(liaison('HML'), '/binhxet', 'Phiếu của đơn vị anh/chị');
    expect(seen).toContain('Phiếu của đơn vị anh/chị:\n• UBND thành phố Nam Định: ❌ Không đồng ý\n• UBND huyện Ý Yên: ✅ Đồng ý');
    expect(seen).not.toMatch(/\d\/5 đồng ý/);
  });

  it('3. HNT’s written opinion recorded by the head with a note, the vote closed: TPND 4/5 passes, HYY 3/5 fails', async () => {
    const closed = await writtenOpinionAndClose(bot);
    expect(closed).toContain('• UBND thành phố Nam Định: 4/5 đồng ý (80%), 1 không đồng ý, 0 không có ý kiến — ✅ đạt tỷ lệ 80%');
    expect(closed).toContain('• UBND huyện Ý Yên: 3/5 đồng ý (60%), 2 không đồng ý, 0 không có ý kiến — ❌ không đạt tỷ lệ 80%');
    expect(closed).toContain('✉ Ý kiến bằng văn bản của UBND huyện Nam Trực: Công văn số 12/UBND ngày 03/12/2020');
    expect(bot.rows('SELECT closed_on AS closedOn FROM votes')).toEqual([{ closedOn: '2020-12-04' }]);
    expect(bot.rows('SELECT count(*) AS n FROM ballots WHERE written = 1')).toEqual([{ n: 2 }]);
    expect(bot.notices(BOARD).at(-1)).toContain('3/5 đồng ý (60%)');
  });

  it('4. the head proposes the passing candidate only; HML proposes its own TTLĐXS: conditions met, not met, not declared', async () => {
    const { offered, made } = await headProposesTpnd(bot);
    expect(offered).toEqual(['1. ➕ Đề nghị UBND thành phố Nam Định: Cờ thi đua của UBND tỉnh']);
    expect(made).toContain('Dẫn đầu cụm/khối (xếp thứ nhất): ✅ Đạt');
    expect(made).toContain('Được cụm/khối bình xét, suy tôn đạt tỷ lệ quy định: ✅ Đạt');

    const declared = await hmlProposesItself(bot);
    expect(declared).toContain('Hoàn thành xuất sắc nhiệm vụ: ✅ Đạt');
    expect(declared).toContain('Từ 70% thành viên đạt danh hiệu Lao động tiên tiến: ❌ Chưa đạt');
    expect(declared).toContain('Có ít nhất 01 Chiến sĩ thi đua cơ sở: ❔ Chưa kê khai');
    expect(bot.rows<{ unit: string; title: string; declared: string }>('SELECT u.code AS unit, p.title, p.declared FROM proposals p JOIN units u ON u.id = p.unit_id ORDER BY p.id').map((r) => [r.unit, r.title, JSON.parse(r.declared)])).toEqual([
      ['TPND', 'co-thi-dua-ubnd-tinh', {}],
      ['HML', 'tap-the-lao-dong-xuat-sac', { taskRating: 'xuat-sac', membersCompletingShare: 1, advancedShare: 0.655, pendingCase: false }],
    ]);
  });

  it('5. TPND’s dossier complete on time, HML’s completed after the deadline: flagged late, the Board’s table says so', async () => {
    const last = await dossiers(bot);
    expect(last).toContain('Tệp nộp sau hạn, được ghi nhận là nộp muộn');
    expect(last).toContain('Hồ sơ có 6/6 tài liệu. Còn thiếu: —');
    const files = bot.rows<{ unit: string; n: number; last: number }>(
      'SELECT u.code AS unit, count(*) AS n, max(f.received_at) AS last FROM dossier_files f JOIN proposals p ON p.id = f.proposal_id JOIN units u ON u.id = p.unit_id GROUP BY u.code ORDER BY u.code',
    );
    expect(files).toEqual([
      { unit: 'HML', n: 6, last: on('2020-12-11') },
      { unit: 'TPND', n: 6, last: on('2020-12-08') },
    ]);
    const table = await bot.say(BOARD, '/hoso', 'Hồ sơ đề nghị khen thưởng');
    expect(table).toContain('• Cờ thi đua của UBND tỉnh · CUM1: 1 đủ, 0 muộn, 0 chưa đủ');
    expect(table).toContain('• Tập thể lao động xuất sắc');
    expect(table).toContain('0 đủ, 1 muộn, 0 chưa đủ');
  });
});
