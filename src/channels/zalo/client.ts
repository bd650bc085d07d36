/**
 * A thin typed client for the Zalo OA API (no maintained SDK exists). Every answer is checked for
 * `error != 0` (Zalo reports errors with HTTP 200) and read with zod. An answer -216/-220 (token
 * invalid or expired) gets one token refresh and one retry.
 */
import { z } from 'zod';
import type { Choice } from '../../chat/types.ts';
import type { Logger } from '../../util/log.ts';
import { TOKEN_ERRORS, ZaloApiError, ZaloResponseError, ZaloTransportError } from './errors.ts';
import { buttonPayload } from './events.ts';
import { MAX_BUTTONS, buttonTitle, choiceList, splitText } from './render.ts';

/** Where the client gets its access token (ZaloTokens in production). */
export interface AccessTokens {
  accessToken(): Promise<string>;
  refresh(stale: string): Promise<string>;
}

const envelope = z.object({ error: z.number().int(), message: z.string().optional(), data: z.unknown().optional() }).loose();
const sent = z.object({ message_id: z.string().optional(), user_id: z.string().optional() }).loose();
const uploaded = z.object({ token: z.string().min(1) }).loose();
const profile = z
  .object({
    user_id: z.union([z.string(), z.number()]).transform(String),
    display_name: z.string().optional(),
    user_is_follower: z.boolean().optional(),
  })
  .loose();
export type ZaloProfile = z.infer<typeof profile>;

export interface ZaloClientOptions {
  apiBase: string;
  tokens: AccessTokens;
  log: Logger;
  fetch?: typeof fetch;
  timeoutMs?: number;
}

interface Call {
  method: 'GET' | 'POST';
  path: string;
  json?: unknown;
  form?: () => FormData;
}

type Message = Record<string, unknown>;

export class ZaloClient {
  private readonly fetch: typeof fetch;

  constructor(private readonly options: ZaloClientOptions) {
    this.fetch = options.fetch ?? globalThis.fetch;
  }

  /** Sends text, in several messages when it is longer than Zalo accepts; returns the message ids. */
  async sendText(userId: string, text: string): Promise<string[]> {
    const ids: string[] = [];
    for (const chunk of splitText(text)) ids.push(await this.sendMessage(userId, { text: chunk }));
    return ids;
  }

  /**
   * Text with options: up to five as buttons under the last part of the text (a press comes back as
   * a message whose text is `#<seq>:<id>`), more as a list in the text, answered by typing.
   */
  async sendChoices(userId: string, text: string, choices: readonly Choice[], seq: number, numbered = true): Promise<string[]> {
    if (choices.length === 0) return this.sendText(userId, text);
    if (choices.length > MAX_BUTTONS) return this.sendText(userId, `${text}\n\n${choiceList(choices, numbered)}`);
    const chunks = splitText(text);
    const last = chunks.pop()!;
    const ids: string[] = [];
    for (const chunk of chunks) ids.push(await this.sendMessage(userId, { text: chunk }));
    const buttons = choices.map((c) => ({ title: buttonTitle(c.label), type: 'oa.query.hide', payload: buttonPayload(seq, c.id) }));
    ids.push(await this.sendMessage(userId, { text: last, attachment: { type: 'template', payload: { buttons } } }));
    return ids;
  }

  /** Uploads a file for sending (Zalo accepts PDF, DOC, DOCX); returns its token. */
  async uploadFile(data: Uint8Array, name: string, mime = 'application/octet-stream'): Promise<string> {
    const form = () => {
      const body = new FormData();
      body.append('file', new Blob([data], { type: mime }), name);
      return body;
    };
    return (await this.call({ method: 'POST', path: '/v2.0/oa/upload/file', form }, uploaded)).token;
  }

  async sendFile(userId: string, fileToken: string): Promise<string> {
    return this.sendMessage(userId, { attachment: { type: 'file', payload: { token: fileToken } } });
  }

  async getProfile(userId: string): Promise<ZaloProfile> {
    const data = encodeURIComponent(JSON.stringify({ user_id: userId }));
    return this.call({ method: 'GET', path: `/v3.0/oa/user/detail?data=${data}` }, profile);
  }

  private async sendMessage(userId: string, message: Message): Promise<string> {
    const answer = await this.call({ method: 'POST', path: '/v3.0/oa/message/cs', json: { recipient: { user_id: userId }, message } }, sent);
    return answer.message_id ?? '';
  }

  private async call<T extends z.ZodType>(call: Call, schema: T): Promise<z.output<T>> {
    const { tokens } = this.options;
    const token = await tokens.accessToken();
    try {
      return await this.attempt(call, schema, token);
    } catch (error) {
      if (!(error instanceof ZaloApiError && TOKEN_ERRORS.has(error.code))) throw error;
      this.options.log.info('zalo token refused, refreshing', { code: error.code, path: call.path.split('?')[0] });
      return this.attempt(call, schema, await tokens.refresh(token));
    }
  }

  private async attempt<T extends z.ZodType>(call: Call, schema: T, token: string): Promise<z.output<T>> {
    const headers: Record<string, string> = { access_token: token };
    let body: string | FormData | undefined;
    if (call.json !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(call.json);
    } else if (call.form) body = call.form();
    let response: Response;
    let text: string;
    try {
      response = await this.fetch(`${this.options.apiBase}${call.path}`, {
        method: call.method,
        headers,
        ...(body !== undefined ? { body } : {}),
        signal: AbortSignal.timeout(this.options.timeoutMs ?? 15_000),
      });
      text = await response.text();
    } catch (error) {
      throw new ZaloTransportError(`Zalo unreachable: ${error instanceof Error ? error.message : String(error)}`);
    }
    // Overloaded or failing: whatever the body says, try again later.
    if (response.status >= 500 || response.status === 429) throw new ZaloTransportError(`Zalo answered HTTP ${response.status}`, response.status);
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      throw new ZaloTransportError(`Zalo answered HTTP ${response.status} without JSON`, response.status);
    }
    const head = envelope.safeParse(json);
    if (!head.success) {
      if (!response.ok) throw new ZaloTransportError(`Zalo answered HTTP ${response.status}`, response.status);
      throw new ZaloResponseError(`unexpected Zalo answer on ${call.path.split('?')[0]}`);
    }
    if (head.data.error !== 0) throw new ZaloApiError(head.data.error, head.data.message ?? '');
    if (!response.ok) throw new ZaloTransportError(`Zalo answered HTTP ${response.status}`, response.status);
    const data = schema.safeParse(head.data.data ?? {});
    if (!data.success) throw new ZaloResponseError(`unexpected Zalo data on ${call.path.split('?')[0]}`);
    return data.data;
  }
}
