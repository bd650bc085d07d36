/**
 * Downloads a file a webhook names (a Zalo attachment's link) without letting the link choose where
 * the bot connects: only hosts on the allow-list, only public addresses (checked on the addresses
 * DNS gives, at connection time, so a name cannot point inside afterwards), redirects followed by
 * hand and only while they stay on the list, and the size cap enforced while the body streams in.
 */
import { lookup as dnsLookup, type LookupAddress, type LookupOptions } from 'node:dns';
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { isIP } from 'node:net';
import { addressAllowed, hostAllowed } from './address-policy.ts';
import { DownloadTooLarge } from './fetch-bytes.ts';

export interface DownloadPolicy {
  /** Host names a file may come from: each itself, or any name under it. */
  hosts: readonly string[];
  /** Addresses that may be reached though not public (a test's fake server, a mirror on the local network). */
  allowAddresses?: readonly string[];
  /** Redirects followed, each checked like the first link (default 3). */
  maxRedirects?: number;
  /** For the whole download, redirects included (default 30 s). */
  timeoutMs?: number;
}

type RefusalReason = 'scheme' | 'host' | 'address' | 'redirects';

/** The link leads somewhere the bot does not fetch from; nothing was downloaded. */
export class DownloadRefused extends Error {
  constructor(
    readonly reason: RefusalReason,
    readonly detail: string,
  ) {
    super(`download refused (${reason}): ${detail}`);
  }
}

type LookupCallback = (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/** A DNS lookup for the connection that fails when any address the name has is not allowed. */
function guardedLookup(allowed: readonly string[]) {
  return (hostname: string, options: LookupOptions, callback: LookupCallback): void => {
    dnsLookup(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) return callback(error, []);
      const refused = addresses.find((a) => !addressAllowed(a.address, allowed));
      if (refused) return callback(new DownloadRefused('address', `${hostname} → ${refused.address}`) as NodeJS.ErrnoException, []);
      if (options.all) return callback(null, addresses);
      const first = addresses[0]!;
      callback(null, first.address, first.family);
    });
  };
}

/** The URL checked against the policy before any connection is made. */
function checkedUrl(link: string, policy: DownloadPolicy): URL {
  let url: URL;
  try {
    url = new URL(link);
  } catch {
    throw new DownloadRefused('scheme', 'not a link');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new DownloadRefused('scheme', url.protocol);
  if (url.username || url.password) throw new DownloadRefused('host', 'credentials in the link');
  if (!hostAllowed(url.hostname, policy.hosts)) throw new DownloadRefused('host', url.hostname);
  const literal = url.hostname.replace(/^\[|\]$/g, '');
  if (isIP(literal) !== 0 && !addressAllowed(literal, policy.allowAddresses)) throw new DownloadRefused('address', literal);
  return url;
}

function get(url: URL, policy: DownloadPolicy, signal: AbortSignal): Promise<IncomingMessage> {
  const request = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const req = request(url, { method: 'GET', signal, lookup: guardedLookup(policy.allowAddresses ?? []) as never, headers: { 'accept-encoding': 'identity' } }, resolve);
    req.on('error', (error) => reject(error instanceof DownloadRefused ? error : ((error as { cause?: unknown }).cause instanceof DownloadRefused ? (error as { cause: DownloadRefused }).cause : error)));
    req.end();
  });
}

async function readCapped(response: IncomingMessage, maxBytes: number): Promise<Buffer> {
  const declared = Number(response.headers['content-length'] ?? NaN);
  if (declared > maxBytes) {
    response.destroy();
    throw new DownloadTooLarge(maxBytes);
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of response as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > maxBytes) {
      response.destroy();
      throw new DownloadTooLarge(maxBytes);
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

/**
 * Downloads `link` into memory under `policy`; throws DownloadRefused for a link (or a redirect)
 * off the list or to a non-public address, DownloadTooLarge past `maxBytes`.
 */
export async function downloadGuarded(link: string, maxBytes: number, policy: DownloadPolicy): Promise<Buffer> {
  const signal = AbortSignal.timeout(policy.timeoutMs ?? 30_000);
  const maxRedirects = policy.maxRedirects ?? 3;
  let url = checkedUrl(link, policy);
  for (let hop = 0; ; hop++) {
    const response = await get(url, policy, signal);
    const status = response.statusCode ?? 0;
    if (status >= 300 && status < 400 && response.headers.location) {
      response.resume();
      if (hop >= maxRedirects) throw new DownloadRefused('redirects', `more than ${maxRedirects}`);
      url = checkedUrl(new URL(response.headers.location, url).href, policy);
      continue;
    }
    if (status < 200 || status >= 300) {
      response.resume();
      throw new Error(`download failed: HTTP ${status}`);
    }
    return readCapped(response, maxBytes);
  }
}
