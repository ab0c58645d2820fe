import { BlockList, isIP } from 'node:net';
import { lookup } from 'node:dns/promises';
import type { LookupFunction } from 'node:net';

/** Addresses a webhook must never reach on its own: loopback, private, link-local, CGNAT, multicast, unspecified. */
const blocked = new BlockList();
for (const [net, bits] of [['0.0.0.0', 8], ['10.0.0.0', 8], ['100.64.0.0', 10], ['127.0.0.0', 8], ['169.254.0.0', 16], ['172.16.0.0', 12], ['192.0.0.0', 24], ['192.168.0.0', 16], ['198.18.0.0', 15], ['224.0.0.0', 4], ['240.0.0.0', 4]] as const) blocked.addSubnet(net, bits, 'ipv4');
for (const [net, bits] of [['::', 128], ['::1', 128], ['fc00::', 7], ['fe80::', 10], ['ff00::', 8]] as const) blocked.addSubnet(net, bits, 'ipv6');

/** IPv4-mapped IPv6 (::ffff:127.0.0.1) is judged by its IPv4 address. */
export function isPrivateAddress(address: string): boolean {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)?.[1];
  if (mapped) return blocked.check(mapped, 'ipv4');
  return blocked.check(address, isIP(address) === 6 ? 'ipv6' : 'ipv4');
}

export class UnsafeDestination extends Error {}

/**
 * Resolves a webhook host and refuses private, loopback and link-local addresses unless ops put the
 * host (or the address) on the allow-list. The same check runs again as the connection's DNS lookup,
 * so a name that changes its address between check and connect (DNS rebinding) is still refused.
 */
export function createSsrfGuard(allowedHosts: ReadonlySet<string>) {
  const allowed = (host: string, address: string) => allowedHosts.has(host.toLowerCase()) || allowedHosts.has(address);
  async function assertSafe(url: URL): Promise<void> {
    const host = url.hostname.replace(/^\[|\]$/g, '');
    const addresses = isIP(host) ? [{ address: host }] : await lookup(host, { all: true });
    for (const { address } of addresses) {
      if (isPrivateAddress(address) && !allowed(host, address)) throw new UnsafeDestination(`${host} wijst naar een intern adres (${address})`);
    }
  }
  const safeLookup: LookupFunction = (hostname, options, callback) => {
    lookup(hostname, { ...options, all: true }).then((list) => {
      const bad = list.find((a) => isPrivateAddress(a.address) && !allowed(hostname, a.address));
      if (bad) return callback(new UnsafeDestination(`${hostname} wijst naar een intern adres (${bad.address})`), '', 4);
      if ((options as { all?: boolean }).all) return (callback as unknown as (e: null, a: typeof list) => void)(null, list);
      return callback(null, list[0]!.address, list[0]!.family);
    }, (err: NodeJS.ErrnoException) => callback(err, '', 4));
  };
  return { assertSafe, lookup: safeLookup };
}
export type SsrfGuard = ReturnType<typeof createSsrfGuard>;

export const parseAllowedHosts = (list: string) => new Set(list.split(',').map((h) => h.trim().toLowerCase()).filter(Boolean));
