/**
 * A stand-in for the Zalo Bot Platform on 127.0.0.1 (https://bot-api.zaloplatforms.com/bot<TOKEN>/<method>):
 * getMe, getUpdates as a long poll handing over one update at a time (and 408 "Request timeout"
 * when idle, as the platform answers), setWebhook, deleteWebhook, sendMessage (1 to 2,000
 * characters, else refused) and sendPhoto. Every call is recorded.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export const BOT_TOKEN = '1459232241454765289:test-zalo-bot-access-token';

/** A call the bot made; `ok` when the fake answered it as done. */
export interface BotCall {
  method: string;
  body: any;
  ok?: boolean;
}

export interface FakeZaloBot {
  base: string;
  calls: BotCall[];
  /** Texts sent to each chat, in order. */
  sent(chatId: string): string[];
  /** An update for the next getUpdates (as the platform shapes it). */
  push(update: unknown): void;
  pending(): number;
  webhook: { url: string; secret: string } | undefined;
  /** An HTTP status every send is answered with for now (a platform fault), when set. */
  sendStatus: number | undefined;
  /** Nothing is answered at all any more. */
  hang: boolean;
  /** How long an idle long poll is held before its 408 (the platform holds it up to `timeout` seconds). */
  pollHoldMs: number;
  close(): Promise<void>;
}

/** An update as the platform sends it: `{event_name, message}`. */
export function textUpdate(chatId: string, text: string, messageId: string, name = 'Nguyễn Thị Hoa') {
  return {
    event_name: 'message.text.received',
    message: { message_id: messageId, date: Date.now(), text, chat: { id: chatId, chat_type: 'PRIVATE' }, from: { id: chatId, display_name: name, is_bot: false } },
  };
}

export async function startFakeZaloBot(): Promise<FakeZaloBot> {
  const queue: unknown[] = [];
  const waiting: (() => void)[] = [];
  const fake = {
    calls: [] as BotCall[],
    sent: (chatId: string) => fake.calls.filter((c) => c.method === 'sendMessage' && c.ok && c.body.chat_id === chatId).map((c) => c.body.text as string),
    push(update: unknown) {
      queue.push(update);
      waiting.splice(0).forEach((wake) => wake());
    },
    pending: () => queue.length,
    webhook: undefined as { url: string; secret: string } | undefined,
    sendStatus: undefined as number | undefined,
    hang: false,
    pollHoldMs: 300,
  } as Omit<FakeZaloBot, 'base' | 'close'>;

  const answer = (res: import('node:http').ServerResponse, status: number, body: unknown) => res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      if (fake.hang) return;
      const match = /^\/bot([^/]+)\/(\w+)$/.exec(req.url ?? '');
      const body = chunks.length > 0 ? JSON.parse(Buffer.concat(chunks).toString('utf8')) : {};
      const call: BotCall = { method: match?.[2] ?? '', body };
      fake.calls.push(call);
      if (!match || match[1] !== BOT_TOKEN) return answer(res, 401, { ok: false, error_code: 401, description: 'Unauthorized' });
      const ok = (result: unknown) => {
        call.ok = true;
        answer(res, 200, { ok: true, result });
      };
      switch (match[2]) {
        case 'getMe':
          return ok({ id: '1459232241454765289', account_name: 'bot.ThiDuaNamDinh', account_type: 'BASIC', can_join_groups: false });
        case 'setWebhook':
          fake.webhook = { url: body.url, secret: body.secret_token };
          return ok({ url: body.url, updated_at: Date.now() });
        case 'deleteWebhook':
          fake.webhook = undefined;
          return ok({ url: '', updated_at: Date.now() });
        case 'getUpdates': {
          const give = () => (queue.length > 0 ? ok(queue.shift()) : answer(res, 200, { ok: false, error_code: 408, description: 'Request timeout' }));
          if (queue.length > 0) return give();
          const timer = setTimeout(() => {
            waiting.splice(waiting.indexOf(wake), 1);
            give();
          }, fake.pollHoldMs);
          const wake = () => {
            clearTimeout(timer);
            give();
          };
          waiting.push(wake);
          return;
        }
        case 'sendMessage':
        case 'sendPhoto': {
          if (fake.sendStatus) return answer(res, fake.sendStatus, { ok: false, error_code: fake.sendStatus, description: 'Bad Gateway' });
          const text = match[2] === 'sendMessage' ? body.text : (body.caption ?? '');
          if (match[2] === 'sendMessage' && (typeof text !== 'string' || text.length < 1 || text.length > 2000))
            return answer(res, 200, { ok: false, error_code: 400, description: 'text must be 1 to 2000 characters' });
          return ok({ message_id: `out${fake.calls.length}`, date: Date.now() });
        }
        default:
          return answer(res, 404, { ok: false, error_code: 404, description: 'Not Found' });
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return Object.assign(fake, {
    base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () =>
      new Promise<void>((resolve) => {
        waiting.splice(0);
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  });
}
