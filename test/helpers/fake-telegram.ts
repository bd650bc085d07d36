/**
 * A stand-in for Telegram's Bot API on 127.0.0.1: the methods the bot uses, long polling with
 * offsets, files sent as multipart, and errors on demand (429 with retry_after, 403 blocked, 409
 * another poller). It records every call, so tests assert what the bot really sent.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';

export interface ApiCall {
  method: string;
  payload: Record<string, unknown>;
  /** Field names of a multipart upload with their file names (sendDocument). */
  files?: Record<string, string>;
  /** The bytes of each uploaded file, by the same field names. */
  uploads?: Record<string, Buffer>;
  at: number;
  /** The message_id the fake answered with, for calls that create or edit a message. */
  result?: number;
}

interface Failure {
  method: string;
  status: number;
  description: string;
  retryAfter?: number;
  times: number;
  chatId?: number;
}

export const FAKE_TOKEN = '123456789:AAFakeTokenForTestsOnly_abcdefghij';

/** Telegram's flood limits, enforced on sendMessage/sendDocument/sendPhoto as a sliding window over accepted messages. */
export interface RateLimits {
  /** Messages per window over the whole bot (Telegram: 30 a second). */
  perWindow: number;
  /** Messages per window to one chat (Telegram: 1 a second). */
  perChat: number;
  windowMs?: number;
  /** Seconds asked for in the 429 answer (default 1). */
  retryAfter?: number;
}

export class FakeBotApi {
  readonly calls: ApiCall[] = [];
  private server?: Server;
  private updates: Record<string, unknown>[] = [];
  private nextUpdateId = 1;
  private nextMessageId = 100;
  private failures: Failure[] = [];
  private offsetRestarted = false;
  private waiting: (() => void)[] = [];
  private limits: RateLimits | undefined;
  private accepted: number[] = [];
  private acceptedHead = 0;
  private acceptedByChat = new Map<number, number[]>();
  /** Sends refused with 429 because a rate limit was exceeded. */
  rateLimited = 0;
  /** Accepted sends: chat id and arrival time (performance.now), in order. */
  readonly deliveries: { chatId: number; at: number; text: string }[] = [];
  /** Only record deliveries (not every call): for long runs where the call log would grow large. */
  lean = false;
  /** The webhook address set with setWebhook ('' when none, as Telegram answers). */
  webhookUrl = '';
  /** Milliseconds each send takes to be answered (a slow network). */
  latencyMs = 0;
  /** Milliseconds every call takes to be answered, getUpdates included (a round trip to Telegram). */
  roundTripMs = 0;
  /** Shares of sends refused as on an ordinary day: 429 (retry_after 1–3 s) and 502, at random. */
  faults = { p429: 0, p502: 0 };
  /** Sends refused by `faults` (not counted as over the limit). */
  injected = 0;
  /** Unreachable: calls are taken and never answered (a network that drops everything). */
  hang = false;
  /** Sends being answered right now, and the most at once. */
  sendsInFlight = 0;
  maxSendsInFlight = 0;
  /** When each chat was first sent to, accepted or not (performance.now). */
  readonly firstAttempt = new Map<number, number>();
  /** Told of each accepted sendMessage (a simulated person reading the answer). */
  onSend?: (chatId: number, text: string) => void;
  root = '';

  constructor(readonly username = 'thidua_test_bot') {}

  /** Files people "sent", by file_id: getFile gives their path, and GET /file/bot<token>/<path> serves the bytes. */
  readonly files = new Map<string, Buffer>();
  /** Downloads served, by file path. */
  readonly downloads: string[] = [];

