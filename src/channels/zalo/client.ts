/**
 * A thin typed client for the Zalo OA API (no maintained SDK exists). Every answer is checked for
 * `error != 0` (Zalo reports errors with HTTP 200) and read with zod. An answer -216/-220 (token
 * invalid or expired), or -124 from ZNS (the same token, refused there), gets one token refresh and one retry.
 */
import { z } from 'zod';
import type { Choice } from '../../chat/types.ts';
import { zaloQuota, type ZaloQuota } from '../../delivery/zalo-quota.ts';
import type { Logger } from '../../util/log.ts';
import { TOKEN_ERRORS, ZaloApiError, ZaloResponseError, ZaloTransportError } from './errors.ts';
import { buttonPayload } from './events.ts';
import { MAX_BUTTONS, buttonTitle } from './render.ts';
import { choiceList, splitText } from '../shared/text.ts';

/** Where the client gets its access token (ZaloTokens in production). */
interface AccessTokens {
  accessToken(): Promise<string>;
  refresh(stale: string): Promise<string>;
}

const envelope = z.object({ error: z.number().int(), message: z.string().optional(), data: z.unknown().optional() }).loose();
const sent = z.object({ message_id: z.string().optional(), user_id: z.string().optional(), quota: zaloQuota.optional().catch(undefined) }).loose();
const znsSent = z.object({ msg_id: z.union([z.string(), z.number()]).transform(String).optional() }).loose();
/**
 * `/v3.0/oa/quota/message` for one person: the allowance a message to them would use now and when
 * they last interacted with the OA (epoch ms, as a string or a number). Read loosely: the shapes
 * in Zalo's documents and in the clients others maintain differ.
 */
const quotaCheck = z
  .object({
    quota_type: z.string().optional().catch(undefined),
    remain: z.union([z.string(), z.number()]).optional().catch(undefined),
    last_interaction: z
      .union([z.string().regex(/^\d{10,16}$/), z.number().int().positive()])
      .transform(Number)
      .optional()
      .catch(undefined),
  })
  .loose();
type ZaloQuotaCheck = z.infer<typeof quotaCheck>;
const uploaded = z.object({ token: z.string().min(1) }).loose();
const uploadedImage = z.object({ attachment_id: z.string().min(1) }).loose();
const profile = z
  .object({
    user_id: z.union([z.string(), z.number()]).transform(String),
    display_name: z.string().optional(),
    user_is_follower: z.boolean().optional(),
  })
  .loose();
type ZaloProfile = z.infer<typeof profile>;

/**
 * Whom a message goes to: a person, and the message of theirs it answers. Zalo counts a message
 * addressed by that message's id as one of the free replies to it (8 within 48 h); one addressed
 * by user id alone is proactive (Zalo OA help centre, "Các loại tin của Zalo Official Account").
 */
export interface ZaloRecipient {
  userId: string;
  /** The person's message this answers (its msg_id from the webhook). */
  replyTo?: string;
  /** Sent within the person's free window: free unless Zalo's answer says otherwise. */
  free?: boolean;
}

/** One message Zalo took, and the allowance its answer says it used. */
interface ZaloSent {
  to: ZaloRecipient;
  messageId: string;
  quota: ZaloQuota | undefined;
}

interface ZaloClientOptions {
  apiBase: string;
  /** The ZNS API (template messages by phone), https://business.openapi.zalo.me. */
  znsBase?: string;
  /** Told of every message Zalo took (the quota ledger). */
  onSent?: (sent: ZaloSent) => void;
  tokens: AccessTokens;
  log: Logger;
  fetch?: typeof fetch;
  timeoutMs?: number;
}

interface Call {
  /** Another base than the OA API's (ZNS). */
  base?: string;
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
  async sendText(to: string | ZaloRecipient, text: string): Promise<string[]> {
    const ids: string[] = [];
    for (const chunk of splitText(text)) ids.push(await this.sendMessage(to, { text: chunk }));
    return ids;
  }

