/**
 * The year-end of Cụm thi đua số 1 (TPND its head; HML, HVB, HYY, HNT) played through the chat of
 * the running bot, step by step, for the scripted year-end tests: HML scores itself in chat with
 * its year's results filled in, HYY by the Excel form, TPND, HVB and HNT in chat; the head adjusts
 * HML's I.3 with a reason; HVB and HNT tie at 98. The head opens the Cờ vote on TPND and HYY, the
 * members vote, HNT's written opinion is recorded, closed: TPND 4/5 passes, HYY 3/5 fails. The head
 * proposes TPND; HML proposes its own TTLĐXS and declares; TPND's dossier complete on time, HML's late.
 */
import { expect } from 'vitest';
import { DOCX_BYTES, PDF_BYTES } from './dossier-rows.ts';
import { registrationOf, ScoreForm } from './score-form.ts';
import { hmlWithYearResults } from './year-end-fixtures.ts';
import { PDF, XLSX, YearEndBot } from './year-end-bot.ts';

/** 10:00 in Hà Nội on `day`. */
export const on = (day: string) => Date.parse(`${day}T03:00:00Z`);

export const HEAD = 'Cụm trưởng TPND';
export const BOARD = 'Ban Thi đua';
export const OTHER = 'Cán bộ HHH'; // a liaison of Cụm 2
export const liaison = (code: string) => `Cán bộ ${code}`;
export const ADJUST_REASON = 'Biên bản thu ngân sách chưa có xác nhận của Kho bạc';
export const WRITTEN_NOTE = 'Công văn số 12/UBND ngày 03/12/2020';

const SCORE_CRITERIA = ['I.1', 'I.2', 'I.3', 'II.1', 'II.2', 'II.3', 'III.1', 'III.2', 'III.3'] as const;
const MAX: Record<string, number> = { 'I.1': 40, 'I.2': 10, 'I.3': 10, 'II.1': 5, 'II.2': 10, 'II.3': 5, 'III.1': 10, 'III.2': 5, 'III.3': 5 };

/** The bot started on 20/11/2020 with the people of the script linked, HML's year reported, HYY registered. */
export async function yearEndBot(): Promise<YearEndBot> {
  const bot = await YearEndBot.start(on('2020-11-20'));
  await bot.link(HEAD, 'TPND', 'cluster_head');
  for (const code of ['TPND', 'HML', 'HVB', 'HYY', 'HNT']) await bot.link(liaison(code), code, 'liaison');
  await bot.link(OTHER, 'HHH', 'liaison');
  await bot.link(BOARD, null, 'admin');
  hmlWithYearResults(bot.temp.db, bot.clock.now());
  registrationOf(bot.temp.db, 'HYY', bot.clock.now()); // the Excel form is keyed on the unit's registration
  return bot;
}

/** Scores the criteria given in chat, one by one, no evidence; returns the sheet shown last. */
export async function scoreInChat(bot: YearEndBot, who: string, points: [string, string][]): Promise<string> {
  await bot.say(who, '/chamdiem', 'Bảng tự chấm điểm thi đua');
  let sheet = '';
  for (const [code, value] of points) {
    await bot.press(who, `${code}:`, 'tối đa');
    await bot.say(who, value, `✔ Đã ghi ${code}`);
    sheet = await bot.press(who, 'Không có minh chứng', 'Tổng điểm');
  }
  return sheet;
}

export async function sendToHead(bot: YearEndBot, who: string): Promise<string> {
  await bot.say(who, '/chamdiem', 'Bảng tự chấm điểm thi đua');
  await bot.press(who, 'Gửi Cụm trưởng', 'Gửi bảng tự chấm');
  return bot.press(who, 'Gửi Cụm trưởng', '✔ Đã gửi bảng tự chấm cho Cụm trưởng.');
}

const atMax = (changes: Record<string, number> = {}): [string, string][] => SCORE_CRITERIA.map((c) => [c, String(changes[c] ?? MAX[c])]);

/** HML in chat: I.1 30 and I.2 5 from its results, the rest typed (I.3 "7,5"): 82,5. */
export async function hmlScoresInChat(bot: YearEndBot): Promise<string> {
  const who = liaison('HML');
  const first = await bot.say(who, '/chamdiem', 'Bảng tự chấm điểm thi đua — UBND huyện Mỹ Lộc');
  expect(first).toContain('• I.1 Tỷ lệ chỉ tiêu đăng ký thi đua đạt và vượt kế hoạch: 30/40 (từ kết quả năm)');
  expect(first).toContain('• I.2 Tỷ lệ chỉ tiêu vượt kế hoạch: 5/10 (từ kết quả năm)');
  // I.3 with a PDF as its evidence, sent in chat.
  await bot.press(who, 'I.3:', 'tối đa');
  await bot.say(who, '7,5', '✔ Đã ghi I.3');
  expect(await bot.sendFile(who, PDF_BYTES, 'bien-ban-thu-ngan-sach.pdf', PDF, 'Đã nhận minh chứng')).toContain('✔ Đã nhận minh chứng.');
  return scoreInChat(bot, who, [['II.1', '5'], ['II.2', '10'], ['II.3', '5'], ['III.1', '10'], ['III.2', '5'], ['III.3', '5']]);
}