  /** Makes a file available as if a person had sent it; returns its file_id. */
  addFile(fileId: string, bytes: Buffer): string {
    this.files.set(fileId, bytes);
    return fileId;
  }

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      const download = /^\/file\/bot[^/]+\/documents\/(.+)$/.exec(req.url ?? '');
      if (download) {
        const bytes = this.files.get(decodeURIComponent(download[1]!));
        this.downloads.push(download[1]!);
        if (!bytes) res.writeHead(404).end();
        else res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': bytes.length }).end(bytes);
        return;
      }
      this.handle(req)
        .then(({ status, body }) => res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body)))
        .catch((error: unknown) => res.writeHead(500).end(String(error)));
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.root = `http://127.0.0.1:${(this.server!.address() as AddressInfo).port}`;
    return this;
  }

  async close(): Promise<void> {
    for (const wake of this.waiting.splice(0)) wake();
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()) ?? resolve());
  }

  /** Queues an update for getUpdates; returns its update_id. */
  pushUpdate(update: Record<string, unknown>): number {
    const update_id = (update.update_id as number | undefined) ?? this.nextUpdateId++;
    this.updates.push({ ...update, update_id });
    for (const wake of this.waiting.splice(0)) wake();
    return update_id;
  }

  /**
   * Telegram after a week without updates: the next update is numbered from `from` (lower than
   * before), and the next getUpdates answers it whatever offset it was asked with (the server's
   * confirmation point restarted with the numbering); later calls confirm by offset as usual.
   */
  restartUpdateIds(from: number): void {
    this.nextUpdateId = from;
    this.offsetRestarted = true;
  }

  /** The next `times` calls of `method` (optionally to one chat) fail as Telegram would. */
  fail(method: string, status: number, description: string, options: { retryAfter?: number; times?: number; chatId?: number } = {}): void {
    this.failures.push({ method, status, description, times: options.times ?? 1, ...options });
  }

  /** Failures asked for with fail() and not used yet are dropped. */
  clearFailures(): void {
    this.failures = [];
  }

  /** Updates not yet confirmed by a later getUpdates (taken but maybe not handled, or not taken). */
  pendingUpdates(): number {
    return this.updates.length;
  }

  /** Enforce Telegram's flood limits from now on (answering 429 with retry_after when exceeded). */
  limitRate(limits: RateLimits): this {
    this.limits = limits;
    return this;
  }

  /** How many messages each chat got. */
  countsByChat(): Map<number, number> {
    const counts = new Map<number, number>();
    for (const d of this.deliveries) counts.set(d.chatId, (counts.get(d.chatId) ?? 0) + 1);
    return counts;
  }

  /** A send over the limits is refused (429, retry_after); an accepted one is counted. */
  private overLimit(chatId: number): boolean {
    if (!this.limits) return false;
    const now = performance.now();
    const windowMs = this.limits.windowMs ?? 1_000;
    while (this.acceptedHead < this.accepted.length && this.accepted[this.acceptedHead]! <= now - windowMs) this.acceptedHead++;
    const chat = (this.acceptedByChat.get(chatId) ?? []).filter((t) => t > now - windowMs);
    if (this.accepted.length - this.acceptedHead >= this.limits.perWindow || chat.length >= this.limits.perChat) {
      this.rateLimited++;
      return true;
    }
    this.accepted.push(now);
    chat.push(now);
    this.acceptedByChat.set(chatId, chat);
    return false;
  }

  callsOf(method: string): ApiCall[] {
    return this.calls.filter((c) => c.method === method);
  }

  /** Texts of sendMessage calls to a chat, in order. */
  sentTexts(chatId: number): string[] {
    return this.callsOf('sendMessage')
      .filter((c) => Number(c.payload.chat_id) === chatId)
      .map((c) => String(c.payload.text));
  }

  /** The latest message sent to a chat that carried an inline keyboard, with its message_id. */
  lastKeyboard(chatId: number): { messageId: number; text: string; buttons: { text: string; callback_data: string }[] } | undefined {
    const call = [...this.calls]
      .reverse()
      .find((c) => (c.method === 'sendMessage' || c.method === 'editMessageText') && Number(c.payload.chat_id) === chatId && c.payload.reply_markup);
    if (!call) return undefined;
    const markup = (typeof call.payload.reply_markup === 'string' ? JSON.parse(call.payload.reply_markup) : call.payload.reply_markup) as {
      inline_keyboard?: { text: string; callback_data: string }[][];
    };
    if (!markup.inline_keyboard || markup.inline_keyboard.length === 0) return undefined;
    return { messageId: call.result as number, text: String(call.payload.text), buttons: markup.inline_keyboard.flat() };
  }

  private async handle(req: IncomingMessage): Promise<{ status: number; body: unknown }> {
    const match = /^\/bot([^/]+)\/(\w+)$/.exec(req.url ?? '');
    if (!match) return { status: 404, body: { ok: false, error_code: 404, description: 'Not Found' } };
    const method = match[2]!;
    const { payload, files, uploads } = await readPayload(req);
    const call: ApiCall = { method, payload, ...(files ? { files } : {}), ...(uploads ? { uploads } : {}), at: Date.now() };
    if (!this.lean) this.calls.push(call);
    const sends = method === 'sendMessage' || method === 'sendDocument' || method === 'sendPhoto';
    if (this.hang) await new Promise(() => undefined); // the connection is cut by close()
    if (sends) this.maxSendsInFlight = Math.max(this.maxSendsInFlight, ++this.sendsInFlight);
    try {
      return await this.answer(method, payload, call, sends);
    } finally {
      if (sends) this.sendsInFlight--;
    }
  }

  private async answer(method: string, payload: Record<string, unknown>, call: ApiCall, sends: boolean): Promise<{ status: number; body: unknown }> {
    if (this.roundTripMs > 0) await new Promise((resolve) => setTimeout(resolve, this.roundTripMs));
    if (sends && !this.firstAttempt.has(Number(payload.chat_id))) this.firstAttempt.set(Number(payload.chat_id), performance.now());
    if (sends && this.latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, this.latencyMs));
    if (sends && Math.random() < this.faults.p429 + this.faults.p502) {
      this.injected++;
      if (Math.random() < this.faults.p429 / (this.faults.p429 + this.faults.p502)) {
        const retryAfter = 1 + Math.floor(Math.random() * 3);
        return { status: 429, body: { ok: false, error_code: 429, description: `Too Many Requests: retry after ${retryAfter}`, parameters: { retry_after: retryAfter } } };
      }
      return { status: 502, body: { ok: false, error_code: 502, description: 'Bad Gateway' } };
    }
    if (sends && this.overLimit(Number(payload.chat_id))) {
      const retryAfter = this.limits!.retryAfter ?? 1;
      return { status: 429, body: { ok: false, error_code: 429, description: `Too Many Requests: retry after ${retryAfter}`, parameters: { retry_after: retryAfter } } };
    }

    const failure = this.failures.find((f) => f.method === method && f.times > 0 && (f.chatId === undefined || Number(payload.chat_id) === f.chatId));
    if (failure) {
      failure.times--;
      return {
        status: failure.status,
        body: {
          ok: false,
          error_code: failure.status,
          description: failure.description,
          ...(failure.retryAfter !== undefined ? { parameters: { retry_after: failure.retryAfter } } : {}),
        },
      };
    }
    const ok = (result: unknown) => {
      call.result = typeof result === 'object' && result && 'message_id' in result ? (result as { message_id: number }).message_id : undefined;
      return { status: 200, body: { ok: true, result } };
    };
    const chat = { id: Number(payload.chat_id), type: 'private' };
    const now = Math.floor(Date.now() / 1000);
    switch (method) {
      case 'getMe':
        return ok({ id: 123456789, is_bot: true, first_name: 'Trợ lý Thi đua', username: this.username, can_join_groups: false });
      case 'getUpdates':
        return ok(await this.getUpdates(Number(payload.offset ?? 0), Math.min(Number(payload.timeout ?? 0), 1)));
      case 'sendMessage':
        this.deliveries.push({ chatId: chat.id, at: performance.now(), text: String(payload.text) });
        this.onSend?.(chat.id, String(payload.text));
        return ok({ message_id: this.nextMessageId++, date: now, chat, text: payload.text });
      case 'sendDocument':
      case 'sendPhoto':
        return ok({ message_id: this.nextMessageId++, date: now, chat, document: { file_id: 'doc', file_unique_id: 'doc' } });
      case 'editMessageText':
        return ok({ message_id: Number(payload.message_id), date: now, chat, text: payload.text });
      case 'editMessageReplyMarkup':
        return ok({ message_id: Number(payload.message_id), date: now, chat });
      case 'getFile': {
        const id = String(payload.file_id);
        const bytes = this.files.get(id);
        if (!bytes) return { status: 400, body: { ok: false, error_code: 400, description: 'Bad Request: invalid file_id' } };
        return ok({ file_id: id, file_unique_id: id, file_size: bytes.length, file_path: `documents/${encodeURIComponent(id)}` });
      }
      case 'answerCallbackQuery':
      case 'setMyCommands':
      case 'deleteMyCommands':
      case 'sendChatAction':
        return ok(true);
      case 'setWebhook':
        this.webhookUrl = String(payload.url ?? '');
        return ok(true);
      case 'deleteWebhook':
        this.webhookUrl = '';
        return ok(true);
      case 'getWebhookInfo':
        return ok({ url: this.webhookUrl, has_custom_certificate: false, pending_update_count: 0 });
      default:
        return { status: 404, body: { ok: false, error_code: 404, description: `Not Found: method ${method}` } };
    }
  }

  private async getUpdates(offset: number, timeoutSeconds: number): Promise<Record<string, unknown>[]> {
    const answered = () => {
      const updates = this.updates.filter((u) => this.offsetRestarted || (u.update_id as number) >= offset);
      if (updates.length > 0) this.offsetRestarted = false;
      return updates;
    };
    this.updates = this.updates.filter((u) => this.offsetRestarted || (u.update_id as number) >= offset);
    if (this.updates.length === 0 && timeoutSeconds > 0) {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, timeoutSeconds * 1000);
        this.waiting.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
    return answered();
  }
}

