/**
 * Robustness of the guided conversations: whatever a person types (or presses, or sends) at
 * whatever step, the bot explains what it expects, asks the same question again and keeps
 * nothing; a restart of the bot between two messages loses nothing; /back, /cancel and /help do
 * what they say; and old, changed or broken conversation rows are dropped with a note, never crash.
 *
 * Everything goes through the real ChatCore over a real SQLite file with the Nam Định 2020 sample.
 */
import { describe, expect, it } from 'vitest';
import { encodeChoice, type FileRef, type OutboundMessage } from '../../src/chat/types.ts';
import { cliActor } from '../../src/domain/audit.ts';
import { createInvite } from '../../src/domain/invites.ts';
import { currentMovement, listContentAreas } from '../../src/domain/movements.ts';
import { addTarget, ensureRegistration, submitRegistration } from '../../src/domain/registrations.ts';
import { fold } from '../../src/util/text.ts';
import { chatHarness, type ChatHarness } from '../helpers/chat.ts';
import { countRows, useTempDatabases } from '../helpers/db.ts';

useTempDatabases();

const WHO = 'hoa';
const HOUR = 60 * 60 * 1000;

// ------------------------------------------------------------------ talking

/** Types a line and returns the replies as messages (the harness's `say` joins their texts). */
function say(h: ChatHarness, text: string): OutboundMessage[] {
  return h.send(WHO, { text });
}

/** Presses the button of the latest question whose label contains `label` (accents ignored). */
function press(h: ChatHarness, label: string): OutboundMessage[] {
  const question = h.lastQuestion(WHO);
  const choice = question?.choices?.find((c) => fold(c.label).includes(fold(label)));
  expect(choice, `no button "${label}" in ${JSON.stringify(question?.choices?.map((c) => c.label))}`).toBeDefined();
  return h.send(WHO, { choice: encodeChoice(question!.seq ?? 0, choice!.id) });
}

function sendFile(h: ChatHarness, file: FileRef): OutboundMessage[] {
  return h.send(WHO, { file });
}

const textOf = (replies: OutboundMessage[]) => replies.map((r) => r.text).join('\n---\n');
const lastOf = (replies: OutboundMessage[]) => replies.at(-1)!;

/** The question itself, without the note ("✔ Đã ghi…", a welcome) that may come before it: from its counter, or its opening words where it has none. */
function bareQuestion(message: OutboundMessage): string {
  const at = message.text.search(/Bước \d+(?:\/\d+)?\. |Đăng ký thi đua — |Mời gửi mã mời|Con số vừa nhập là|Bản đăng ký chưa có danh hiệu|Thêm minh chứng hoặc ghi chú cho|Chỉ tiêu \d+: /);
  expect(at, `no question in ${JSON.stringify(message.text)}`).toBeGreaterThanOrEqual(0);
  return message.text.slice(at);
}

/** Asks the core to repeat the current question (an unknown command is answered with it). */
function currentQuestion(h: ChatHarness): OutboundMessage {
  return lastOf(say(h, '/xyz'));
}

type ConversationRow = { flow: string; flow_version: number; step: string; seq: number; data: string; history: string };

function conversation(h: ChatHarness): ConversationRow | undefined {
  // A finished conversation leaves at most the next steps its last message offered (see ChatCore.offer).
  return h.rows<ConversationRow>("SELECT flow, flow_version, step, seq, data, history FROM conversations WHERE step <> 'offered'")[0];
}

const TABLES = [
  'targets',
  'registrations',
  'registration_versions',
  'registration_titles',
  'progress_reports',
  'progress_lines',
  'audit_log',
  'invites',
  'people',
  'outbox',
] as const;

/** What a bad answer must leave alone: the conversation row and every table it could write to. */
function snapshot(h: ChatHarness) {
  return {
    conversation: conversation(h),
    counts: Object.fromEntries(TABLES.map((table) => [table, countRows(h.db, table)])),
  };
}

// ------------------------------------------------------------------ fixtures

/** Sở Nội vụ's registration, with two targets, already sent: what a report needs. */
function submittedRegistration(h: ChatHarness): number {
  const now = h.clock.now();
  const movement = currentMovement(h.db)!;
  const unit = h.rows<{ id: number }>(`SELECT id FROM units WHERE code = 'SNV'`)[0]!;
  const area6 = listContentAreas(h.db, movement.id).find((a) => a.number === 6)!;
  const reg = ensureRegistration(h.db, movement.id, unit.id, now);
  addTarget(
    h.db,
    reg.id,
    { contentAreaId: area6.id, text: 'Hồ sơ giải quyết trực tuyến', kind: 'quantitative', measure: 'hồ sơ', plannedValue: 2000, direction: 'at_least', dueOn: '2020-12-31' },
    cliActor,
    now,
  );
  addTarget(h.db, reg.id, { contentAreaId: area6.id, text: 'Vận hành Trung tâm phục vụ hành chính công', kind: 'qualitative', dueOn: '2020-06-30' }, cliActor, now);
  submitRegistration(h.db, reg.id, cliActor, now);
  return reg.id;
}

const LONG = 'Nâng cao chất lượng '.repeat(26).trim(); // 519 characters
const PHOTO: FileRef = { kind: 'photo', ref: 'AgACAgUAAxkBAAIBQ2Xyz', mime: 'image/jpeg', size: 240_000 };
const EVIDENCE_URL = 'https://snv.namdinh.gov.vn/bao-cao-quy-1-2020.pdf';

