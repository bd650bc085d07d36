/**
 * The bình xét of Cụm thi đua số 1 in chat (five units, TPND its head; quorum and threshold 80%):
 * the head opens a vote on the Cờ with the ranking's default candidate and one added, the members
 * are told and vote once per candidate, an absent member's written opinion is recorded, the head
 * closes it; the results go to the members and the Board. Then the proposals: the passing unit
 * proposed by the head, a unit's own TTLĐXS with its declarations, conditions met / not met / not
 * declared. A liaison of another cluster and a member trying what is not theirs: refused.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { currentMovement } from '../../src/domain/movements.ts';
import { saveSelfScores } from '../../src/domain/year-end/sheets.ts';
import { scoringTableOfGroup } from '../../src/domain/year-end/store.ts';
import { chatHarness, type ChatHarness } from '../helpers/chat.ts';
import { useTempDatabases } from '../helpers/db.ts';
import { fullMarks } from '../helpers/year-end-fixtures.ts';

useTempDatabases();

const HEAD = 'head-tpnd';
const L = { HML: 'l-hml', HVB: 'l-hvb', HYY: 'l-hyy', HNT: 'l-hnt', HTN: 'l-htn' } as const;
const ADMIN = 'ban';

let h: ChatHarness;
const unitId = (code: string) => h.rows<{ id: number }>('SELECT id FROM units WHERE code = ?', code)[0]!.id;
const groupId = (code: string) => h.rows<{ id: number }>('SELECT id FROM groups WHERE code = ?', code)[0]!.id;
const outboxTo = (who: string) =>
  h
    .rows<{ payload: string }>('SELECT o.payload FROM outbox o JOIN identities i ON i.person_id = o.person_id WHERE i.external_id = ? ORDER BY o.id', who)
    .map((r) => JSON.parse(r.payload).text as string);

/** TPND 110, HYY 100, HVB 98, HNT 98, HML 90: every score criterion at its maximum, then changes. */
function scoreCluster(): void {
  const cum1 = groupId('CUM1');
  const table = scoringTableOfGroup(h.db, cum1)!;
  const score = (code: string, changes: Record<string, number>) => saveSelfScores(h.db, table, { unitId: unitId(code), groupId: cum1 }, fullMarks(table, changes), 0);
  score('TPND', { 'B.1': 10 });
  score('HYY', {});
  score('HVB', { 'I.3': 8 });
  score('HNT', { 'I.1': 38 });
  score('HML', { 'I.1': 30 });
}

beforeEach(() => {
  h = chatHarness();
  h.link(HEAD, 'TPND', 'cluster_head', 'Trần Cụm Trưởng');
  for (const [code, who] of Object.entries(L)) h.link(who, code, 'liaison', `Cán bộ ${code}`);
  h.link(ADMIN, null, 'admin', 'Ban Thi đua');
  scoreCluster();
});

/** The head opens the Cờ vote on TPND (the default) and HYY (added), until 05/12/2020. */
function openFlagVote(): void {
  h.say(HEAD, '/binhxet');
  const ranking = h.press(HEAD, 'Mở bình xét Cờ thi đua');
  expect(ranking).toContain('1. UBND thành phố Nam Định — 110 điểm');
  expect(ranking).toContain('3. UBND huyện Vụ Bản — 98 điểm ⚖ bằng điểm\n3. UBND huyện Nam Trực — 98 điểm ⚖ bằng điểm');
  expect(ranking).toContain('Nghị định 152/2025/NĐ-CP');
  expect(ranking).toContain('Danh sách đưa ra bình xét (1): UBND thành phố Nam Định');
  expect(h.press(HEAD, 'Ý Yên')).toContain('Danh sách đưa ra bình xét (2)');
  h.press(HEAD, 'Tiếp tục');
  expect(h.say(HEAD, '31/13/2020')).toContain('không phải ngày hợp lệ');
  const opened = h.say(HEAD, '05/12/2020');
  expect(opened).toContain('Đã mở bình xét');
  expect(opened).toContain('hạn bỏ phiếu 05/12/2020');
}

const vote = (who: string, first: 'Đồng ý' | 'Không đồng ý', second: 'Đồng ý' | 'Không đồng ý') => {
  h.say(who, '/binhxet');
  h.press(who, first);
  return h.press(who, second);
};

