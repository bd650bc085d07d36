/** Downloads a webhook names: only public addresses on the allow-list, the size cap while streaming. */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { addressAllowed, hostAllowed } from '../../src/util/address-policy.ts';
import { DownloadTooLarge } from '../../src/util/fetch-bytes.ts';
import { DownloadRefused, downloadGuarded } from '../../src/util/guarded-download.ts';

const servers: Server[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) await new Promise((resolve) => s.close(resolve));
});

/** A file server on 127.0.0.1 that streams `total` bytes in chunks, without a Content-Length. */
async function streamingServer(total: number): Promise<{ base: string; sent: () => number }> {
  let sent = 0;
  const server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/octet-stream' });
    const chunk = Buffer.alloc(64 * 1024, 1);
    const push = () => {
      while (sent < total) {
        sent += chunk.length;
        if (!res.write(chunk)) return void res.once('drain', push);
      }
      res.end();
    };
    push();
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, sent: () => sent };
}

describe('the address policy', () => {
  it.each(['127.0.0.1', '10.1.2.3', '172.20.0.1', '192.168.1.1', '169.254.169.254', '100.64.0.1', '0.0.0.0', '224.0.0.1', '255.255.255.255', '::', '::1', '::ffff:127.0.0.1', '::ffff:a00:1', '64:ff9b::a00:1', 'fe80::1', 'fd12:3456::1', 'ff02::1', 'not-an-ip'])(
    'refuses %s',
    (address) => expect(addressAllowed(address)).toBe(false),
  );

  it.each(['8.8.8.8', '203.162.4.190', '2001:4860:4860::8888'])('lets %s through', (address) => expect(addressAllowed(address)).toBe(true));

  it('lets an address named one by one through (a test’s fake server)', () => {
    expect(addressAllowed('127.0.0.1', ['127.0.0.1'])).toBe(true);
    expect(addressAllowed('127.0.0.2', ['127.0.0.1'])).toBe(false);
  });

  it('matches a host and the names under it, not names that merely end alike', () => {
    const hosts = ['zdn.vn', 'zalo.me'];
    expect(hostAllowed('f21-zpc.zdn.vn', hosts)).toBe(true);
    expect(hostAllowed('ZDN.VN.', hosts)).toBe(true);
    expect(hostAllowed('evilzdn.vn', hosts)).toBe(false);
    expect(hostAllowed('zdn.vn.example.com', hosts)).toBe(false);
    expect(hostAllowed('127.0.0.1', hosts)).toBe(false);
  });
});

describe('downloadGuarded', () => {
  it('stops a body without a Content-Length at the cap, while it streams', async () => {
    const server = await streamingServer(50 * 1024 * 1024);
    const error = await downloadGuarded(`${server.base}/big`, 1024 * 1024, { hosts: ['127.0.0.1'], allowAddresses: ['127.0.0.1'] }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DownloadTooLarge);
    // Stopped well before the 50 MB the server would have sent.
    expect(server.sent()).toBeLessThan(20 * 1024 * 1024);
  });

  it('refuses a link that is not http(s), or carries credentials', async () => {
    for (const link of ['file:///etc/passwd', 'ftp://zdn.vn/x', 'https://user:pw@f21-zpc.zdn.vn/x', 'nonsense']) {
      await expect(downloadGuarded(link, 1024, { hosts: ['zdn.vn'] })).rejects.toBeInstanceOf(DownloadRefused);
    }
  });
});
