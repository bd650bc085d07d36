/**
 * The bot as src/main.ts runs it (Telegram polling against the fake Bot API, the outbox, the job
 * runner with Telegram's file fetcher) over a temp database with the sample movement, and the
 * people of a year-end talking to it by name: typing, pressing buttons by label, sending files.
 */
import { cliActor } from '../../src/domain/audit.ts';
import { createInvite } from '../../src/domain/invites.ts';
import type { Role } from '../../src/domain/model.ts';
import { loadSampleMovement } from '../../src/sample/load.ts';
import { fixedClock } from '../../src/util/clock.ts';
import { fold } from '../../src/util/text.ts';
import { openTempDatabase, type TempDatabase } from './db.ts';
import { FakeBotApi, tg } from './fake-telegram.ts';
import { startTelegramBot, stopTelegramBot } from './telegram-bot.ts';
import { waitFor } from './wait.ts';

export const PDF = 'application/pdf';
export const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export class YearEndBot {
  private files = 0;
  private readonly ids = new Map<string, number>();

  private constructor(
    readonly temp: TempDatabase,
    readonly api: FakeBotApi,
    readonly clock: ReturnType<typeof fixedClock>,
    private readonly stopAll: () => Promise<void>,
  ) {}

  /** The sample movement loaded at `now`, the bot started on it. */
  static async start(now: number): Promise<YearEndBot> {
    const temp = openTempDatabase();
    loadSampleMovement(temp.db, cliActor, now);
    const clock = fixedClock(now);
    // Telegram's pace of one notice a second per chat would only slow the script (a dossier's every file is answered by a notice).
    const bot = await startTelegramBot(temp, clock, { telegram: { perChat: 100 } });
    return new YearEndBot(temp, bot.api, clock, () => stopTelegramBot(bot));
  }

  stop(): Promise<void> {
    return this.stopAll();
  }

  /** The Telegram user id of a person of the script, given by name. */
  id(who: string): number {
    if (!this.ids.has(who)) this.ids.set(who, 8000 + this.ids.size);
    return this.ids.get(who)!;
  }

  /** Links `who` to a unit (or the Board, `null`) in a role through /start with an invite, as a new person would. */
  async link(who: string, unitCode: string | null, role: Role): Promise<void> {
    const code = createInvite(this.temp.db, { unitCode, role, personName: who }, cliActor, this.clock.now()).code;
    await this.update(who, tg.command(this.id(who), `/start ${code}`), 'Xin chào');
  }

  /** Sends an update from `who` and waits for a reply containing `expected`; returns every reply since. */
  async update(who: string, update: Record<string, unknown>, expected: string): Promise<string> {
    const chat = this.id(who);
    const before = this.texts(chat).length;
    this.api.pushUpdate(update);
    await waitFor(() => this.texts(chat).slice(before).some((text) => text.includes(expected)), `a reply to ${who} with "${expected}"`).catch((e: Error) => {
      throw new Error(`${e.message}; got: ${JSON.stringify(this.texts(chat).slice(before))}`);
    });
    // The rest of the reply (a question after a notice, say) sent too, so the next press sees its buttons.
    await waitFor(() => this.rows("SELECT 1 FROM outbox o JOIN identities i ON i.person_id = o.person_id WHERE i.external_id = ? AND o.status IN ('pending', 'sending') AND o.not_before <= ?", String(chat), this.clock.now()).length === 0, `the replies to ${who} sent`);
    return this.texts(chat).slice(before).join('\n---\n');
  }

  /** The texts a chat was sent, or a message of it edited to (a question answered in place). */
  private texts(chat: number): string[] {
    return this.api.calls.filter((c) => (c.method === 'sendMessage' || c.method === 'editMessageText') && Number(c.payload.chat_id) === chat).map((c) => String(c.payload.text));
  }

  /** Types a line. */
  say(who: string, text: string, expected: string): Promise<string> {
    const chat = this.id(who);
    return this.update(who, text.startsWith('/') ? tg.command(chat, text) : tg.text(chat, text), expected);
  }

  /** The labels of the buttons on the latest question `who` got. */
  buttons(who: string): string[] {
    return this.api.lastKeyboard(this.id(who))?.buttons.map((b) => b.text) ?? [];
  }

  /**
   * The callback data of a button (accents ignored) on the latest question `who` got that offers it,
   * to press it, or to forge it from someone else. (A notice with its own button may land after the reply.)
   */
  button(who: string, label: string): { messageId: number; data: string } {
    const chat = this.id(who);
    for (const call of [...this.api.calls].reverse()) {
      if ((call.method !== 'sendMessage' && call.method !== 'editMessageText') || Number(call.payload.chat_id) !== chat || !call.payload.reply_markup) continue;
      const markup = (typeof call.payload.reply_markup === 'string' ? JSON.parse(call.payload.reply_markup) : call.payload.reply_markup) as { inline_keyboard?: { text: string; callback_data: string }[][] };
      const button = markup.inline_keyboard?.flat().find((b) => fold(b.text).includes(fold(label)));
      if (button) return { messageId: (call.method === 'editMessageText' ? Number(call.payload.message_id) : (call.result as number)), data: button.callback_data };
    }
    throw new Error(`no button "${label}" for ${who}; the latest: ${JSON.stringify(this.buttons(who))}`);
  }

  press(who: string, label: string, expected: string): Promise<string> {
    const { messageId, data } = this.button(who, label);
    return this.update(who, tg.callback(this.id(who), messageId, data), expected);
  }

  /** Presses, as `who`, a button that was offered to `owner`. */
  pressAs(who: string, owner: string, label: string, expected: string): Promise<string> {
    const { messageId, data } = this.button(owner, label);
    return this.update(who, tg.callback(this.id(who), messageId, data), expected);
  }

  /** Sends a file as a document; the fake Bot API serves its bytes to getFile. */
  sendFile(who: string, bytes: Buffer, name: string, mime: string, expected: string): Promise<string> {
    const fileId = `FILE${++this.files}`;
    this.api.addFile(fileId, bytes);
    return this.update(who, tg.document(this.id(who), fileId, name, mime, bytes.length), expected);
  }

  /** Waits for the next document sent to `who` and returns the path of the file the bot wrote. */
  async nextFile(who: string, after: number): Promise<string> {
    const chat = this.id(who);
    const sent = () => this.api.callsOf('sendDocument').filter((c) => Number(c.payload.chat_id) === chat);
    await waitFor(() => sent().length > after, `a document sent to ${who}`, 15_000);
    const person = this.rows<{ id: number }>("SELECT person_id AS id FROM identities WHERE channel = 'telegram' AND external_id = ?", String(chat))[0]!.id;
    const rows = this.rows<{ payload: string }>("SELECT payload FROM outbox WHERE person_id = ? AND json_extract(payload, '$.file') IS NOT NULL ORDER BY id", person);
    return (JSON.parse(rows[after]!.payload) as { file: { path: string } }).file.path;
  }

  documentsSent(who: string): number {
    return this.api.callsOf('sendDocument').filter((c) => Number(c.payload.chat_id) === this.id(who)).length;
  }

  /** What the bot queued for `who` through the outbox (notices), texts in order. */
  notices(who: string): string[] {
    return this.rows<{ payload: string }>('SELECT o.payload FROM outbox o JOIN identities i ON i.person_id = o.person_id WHERE i.external_id = ? ORDER BY o.id', String(this.id(who))).map(
      (r) => (JSON.parse(r.payload) as { text: string }).text,
    );
  }

  rows<T = Record<string, unknown>>(sql: string, ...params: unknown[]): T[] {
    return this.temp.db.$client.prepare(sql).all(...params) as T[];
  }

  unitId(code: string): number {
    return this.rows<{ id: number }>('SELECT id FROM units WHERE code = ?', code)[0]!.id;
  }

  /** Every row of the year-end's tables, to show that a refusal changed nothing. */
  yearEndRows(): string {
    const tables = ['score_sheets', 'score_lines', 'cross_scorings', 'cross_score_lines', 'votes', 'vote_members', 'vote_candidates', 'ballots', 'proposals', 'dossier_files'];
    return JSON.stringify(tables.map((t) => this.rows(`SELECT * FROM ${t}`)));
  }
}
