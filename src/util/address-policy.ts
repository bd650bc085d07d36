/**
 * Which network addresses a download may reach: the public Internet only. Loopback, private,
 * link-local, shared (CGNAT), multicast, reserved and unspecified addresses are refused, in IPv4
 * and IPv6 (IPv4-mapped and NAT64 forms included), unless named one by one as allowed.
 */
import { BlockList, isIP } from 'node:net';

// Two lists: a BlockList checks IPv4 addresses against its IPv6 rules as well (as ::ffff:a.b.c.d).
const NOT_PUBLIC_V4 = new BlockList();
const NOT_PUBLIC_V6 = new BlockList();
for (const [net, prefix] of [
  ['0.0.0.0', 8], // "this network", 0.0.0.0
  ['10.0.0.0', 8],
  ['100.64.0.0', 10], // shared address space (CGNAT)
  ['127.0.0.0', 8],
  ['169.254.0.0', 16], // link-local, cloud metadata
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.0.2.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 4], // multicast
  ['240.0.0.0', 4], // reserved, broadcast
] as const)
  NOT_PUBLIC_V4.addSubnet(net, prefix, 'ipv4');
for (const [net, prefix] of [
  ['::', 96], // unspecified, loopback, IPv4-compatible
  ['::ffff:0:0', 96], // IPv4-mapped: would reach the IPv4 address behind it
  ['64:ff9b::', 96], // NAT64
  ['64:ff9b:1::', 48],
  ['100::', 64], // discard
  ['2001:db8::', 32], // documentation
  ['fc00::', 7], // unique local
  ['fe80::', 10], // link-local
  ['fec0::', 10], // site-local (deprecated)
  ['ff00::', 8], // multicast
] as const)
  NOT_PUBLIC_V6.addSubnet(net, prefix, 'ipv6');

/** Whether `address` (an IP address) may be connected to; anything not an IP address may not. */
export function addressAllowed(address: string, allowed: readonly string[] = []): boolean {
  const bare = address.replace(/^\[|\]$/g, '').toLowerCase();
  const family = isIP(bare);
  if (family === 0) return false;
  if (allowed.some((a) => a.toLowerCase() === bare)) return true;
  return family === 4 ? !NOT_PUBLIC_V4.check(bare, 'ipv4') : !NOT_PUBLIC_V6.check(bare, 'ipv6');
}

/** Whether `host` is one of `suffixes` or a name under one (`f21-zpc.zdn.vn` under `zdn.vn`). */
export function hostAllowed(host: string, suffixes: readonly string[]): boolean {
  const name = host.replace(/^\[|\]$/g, '').replace(/\.$/, '').toLowerCase();
  return suffixes.some((s) => {
    const suffix = s.toLowerCase();
    return name === suffix || (isIP(name) === 0 && name.endsWith(`.${suffix}`));
  });
}
