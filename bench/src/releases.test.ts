import { describe, expect, it } from 'vitest';
import { releaseExact } from './releases.js';

const counts = (responses: number, promoters: number, passives: number, detractors: number) => ({ responses, promoters, passives, detractors });

describe('releaseExact', () => {
  it('holds when the whole-wave group equals the recount of the answers and none is left', () => {
    expect(releaseExact({ answers: counts(40, 20, 12, 8), released: counts(40, 20, 12, 8), left: 0 }, 5)).toBe(true);
  });

  it('fails when a count differs, or answers were left behind', () => {
    expect(releaseExact({ answers: counts(40, 20, 12, 8), released: counts(40, 21, 11, 8), left: 0 }, 5)).toBe(false);
    expect(releaseExact({ answers: counts(40, 20, 12, 8), released: counts(40, 20, 12, 8), left: 40 }, 5)).toBe(false);
  });

  it('accepts a hidden whole wave only below k answers', () => {
    expect(releaseExact({ answers: counts(4, 2, 1, 1), released: null, left: 0 }, 5)).toBe(true);
    expect(releaseExact({ answers: counts(40, 20, 12, 8), released: null, left: 0 }, 5)).toBe(false);
  });
});
