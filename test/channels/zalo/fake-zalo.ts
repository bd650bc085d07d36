/**
 * A stand-in for Zalo's OA API and OAuth server on 127.0.0.1: it records every request the bot
 * makes and answers like Zalo (the sample answers in test/fixtures/zalo), errors with HTTP 200
 * included. It knows which access token is valid, so an old token gets -216 as from Zalo.
 */
import { readFileSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export const fixture = (name: string): string => readFileSync(new URL(`../../fixtures/zalo/${name}`, import.meta.url), 'utf8');
export const fixtureJson = <T = any>(name: string): T => JSON.parse(fixture(name)) as T;

export interface RecordedRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  raw: Buffer;
  /** JSON bodies parsed, form bodies as an object, anything else undefined. */
  body: any;
  /** True when the fake answered it as a success (error 0). */
  answeredOk?: boolean;
  /** For a message sent: the allowance it used. */
  quotaType?: string;
}

export interface SentMessage {
  userId: string;
  text?: string;
  buttons?: { title: string; type: string; payload: string }[];
  fileToken?: string;
  /** A picture sent as a media message: its attachment id (from the image upload). */
  imageId?: string;
}

/** A scripted answer; with `path`, only for calls to that endpoint (others go by). */
type Answer = { status?: number; body: unknown; path?: string };

export interface FakeZalo {
  base: string;
  requests: RecordedRequest[];
  /** The access and refresh tokens Zalo currently accepts. */
  valid: { access: string; refresh: string };
  /** Answers for the next API calls (not OAuth), used in order before the normal behaviour. */
  nextApi: Answer[];
  /** Answers for the next OAuth calls, used in order before the normal behaviour. */
  nextOauth: Answer[];
  /** A standing answer to every message sent to these users (e.g. -230). */
  refuseUser: Map<string, unknown>;
  oauthDelayMs: number;
  /** An HTTP status every API call is answered with for now (a Zalo server error), when set. */
  apiStatus: number | undefined;
  /** Delay before answering API calls (a slow Zalo). */
  apiDelayMs: number;
  /** Zalo's clock (the test's), for the 48-hour reply allowance and the 7-day window. */
  now: () => number;
  /** Whether a message by user id to someone silent for 7 days is refused with -230, as Zalo does. */
  enforceWindow: boolean;
  /** Zalo's rules from 01/01/2026: any message within 48 h of the person's last one is free, however addressed. */
  freeWindow: boolean;
  /** ZNS template messages the bot sent, as Zalo took them. */
  zns: { phone: string; templateId: string; data: Record<string, string> }[];
  /** Phone numbers ZNS refuses (not on Zalo). */
  znsRefused: Set<string>;
  /** The person wrote to the OA (what the webhook told the bot): their message may be answered by its id. */
  inbound(userId: string, msgId: string, at?: number): void;
  /** Proactive messages Zalo counted (by user id, or replies beyond the allowance). */
  proactiveCount(): number;
  /** How each message was addressed (the message it answered, if any) and the allowance Zalo counted it in. */
  allowances(userId?: string): { userId: string; replyTo: string | undefined; quotaType: string }[];
  oauthCalls(): RecordedRequest[];
  /** Every message the bot sent, in order, optionally to one user only. */
  messages(userId?: string): SentMessage[];
  /** Files people "sent", served at GET <base>/files/<name> as Zalo's file storage serves them. */
  files: Map<string, Buffer>;
  /** Files downloaded from it, by name. */
  downloads: string[];
  /** Files whose link answers with a redirect to another address, by name. */
  redirects: Map<string, string>;
  /** Pictures uploaded with /v2.0/oa/upload/image, by the attachment id answered. */
  images: Map<string, Buffer>;
  close(): Promise<void>;
}

const json = (status: number, body: unknown) => ({ status, body });

/** The bytes of the multipart field `file` of an upload (one file a request, as Zalo takes). */
function uploadedFile(request: RecordedRequest): Buffer | undefined {
  const boundary = /boundary=("?)([^";]+)\1/.exec(String(request.headers['content-type'] ?? ''))?.[2];
  if (!boundary) return undefined;
  for (const part of request.raw.toString('latin1').split(`--${boundary}`)) {
    const split = part.indexOf('\r\n\r\n');
    if (split >= 0 && /name="file"/.test(part.slice(0, split))) return Buffer.from(part.slice(split + 4).replace(/\r\n$/, ''), 'latin1');
  }
  return undefined;
}