/** Fragments of the messages of locales/vi.ftl that explain what was expected. */
const EXPECTED = {
  choice: 'Mời chọn một trong các lựa chọn bên dưới',
  area: 'Mời chọn một nội dung trong danh sách',
  tooShort: 'Nội dung quá ngắn, cần ít nhất 5 ký tự',
  tooLong: 'tối đa 500 ký tự',
  measure: 'Mời chọn hoặc gõ đơn vị tính (tối đa 30 ký tự)',
  number: 'Chưa đọc được số này',
  negative: 'Con số không được âm',
  date: 'Chưa đọc được ngày này',
  outside: 'Thời hạn phải nằm trong thời gian của phong trào, từ 01/01/2020 đến ngày tổng kết 31/03/2021',
  blank: 'Tin nhắn không có chữ nào đọc được',
  evidence: 'Mời gửi ảnh, tệp, hoặc một đường link bắt đầu bằng https://',
  evidenceTooBig: 'Tệp quá lớn (tối đa 20 MB)',
  codeExpected: 'Mời gõ mã mời dạng chữ và số',
  notACode: 'Mã mời gồm 12 ký tự chữ và số, ví dụ ABCDE-1234567',
  greeting: 'mỗi cán bộ cần một mã mời do Ban Thi đua - Khen thưởng cấp (dạng ABCDE-1234567)',
  noteExpected: 'Mời gõ ghi chú, hoặc chọn Bỏ qua',
  fileNotExpected: 'Ở bước này không cần gửi tệp hay ảnh',
  /** At the first result, a file is taken as the filled report form: a photo is not one. */
  formPhoto: 'Đây là ảnh. Xin gửi tệp biểu mẫu .xlsx',
  unknownCommand: 'Không có lệnh "xyz". Gõ /help để xem các lệnh.',
  stale: 'Nút này thuộc câu hỏi cũ nên không dùng được nữa',
};

// ------------------------------------------------------------------ the flows, step by step

type BadInput = { text: string } | { file: FileRef } | { stalePress: true };

interface BadAnswer {
  label: string;
  input: BadInput;
  explains: string;
}

const typed = (text: string, explains: string, label = text === '' ? 'an empty message' : JSON.stringify(text.length > 30 ? `${text.slice(0, 20)}… (${text.length} chars)` : text)): BadAnswer => ({
  label,
  input: { text },
  explains,
});

/** Asked at every step, whatever it is. */
const ALWAYS_BAD: BadAnswer[] = [
  { label: 'an unknown command /xyz', input: { text: '/xyz' }, explains: EXPECTED.unknownCommand },
  { label: 'a button of an earlier question', input: { stalePress: true }, explains: EXPECTED.stale },
];

interface StepScript {
  /** The conversations.step the person is at. */
  step: string;
  /** A distinctive fragment of the question asked. */
  question: string;
  /** A fragment of what /help says at this step. */
  help: string;
  /** A valid answer, moving on. */
  answer(h: ChatHarness): OutboundMessage[];
  /** Bad answers appropriate to this step, besides ALWAYS_BAD. */
  bad: BadAnswer[];
}

interface FlowScript {
  name: string;
  /** Links the person (or not) and opens the flow; returns the replies with the first question. */
  begin(h: ChatHarness): OutboundMessage[];
  steps: (StepScript & { label: string })[];
  /** Checks the rows written once every step was answered (`last` = the final replies). */
  verify(h: ChatHarness, last: OutboundMessage[]): void;
}

const label = (steps: StepScript[]) => {
  const seen = new Map<string, number>();
  return steps.map((s) => {
    const n = (seen.get(s.step) ?? 0) + 1;
    seen.set(s.step, n);
    return { ...s, label: n === 1 ? s.step : `${s.step} (${n})` };
  });
};

