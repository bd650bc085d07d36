/**
 * Entering a whole table: the messages a liaison sends to register five targets (three
 * quantitative, two qualitative) and submit, counted in scripted runs of the terminal chat (the
 * same core, flows, jobs and form reader as Telegram and Zalo; the file is sent with /file), by the
 * Excel form and by one message of lines; and the time to read a filled 200-row form (checked,
 * opened with exceljs, every row read and planned against the registration).
 *
 * Run alone: `npx tsx test/bench/forms.ts`.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import ExcelJS from 'exceljs';
import { ConsoleChat } from '../../src/channels/console/adapter.ts';
import { ChatCore } from '../../src/chat/core.ts';
import { closeDatabase, openDatabase, type Db } from '../../src/db/connection.ts';
import { cliActor } from '../../src/domain/audit.ts';
import { fixedClock } from '../../src/util/clock.ts';
import { currentMovement } from '../../src/domain/movements.ts';
import { ensureRegistration } from '../../src/domain/registrations.ts';
import { ALL_FLOWS } from '../../src/flows/index.ts';
import { buildForm, readForm } from '../../src/forms/service.ts';
import { loadSampleMovement } from '../../src/sample/load.ts';
import { silentLogger } from '../../src/util/log.ts';

const NOW = Date.UTC(2020, 1, 15, 3, 0);
const LIMITS = { byFile: 6, byLines: 6, readMs: 1000 };
const FIRST_ROW = 6;

/** The five targets, as a liaison types them into the form's cells. */
const FIVE = [
  ['6', 'Tỷ lệ hồ sơ giải quyết đúng hạn', 'Định lượng', '%', '98,5', 'Không thấp hơn', '31/12/2020', ''],
  ['9', 'Số lớp tập huấn nghiệp vụ thi đua', 'Định lượng', 'lớp', 4, '', '30/11/2020', ''],
  ['1', 'Giải ngân vốn đầu tư công', 'Định lượng', 'tỷ đồng', '1,2', '', '', 'Theo kế hoạch vốn'],
  ['8', 'Không để xảy ra sự cố mất an toàn thông tin', 'Định tính', '', '', '', '', ''],
  ['9', 'Tổ chức hội nghị điển hình tiên tiến', 'Định tính', '', '', '', '30/11/2020', ''],
] as const;

const FIVE_LINES = [
  '6; Tỷ lệ hồ sơ giải quyết đúng hạn; ≥ 98,5 %; 31/12',
  '9; Số lớp tập huấn nghiệp vụ thi đua; 4 lớp; 30/11',
  '1; Giải ngân vốn đầu tư công; 1,2 tỷ đồng; 31/12; Theo kế hoạch vốn',
  '8; Không để xảy ra sự cố mất an toàn thông tin; hoàn thành; 31/12',
  '9; Tổ chức hội nghị điển hình tiên tiến; ; 30/11',
].join('\n');

function fresh(dir: string, name: string): { db: Db; chat: ConsoleChat } {
  const db = openDatabase(join(dir, `${name}.db`));
  loadSampleMovement(db, cliActor, NOW);
  const clock = fixedClock(NOW);
  const core = new ChatCore({ db, clock, flows: ALL_FLOWS, log: silentLogger });
  return { db, chat: new ConsoleChat({ core, db, locale: 'vi', clock, formsDir: join(dir, `${name}-forms`) }) };
}

/** What SNV registered: 3 quantitative and 2 qualitative targets, sent to the Board. */
function registeredFive(db: Db): boolean {
  const rows = db.$client
    .prepare("SELECT t.kind, r.status FROM targets t JOIN registrations r ON r.id = t.registration_id JOIN units u ON u.id = r.unit_id WHERE u.code = 'SNV' AND t.deleted_at IS NULL")
    .all() as { kind: string; status: string }[];
  return rows.length === 5 && rows.filter((r) => r.kind === 'quantitative').length === 3 && rows.every((r) => r.status === 'submitted');
}

/** A liaison's chat: each message typed is counted (the `/as` that picks who one is in the terminal is not one). */
class Liaison {
  sent = 0;
  last = '';
  constructor(readonly chat: ConsoleChat) {}
  async start(): Promise<this> {
    await this.chat.handleLine('/as SNV');
    return this;
  }
  async send(message: string): Promise<string> {
    this.sent++;
    this.last = await this.chat.handleLine(message);
    return this.last;
  }
  submitted(): boolean {
    return this.last.includes('Đã gửi bản đăng ký');
  }
}

