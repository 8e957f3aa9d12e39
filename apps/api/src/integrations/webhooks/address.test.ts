import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assertAllowedHost, classifyAddress, isAllowedAddress, type NetworkPolicy } from './address.js';

const production: NetworkPolicy = { allowPrivateNetworks: false, allowLoopback: false };
const development: NetworkPolicy = { allowPrivateNetworks: false, allowLoopback: true };
const allowAll: NetworkPolicy = { allowPrivateNetworks: true, allowLoopback: false };

describe('the webhook address classifier', () => {
  it.each([
    ['8.8.8.8', 'public'],
    ['1.1.1.1', 'public'],
    ['93.184.216.34', 'public'],
    ['127.0.0.1', 'loopback'],
    ['127.255.255.254', 'loopback'],
    ['10.0.0.1', 'private'],
    ['10.255.255.255', 'private'],
    ['172.16.0.1', 'private'],
    ['172.31.255.255', 'private'],
    ['172.32.0.1', 'public'],
    ['192.168.1.10', 'private'],
    ['169.254.169.254', 'link-local'],
    ['100.64.0.1', 'cgnat'],
    ['100.127.255.255', 'cgnat'],
    ['100.128.0.1', 'public'],
    ['0.0.0.0', 'reserved'],
    ['224.0.0.1', 'multicast'],
    ['239.255.255.250', 'multicast'],
    ['255.255.255.255', 'reserved'],
    ['198.18.0.1', 'reserved'],
    ['::1', 'loopback'],
    ['::', 'reserved'],
    ['fe80::1', 'link-local'],
    ['fc00::1', 'unique-local'],
    ['fd12:3456:789a::1', 'unique-local'],
    ['ff02::1', 'multicast'],
    ['2001:db8::1', 'reserved'],
    ['2606:4700:4700::1111', 'public'],
    ['::ffff:127.0.0.1', 'loopback'],
    ['::ffff:10.1.2.3', 'private'],
    ['::ffff:a9fe:a9fe', 'link-local'],
    ['::ffff:8.8.8.8', 'public'],
    ['[::1]', 'loopback'],
  ])('%s is %s', (address, kind) => {
    expect(classifyAddress(address)).toBe(kind);
  });

  it('refuses everything but public addresses in production, allows loopback in development, everything when told', () => {
    expect(isAllowedAddress('8.8.8.8', production)).toBe(true);
    for (const a of ['127.0.0.1', '::1', '10.0.0.1', '169.254.169.254', 'fd00::1']) expect(isAllowedAddress(a, production), a).toBe(false);
    expect(isAllowedAddress('127.0.0.1', development)).toBe(true);
    expect(isAllowedAddress('10.0.0.1', development)).toBe(false);
    expect(isAllowedAddress('10.0.0.1', allowAll)).toBe(true);
  });

  it('classes every 10/8, 172.16/12, 192.168/16, 127/8 and 169.254/16 address as not public, and their IPv4-mapped forms the same', () => {
    const byte = fc.integer({ min: 0, max: 255 });
    const inRange = fc.oneof(
      fc.tuple(byte, byte, byte).map(([b, c, d]) => [`10.${b}.${c}.${d}`, 'private']),
      fc.tuple(fc.integer({ min: 16, max: 31 }), byte, byte).map(([b, c, d]) => [`172.${b}.${c}.${d}`, 'private']),
      fc.tuple(byte, byte).map(([c, d]) => [`192.168.${c}.${d}`, 'private']),
      fc.tuple(byte, byte, byte).map(([b, c, d]) => [`127.${b}.${c}.${d}`, 'loopback']),
      fc.tuple(byte, byte).map(([c, d]) => [`169.254.${c}.${d}`, 'link-local']),
      fc.tuple(fc.integer({ min: 64, max: 127 }), byte, byte).map(([b, c, d]) => [`100.${b}.${c}.${d}`, 'cgnat']),
    );
    fc.assert(
      fc.property(inRange, ([address, kind]) => {
        expect(classifyAddress(address)).toBe(kind);
        expect(classifyAddress(`::ffff:${address}`)).toBe(kind);
        expect(isAllowedAddress(address, production)).toBe(false);
      }),
    );
  });

  it('checks every address a name resolves to, so one private address among public ones is refused (DNS rebinding)', async () => {
    const url = new URL('https://hooks.example.com/in');
    await expect(assertAllowedHost(url, production, async () => [{ address: '93.184.216.34' }])).resolves.toEqual(['93.184.216.34']);
    await expect(assertAllowedHost(url, production, async () => [{ address: '93.184.216.34' }, { address: '10.0.0.5' }])).rejects.toThrow(/private address \(10\.0\.0\.5\)/);
    await expect(assertAllowedHost(url, production, async () => [{ address: '169.254.169.254' }])).rejects.toThrow(/link-local/);
    await expect(assertAllowedHost(url, production, async () => Promise.reject(new Error('ENOTFOUND')))).rejects.toThrow(/does not resolve/);
    await expect(assertAllowedHost(new URL('https://[::1]:8443/'), production)).rejects.toThrow(/loopback/);
  });
});