const registerFlow: FlowScript = {
  name: 'register',
  begin(h) {
    h.link(WHO, 'SNV');
    return say(h, '/dangky');
  },
  steps: label([
    {
      step: 'area',
      question: 'Bước 1. Chỉ tiêu này thuộc nội dung thi đua nào?',
      help: 'Chín nội dung chủ yếu của phong trào',
      answer: (h) => say(h, '6'),
      bad: [typed('', EXPECTED.area), typed('99', EXPECTED.area), typed('con mèo', EXPECTED.area), typed(LONG, EXPECTED.area)],
    },
    {
      step: 'text',
      question: 'Bước 2. Nội dung chỉ tiêu là gì?',
      help: 'Viết ngắn gọn chỉ tiêu như trong bản đăng ký giấy',
      answer: (h) => say(h, 'Tỷ lệ hồ sơ giải quyết trực tuyến'),
      bad: [
        typed('', EXPECTED.blank),
        typed('\u200b'.repeat(8), EXPECTED.blank, 'eight zero-width spaces'),
        typed('abc', EXPECTED.tooShort),
        typed(LONG, EXPECTED.tooLong),
      ],
    },
    {
      step: 'kind',
      question: 'Bước 3. Chỉ tiêu định lượng (có con số kế hoạch) hay định tính?',
      help: 'Định lượng: có số kế hoạch',
      answer: (h) => press(h, 'Định lượng'),
      bad: [typed('', EXPECTED.choice), typed('99', EXPECTED.choice), typed('con mèo', EXPECTED.choice)],
    },
    {
      step: 'measure',
      question: 'Bước 4/9. Đơn vị tính là gì?',
      help: 'Đơn vị tính của con số kế hoạch',
      // An amount in tỷ đồng: there "1.500" is truly ambiguous (for a count of hồ sơ it is 1500, no question).
      answer: (h) => say(h, 'tỷ đồng'),
      bad: [typed('', EXPECTED.measure), typed('99', EXPECTED.measure), typed('x'.repeat(31), EXPECTED.measure), typed(LONG, EXPECTED.measure)],
    },
    {
      step: 'planned',
      question: 'Bước 5/9. Kế hoạch (con số phấn đấu) là bao nhiêu tỷ đồng?',
      help: 'Gõ một con số: dấu chấm ngăn cách hàng nghìn',
      answer: (h) => say(h, '1.500'),
      bad: [
        typed('', EXPECTED.number),
        typed('mười', EXPECTED.number),
        typed('abc', EXPECTED.number),
        typed(LONG, EXPECTED.number),
        typed('-5', EXPECTED.negative, 'a negative plan "-5"'),
      ],
    },
    {
      step: 'planned',
      question: 'Bước 5/9. "1.500" có thể hiểu là 1.500 (một nghìn năm trăm) hoặc 1,5 (số thập phân)',
      help: 'Gõ một con số',
      answer: (h) => press(h, '1.500'),
      bad: [typed('abc', EXPECTED.number), typed('mười', EXPECTED.number), typed('-5', EXPECTED.negative, 'a negative plan "-5"')],
    },
    {
      step: 'direction',
      question: 'Bước 6/9. Chỉ tiêu đạt khi kết quả…',
      help: '"Không thấp hơn": càng cao càng tốt',
      answer: (h) => press(h, 'Không thấp hơn'),
      bad: [typed('', EXPECTED.choice), typed('99', EXPECTED.choice), typed('con mèo', EXPECTED.choice)],
    },
    {
      step: 'due',
      question: 'Bước 7/9. Thời hạn hoàn thành?',
      help: 'Gõ ngày theo dạng ngày/tháng/năm',
      answer: (h) => say(h, '30/9'),
      bad: [
        typed('', EXPECTED.date),
        typed('abc', EXPECTED.date),
        typed('99', EXPECTED.date),
        typed('30/2', EXPECTED.date, 'an impossible date "30/2"'),
        typed('32/1/2020', EXPECTED.date, 'an impossible date "32/1/2020"'),
        typed('01/04/2021', EXPECTED.outside, 'a date after the final review "01/04/2021"'),
        typed('31/12/2019', EXPECTED.outside, 'a date before the movement "31/12/2019"'),
      ],
    },
    {
      step: 'note',
      question: 'Bước 8/9. Ghi chú thêm (nếu có):',
      help: 'Ghi chú sẽ hiện ở cột "Ghi chú"',
      answer: (h) => say(h, 'Theo Kế hoạch số 12/KH-SNV'),
      bad: [typed(LONG, EXPECTED.tooLong), typed('', EXPECTED.noteExpected)],
    },
    {
      step: 'confirm',
      question: 'Lưu chỉ tiêu này?',
      help: 'Chọn "Lưu" để ghi vào bản đăng ký',
      answer: (h) => press(h, 'Lưu'),
      bad: [typed('', EXPECTED.choice), typed('99', EXPECTED.choice), typed('con mèo', EXPECTED.choice)],
    },
    {
      step: 'menu',
      question: 'Anh/chị muốn làm gì tiếp?',
      help: 'Thêm đủ các chỉ tiêu, chọn danh hiệu',
      answer: (h) => press(h, 'Gửi bản đăng ký'),
      bad: [typed('', EXPECTED.choice), typed('99', EXPECTED.choice), typed('con mèo', EXPECTED.choice)],
    },
    {
      step: 'submit',
      question: 'Gửi bản đăng ký này cho Ban Thi đua - Khen thưởng?',
      help: 'Sau khi gửi, bản đăng ký chờ Ban duyệt',
      answer: (h) => press(h, 'Gửi'),
      bad: [typed('', EXPECTED.choice), typed('99', EXPECTED.choice), typed('con mèo', EXPECTED.choice)],
    },
    {
      // No title chosen: asked once before sending; silence is no answer, "không" is.
      step: 'titles_ask',
      question: 'Bản đăng ký chưa có danh hiệu thi đua nào',
      help: 'Ban cần biết đơn vị có đăng ký danh hiệu hay không',
      answer: (h) => press(h, 'Không đăng ký danh hiệu'),
      bad: [typed('', EXPECTED.choice), typed('99', EXPECTED.choice), typed('con mèo', EXPECTED.choice)],
    },
  ]),
  verify(h, last) {
    expect(textOf(last)).toContain('✔ Đã gửi bản đăng ký (lần 1)');
    const targets = h.rows(
      `SELECT a.number AS area, t.text, t.kind, t.measure, t.planned_value AS planned, t.direction, t.due_on AS due, t.note
         FROM targets t JOIN content_areas a ON a.id = t.content_area_id
         JOIN registrations r ON r.id = t.registration_id JOIN units u ON u.id = r.unit_id
        WHERE u.code = 'SNV' AND t.deleted_at IS NULL`,
    );
    expect(targets).toEqual([
      {
        area: 6,
        text: 'Tỷ lệ hồ sơ giải quyết trực tuyến',
        kind: 'quantitative',
        measure: 'tỷ đồng',
        planned: 1500,
        direction: 'at_least',
        due: '2020-09-30',
        note: 'Theo Kế hoạch số 12/KH-SNV',
      },
    ]);
    expect(h.rows(`SELECT r.status, r.version FROM registrations r JOIN units u ON u.id = r.unit_id WHERE u.code = 'SNV'`)).toEqual([{ status: 'submitted', version: 1 }]);
    expect(conversation(h)).toBeUndefined();
  },
};

