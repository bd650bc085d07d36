import { timingSafeEqual } from 'node:crypto';
import { createReadStream, statSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { create as contentDisposition } from 'content-disposition';
import { storageFault } from '../db/faults.ts';
import type { Logger } from '../util/log.ts';

export interface HttpRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  /** The exact bytes received: signatures are computed over them. */
  rawBody: Buffer;
  /** The address the connection came from (the HTTPS proxy's, behind one). */
  remoteAddress?: string;
}

export interface HttpResponse {
  status: number;
  body?: string;
  contentType?: string;
  /** A file to send as the body (a download), streamed. */
  file?: { path: string; name: string; contentType: string; /** Called once the whole file was sent. */ sent?: () => void };
}

export interface Route {
  method: 'GET' | 'POST';
  path: string;
  /** `path` is a prefix: the route takes every path under it. */
  prefix?: boolean;
  handle(request: HttpRequest): Promise<HttpResponse> | HttpResponse;
}

/** Whether the request's `header` carries `secret` (a webhook's shared secret), compared in constant time. */
function carriesSecret(request: HttpRequest, header: string, secret: string): boolean {
  const value = request.headers[header];
  const given = Buffer.from(String((Array.isArray(value) ? value[0] : value) ?? ''));
  const expected = Buffer.from(secret);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/**
 * A webhook whose calls carry a shared secret in a header (Telegram, the Zalo Bot Platform): a
 * call without it is refused 401, one that is not JSON 400; the body goes to `accept`, which must
 * be quick (store, not process) and may throw to have the call delivered again (503 or 500).
 */
export function secretWebhookRoute(options: { path: string; header: string; secret: string; onRefused: () => void; accept: (body: unknown) => void }): Route {
  return {
    method: 'POST',
    path: options.path,
    handle(request) {
      if (!carriesSecret(request, options.header, options.secret)) {
        options.onRefused();
        return { status: 401 };
      }
      let body: unknown;
      try {
        body = JSON.parse(request.rawBody.toString('utf8'));
      } catch {
        return { status: 400 };
      }
      options.accept(body);
      return { status: 200, body: '' };
    },
  };
}

/** Webhook bodies are small; anything bigger is refused before it is read in full. */
const MAX_BODY_BYTES = 1024 * 1024;

export interface RunningServer {
  port: number;
  close(): Promise<void>;
}

/** Streams a file as an attachment; `sent` is called only when all of it went out. */
function sendFile(res: ServerResponse, status: number, file: NonNullable<HttpResponse['file']>, log: Logger): void {
  const size = statSync(file.path).size;
  // The name as typed (RFC 6266 filename*), and the name without its diacritics for old clients.
  const ascii = file.name.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[đĐ]/g, 'd').replace(/[^\x20-\x7e]|["\\]/g, '_');
  res.writeHead(status, {
    'content-type': file.contentType,
    'content-length': size,
    'content-disposition': contentDisposition(file.name, { fallback: ascii }),
    'cache-control': 'private, no-store',
    'x-content-type-options': 'nosniff',
  });
  const stream = createReadStream(file.path);
  stream.on('error', (error) => {
    log.error('file not sent', { error: String(error) });
    res.destroy();
  });
  res.on('finish', () => file.sent?.());
  stream.pipe(res);
}

/** The bot's HTTP server: webhooks of the channels, the health check (src/health/route.ts) and signed file links (src/http/signed-links.ts). */
export async function startHttpServer(port: number, all: Route[], log: Logger, host = '0.0.0.0'): Promise<RunningServer> {
  const server: Server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0]!;
    const route = all.find((r) => r.method === req.method && (r.prefix ? path.startsWith(r.path) : r.path === path));
    if (!route) {
      res.writeHead(404).end();
      req.resume();
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        res.writeHead(413).end();
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      if (res.writableEnded) return;
      // A handler may throw before it returns a promise (a webhook storing the update synchronously): caught alike.
      new Promise<HttpResponse>((resolve) => resolve(route.handle({ method: req.method!, path, headers: req.headers, rawBody: Buffer.concat(chunks), ...(req.socket.remoteAddress ? { remoteAddress: req.socket.remoteAddress } : {}) })))
        .then((answer) => {
          if (answer.file) return sendFile(res, answer.status, answer.file, log);
          res.writeHead(answer.status, { 'content-type': answer.contentType ?? 'text/plain; charset=utf-8' }).end(answer.body ?? '');
        })
        .catch((error: unknown) => {
          // The database cannot take the call now (locked, full): 503, and the messenger delivers it again later.
          const fault = storageFault(error);
          if (fault) log.debug('http call refused for now', { path, fault });
          else log.error('http handler failed', { path, error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
          if (!res.headersSent) res.writeHead(fault ? 503 : 500, fault ? { 'retry-after': '5' } : {}).end();
        });
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  return {
    port: (server.address() as AddressInfo).port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
