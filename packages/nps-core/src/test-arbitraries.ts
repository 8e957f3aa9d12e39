// Shared fast-check arbitraries for the tests (not part of the published build).
import fc from 'fast-check';
import type { NpsCounts } from './counts.js';

const count = fc.oneof(fc.nat({ max: 30 }), fc.nat({ max: 1000 }), fc.nat({ max: 100_000 }));

export const countsArb: fc.Arbitrary<NpsCounts> = fc.record({ promoters: count, passives: count, detractors: count });