const reportFlow: FlowScript = {
  name: 'report',
  begin(h) {
    h.link(WHO, 'SNV');
    submittedRegistration(h);
    return say(h, '/baocao');
  },
  steps: label([
    {
      step: 'period',
      question: 'Bước 1/4. Báo cáo kết quả cho kỳ nào?',
      help: 'Chọn kỳ báo cáo. Mỗi kỳ có hạn nộp',
      // Quý II: the first quarter asks no "this period or running total?" (the two are the same).
      answer: (h) => press(h, 'Quý II/2020'),
      bad: [typed('', EXPECTED.choice), typed('99', EXPECTED.choice), typed('con mèo', EXPECTED.choice)],
    },
    {
      step: 'value',
      question: 'Bước 2/4. Chỉ tiêu 1/2: Hồ sơ giải quyết trực tuyến (kế hoạch: ≥ 2.000 hồ sơ)',
      help: 'Gõ một con số: dấu chấm ngăn cách hàng nghìn',
      answer: (h) => say(h, '1.500'),
      bad: [
        typed('', EXPECTED.number),
        typed('mười', EXPECTED.number),
        typed('abc', EXPECTED.number),
        typed(LONG, EXPECTED.number),
        typed('-5', EXPECTED.negative, 'a negative result "-5"'),
        { label: 'a photo', input: { file: PHOTO }, explains: EXPECTED.formPhoto },
      ],
    },
    {
      // Part of the target's step: no counter of its own.
      step: 'cumulative',
      question: 'Con số vừa nhập là:',
      help: '"Lũy kế" là tổng từ đầu năm đến nay',
      answer: (h) => press(h, 'Riêng kỳ này'),
      bad: [typed('', EXPECTED.choice), typed('99', EXPECTED.choice), typed('con mèo', EXPECTED.choice)],
    },
    {
      step: 'value',
      question: 'Bước 3/4. Chỉ tiêu 2/2: Vận hành Trung tâm phục vụ hành chính công (kế hoạch: Hoàn thành)',
      help: 'Gõ một con số',
      answer: (h) => press(h, 'Hoàn thành xuất sắc'),
      bad: [typed('', EXPECTED.choice), typed('99', EXPECTED.choice), typed('con mèo', EXPECTED.choice), typed('40', EXPECTED.choice)],
    },
    {
      step: 'confirm',
      question: 'Bước 4/4. Tổng hợp báo cáo Quý II/2020:',
      help: 'Chọn "Gửi báo cáo" để lưu',
      answer: (h) => press(h, 'Thêm minh chứng / ghi chú'),
      bad: [typed('', EXPECTED.choice), typed('99', EXPECTED.choice), typed('con mèo', EXPECTED.choice)],
    },
    {
      step: 'extra_pick',
      question: 'Thêm minh chứng hoặc ghi chú cho chỉ tiêu nào?',
      help: 'Chọn chỉ tiêu cần gửi kèm minh chứng',
      answer: (h) => press(h, '1. Hồ sơ giải quyết trực tuyến'),
      bad: [typed('', EXPECTED.choice), typed('99', EXPECTED.choice), typed('con mèo', EXPECTED.choice)],
    },
    {
      step: 'evidence',
      question: 'Chỉ tiêu 1: Hồ sơ giải quyết trực tuyến\nGửi minh chứng',
      help: 'Có thể chụp ảnh, gửi tệp PDF/Word',
      answer: (h) => say(h, EVIDENCE_URL),
      bad: [
        typed('Đã có ảnh chụp', EXPECTED.evidence, 'a text "Đã có ảnh chụp"'),
        typed('www.namdinh.gov.vn', EXPECTED.evidence, 'an address without https://'),
        typed('', EXPECTED.evidence),
        typed('99', EXPECTED.evidence),
        { label: 'a file over 20 MB', input: { file: { kind: 'document', ref: 'BQACAgUAAxkBig', name: 'bao-cao.pdf', size: 25 * 1024 * 1024 } }, explains: EXPECTED.evidenceTooBig },
      ],
    },
    {
      step: 'note',
      question: 'Chỉ tiêu 1: Hồ sơ giải quyết trực tuyến\nGhi chú cho chỉ tiêu này:',
      help: 'Ghi chú ngắn về kết quả',
      answer: (h) => say(h, 'Số liệu đến ngày 31/3'),
      bad: [typed(LONG, EXPECTED.tooLong)],
    },
    {
      step: 'confirm',
      question: 'Bước 4/4. Tổng hợp báo cáo Quý II/2020:',
      help: 'Chọn "Gửi báo cáo" để lưu',
      answer: (h) => press(h, 'Thêm minh chứng / ghi chú'),
      bad: [typed('con mèo', EXPECTED.choice)],
    },
    {
      step: 'extra_pick',
      question: 'Thêm minh chứng hoặc ghi chú cho chỉ tiêu nào?',
      help: 'Chọn chỉ tiêu cần gửi kèm minh chứng',
      answer: (h) => press(h, '2. Vận hành Trung tâm'),
      bad: [typed('99', EXPECTED.choice)],
    },
    {
      step: 'evidence',
      question: 'Chỉ tiêu 2: Vận hành Trung tâm phục vụ hành chính công\nGửi minh chứng',
      help: 'Có thể chụp ảnh, gửi tệp PDF/Word',
      answer: (h) => sendFile(h, PHOTO),
      bad: [typed('Đã có ảnh chụp', EXPECTED.evidence, 'a text "Đã có ảnh chụp"')],
    },
    {
      step: 'note',
      question: 'Ghi chú cho chỉ tiêu này:',
      help: 'Ghi chú ngắn về kết quả',
      answer: (h) => press(h, 'Không ghi chú'),
      bad: [typed(LONG, EXPECTED.tooLong)],
    },
    {
      step: 'confirm',
      question: 'Bước 4/4. Tổng hợp báo cáo Quý II/2020:',
      help: 'Chọn "Gửi báo cáo" để lưu',
      answer: (h) => press(h, 'Gửi báo cáo'),
      bad: [typed('', EXPECTED.choice), typed('99', EXPECTED.choice), typed('con mèo', EXPECTED.choice)],
    },
  ]),
  verify(h, last) {
    expect(textOf(last)).toContain('✔ Đã gửi báo cáo Quý II/2020 tới Ban (2 chỉ tiêu)');
    expect(h.rows(`SELECT p.code, r.revision FROM progress_reports r JOIN reporting_periods p ON p.id = r.period_id`)).toEqual([{ code: 'Q2020-2', revision: 1 }]);
    expect(
      h.rows(
        `SELECT t.text, l.value, l.cumulative, l.percent_of_plan AS percent, l.assessment, l.evidence_kind AS evidenceKind, l.evidence_ref AS evidenceRef, l.note
           FROM progress_lines l JOIN targets t ON t.id = l.target_id ORDER BY t.position`,
      ),
    ).toEqual([
      {
        text: 'Hồ sơ giải quyết trực tuyến',
        value: 1500,
        cumulative: 0,
        percent: 75,
        assessment: 'in_progress',
        evidenceKind: 'link',
        evidenceRef: EVIDENCE_URL,
        note: 'Số liệu đến ngày 31/3',
      },
      {
        text: 'Vận hành Trung tâm phục vụ hành chính công',
        value: null,
        cumulative: 0,
        percent: null,
        assessment: 'exceeded',
        evidenceKind: 'photo',
        evidenceRef: PHOTO.ref,
        note: null,
      },
    ]);
    expect(conversation(h)).toBeUndefined();
  },
};

