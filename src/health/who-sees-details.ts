/**
 * Who may see the health report's details (paths, disk space, messengers' error texts): a caller on
 * this machine that did not come through a proxy, or one with HEALTH_TOKEN. Everyone else gets the
 * status alone.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { BlockList, isIP } from 'node:net';
import type { HttpRequest } from '../http/server.ts';

const LOOPBACK = new BlockList();
LOOPBACK.addSubnet('127.0.0.0', 8, 'ipv4');
LOOPBACK.addAddress('::1', 'ipv6');
LOOPBACK.addSubnet('::ffff:127.0.0.0', 104, 'ipv6');

/** Headers a reverse proxy adds: a request carrying one came from elsewhere, whatever the socket says. */
const PROXY_HEADERS = ['forwarded', 'x-forwarded-for', 'x-real-ip'];

function fromThisMachine(request: HttpRequest): boolean {
  const address = request.remoteAddress;
  if (!address || PROXY_HEADERS.some((h) => request.headers[h] !== undefined)) return false;
  const family = isIP(address);
  return family !== 0 && LOOPBACK.check(address, family === 4 ? 'ipv4' : 'ipv6');
}

const digest = (text: string) => createHash('sha256').update(text).digest();

function carriesToken(request: HttpRequest, token: string | undefined): boolean {
  if (!token) return false;
  const header = request.headers.authorization;
  const given = /^Bearer\s+(.+)$/i.exec(typeof header === 'string' ? header.trim() : '')?.[1];
  return given !== undefined && timingSafeEqual(digest(given), digest(token));
}

/** Whether this request gets the whole report. */
export const seesDetails = (request: HttpRequest, token: string | undefined): boolean => fromThisMachine(request) || carriesToken(request, token);
