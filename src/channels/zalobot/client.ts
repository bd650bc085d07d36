/**
 * A thin client for the Zalo Bot Platform (https://bot-api.zaloplatforms.com/bot<TOKEN>/<method>,
 * every method a POST with a JSON body). Answers are `{ok: true, result}` or `{ok: false,
 * error_code, description}`; an idle long poll answers 408, which is not an error.
 */
import { z } from 'zod';
import type { Logger } from '../../util/log.ts';

const answer = z.object({ ok: z.boolean(), result: z.unknown().optional(), error_code: z.number().optional(), description: z.string().optional() }).loose();
const botInfo = z.object({ id: z.union([z.string(), z.number()]).transform(String), account_name: z.string().optional(), display_name: z.string().optional() }).loose();
type ZaloBotInfo = z.infer<typeof botInfo>;

/** The Bot Platform refused the call (`ok: false`). */
export class ZaloBotApiError extends Error {
  constructor(
    readonly code: number,
    message: string,
  ) {
    super(`zalo bot ${code}: ${message}`);
  }
}

/** Not reached, or answered with something other than the API's envelope: try again later. */
export class ZaloBotTransportError extends Error {}

/** An idle long poll ends with this code: nothing arrived, poll again. */
const POLL_TIMEOUT = 408;

interface ZaloBotClientOptions {
  apiBase: string;
  token: string;
  log: Logger;
  fetch?: typeof fetch;
}

export class ZaloBotClient {
  private readonly fetch: typeof fetch;

  constructor(private readonly options: ZaloBotClientOptions) {
    this.fetch = options.fetch ?? globalThis.fetch;
  }

  async getMe(): Promise<ZaloBotInfo> {
    return botInfo.parse(await this.call('getMe', {}));
  }

  /** One long poll: the update(s) that arrived (the platform answers one object, or a list), none after an idle poll. */
  async getUpdates(timeoutSeconds: number, signal?: AbortSignal): Promise<unknown[]> {
    try {
      const result = await this.call('getUpdates', { timeout: String(timeoutSeconds) }, (timeoutSeconds + 15) * 1000, signal);
      if (result === undefined || result === null) return [];
      return Array.isArray(result) ? result : [result];
    } catch (error) {
      if (error instanceof ZaloBotApiError && error.code === POLL_TIMEOUT) return [];
      throw error;
    }
  }

  async setWebhook(url: string, secretToken: string): Promise<void> {
    await this.call('setWebhook', { url, secret_token: secretToken });
  }

  async deleteWebhook(): Promise<void> {
    await this.call('deleteWebhook', {});
  }

  /** Text of 1 to 2,000 characters (the caller splits longer text). */
  async sendMessage(chatId: string, text: string): Promise<void> {
    await this.call('sendMessage', { chat_id: chatId, text });
  }

  /** A picture the platform fetches from `url` (a signed link to the bot's own server), with a caption. */
  async sendPhoto(chatId: string, url: string, caption: string): Promise<void> {
    await this.call('sendPhoto', { chat_id: chatId, photo: url, ...(caption !== '' ? { caption } : {}) });
  }

  private async call(method: string, body: unknown, timeoutMs = 15_000, signal?: AbortSignal): Promise<unknown> {
    const { apiBase, token } = this.options;
    let response: Response;
    let text: string;
    try {
      const timeout = AbortSignal.timeout(timeoutMs);
      response = await this.fetch(`${apiBase}/bot${token}/${method}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
        signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
      });
      text = await response.text();
    } catch (error) {
      throw new ZaloBotTransportError(`Zalo Bot Platform unreachable: ${error instanceof Error ? error.message : String(error)}`);
    }
    let parsed: z.infer<typeof answer> | undefined;
    try {
      parsed = answer.parse(JSON.parse(text));
    } catch {
      parsed = undefined;
    }
    if (!parsed) throw new ZaloBotTransportError(`Zalo Bot Platform answered HTTP ${response.status} without its envelope`);
    if (!parsed.ok) throw new ZaloBotApiError(parsed.error_code ?? response.status, parsed.description ?? '');
    return parsed.result;
  }
}