/** The invite code each harness's newcomer was given (the link flow needs it as the answer). */
const inviteCodes = new WeakMap<ChatHarness, string>();

const linkFlow: FlowScript = {
  name: 'link',
  begin(h) {
    inviteCodes.set(h, createInvite(h.db, { unitCode: 'SNV', role: 'liaison', personName: 'Nguyễn Thị Hoa' }, cliActor, h.clock.now()).code);
    return say(h, '/start');
  },
  steps: label([
    {
      step: 'code',
      question: 'Mời gửi mã mời mà Ban Thi đua - Khen thưởng đã cấp',
      help: 'Mã mời gồm 12 ký tự',
      answer: (h) => say(h, inviteCodes.get(h)!),
      bad: [
        typed('', EXPECTED.codeExpected),
        // Text that is not shaped like a code is explained, and not counted as a wrong try.
        typed('abc', EXPECTED.greeting),
        typed('99', EXPECTED.notACode),
        typed(LONG, EXPECTED.greeting),
      ],
    },
  ]),
  verify(h, last) {
    expect(textOf(last)).toContain('Đã liên kết tài khoản. Xin chào Nguyễn Thị Hoa — Cán bộ đầu mối, Sở Nội vụ.');
    expect(
      h.rows(
        `SELECT p.full_name AS name, p.role, u.code AS unit FROM identities i JOIN people p ON p.id = i.person_id JOIN units u ON u.id = p.unit_id
          WHERE i.external_id = ?`,
        WHO,
      ),
    ).toEqual([{ name: 'Nguyễn Thị Hoa', role: 'liaison', unit: 'SNV' }]);
    expect(conversation(h)).toBeUndefined();
  },
};

const FLOWS = [registerFlow, reportFlow, linkFlow];

/** A new harness, with the person answered validly up to the `index`-th step; returns the question asked there. */
function walkTo(flow: FlowScript, index: number): { h: ChatHarness; asked: OutboundMessage } {
  const h = chatHarness();
  let replies = flow.begin(h);
  for (const step of flow.steps.slice(0, index)) replies = step.answer(h);
  const asked = lastOf(replies);
  const here = flow.steps[index]!;
  expect(conversation(h)?.step).toBe(here.step);
  expect(asked.text).toContain(here.question);
  return { h, asked };
}

function deliver(h: ChatHarness, input: BadInput): OutboundMessage[] {
  if ('stalePress' in input) {
    // A button of the previous question, as a second tap on an answered question would send.
    const seq = conversation(h)!.seq;
    return h.send(WHO, { choice: encodeChoice(seq - 1, '1') });
  }
  if ('file' in input) return sendFile(h, input.file);
  return say(h, input.text);
}

/** The reply asks exactly the question that was asked before (same text, same buttons, same sequence number). */
function expectSameQuestion(replies: OutboundMessage[], asked: OutboundMessage): void {
  const again = lastOf(replies);
  const question = bareQuestion(asked);
  expect(again.text.slice(-question.length)).toBe(question);
  expect(again.choices).toEqual(asked.choices);
  expect(again.seq).toBe(asked.seq);
}

// ------------------------------------------------------------------ 1. bad answers

describe.each(FLOWS)('$name flow: every kind of bad answer at every step', (flow) => {
  const cases = flow.steps.flatMap((step, index) => [...step.bad, ...ALWAYS_BAD].map((bad) => ({ at: step.label, index, bad: bad.label, answer: bad })));

  it.each(cases)('at $at, $bad: explained, same question again, nothing changed', ({ index, answer }) => {
    const { h, asked } = walkTo(flow, index);
    const before = snapshot(h);

    const replies = deliver(h, answer.input);

    expect(textOf(replies)).toContain(answer.explains);
    expectSameQuestion(replies, asked);
    expect(snapshot(h)).toEqual(before);
  });
});

describe('link flow: wrong codes', () => {
  it('a wrong code is explained, counted, and the person stays unlinked at the same question', () => {
    const { h, asked } = walkTo(linkFlow, 0);
    const before = snapshot(h);

    const replies = say(h, 'ABCDE-1234567');

    expect(textOf(replies)).toContain('Mã này không đúng hoặc không có');
    expect(textOf(replies)).toContain('Còn 4 lần thử');
    expectSameQuestion(replies, asked);
    expect(snapshot(h)).toEqual(before);
    expect(h.rows(`SELECT person_id AS personId, link_failures AS failures FROM identities WHERE external_id = ?`, WHO)).toEqual([{ personId: null, failures: 1 }]);
  });
});