  /**
   * Text with options: up to five as buttons under the last part of the text (a press comes back as
   * a message whose text is `#<seq>:<id>`), more as a list in the text, answered by typing.
   */
  async sendChoices(to: string | ZaloRecipient, text: string, choices: readonly Choice[], seq: number, numbered = true): Promise<string[]> {
    if (choices.length === 0) return this.sendText(to, text);
    if (choices.length > MAX_BUTTONS) return this.sendText(to, `${text}\n\n${choiceList(choices, numbered)}`);
    const chunks = splitText(text);
    const last = chunks.pop()!;
    const ids: string[] = [];
    for (const chunk of chunks) ids.push(await this.sendMessage(to, { text: chunk }));
    const buttons = choices.map((c) => ({ title: buttonTitle(c.label), type: 'oa.query.hide', payload: buttonPayload(seq, c.id) }));
    ids.push(await this.sendMessage(to, { text: last, attachment: { type: 'template', payload: { buttons } } }));
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

  async sendFile(to: string | ZaloRecipient, fileToken: string): Promise<string> {
    return this.sendMessage(to, { attachment: { type: 'file', payload: { token: fileToken } } });
  }

  /** Uploads a picture for sending (JPG or PNG up to 1 MB: `/v2.0/oa/upload/image`); returns its attachment id. */
  async uploadImage(data: Uint8Array, name: string, mime = 'image/png'): Promise<string> {
    const form = () => {
      const body = new FormData();
      body.append('file', new Blob([data], { type: mime }), name);
      return body;
    };
    return (await this.call({ method: 'POST', path: '/v2.0/oa/upload/image', form }, uploadedImage)).attachment_id;
  }

  /** An uploaded picture as a media message, with `text` (up to Zalo's 2,000 characters) shown with it. */
  async sendImage(to: string | ZaloRecipient, attachmentId: string, text = ''): Promise<string> {
    const elements = [{ media_type: 'image', attachment_id: attachmentId }];
    return this.sendMessage(to, { ...(text !== '' ? { text } : {}), attachment: { type: 'template', payload: { template_type: 'media', elements } } });
  }

  /**
   * A ZNS template message to a phone number (84xxxxxxxxx): `POST /message/template` on the ZNS
   * API with the OA's access token; `trackingId` is ours, so a retry can be matched to the first try.
   */
  async sendTemplate(phone: string, templateId: string, data: Record<string, string>, trackingId: string): Promise<string> {
    const json = { phone, template_id: templateId, template_data: data, tracking_id: trackingId };
    const answer = await this.call({ base: this.options.znsBase ?? 'https://business.openapi.zalo.me', method: 'POST', path: '/message/template', json }, znsSent);
    return answer.msg_id ?? '';
  }

  /** What a message to this person would cost now, as Zalo sees it (asked before a proactive send the budget would hold back). */
  async checkQuota(userId: string): Promise<ZaloQuotaCheck> {
    return this.call({ method: 'POST', path: '/v3.0/oa/quota/message', json: { user_id: userId } }, quotaCheck);
  }

  /**
   * Zalo's form asking the person for their name and phone (`request_user_info`); their answer
   * comes back as the `user_submit_info` event.
   */
  async requestUserInfo(to: string | ZaloRecipient, title: string, subtitle: string, imageUrl: string): Promise<string> {
    const elements = [{ title, subtitle, image_url: imageUrl }];
    return this.sendMessage(to, { attachment: { type: 'template', payload: { template_type: 'request_user_info', elements } } });
  }

  async getProfile(userId: string): Promise<ZaloProfile> {
    const data = encodeURIComponent(JSON.stringify({ user_id: userId }));
    return this.call({ method: 'GET', path: `/v3.0/oa/user/detail?data=${data}` }, profile);
  }

  private async sendMessage(target: string | ZaloRecipient, message: Message): Promise<string> {
    const to = typeof target === 'string' ? { userId: target } : target;
    const recipient = to.replyTo ? { message_id: to.replyTo } : { user_id: to.userId };
    const answer = await this.call({ method: 'POST', path: '/v3.0/oa/message/cs', json: { recipient, message } }, sent);
    const messageId = answer.message_id ?? '';
    this.options.onSent?.({ to, messageId, quota: answer.quota });
    return messageId;
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
      response = await this.fetch(`${call.base ?? this.options.apiBase}${call.path}`, {
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
