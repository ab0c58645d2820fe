import { BlockList, isIP } from 'node:net';
import { lookup } from 'node:dns/promises';
import type { LookupFunction } from 'node:net';

/** Addresses a webhook must never reach on its own: loopback, private, link-local, CGNAT, multicast, unspecified. */
const blocked = new BlockList();
for (const [net, bits] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const)
  blocked.addSubnet(net, bits, 'ipv4');
for (const [net, bits] of [
  ['::', 128],
  ['::1', 128],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
] as const)
  blocked.addSubnet(net, bits, 'ipv6');

/**
 * IPv6 ranges that carry an IPv4 address inside (the last 32 bits unless said otherwise): a gateway
 * or the host's own stack may deliver them to that IPv4 address, so they are judged by it.
 * IPv4-mapped ::ffff:0:0/96 is among them; BlockList alone does not know the others.
 */
const EMBEDDING_IPV4: { prefix: number[]; at: number }[] = [
  { prefix: [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0], at: 12 }, // IPv4-compatible ::/96 (includes :: and ::1)
  { prefix: [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff], at: 12 }, // IPv4-mapped ::ffff:0:0/96
  { prefix: [0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff, 0, 0], at: 12 }, // IPv4-translated ::ffff:0:0:0/96
  { prefix: [0, 0x64, 0xff, 0x9b, 0, 0, 0, 0, 0, 0, 0, 0], at: 12 }, // NAT64 64:ff9b::/96
  { prefix: [0x20, 0x02], at: 2 }, // 6to4 2002::/16: the IPv4 address follows the prefix
];
/** Ranges whose IPv4 address is not at a fixed place (local NAT64) or is obscured (Teredo): refused whole. */
const OPAQUE_TUNNELS: number[][] = [
  [0, 0x64, 0xff, 0x9b, 0, 1], // NAT64 local use 64:ff9b:1::/48
  [0x20, 0x01, 0, 0], // Teredo 2001::/32
];

/** Loopback, private and the like, also when an IPv6 address carries one of them as IPv4 inside. */
export function isPrivateAddress(address: string): boolean {
  if (isIP(address) !== 6) return blocked.check(address, 'ipv4');
  const bytes = ipv6Bytes(address);
  const startsWith = (prefix: number[]) => prefix.every((b, i) => bytes[i] === b);
  if (OPAQUE_TUNNELS.some(startsWith)) return true;
  const embedding = EMBEDDING_IPV4.find((e) => startsWith(e.prefix));
  if (embedding)
    return (
      blocked.check(bytes.slice(embedding.at, embedding.at + 4).join('.'), 'ipv4') || blocked.check(address, 'ipv6')
    );
  return blocked.check(address, 'ipv6');
}

/** The 16 bytes of a valid IPv6 address (also with `::` and a dotted IPv4 tail). */
function ipv6Bytes(address: string): number[] {
  const groups = (part: string) =>
    part
      .split(':')
      .filter(Boolean)
      .flatMap((g) => {
        if (g.includes('.')) {
          const [a, b, c, d] = g.split('.').map(Number) as [number, number, number, number];
          return [(a << 8) | b, (c << 8) | d];
        }
        return [parseInt(g, 16)];
      });
  const [head = '', tail] = address.replace(/%.*$/, '').split('::');
  const front = groups(head);
  const back = tail === undefined ? [] : groups(tail);
  const words = [...front, ...Array<number>(8 - front.length - back.length).fill(0), ...back];
  return words.flatMap((w) => [w >> 8, w & 0xff]);
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
      if (isPrivateAddress(address) && !allowed(host, address))
        throw new UnsafeDestination(`${host} wijst naar een intern adres (${address})`);
    }
  }
  const safeLookup: LookupFunction = (hostname, options, callback) => {
    lookup(hostname, { ...options, all: true }).then(
      (list) => {
        const bad = list.find((a) => isPrivateAddress(a.address) && !allowed(hostname, a.address));
        if (bad)
          return callback(new UnsafeDestination(`${hostname} wijst naar een intern adres (${bad.address})`), '', 4);
        if ((options as { all?: boolean }).all)
          return (callback as unknown as (e: null, a: typeof list) => void)(null, list);
        return callback(null, list[0]!.address, list[0]!.family);
      },
      (err: NodeJS.ErrnoException) => callback(err, '', 4),
    );
  };
  return { assertSafe, lookup: safeLookup };
}
export type SsrfGuard = ReturnType<typeof createSsrfGuard>;

export const parseAllowedHosts = (list: string) =>
  new Set(
    list
      .split(',')
      .map((h) => h.trim().toLowerCase())
      .filter(Boolean),
  );