describe('report flow: nothing to send', () => {
  it('sending a report where every target was skipped is refused, and nothing is written', () => {
    const h = chatHarness();
    reportFlow.begin(h);
    press(h, 'Quý I/2020');
    press(h, 'Bỏ qua');
    const asked = lastOf(press(h, 'Bỏ qua'));
    expect(asked.text).toContain('Tổng hợp báo cáo Quý I/2020');
    const before = snapshot(h);

    const replies = press(h, 'Gửi báo cáo');

    expect(textOf(replies)).toContain('Chưa có chỉ tiêu nào có kết quả; không có gì để gửi');
    expectSameQuestion(replies, asked);
    expect(snapshot(h)).toEqual(before);
  });
});

// ------------------------------------------------------------------ 2. restarts

describe.each(FLOWS)('$name flow: a restart of the bot in the middle', (flow) => {
  it.each(flow.steps.map((step, index) => ({ at: step.label, index })))('at $at: resumes at the same question and completes', ({ index }) => {
    const h = chatHarness();
    let last = flow.begin(h);
    flow.steps.forEach((step, i) => {
      if (i === index) {
        const row = conversation(h);
        const question = currentQuestion(h);
        expect(question.text).toContain(step.question);

        h.restart();

        expect(conversation(h)).toEqual(row);
        expect(currentQuestion(h)).toEqual(question);
      }
      last = step.answer(h);
    });
    flow.verify(h, last);
  });
});

describe('link flow: a restart between two wrong codes', () => {
  it('keeps counting the wrong codes, and the right code still links', () => {
    const h = chatHarness();
    linkFlow.begin(h);
    expect(textOf(say(h, 'AAAAA-BBBBBBB'))).toContain('Còn 4 lần thử');
    h.restart();
    expect(textOf(say(h, 'AAAAA-CCCCCCC'))).toContain('Còn 3 lần thử');
    linkFlow.verify(h, linkFlow.steps[0]!.answer(h));
  });
});

// ------------------------------------------------------------------ 3. ambiguous numbers

describe('ambiguous numbers', () => {
  it('"1.500" as a plan asks which reading is meant; choosing "1,5" stores 1.5', () => {
    const { h } = walkTo(registerFlow, 4);

    const asked = lastOf(say(h, '1.500'));

    expect(asked.text).toContain('"1.500" có thể hiểu là 1.500 (một nghìn năm trăm) hoặc 1,5 (số thập phân). Anh/chị muốn ghi số nào?');
    expect(asked.choices?.map((c) => c.label)).toEqual(['1.500', '1,5']);
    expect(countRows(h.db, 'targets')).toBe(6); // the sample's, none of ours yet

    expect(textOf(press(h, '1,5'))).toContain('✔ Đã ghi: 1,5 tỷ đồng');
    press(h, 'Không thấp hơn');
    press(h, 'Cuối phong trào');
    press(h, 'Bỏ qua');
    press(h, 'Lưu');
    expect(h.rows(`SELECT planned_value AS planned, due_on AS due FROM targets WHERE text = 'Tỷ lệ hồ sơ giải quyết trực tuyến'`)).toEqual([
      { planned: 1.5, due: '2020-12-31' },
    ]);
  });

  it('"1.500" hồ sơ as a report value is 1500 without a question: for a count a dot separates thousands', () => {
    const { h } = walkTo(reportFlow, 1);

    expect(textOf(say(h, '1.500'))).toContain('✔ Đã ghi: 1.500 hồ sơ');
    press(h, 'Lũy kế');
    press(h, 'Bỏ qua'); // the second target
    press(h, 'Gửi báo cáo');

    expect(h.rows(`SELECT value, cumulative, percent_of_plan AS percent FROM progress_lines`)).toEqual([{ value: 1500, cumulative: 1, percent: 75 }]);
  });
});

// ------------------------------------------------------------------ 4. /back, /cancel, /help

