import { lookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';

/**
 * The SSRF guard of outgoing webhooks: where a URL's host resolves, and whether Tandem may call it.
 * Private, loopback, link-local (cloud metadata at 169.254.169.254), CGNAT, multicast, reserved and
 * unique-local IPv6 addresses are refused, unless WEBHOOK_ALLOW_PRIVATE_NETWORKS=true; in
 * development and test loopback is allowed, so a receiver on the developer's machine works. The
 * check runs at registration and again before every request (a name may resolve elsewhere later).
 */
export type AddressClass = 'public' | 'loopback' | 'private' | 'link-local' | 'cgnat' | 'multicast' | 'reserved' | 'unique-local';

const V4: [string, number, AddressClass][] = [
  ['0.0.0.0', 8, 'reserved'],
  ['10.0.0.0', 8, 'private'],
  ['100.64.0.0', 10, 'cgnat'],
  ['127.0.0.0', 8, 'loopback'],
  ['169.254.0.0', 16, 'link-local'],
  ['172.16.0.0', 12, 'private'],
  ['192.0.0.0', 24, 'reserved'],
  ['192.0.2.0', 24, 'reserved'],
  ['192.168.0.0', 16, 'private'],
  ['198.18.0.0', 15, 'reserved'],
  ['198.51.100.0', 24, 'reserved'],
  ['203.0.113.0', 24, 'reserved'],
  ['224.0.0.0', 4, 'multicast'],
  ['240.0.0.0', 4, 'reserved'],
];
const V6: [string, number, AddressClass][] = [
  ['::', 128, 'reserved'],
  ['::1', 128, 'loopback'],
  ['64:ff9b::', 96, 'reserved'],
  ['100::', 64, 'reserved'],
  ['2001:db8::', 32, 'reserved'],
  ['fc00::', 7, 'unique-local'],
  ['fe80::', 10, 'link-local'],
  ['fec0::', 10, 'reserved'],
  ['ff00::', 8, 'multicast'],
];

const lists = new Map<AddressClass, BlockList>();
for (const [network, prefix, kind] of V4) (lists.get(kind) ?? lists.set(kind, new BlockList()).get(kind)!).addSubnet(network, prefix, 'ipv4');
for (const [network, prefix, kind] of V6) (lists.get(kind) ?? lists.set(kind, new BlockList()).get(kind)!).addSubnet(network, prefix, 'ipv6');

/** What kind of address an IP literal is; an IPv4-mapped IPv6 address (::ffff:a.b.c.d) is its IPv4 address. */
export function classifyAddress(address: string): AddressClass {
  const ip = address.replace(/^\[|\]$/g, '');
  const version = isIP(ip);
  if (version === 0) throw new Error(`Not an IP address: ${address}`);
  if (version === 6) {
    const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
    if (mapped) return classifyAddress(mapped[1]);
    const hex = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/i.exec(ip);
    if (hex) {
      const [a, b] = [parseInt(hex[1], 16), parseInt(hex[2], 16)];
      return classifyAddress(`${a >> 8}.${a & 255}.${b >> 8}.${b & 255}`);
    }
  }
  const family = version === 4 ? 'ipv4' : 'ipv6';
  for (const [kind, list] of lists) if (list.check(ip, family)) return kind;
  return 'public';
}

export interface NetworkPolicy {
  /** WEBHOOK_ALLOW_PRIVATE_NETWORKS=true: every address is allowed. */
  allowPrivateNetworks: boolean;
  /** development and test: loopback is allowed (a local receiver). */
  allowLoopback: boolean;
}

export function networkPolicyOf(config: { env: string; webhookAllowPrivateNetworks: boolean }): NetworkPolicy {
  return { allowPrivateNetworks: config.webhookAllowPrivateNetworks, allowLoopback: config.env !== 'production' };
}

export function isAllowedAddress(address: string, policy: NetworkPolicy): boolean {
  if (policy.allowPrivateNetworks) return true;
  const kind = classifyAddress(address);
  return kind === 'public' || (kind === 'loopback' && policy.allowLoopback);
}

export class RefusedAddressError extends Error {
  constructor(readonly host: string, readonly reason: string) {
    super(`${host}: ${reason}`);
    this.name = 'RefusedAddressError';
  }
}

export type Resolver = (host: string) => Promise<{ address: string }[]>;
const systemResolver: Resolver = (host) => lookup(host, { all: true, verbatim: true });

/**
 * Resolves a URL's host (every address it has) and refuses it when any address is not allowed,
 * or when it does not resolve. Answers the addresses.
 */
export async function assertAllowedHost(url: URL, policy: NetworkPolicy, resolve: Resolver = systemResolver): Promise<string[]> {
  const host = url.hostname.replace(/^\[|\]$/g, '');
  let addresses: string[];
  if (isIP(host)) addresses = [host];
  else {
    try {
      addresses = (await resolve(host)).map((a) => a.address);
    } catch {
      throw new RefusedAddressError(host, 'the host name does not resolve');
    }
    if (addresses.length === 0) throw new RefusedAddressError(host, 'the host name does not resolve');
  }
  const refused = addresses.find((a) => !isAllowedAddress(a, policy));
  if (refused) throw new RefusedAddressError(host, `resolves to a ${classifyAddress(refused)} address (${refused}), which webhooks may not call`);
  return addresses;
}