async function readPayload(req: IncomingMessage): Promise<{ payload: Record<string, unknown>; files?: Record<string, string>; uploads?: Record<string, Buffer> }> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const body = Buffer.concat(chunks);
  const type = req.headers['content-type'] ?? '';
  if (type.startsWith('multipart/form-data')) return readMultipart(body, /boundary=("?)([^";]+)\1/.exec(type)![2]!);
  if (body.length === 0) return { payload: {} };
  return { payload: JSON.parse(body.toString('utf8')) as Record<string, unknown> };
}

/** Just enough of multipart/form-data for the Bot API's uploads: fields, and files by name. */
function readMultipart(body: Buffer, boundary: string): { payload: Record<string, unknown>; files: Record<string, string>; uploads: Record<string, Buffer> } {
  const payload: Record<string, unknown> = {};
  const files: Record<string, string> = {};
  const uploads: Record<string, Buffer> = {};
  for (const part of body.toString('latin1').split(`--${boundary}`)) {
    const split = part.indexOf('\r\n\r\n');
    if (split < 0) continue;
    const head = part.slice(0, split);
    const name = /[; ]name="?([^";\r\n]+)"?/.exec(head)?.[1];
    if (!name) continue;
    const filename = /filename="?([^";\r\n]+)"?/.exec(head)?.[1];
    const value = Buffer.from(part.slice(split + 4).replace(/\r\n$/, ''), 'latin1').toString('utf8');
    if (filename !== undefined) {
      files[name] = filename;
      uploads[name] = Buffer.from(part.slice(split + 4).replace(/\r\n$/, ''), 'latin1');
    } else payload[name] = value;
  }
  // grammY sends a file as `document=attach://<part>`: name the file by the field that refers to it.
  for (const [key, value] of Object.entries(payload)) {
    const part = typeof value === 'string' && value.startsWith('attach://') ? value.slice(9) : undefined;
    if (part && files[part]) {
      files[key] = files[part];
      uploads[key] = uploads[part]!;
      delete files[part];
      delete uploads[part];
    }
  }
  return { payload, files, uploads };
}