describe('/binhxet: the vote of a cluster in chat', () => {
  it('opened by the head, voted once per candidate by members, a written opinion recorded, closed; results to members and the Board', () => {
    openFlagVote();
    expect(h.rows('SELECT count(*) AS n FROM vote_members')).toEqual([{ n: 5 }]);
    // Every member's liaison is told, with a button to vote; the other cluster's is not.
    expect(outboxTo(L.HML)).toEqual([expect.stringMatching(/Cụm thi đua số 1 mở bình xét Cờ thi đua của UBND tỉnh\. .*UBND thành phố Nam Định; UBND huyện Ý Yên\. Hạn bỏ phiếu: 05\/12\/2020/)]);
    expect(outboxTo(L.HTN)).toEqual([]);

    // TPND passes 4 of 5 (80%); HYY fails 3 of 5.
    h.say(HEAD, '/binhxet');
    h.press(HEAD, 'đang bỏ phiếu');
    h.press(HEAD, 'Bỏ phiếu');
    h.press(HEAD, 'Đồng ý');
    h.press(HEAD, 'Đồng ý');
    const own = vote(L.HML, 'Không đồng ý', 'Đồng ý');
    expect(own).toContain('đã bỏ phiếu đủ');
    // A member sees its own ballot, never another's.
    const seen = h.say(L.HML, '/binhxet');
    expect(seen).toContain('Phiếu của đơn vị anh/chị:\n• UBND thành phố Nam Định: ❌ Không đồng ý\n• UBND huyện Ý Yên: ✅ Đồng ý');
    expect(seen).not.toMatch(/\d\/5 đồng ý/);
    // Voting twice: no button left, and the domain refuses a second ballot anyway.
    expect(h.lastQuestion(L.HML)?.choices?.map((c) => c.id)).toEqual(['back']);
    vote(L.HVB, 'Đồng ý', 'Không đồng ý');
    vote(L.HYY, 'Đồng ý', 'Đồng ý');

    // Closing before the end date without the quorum... 4 of 5 is 80%: reached. Record HNT's letter first.
    h.say(HEAD, '/binhxet');
    const state = h.press(HEAD, 'đang bỏ phiếu');
    expect(state).toContain('Tham gia: 4 bỏ phiếu trực tiếp, 0 ý kiến bằng văn bản / 5 thành viên (cần 80%: đủ)');
    expect(state).toContain('Chưa tham gia: UBND huyện Nam Trực');
    h.press(HEAD, 'ý kiến bằng văn bản');
    h.press(HEAD, 'Nam Trực');
    h.press(HEAD, 'Đồng ý');
    h.press(HEAD, 'Không đồng ý');
    expect(h.say(HEAD, 'CV')).toContain('Ghi chú cần từ 3 đến 1.000 ký tự'); // too short a note: asked again
    expect(h.say(HEAD, 'Công văn số 12/UBND ngày 03/12/2020')).toContain('Đã ghi ý kiến bằng văn bản của UBND huyện Nam Trực');
    h.db.$client.prepare("UPDATE people SET locale = 'en' WHERE full_name = 'Ban Thi đua'").run(); // the Board reads English
    const closed = h.press(HEAD, 'Kết thúc bình xét');
    expect(closed).toContain('• UBND thành phố Nam Định: 4/5 đồng ý (80%), 1 không đồng ý, 0 không có ý kiến — ✅ đạt tỷ lệ 80%');
    expect(closed).toContain('• UBND huyện Ý Yên: 3/5 đồng ý (60%), 2 không đồng ý, 0 không có ý kiến — ❌ không đạt tỷ lệ 80%');
    expect(closed).toContain('✉ Ý kiến bằng văn bản của UBND huyện Nam Trực: Công văn số 12/UBND ngày 03/12/2020');
    expect(h.rows('SELECT closed_on AS closedOn FROM votes')).toEqual([{ closedOn: '2020-02-15' }]);
    expect(h.rows('SELECT count(*) AS n FROM ballots WHERE written = 1')).toEqual([{ n: 2 }]);

    // The results go to every member's liaison and to the Board.
    expect(outboxTo(L.HNT).at(-1)).toContain('4/5 đồng ý (80%)');
    expect(outboxTo(ADMIN).at(-1)).toContain('3/5 approve (60%), 2 against, 0 no opinion — ❌ below 80%'); // each in their own language
    expect(h.say(ADMIN, '/binhxet')).toContain('CUM1');
    expect(h.say(L.HML, '/binhxet')).toContain('Kết quả (tỷ lệ trên tổng số thành viên)');
  });

  it('secret and scoped: no results before the close; another cluster sees nothing; a member cannot open, close or record', () => {
    openFlagVote();
    vote(L.HML, 'Đồng ý', 'Đồng ý');
    // The Board sees attendance while it is open, not the ballots.
    const board = h.say(ADMIN, '/binhxet');
    expect(board).toContain('Tham gia: 1 bỏ phiếu trực tiếp');
    expect(board).not.toContain('đồng ý (');
    // A liaison of Cụm 2 has no vote; HTN's people were never told; Cụm 2's head sees only its own cluster's.
    expect(h.say(L.HTN, '/binhxet')).toContain('Chưa có cuộc bình xét nào');
    h.link('head-hhh', 'HHH', 'cluster_head', 'Cụm trưởng 2');
    expect(h.say('head-hhh', '/binhxet')).toContain('Chưa có cuộc bình xét nào');
    expect(h.lastQuestion('head-hhh')?.choices?.map((c) => c.id)).toEqual(['open:co-thi-dua-ubnd-tinh', 'open:bang-khen-ubnd-tinh']);
    // A member liaison: no opening, no closing, no written opinion among its buttons.
    h.say(L.HVB, '/binhxet');
    expect(h.lastQuestion(L.HVB)?.choices?.map((c) => c.id)).toEqual(['yes:' + unitId('TPND'), 'no:' + unitId('TPND')]);
    h.say(L.HVB, '/huy');
    h.say(L.HML, '/binhxet');
    expect(h.lastQuestion(L.HML)?.choices?.map((c) => c.id)).toEqual(['back']);
    // The head cannot close without the quorum (1 of 5) before the end date.
    h.say(HEAD, '/binhxet');
    h.press(HEAD, 'đang bỏ phiếu');
    expect(h.press(HEAD, 'Kết thúc bình xét')).toContain('Chưa đủ số thành viên tham gia');
    expect(h.rows('SELECT closed_on AS closedOn FROM votes')).toEqual([{ closedOn: null }]);

    // From its end date (05/12/2020, Hà Nội time) the head may close it whatever the attendance: 1 of 5 is 20%, below 80%.
    h.clock.set(Date.UTC(2020, 11, 4, 17, 30));
    h.say(HEAD, '/binhxet');
    h.press(HEAD, 'đang bỏ phiếu');
    const closed = h.press(HEAD, 'Kết thúc bình xét');
    expect(closed).toContain('• UBND thành phố Nam Định: 1/5 đồng ý (20%), 0 không đồng ý, 4 không có ý kiến — ❌ không đạt tỷ lệ 80%');
    expect(h.rows('SELECT closed_on AS closedOn FROM votes')).toEqual([{ closedOn: '2020-12-05' }]);
    // Closed: a late ballot is refused, nothing written.
    expect(h.say(L.HVB, '/binhxet')).toContain('Kết quả (tỷ lệ trên tổng số thành viên)');
    expect(h.rows('SELECT count(*) AS n FROM ballots')).toEqual([{ n: 2 }]);
  });
});