/** HYY by the Excel form: downloads it, fills every score criterion at its maximum (100), sends it back, saves. */
export async function hyyScoresByForm(bot: YearEndBot): Promise<{ form: ScoreForm; summary: string; saved: string }> {
  const who = liaison('HYY');
  const before = bot.documentsSent(who);
  await bot.say(who, '/chamdiemexcel', 'Biểu mẫu tự chấm điểm đang được chuẩn bị');
  const form = await ScoreForm.open(await bot.nextFile(who, before));
  for (const code of SCORE_CRITERIA) form.set(code, { points: MAX[code]! });
  form.set('II.2', { evidence: 'https://yyen.namdinh.gov.vn/tdkt/2020' });
  const summary = await bot.sendFile(who, await form.bytes(), 'tu-cham-HYY-2020.xlsx', XLSX, 'Lưu điểm tự chấm này?');
  const saved = await bot.press(who, 'Lưu', 'Đã lưu điểm');
  return { form, summary, saved };
}

/** Every member's sheet sent: TPND 110, HYY 100, HVB 98, HNT 98 (tied), HML 82,5. */
export async function scoreCluster(bot: YearEndBot): Promise<void> {
  await hmlScoresInChat(bot);
  await sendToHead(bot, liaison('HML'));
  await hyyScoresByForm(bot);
  await sendToHead(bot, liaison('HYY'));
  await scoreInChat(bot, liaison('TPND'), [...atMax(), ['B.1', '10']]);
  await sendToHead(bot, liaison('TPND'));
  await scoreInChat(bot, liaison('HVB'), atMax({ 'I.3': 8 }));
  await sendToHead(bot, liaison('HVB'));
  await scoreInChat(bot, liaison('HNT'), atMax({ 'I.1': 38 }));
  await sendToHead(bot, liaison('HNT'));
}

/** The head adjusts HML's I.3 from 7,5 to 6 with a reason; returns its confirmation. */
export async function headAdjustsHml(bot: YearEndBot): Promise<string> {
  bot.clock.set(on('2020-12-01'));
  await bot.say(HEAD, '/chamdiem', 'Bảng điểm thi đua — Cụm thi đua số 1');
  await bot.press(HEAD, 'HML', 'UBND huyện Mỹ Lộc');
  await bot.press(HEAD, 'Điều chỉnh điểm', 'Điều chỉnh điểm tiêu chí nào?');
  await bot.press(HEAD, 'I.3', 'tối đa');
  await bot.say(HEAD, '6', 'lý do');
  return bot.say(HEAD, ADJUST_REASON, '✔ Đã điều chỉnh I.3 thành 6 điểm');
}

/** A member's ballot in chat: `/binhxet`, then one answer per candidate (TPND, then HYY). */
export async function ballot(bot: YearEndBot, who: string, tpnd: 'Đồng ý' | 'Không đồng ý', hyy: 'Đồng ý' | 'Không đồng ý'): Promise<string> {
  await bot.say(who, '/binhxet', 'anh/chị có đồng ý');
  await bot.press(who, tpnd, 'Đã ghi phiếu');
  return bot.press(who, hyy, 'đã bỏ phiếu đủ');
}

/** The head opens the Cờ vote on TPND (the ranking's default) and HYY (added), until 05/12/2020. */
export async function openFlagVote(bot: YearEndBot): Promise<string> {
  bot.clock.set(on('2020-12-03'));
  await bot.say(HEAD, '/binhxet', 'Chưa có cuộc bình xét nào');
  const ranking = await bot.press(HEAD, 'Mở bình xét Cờ thi đua', 'Danh sách đưa ra bình xét (1)');
  await bot.press(HEAD, 'Ý Yên', 'Danh sách đưa ra bình xét (2)');
  await bot.press(HEAD, 'Tiếp tục', 'Hạn cuối bỏ phiếu');
  await bot.say(HEAD, '05/12/2020', 'Đã mở bình xét');
  return ranking;
}

/** The head's own ballot (yes, yes), HML (no, yes), HVB (yes, no), HYY (yes, yes); HNT absent. */
export async function membersVote(bot: YearEndBot): Promise<void> {
  await bot.say(HEAD, '/binhxet', 'Các cuộc bình xét (1)');
  await bot.press(HEAD, 'đang bỏ phiếu', 'Tham gia');
  await bot.press(HEAD, 'Bỏ phiếu', 'anh/chị có đồng ý');
  await bot.press(HEAD, 'Đồng ý', 'Đã ghi phiếu');
  await bot.press(HEAD, 'Đồng ý', 'đã bỏ phiếu đủ');
  await ballot(bot, liaison('HML'), 'Không đồng ý', 'Đồng ý');
  await ballot(bot, liaison('HVB'), 'Đồng ý', 'Không đồng ý');
  await ballot(bot, liaison('HYY'), 'Đồng ý', 'Đồng ý');
}