describe('/back', () => {
  it('goes one step back: the previous question is asked again and its answer can be changed', () => {
    const { h } = walkTo(registerFlow, 2); // at "kind", after the area and the text

    expect(textOf(say(h, '/quaylai'))).toContain('Bước 2. Nội dung chỉ tiêu là gì?');
    expect(conversation(h)?.step).toBe('text');
    say(h, 'Tỷ lệ thủ tục hành chính mức độ 4');
    say(h, '/back');
    say(h, '/back');
    expect(currentQuestion(h).text).toContain('Bước 1. Chỉ tiêu này thuộc nội dung thi đua nào?');
    say(h, '4'); // another area
    say(h, 'Tỷ lệ thủ tục hành chính mức độ 4');
    press(h, 'Định tính');
    press(h, 'Cuối phong trào');
    press(h, 'Bỏ qua');
    press(h, 'Lưu');

    expect(
      h.rows(
        `SELECT a.number AS area, t.text, t.kind FROM targets t JOIN content_areas a ON a.id = t.content_area_id
           JOIN registrations r ON r.id = t.registration_id JOIN units u ON u.id = r.unit_id WHERE u.code = 'SNV'`,
      ),
    ).toEqual([{ area: 4, text: 'Tỷ lệ thủ tục hành chính mức độ 4', kind: 'qualitative' }]);
  });

  it('from the "which reading?" question goes back to the plain plan question', () => {
    const { h } = walkTo(registerFlow, 5);

    expect(textOf(say(h, '/back'))).toContain('Bước 5/9. Kế hoạch (con số phấn đấu) là bao nhiêu tỷ đồng?');
    expect(textOf(say(h, '95'))).toContain('✔ Đã ghi: 95 tỷ đồng');
    expect(JSON.parse(conversation(h)!.data).draft).toMatchObject({ planned: 95 });
    expect(JSON.parse(conversation(h)!.data).draft.pending).toBeUndefined();
  });

  it('at the first step says it is the first step and asks the same question', () => {
    const { h, asked } = walkTo(registerFlow, 0);
    const before = snapshot(h);

    const replies = say(h, '/back');

    expect(textOf(replies)).toContain('Đây đã là bước đầu tiên.');
    expectSameQuestion(replies, asked);
    expect(snapshot(h)).toEqual(before);
  });

  it('right after a target was saved does not go behind the save: no duplicate when confirming again', () => {
    const { h } = walkTo(registerFlow, 9); // at "confirm"
    const saveButton = h.lastQuestion(WHO)!;
    press(h, 'Lưu');
    const ours = () => h.rows(`SELECT id FROM targets WHERE text = 'Tỷ lệ hồ sơ giải quyết trực tuyến' AND deleted_at IS NULL`).length;
    expect(ours()).toBe(1);

    const back = say(h, '/back');
    expect(textOf(back)).toContain('Đây đã là bước đầu tiên.');
    expect(textOf(back)).not.toContain('Lưu chỉ tiêu này?');
    expect(conversation(h)?.step).toBe('menu');

    // The "Lưu" button of the confirmation, pressed again.
    const again = h.send(WHO, { choice: encodeChoice(saveButton.seq!, saveButton.choices!.find((c) => c.label === 'Lưu')!.id) });
    expect(textOf(again)).toContain(EXPECTED.stale);
    expect(ours()).toBe(1);
    expect(h.rows(`SELECT count(*) AS n FROM audit_log WHERE action = 'target.create' AND after LIKE '%trực tuyến%'`)).toEqual([{ n: 1 }]);
  });

  it('in a report goes back to the previous target question', () => {
    const { h } = walkTo(reportFlow, 2); // at "cumulative" after 1.500 → 1500
    expect(textOf(say(h, '/back'))).toContain('Bước 2/4. Chỉ tiêu 1/2: Hồ sơ giải quyết trực tuyến');
    say(h, '300');
    press(h, 'Riêng kỳ này');
    press(h, 'Hoàn thành');
    press(h, 'Gửi báo cáo');
    expect(h.rows(`SELECT value, assessment FROM progress_lines ORDER BY id`)).toEqual([
      { value: 300, assessment: 'in_progress' },
      { value: null, assessment: 'met' },
    ]);
  });
});

describe('/cancel', () => {
  it('leaves the flow, keeps the saved targets, and the conversation row is gone', () => {
    const { h } = walkTo(registerFlow, 10); // one target saved, at the registration menu
    press(h, 'Thêm chỉ tiêu');
    say(h, '6');
    say(h, 'Chỉ tiêu thứ hai chưa xong');
    const saved = countRows(h.db, 'targets');

    expect(textOf(say(h, '/huy'))).toContain('Đã dừng. Những gì đã lưu trước đó vẫn còn nguyên.');

    expect(conversation(h)).toBeUndefined();
    expect(countRows(h.db, 'targets')).toBe(saved);
    expect(h.rows(`SELECT text FROM targets WHERE text LIKE 'Chỉ tiêu thứ hai%'`)).toEqual([]);
    // Coming back shows the saved target in the list.
    expect(textOf(say(h, '/dangky'))).toContain('1. (Nội dung 6) Tỷ lệ hồ sơ giải quyết trực tuyến — KH: ≥ 1.500 tỷ đồng; hạn 30/09/2020');
  });

  it('in a report leaves nothing behind', () => {
    const { h } = walkTo(reportFlow, 4);
    expect(textOf(say(h, '/cancel'))).toContain('Đã dừng.');
    expect(conversation(h)).toBeUndefined();
    expect(countRows(h.db, 'progress_reports')).toBe(0);
  });

  it('with nothing going on says so', () => {
    const h = chatHarness();
    h.link(WHO, 'SNV');
    expect(textOf(say(h, '/cancel'))).toContain('Hiện không có việc gì đang làm dở.');
  });
});

describe.each(FLOWS)('/help in the $name flow', (flow) => {
  it.each(flow.steps.map((step, index) => ({ at: step.label, index })))("at $at shows that step's help and asks the question again", ({ index }) => {
    const { h, asked } = walkTo(flow, index);
    const before = snapshot(h);

    const replies = say(h, '/trogiup');

    expect(textOf(replies)).toContain(flow.steps[index]!.help);
    expect(textOf(replies)).toContain('(/quaylai: bước trước · /huy: dừng lại)');
    expect(textOf(replies)).not.toMatch(/\b[a-z]+-[a-z_]+-help\b/); // no raw message id
    expectSameQuestion(replies, asked);
    expect(snapshot(h)).toEqual(before);
  });
});

// ------------------------------------------------------------------ 5. expiry and changed rows

