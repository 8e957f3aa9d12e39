import { randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { openSecret, openWithKeyring, sealSecret } from './secret-box.js';

const [a, b, c, d] = Array.from({ length: 4 }, () => randomBytes(32));

describe('secret box keyring', () => {
  it('opens with the current key, else a previous one (stale: to seal again), and refuses under no key or another context', () => {
    const underB = sealSecret(b, 'JBSWY3DPEHPK3PXP', 'totp:u1');
    expect(openWithKeyring({ current: b, previous: [a] }, underB, 'totp:u1')).toEqual({ plain: 'JBSWY3DPEHPK3PXP', stale: false });
    const underA = sealSecret(a, 'JBSWY3DPEHPK3PXP', 'totp:u1');
    expect(openWithKeyring({ current: b, previous: [c, a] }, underA, 'totp:u1')).toEqual({ plain: 'JBSWY3DPEHPK3PXP', stale: true });
    expect(() => openWithKeyring({ current: b, previous: [] }, underA, 'totp:u1')).toThrow(/no key of the keyring \(1\)/);
    expect(() => openWithKeyring({ current: b, previous: [c] }, underA, 'totp:u1')).toThrow(/no key/);
    expect(() => openWithKeyring({ current: b, previous: [a] }, underA, 'totp:u2')).toThrow(/no key/);
    // Stored before encryption: read as it is, and stale.
    expect(openWithKeyring({ current: b, previous: [] }, 'JBSWY3DPEHPK3PXP', 'totp:u1')).toEqual({ plain: 'JBSWY3DPEHPK3PXP', stale: true });
  });

  it('refuses a sealed value whose tag was shortened', () => {
    const sealed = sealSecret(a, 'secret', 'ctx');
    const short = sealed.replace(/:[^:]+$/, (tag) => ':' + Buffer.from(tag.slice(1), 'base64url').subarray(0, 4).toString('base64url'));
    expect(() => openSecret(a, short, 'ctx')).toThrow();
  });

  it('opens what any key of the ring sealed, stale unless the current one did, and nothing a key outside it sealed', () => {
    const ring = [a, b, c];
    fc.assert(
      fc.property(fc.string(), fc.string(), fc.nat({ max: 2 }), fc.integer({ min: -1, max: 2 }), (plain, context, current, sealer) => {
        const keyring = { current: ring[current], previous: ring.filter((_, i) => i !== current) };
        const key = sealer < 0 ? d : ring[sealer];
        const stored = sealSecret(key, plain, context);
        if (sealer < 0) {
          expect(() => openWithKeyring(keyring, stored, context)).toThrow();
          return;
        }
        expect(openWithKeyring(keyring, stored, context)).toEqual({ plain, stale: sealer !== current });
        expect(() => openWithKeyring(keyring, stored, context + '!')).toThrow();
      }),
      { numRuns: 200 },
    );
  });
});