/** HNT's letter recorded by the head (yes to TPND, no to HYY), then the vote closed; returns the results shown. */
export async function writtenOpinionAndClose(bot: YearEndBot): Promise<string> {
  bot.clock.set(on('2020-12-04'));
  await bot.say(HEAD, '/binhxet', 'Các cuộc bình xét (1)');
  await bot.press(HEAD, 'đang bỏ phiếu', 'Tham gia');
  await bot.press(HEAD, 'ý kiến bằng văn bản', 'Thành viên vắng mặt nào');
  await bot.press(HEAD, 'Nam Trực', 'Ý kiến bằng văn bản của UBND huyện Nam Trực');
  await bot.press(HEAD, 'Đồng ý', 'Ý kiến bằng văn bản của UBND huyện Nam Trực về việc đề nghị UBND huyện Ý Yên');
  await bot.press(HEAD, 'Không đồng ý', 'Ghi chú về văn bản');
  await bot.say(HEAD, WRITTEN_NOTE, 'Đã ghi ý kiến bằng văn bản của UBND huyện Nam Trực');
  return bot.press(HEAD, 'Kết thúc bình xét', 'Đã kết thúc bình xét');
}

/** The head proposes TPND for the Cờ; returns what the bot showed. */
export async function headProposesTpnd(bot: YearEndBot): Promise<{ offered: string[]; made: string }> {
  bot.clock.set(on('2020-12-06'));
  await bot.say(HEAD, '/denghi', 'Chưa có đề nghị khen thưởng nào');
  const offered = bot.buttons(HEAD);
  const made = await bot.press(HEAD, 'Đề nghị UBND thành phố Nam Định', 'Đã đề nghị Cờ thi đua của UBND tỉnh cho UBND thành phố Nam Định');
  return { offered, made };
}

/** HML proposes its own TTLĐXS and declares: rating xuất sắc, 100% completing, 65,5% LĐTT, soldiers skipped, no pending case. */
export async function hmlProposesItself(bot: YearEndBot): Promise<string> {
  const who = liaison('HML');
  await bot.say(who, '/denghi', 'Chưa có đề nghị khen thưởng nào');
  await bot.press(who, 'Tập thể lao động xuất sắc', 'Mức độ hoàn thành nhiệm vụ');
  await bot.press(who, 'Hoàn thành xuất sắc nhiệm vụ', 'Tỷ lệ thành viên hoàn thành nhiệm vụ');
  expect(await bot.say(who, '120', 'không phải tỷ lệ hợp lệ')).toContain('"120"');
  await bot.say(who, '100', 'Lao động tiên tiến');
  await bot.say(who, '65,5', 'Chiến sĩ thi đua cơ sở');
  await bot.press(who, 'Bỏ qua', 'kỷ luật');
  return bot.press(who, 'Không', 'Đã lưu kê khai');
}

const ITEMS = ['Tờ trình', 'Báo cáo thành tích', 'Biên bản họp bình xét', 'Công an', 'Cục Thuế', 'Bảo hiểm xã hội'];

/** Sends the dossier's files for the items given, each in chat after /hoso. */
export async function sendDossierFiles(bot: YearEndBot, who: string, items: string[]): Promise<string> {
  let last = '';
  for (const item of items) {
    await bot.say(who, '/hoso', 'Hồ sơ:');
    await bot.press(who, item, 'Gửi tệp');
    last = await bot.sendFile(who, item.startsWith('Biên bản') ? DOCX_BYTES : PDF_BYTES, `${item}.${item.startsWith('Biên bản') ? 'docx' : 'pdf'}`, PDF, 'Đã lưu');
  }
  return last;
}

/** TPND's dossier complete on 08/12; HML's five files on 09/12, its BHXH confirmation on 11/12 (after the deadline of 10/12). */
export async function dossiers(bot: YearEndBot): Promise<string> {
  bot.clock.set(on('2020-12-08'));
  await sendDossierFiles(bot, liaison('TPND'), ITEMS);
  bot.clock.set(on('2020-12-09'));
  await sendDossierFiles(bot, liaison('HML'), ITEMS.slice(0, 5));
  bot.clock.set(on('2020-12-11'));
  return sendDossierFiles(bot, liaison('HML'), ITEMS.slice(5));
}

/** The whole year-end up to the dossiers, as the first test file plays it with its checks. */
export async function playYearEnd(bot: YearEndBot): Promise<void> {
  await scoreCluster(bot);
  await headAdjustsHml(bot);
  await openFlagVote(bot);
  await membersVote(bot);
  await writtenOpinionAndClose(bot);
  await headProposesTpnd(bot);
  await hmlProposesItself(bot);
  await dossiers(bot);
}