describe('conversation expiry', () => {
  it('after 25 idle hours the next message gets the "đã quá lâu" note and a fresh start', () => {
    const { h } = walkTo(registerFlow, 4); // at the plan
    h.clock.advance(25 * HOUR);

    const replies = say(h, '95');

    expect(textOf(replies)).toContain('Hội thoại trước đã quá lâu không tiếp tục nên đã đóng lại');
    expect(textOf(replies)).toContain('Anh/chị muốn làm gì?'); // the main menu
    expect(conversation(h)).toMatchObject({ flow: 'menu', step: 'pick' });
    expect(h.rows(`SELECT id FROM targets WHERE text = 'Tỷ lệ hồ sơ giải quyết trực tuyến'`)).toEqual([]);
    // The fresh start works: registering begins again at the first question.
    expect(textOf(press(h, 'Đăng ký chỉ tiêu'))).toContain('Bước 1. Chỉ tiêu này thuộc nội dung thi đua nào?');
  });

  it('23 idle hours are not too long: the answer is taken', () => {
    const { h } = walkTo(registerFlow, 4);
    h.clock.advance(23 * HOUR);
    expect(textOf(say(h, '95'))).toContain('✔ Đã ghi: 95 tỷ đồng');
  });

  it('a newcomer whose link conversation expired can still link with the code typed next', () => {
    const { h } = walkTo(linkFlow, 0);
    h.clock.advance(25 * HOUR);
    const replies = linkFlow.steps[0]!.answer(h);
    expect(textOf(replies)).toContain('đã quá lâu');
    linkFlow.verify(h, replies);
  });

  it('a button pressed after the conversation expired is not taken as an answer', () => {
    const { h } = walkTo(registerFlow, 9); // at "confirm"
    h.clock.advance(25 * HOUR);
    const replies = press(h, 'Lưu');
    expect(textOf(replies)).toContain('đã quá lâu');
    expect(textOf(replies)).toContain(EXPECTED.stale);
    expect(h.rows(`SELECT id FROM targets WHERE text = 'Tỷ lệ hồ sơ giải quyết trực tuyến'`)).toEqual([]);
  });
});

describe('a conversation row that no longer fits is dropped with the "đã được cập nhật" note', () => {
  const damage: { what: string; sql: string }[] = [
    { what: 'its flow_version changed', sql: `UPDATE conversations SET flow_version = 999` },
    { what: 'its data does not fit the flow', sql: `UPDATE conversations SET data = '{"x":1}'` },
    { what: 'its step no longer exists', sql: `UPDATE conversations SET step = 'gone'` },
    { what: 'its flow no longer exists', sql: `UPDATE conversations SET flow = 'gone'` },
    { what: 'its data is not JSON at all', sql: `UPDATE conversations SET data = 'garbage{'` },
    { what: 'its history is not a list', sql: `UPDATE conversations SET history = '{"x":1}'` },
  ];

  it.each(damage)('when $what: nothing crashes, saved targets stay, the person starts afresh', ({ sql }) => {
    const { h } = walkTo(registerFlow, 10); // one target saved, at the registration menu
    press(h, 'Thêm chỉ tiêu');
    say(h, '6');
    const targets = countRows(h.db, 'targets');
    h.db.$client.prepare(sql).run();

    let replies: OutboundMessage[] = [];
    expect(() => (replies = say(h, 'Chỉ tiêu thứ hai của Sở'))).not.toThrow();

    expect(textOf(replies)).toContain('Hội thoại trước đó đã được cập nhật nên phải bắt đầu lại; những gì đã lưu trước đó vẫn còn nguyên.');
    expect(textOf(replies)).toContain('Anh/chị muốn làm gì?');
    expect(conversation(h)).toMatchObject({ flow: 'menu', flow_version: 1, step: 'pick' });
    expect(countRows(h.db, 'targets')).toBe(targets);
    // /back cannot reach into the dropped conversation either.
    expect(textOf(say(h, '/back'))).toContain('Đây đã là bước đầu tiên.');
  });

  it('a row saved before questions were kept with it (no "asked") still takes a pressed or typed answer', () => {
    const { h } = walkTo(registerFlow, 2); // at "kind"
    const before = conversation(h)!;
    h.db.$client.prepare('UPDATE conversations SET asked = NULL').run();
    say(h, '1');
    expect(conversation(h)).toMatchObject({ step: 'measure', seq: before.seq + 1 });
  });

  it('a damaged "asked" is not trusted: the question is built again to read the answer', () => {
    const { h } = walkTo(registerFlow, 2); // at "kind"
    h.db.$client.prepare(`UPDATE conversations SET asked = '{"choices":"oops"}'`).run();
    say(h, '1');
    expect(conversation(h)).toMatchObject({ step: 'measure' });
  });

  it('a history entry pointing at a step that no longer exists does not crash /back', () => {
    const { h } = walkTo(registerFlow, 2); // at "kind"
    h.db.$client.prepare(`UPDATE conversations SET history = '[{"step":"gone","data":{"registrationId":1,"draft":{}}}]'`).run();

    let replies: OutboundMessage[] = [];
    expect(() => (replies = say(h, '/back'))).not.toThrow();
    expect(textOf(replies)).toMatch(/đã được cập nhật|Đây đã là bước đầu tiên/);
  });
});

// ------------------------------------------------------------------ a rule refused mid-way

describe('a domain rule refusing an answer', () => {
  it('when a colleague sends the registration first, saving a target is refused, explained, and nothing is written', () => {
    const { h, asked } = walkTo(registerFlow, 9); // at "confirm"
    const regId = h.rows<{ id: number }>(`SELECT r.id FROM registrations r JOIN units u ON u.id = r.unit_id WHERE u.code = 'SNV'`)[0]!.id;
    const area = h.rows<{ id: number }>(`SELECT id FROM content_areas WHERE number = 9`)[0]!.id;
    addTarget(h.db, regId, { contentAreaId: area, text: 'Chỉ tiêu do đồng nghiệp nhập', kind: 'qualitative' }, cliActor, h.clock.now());
    submitRegistration(h.db, regId, cliActor, h.clock.now());
    const before = snapshot(h);

    const replies = press(h, 'Lưu');

    expect(textOf(replies)).toContain('Bản đăng ký đang ở trạng thái "Chờ duyệt" nên không sửa được.');
    expectSameQuestion(replies, asked);
    expect(snapshot(h)).toEqual(before);
  });
});