/** Update builders: a private chat with person `id`. */
export const tg = {
  text: (id: number, text: string, extra: Record<string, unknown> = {}) => ({
    message: { message_id: Math.floor(Math.random() * 1e6), date: 1_580_000_000, chat: { id, type: 'private', first_name: `User${id}` }, from: { id, is_bot: false, first_name: `User${id}`, language_code: 'vi' }, text, ...extra },
  }),
  command: (id: number, text: string) =>
    tg.text(id, text, { entities: [{ type: 'bot_command', offset: 0, length: text.split(' ')[0]!.length }] }),
  callback: (id: number, messageId: number, data: string, fromId = id) => ({
    callback_query: {
      id: `cb${Math.floor(Math.random() * 1e9)}`,
      from: { id: fromId, is_bot: false, first_name: `User${fromId}`, language_code: 'vi' },
      chat_instance: 'ci',
      data,
      message: { message_id: messageId, date: 1_580_000_000, chat: { id, type: 'private' }, text: 'question' },
    },
  }),
  photo: (id: number, fileId: string, size = 120_000) =>
    tg.text(id, '', { text: undefined, photo: [{ file_id: `${fileId}-small`, file_unique_id: 's', width: 90, height: 90, file_size: 2_000 }, { file_id: fileId, file_unique_id: 'b', width: 1280, height: 960, file_size: size }] }),
  document: (id: number, fileId: string, name: string, mime: string, size = 300_000) =>
    tg.text(id, '', { text: undefined, document: { file_id: fileId, file_unique_id: 'd', file_name: name, mime_type: mime, file_size: size } }),
  group: (chatId: number, fromId: number, text: string) => ({
    message: { message_id: 1, date: 1_580_000_000, chat: { id: chatId, type: 'group', title: 'Ban TĐKT' }, from: { id: fromId, is_bot: false, first_name: 'A' }, text },
  }),
};