async function byFile(dir: string): Promise<{ messages: number; ok: boolean }> {
  const { db, chat } = fresh(dir, 'file');
  const liaison = await new Liaison(chat).start();
  await liaison.send('/dangky');
  const formPath = /📎 [^:]+: (\S+\.xlsx)/.exec(await liaison.send('Nhận biểu mẫu Excel'))![1]!;
  // Filled in Excel, as a person types into the cells: no message.
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(formPath);
  const sheet = workbook.worksheets[0]!;
  FIVE.forEach((row, i) => row.forEach((value, c) => (sheet.getCell(FIRST_ROW + i, c + 2).value = value === '' ? null : value)));
  const filled = join(dir, 'filled.xlsx');
  writeFileSync(filled, Buffer.from(await workbook.xlsx.writeBuffer()));
  await liaison.send(`/file ${filled}`);
  await liaison.send('Lưu và gửi Ban');
  await liaison.send('Gửi');
  // The form has no titles: the first sending asks once.
  await liaison.send('Không đăng ký danh hiệu');
  const ok = liaison.submitted() && registeredFive(db);
  closeDatabase(db);
  return { messages: liaison.sent, ok };
}

async function byLines(dir: string): Promise<{ messages: number; ok: boolean }> {
  const { db, chat } = fresh(dir, 'lines');
  const liaison = await new Liaison(chat).start();
  for (const message of ['/dangky', FIVE_LINES, 'Lưu và gửi Ban', 'Gửi', 'Không đăng ký danh hiệu']) await liaison.send(message);
  const ok = liaison.submitted() && registeredFive(db);
  closeDatabase(db);
  return { messages: liaison.sent, ok };
}

/** A filled 200-row form read against an empty registration: the median of 5 reads, and how many rows it planned. */
async function read200(dir: string): Promise<{ medianMs: number; worstMs: number; added: number }> {
  const db = openDatabase(join(dir, 'read.db'));
  loadSampleMovement(db, cliActor, NOW);
  const movement = currentMovement(db)!;
  const unitId = (db.$client.prepare("SELECT id FROM units WHERE code = 'SNV'").get() as { id: number }).id;
  const reg = ensureRegistration(db, movement.id, unitId, NOW);
  const { bytes } = await buildForm(db, 'targets', reg.id, null, 'vi');
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0]!;
  for (let i = 0; i < 200; i++) {
    const row = FIVE[i % FIVE.length]!;
    row.forEach((value, c) => (sheet.getCell(FIRST_ROW + i, c + 2).value = value === '' ? null : c === 1 ? `${value} (${i + 1})` : value));
  }
  const filled = Buffer.from(await workbook.xlsx.writeBuffer());
  const times: number[] = [];
  let added = 0;
  for (let run = 0; run < 5; run++) {
    const started = performance.now();
    const reading = await readForm(db, 'targets', reg.id, null, filled, 'dang-ky.xlsx', NOW);
    times.push(performance.now() - started);
    added = reading.ok && 'added' in reading.plan ? reading.plan.added.length : -1;
  }
  closeDatabase(db);
  times.sort((a, b) => a - b);
  return { medianMs: times[2]!, worstMs: times[4]!, added };
}

export async function benchForms(): Promise<boolean> {
  const dir = mkdtempSync(join(tmpdir(), 'thidua-bench-forms-'));
  try {
    const file = await byFile(dir);
    const lines = await byLines(dir);
    const read = await read200(dir);
    const ok = file.ok && lines.ok && file.messages <= LIMITS.byFile && lines.messages <= LIMITS.byLines && read.added === 200 && read.medianMs < LIMITS.readMs;
    console.log('Forms: five targets (three quantitative, two qualitative) registered and sent, by a scripted liaison in the terminal chat');
    console.log(`  by the Excel form           ${file.messages} messages${file.ok ? '' : ' (WRONG RESULT)'}   (target ≤ ${LIMITS.byFile})`);
    console.log(`  by one message of lines     ${lines.messages} messages${lines.ok ? '' : ' (WRONG RESULT)'}   (target ≤ ${LIMITS.byLines})`);
    console.log(`  reading a 200-row form      median ${read.medianMs.toFixed(0)} ms, worst ${read.worstMs.toFixed(0)} ms of 5, ${read.added} targets planned   (target < ${LIMITS.readMs} ms)`);
    console.log(`  ${ok ? 'PASS' : 'FAIL'}`);
    return ok;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) process.exitCode = (await benchForms()) ? 0 : 1;