export async function startFakeZalo(): Promise<FakeZalo> {
  let issued = 0;
  /** Each person's messages to the OA, and their latest: the reply allowance restarts with it. */
  const messagesOf = new Map<string, string>();
  const latest = new Map<string, { at: number; replies: number }>();
  let proactive = 0;
  const fake: Omit<FakeZalo, 'base' | 'close'> = {
    requests: [],
    valid: { access: 'INITIAL-ACCESS-TOKEN-0001', refresh: 'INITIAL-REFRESH-TOKEN-0001' },
    nextApi: [],
    nextOauth: [],
    refuseUser: new Map(),
    oauthDelayMs: 0,
    apiStatus: undefined,
    apiDelayMs: 0,
    files: new Map(),
    downloads: [],
    redirects: new Map(),
    images: new Map(),
    now: () => Date.now(),
    enforceWindow: false,
    freeWindow: false,
    zns: [],
    znsRefused: new Set(),
    inbound(userId, msgId, at = fake.now()) {
      messagesOf.set(msgId, userId);
      latest.set(userId, { at, replies: 0 });
    },
    proactiveCount: () => proactive,
    allowances(userId) {
      return fake.requests
        .filter((r) => r.path === '/v3.0/oa/message/cs' && r.answeredOk)
        .map((r) => {
          const replyTo = r.body.recipient.message_id as string | undefined;
          return { userId: replyTo ? messagesOf.get(replyTo)! : String(r.body.recipient.user_id), replyTo, quotaType: r.quotaType ?? '' };
        })
        .filter((m) => userId === undefined || m.userId === userId);
    },
    oauthCalls: () => fake.requests.filter((r) => r.path === '/v4/oa/access_token'),
    messages(userId) {
      return fake.requests
        .filter((r) => r.path === '/v3.0/oa/message/cs' && r.answeredOk)
        .map((r) => {
          const message = r.body.message;
          const payload = message.attachment?.payload;
          const replyTo = r.body.recipient.message_id as string | undefined;
          return {
            userId: replyTo ? messagesOf.get(replyTo) : r.body.recipient.user_id,
            ...(message.text !== undefined ? { text: message.text } : {}),
            ...(message.attachment?.type === 'template' && payload.template_type === undefined ? { buttons: payload.buttons } : {}),
            ...(message.attachment?.type === 'template' && payload.template_type === 'media' ? { imageId: payload.elements[0].attachment_id } : {}),
            ...(message.attachment?.type === 'file' ? { fileToken: payload.token } : {}),
          } as SentMessage;
        })
        .filter((m) => userId === undefined || m.userId === userId);
    },
  } as Omit<FakeZalo, 'base' | 'close'>;

  /** Zalo's OAuth: a new pair for the current refresh token (the sample answer first), the old one dies. */
  const oauth = (request: RecordedRequest): Answer => {
    const scripted = fake.nextOauth.shift();
    if (scripted) return scripted;
    const form = request.body as Record<string, string>;
    if (request.headers['secret_key'] !== 'test-app-secret' || form.app_id !== APP_ID || form.grant_type !== 'refresh_token' || form.refresh_token !== fake.valid.refresh) {
      return json(200, fixtureJson('oauth_error.constructed.json'));
    }
    issued += 1;
    const answer =
      issued === 1 ? fixtureJson('oauth_token.response.json') : { access_token: `ISSUED-ACCESS-TOKEN-${issued}`, refresh_token: `ISSUED-REFRESH-TOKEN-${issued}`, expires_in: '90000' };
    fake.valid = { access: answer.access_token, refresh: answer.refresh_token };
    return json(200, answer);
  };

  const api = (request: RecordedRequest): Answer => {
    if (request.headers['access_token'] !== fake.valid.access) {
      // ZNS says the same with its own code.
      if (request.path === '/message/template') return json(200, { error: -124, message: 'Access token is invalid' });
      return json(200, fixtureJson('error.token_invalid.constructed.json'));
    }
    if (fake.apiStatus !== undefined) return json(fake.apiStatus, { error: -1, message: 'Bad gateway' });
    const at = fake.nextApi.findIndex((a) => a.path === undefined || a.path === request.path);
    const scripted = at >= 0 ? fake.nextApi.splice(at, 1)[0] : undefined;
    if (scripted) return scripted;
    if (request.path === '/v3.0/oa/message/cs') {
      // Addressed by the person's message (a reply) or by user id (proactive), as Zalo counts them.
      const replyTo = request.body?.recipient?.message_id as string | undefined;
      const userId = replyTo ? messagesOf.get(replyTo) : String(request.body?.recipient?.user_id);
      if (!userId) return json(200, { error: -201, message: 'message_id is invalid' });
      const refusal = fake.refuseUser.get(userId);
      if (refusal) return json(200, refusal);
      const last = latest.get(userId);
      if (!replyTo && fake.enforceWindow && (!last || fake.now() - last.at > 7 * 86_400_000)) return json(200, fixtureJson('error.window_expired.json'));
      const free = (replyTo || fake.freeWindow) && last && fake.now() - last.at < 48 * 3_600_000 && (fake.freeWindow || last.replies < 8);
      if (free) last.replies++;
      else proactive++;
      request.quotaType = free ? 'reply' : 'sub_quota';
      const answer = fixtureJson('send_cs_text.response.json');
      answer.data.user_id = userId;
      answer.data.message_id = `m${fake.requests.length}`;
      answer.data.quota = free ? { quota_type: 'reply', remain: String(8 - last.replies), total: '8' } : { quota_type: 'sub_quota', remain: String(Math.max(0, 1000 - proactive)), total: '1000' };
      return json(200, answer);
    }
    if (request.path === '/message/template') {
      const { phone, template_id: templateId, template_data: data } = request.body ?? {};
      if (fake.znsRefused.has(phone)) return json(200, { error: -108, message: 'Phone number is invalid' });
      fake.zns.push({ phone, templateId, data });
      return json(200, { error: 0, message: 'Success', data: { msg_id: `zns${fake.zns.length}`, sent_time: String(fake.now()), quota: { dailyQuota: '500', remainingQuota: String(500 - fake.zns.length) } } });
    }
    if (request.path === '/v3.0/oa/quota/message') {
      const last = latest.get(String(request.body?.user_id));
      return json(200, { error: 0, message: 'Success', data: { quota_type: 'sub_quota', ...(last ? { last_interaction: String(last.at) } : {}) } });
    }
    if (request.path === '/v2.0/oa/getoa') return json(200, { error: 0, message: 'Success', data: { oa_id: '2491302944280861639', name: 'Ban Thi đua - Khen thưởng' } });
    if (request.path === '/v2.0/oa/upload/image') {
      // Zalo takes JPG and PNG up to 1 MB; the bytes are kept under the id answered, as Zalo keeps them.
      const bytes = uploadedFile(request);
      if (!bytes || bytes.length > 1024 * 1024) return json(200, { error: -210, message: 'Image is invalid' });
      const attachmentId = `img${fake.images.size + 1}`;
      fake.images.set(attachmentId, bytes);
      return json(200, { error: 0, message: 'Success', data: { attachment_id: attachmentId } });
    }
    if (request.path === '/v2.0/oa/upload/file') return json(200, fixtureJson('upload_file.response.constructed.json'));
    if (request.path === '/v3.0/oa/user/detail') {
      const answer = fixtureJson('user_detail.response.constructed.json');
      answer.data.user_id = JSON.parse(request.query.get('data') ?? '{}').user_id;
      return json(200, answer);
    }
    return json(404, { error: 404, message: 'not found' });
  };

  const server: Server = createServer((req, res) => {
    const file = /^\/files\/(.+)$/.exec(req.url ?? '');
    if (file && req.method === 'GET') {
      const bytes = fake.files.get(decodeURIComponent(file[1]!));
      const redirect = fake.redirects.get(decodeURIComponent(file[1]!));
      fake.downloads.push(decodeURIComponent(file[1]!));
      if (redirect) res.writeHead(302, { location: redirect }).end();
      else if (!bytes) res.writeHead(404).end();
      else res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': bytes.length }).end(bytes);
      return;
    }
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      const raw = Buffer.concat(chunks);
      const type = req.headers['content-type'] ?? '';
      let body: unknown;
      if (type.startsWith('application/json')) body = JSON.parse(raw.toString('utf8'));
      else if (type.startsWith('application/x-www-form-urlencoded')) body = Object.fromEntries(new URLSearchParams(raw.toString('utf8')));
      const request: RecordedRequest = { method: req.method ?? '', path: url.pathname, query: url.searchParams, headers: req.headers, raw, body };
      fake.requests.push(request);
      const isOauth = url.pathname === '/v4/oa/access_token';
      const answer = isOauth ? oauth(request) : api(request);
      request.answeredOk = (answer.status ?? 200) === 200 && (answer.body as { error?: number }).error === 0;
      setTimeout(
        () => res.writeHead(answer.status ?? 200, { 'content-type': 'application/json' }).end(JSON.stringify(answer.body)),
        isOauth ? fake.oauthDelayMs : fake.apiDelayMs,
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return Object.assign(fake, {
    base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  });
}

/** The app id and key of the signature test vector: the sample payloads are signed with them. */
const vector = fixtureJson<{ app_id: string; oa_secret_key: string }>('signature_test_vector.json');
export const APP_ID = vector.app_id;
export const OA_SECRET_KEY = vector.oa_secret_key;