describe('/binhxet: a ballot cut short by the close', () => {
  it('a member halfway through its ballot when the head closes: its late answer refused, the results shown, nothing written', () => {
    openFlagVote();
    vote(L.HVB, 'Đồng ý', 'Đồng ý');
    vote(L.HYY, 'Đồng ý', 'Đồng ý');
    vote(L.HNT, 'Đồng ý', 'Không đồng ý');
    h.say(L.HML, '/binhxet');
    h.press(L.HML, 'Không đồng ý'); // TPND; HYY still to answer
    h.say(HEAD, '/binhxet');
    h.press(HEAD, 'đang bỏ phiếu');
    h.press(HEAD, 'Kết thúc bình xét'); // 4 of 5 took part: the quorum
    const late = h.press(L.HML, 'Đồng ý');
    expect(late).toContain('Cuộc bình xét đã kết thúc.');
    expect(late).toContain('Kết quả (tỷ lệ trên tổng số thành viên)');
    expect(late).not.toContain('đã bỏ phiếu đủ');
    expect(h.rows('SELECT count(*) AS n FROM ballots WHERE voter_unit_id = ?', unitId('HML'))).toEqual([{ n: 1 }]);
  });
});

describe('/denghi: proposals and their conditions', () => {
  function closedFlagVote(): void {
    openFlagVote();
    h.say(HEAD, '/binhxet');
    h.press(HEAD, 'đang bỏ phiếu');
    h.press(HEAD, 'Bỏ phiếu');
    h.press(HEAD, 'Đồng ý');
    h.press(HEAD, 'Đồng ý');
    vote(L.HML, 'Đồng ý', 'Không đồng ý');
    vote(L.HVB, 'Đồng ý', 'Không đồng ý');
    vote(L.HYY, 'Đồng ý', 'Đồng ý');
    h.say(HEAD, '/binhxet');
    h.press(HEAD, 'đang bỏ phiếu');
    h.press(HEAD, 'Kết thúc bình xét');
  }

  it('the head proposes the unit that passed; the unit is told; only passing units are offered', () => {
    closedFlagVote();
    h.say(HEAD, '/denghi');
    const offered = h.lastQuestion(HEAD)!.choices!.map((c) => c.label);
    expect(offered).toEqual(['➕ Đề nghị UBND thành phố Nam Định: Cờ thi đua của UBND tỉnh']);
    const made = h.press(HEAD, 'Đề nghị UBND thành phố Nam Định');
    expect(made).toContain('Đã đề nghị Cờ thi đua của UBND tỉnh cho UBND thành phố Nam Định');
    expect(made).toContain('Dẫn đầu cụm/khối (xếp thứ nhất): ✅ Đạt');
    expect(made).toContain('Được cụm/khối bình xét, suy tôn đạt tỷ lệ quy định: ✅ Đạt');
    expect(made).toContain('Tiêu biểu xuất sắc: 👥 Do Hội đồng đánh giá');
    const movementId = currentMovement(h.db)!.id;
    expect(h.rows('SELECT unit_id AS unitId, title, group_id AS groupId FROM proposals WHERE movement_id = ?', movementId)).toEqual([
      { unitId: unitId('TPND'), title: 'co-thi-dua-ubnd-tinh', groupId: groupId('CUM1') },
    ]);
  });

  it('a liaison proposes its own TTLĐXS, declares in chat: met, not met, not declared; another unit cannot touch it', () => {
    h.say(L.HML, '/denghi');
    h.press(L.HML, 'Tập thể lao động xuất sắc');
    h.press(L.HML, 'Hoàn thành xuất sắc nhiệm vụ');
    expect(h.say(L.HML, '120')).toContain('không phải tỷ lệ hợp lệ');
    h.say(L.HML, '100');
    h.say(L.HML, '65,5');
    h.press(L.HML, 'Bỏ qua');
    const done = h.press(L.HML, 'Không');
    expect(done).toContain('Đã lưu kê khai');
    expect(done).toContain('Hoàn thành xuất sắc nhiệm vụ: ✅ Đạt');
    expect(done).toContain('Từ 70% thành viên đạt danh hiệu Lao động tiên tiến: ❌ Chưa đạt');
    expect(done).toContain('Có ít nhất 01 Chiến sĩ thi đua cơ sở: ❔ Chưa kê khai');
    expect(done).toContain('Không đang bị xem xét kỷ luật, thanh tra, giải quyết khiếu nại, tố cáo: ✅ Đạt');
    expect(h.rows<{ declared: string }>('SELECT declared FROM proposals').map((r) => JSON.parse(r.declared))).toEqual([
      { taskRating: 'xuat-sac', membersCompletingShare: 1, advancedShare: 0.655, pendingCase: false },
    ]);
    // Another member's liaison and another cluster's liaison see only their own (none).
    expect(h.say(L.HVB, '/denghi')).toContain('Chưa có đề nghị khen thưởng nào');
    expect(h.say(L.HTN, '/denghi')).toContain('Chưa có đề nghị khen thưởng nào');
    // The Board reads it with its conditions.
    const board = h.say(ADMIN, '/denghi');
    expect(board).toContain('Đề nghị khen thưởng: 1 đề nghị.\n• Tập thể lao động xuất sắc: 1');
    expect(board).toContain('🏅 UBND huyện Mỹ Lộc — Tập thể lao động xuất sắc (đơn vị tự đề nghị)');
    expect(board).toContain('có trong văn bản "Tổng hợp đề nghị khen thưởng"');

    // Withdrawn by its own liaison.
    h.say(L.HML, '/denghi');
    h.press(L.HML, 'Tập thể lao động xuất sắc');
    h.press(L.HML, 'Rút đề nghị');
    expect(h.press(L.HML, 'Rút đề nghị')).toContain('Đã rút đề nghị');
    expect(h.rows<{ w: number | null }>('SELECT withdrawn_at AS w FROM proposals')[0]!.w).not.toBeNull();
  });
});
